// Runs every test/**/*.test.ts with node's built-in runner (through tsx).
// Tests run in a zone away from UTC so that a timestamp depending on the machine's zone fails them (every timestamp is UTC).
// `node test/run.mjs [filter...]` runs only files whose path contains a filter.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.ts')) files.push(relative(root, p));
  }
})(join(root, 'test'));
if (!process.env.FEATUREBOOK_SKIP_DEPS) {
  const deps = spawnSync('bash', [join(root, 'scripts/ensure-test-deps.sh')], { stdio: 'inherit' });
  if (deps.status !== 0) process.exit(deps.status ?? 1);
}
const chosen = filters.length ? files.filter((f) => filters.some((x) => f.includes(x))) : files;
if (!chosen.length) {
  console.error('no test files matched');
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...chosen],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'America/Los_Angeles' } },
);
process.exit(r.status ?? 1);
