// `npm start`: the notebooks, live. Generates the fraud example's data when it
// is missing (with its own generator — data is never fetched), puts the
// library bundle, vega and DuckDB-WASM's files beside the pages, then runs the
// same preview as `featurebook notebook notebooks` (src/notebook/node.ts):
// Framework's preview behind a proxy on 127.0.0.1 that saves edited pages.
//
//   npm start                       (node scripts/build.mjs && node scripts/start.mjs)
//   PORT=4000 npm start             another port
//   HOST=… npm start                another address (saving then stays off: it needs loopback)
//
// The preview reloads pages as they are edited or saved; after changing src/,
// run `node scripts/build.mjs` again (and reload) to refresh the library.
import { join } from 'node:path';
import { notebooks, prepareNotebooks, root } from './prepare-notebooks.mjs';

await prepareNotebooks();
const { startPreview } = await import(join(root, 'dist/notebook.js'));
const preview = await startPreview(notebooks, { port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '127.0.0.1', quiet: true });
const u = preview.url;
process.stdout.write(`\nFeaturebook notebooks: ${u}\n  playground ${u}playground · report ${u}report · model ${u}model · drift ${u}drift · your data ${u}your-data\n\n`);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => preview.close().then(() => process.exit(0)));
