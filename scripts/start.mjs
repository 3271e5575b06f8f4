// `npm start`: the notebooks, live. Generates the fraud example's data when it
// is missing (with its own generator — data is never fetched), puts the
// library bundle, vega and DuckDB-WASM's files beside the pages, then runs
// Observable Framework's preview server on 127.0.0.1 and prints its URL.
//
//   npm start                       (node scripts/build.mjs && node scripts/start.mjs)
//   PORT=4000 npm start             another port (Framework takes the next free one if busy)
//   OPEN=1 npm start                also open a browser
//
// The preview reloads pages as they are edited; after changing src/, run
// `node scripts/build.mjs` again (and reload) to refresh lib/featurebook.js.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { notebooks, prepareNotebooks, root } from './prepare-notebooks.mjs';

await prepareNotebooks();
const bin = join(root, 'node_modules/@observablehq/framework/dist/bin/observable.js');
const args = [bin, 'preview', '--host', process.env.HOST ?? '127.0.0.1', '--port', process.env.PORT ?? '3000'];
if (!process.env.OPEN) args.push('--no-open');
const child = spawn(process.execPath, args, {
  cwd: notebooks,
  env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: '1' },
  stdio: ['inherit', 'pipe', 'inherit'],
});
let announced = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const m = !announced && /(http:\/\/127\.0\.0\.1:\d+\/|http:\/\/[^\s]+:\d+\/)/.exec(String(chunk).replace(/\x1b\[[0-9;]*m/g, ''));
  if (m) {
    announced = true;
    process.stdout.write(`\nFeaturebook notebooks: ${m[1]}\n  playground ${m[1]}playground · report ${m[1]}report · model ${m[1]}model · drift ${m[1]}drift · your data ${m[1]}your-data\n\n`);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
