export const MODE = "static";
