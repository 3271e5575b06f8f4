// Bundles the library: the CLI for Node (dist/cli.js) and the isomorphic
// library for the browser (dist/featurebook.browser.js), which notebook pages import.
import { build } from 'esbuild';
import { copyFileSync, existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const jobs = [];
jobs.push(
  build({
    entryPoints: [root + 'src/cli/main.ts'],
    outfile: root + 'dist/cli.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  }),
);
if (existsSync(root + 'src/browser.ts')) {
  jobs.push(
    build({
      entryPoints: [root + 'src/browser.ts'],
      outfile: root + 'dist/featurebook.browser.js',
      bundle: true,
      platform: 'browser',
      format: 'esm',
      target: 'es2022',
      sourcemap: false,
      minify: true,
      logLevel: 'warning',
    }),
  );
}
// The notebook machinery for Node (`featurebook new|notebook|site`, scripts/build-site.mjs) and
// the files a notebook site serves from `_fb/`: vega, the inputs library, the runtime's glue.
jobs.push(
  build({
    entryPoints: [root + 'src/notebook/node.ts'],
    outfile: root + 'dist/notebook.js',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  }),
  build({
    stdin: { contents: `export * as vega from 'vega';\nexport * as vegaLite from 'vega-lite';\nexport { default as vegaEmbed } from 'vega-embed';\n`, resolveDir: root, loader: 'js' },
    outfile: root + 'dist/fb/vega.js',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  }),
  build({
    stdin: { contents: `export * as Inputs from '@observablehq/inputs';\nexport { html, svg } from 'htl';\n`, resolveDir: root, loader: 'js' },
    outfile: root + 'dist/fb/inputs.js',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  }),
);
await Promise.all(jobs);
copyFileSync(root + 'src/notebook/assets/notebook.js', root + 'dist/fb/notebook.js');
copyFileSync(root + 'notebooks/npm-cache-stubs.json', root + 'dist/fb/npm-cache-stubs.json');
