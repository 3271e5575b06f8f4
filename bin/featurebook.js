#!/usr/bin/env node
// The CLI is bundled to dist/ by `npm install` (the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write('featurebook: dist/cli.js is missing; run `npm install` (or `npm run build:lib`) in the featurebook folder first\n');
  process.exit(2);
}
// DuckDB holds a libuv pool thread per running statement; `serve` runs several at once (its query
// lanes), so it gets a larger pool — set before node starts, hence the one re-run of this script.
const argv = process.argv.slice(2);
if (argv[0] === 'serve' && !process.env.UV_THREADPOOL_SIZE) {
  const flag = argv.findIndex((a) => a === '--query-concurrency' || a.startsWith('--query-concurrency='));
  const lanes = Number(flag < 0 ? 2 : argv[flag].includes('=') ? argv[flag].split('=')[1] : argv[flag + 1]) || 2;
  const env = { ...process.env, UV_THREADPOOL_SIZE: String(Math.min(1024, lanes + 8)) };
  const args = [...process.execArgv, fileURLToPath(import.meta.url), ...argv];
  if (typeof process.execve === 'function') process.execve(process.execPath, [process.execPath, ...args], env);
  const { spawn } = await import('node:child_process');
  // Without execve (node < 23.11): a child, which stops when this process goes (the IPC channel closes).
  const child = spawn(process.execPath, args, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
} else {
  if (process.send) {
    process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    process.channel?.unref();
  }
  const { main } = await import(cli.href);
  process.exitCode = await main(argv);
}
