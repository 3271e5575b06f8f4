// Bundles the library: the CLI for Node (dist/cli.js) and the isomorphic
// library for the browser (dist/featurebook.browser.js), which notebook pages import.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

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
await Promise.all(jobs);
