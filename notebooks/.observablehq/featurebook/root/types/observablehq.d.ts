// The part of Observable Framework's standard library that components use.
declare module 'observablehq:stdlib' {
  interface AttachedFile {
    readonly href: string;
    text(): Promise<string>;
    json(): Promise<any>;
    arrayBuffer(): Promise<ArrayBuffer>;
  }
  export function FileAttachment(name: string): AttachedFile;
}
