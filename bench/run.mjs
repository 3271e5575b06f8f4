// Runs every benchmark: each bench/<name>/run.mjs (node) or run.ts (node --import tsx),
// one after the other, in name order. Each writes bench/results/<name>-<date>.json and .md.
//
//   node bench/run.mjs                      all of them (npm run bench)
//   node bench/run.mjs pit serve            only those whose name contains a filter
//   node bench/run.mjs pit -- --runs 5      arguments after `--` go to every chosen bench
//   node bench/run.mjs --list               names only
//
// Benchmarks are heavy: run them on a quiet machine, and one at a time.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bench = join(root, 'bench');
const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const own = dash < 0 ? argv : argv.slice(0, dash);
const passed = dash < 0 ? [] : argv.slice(dash + 1);
const list = own.includes('--list');
const filters = own.filter((a) => !a.startsWith('--'));

const found = [];
for (const name of readdirSync(bench).sort()) {
  const dir = join(bench, name);
  if (name === 'data' || name === 'results' || name.startsWith('.') || !statSync(dir).isDirectory()) continue;
  const entry = ['run.mjs', 'run.ts'].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (entry) found.push({ name, entry });
}
const chosen = filters.length ? found.filter((b) => filters.some((f) => b.name.includes(f))) : found;
if (list) {
  for (const b of found) console.log(b.name);
  process.exit(0);
}
if (!chosen.length) {
  console.error(`no benchmark matched${filters.length ? ` ${filters.join(', ')}` : ''}; found: ${found.map((b) => b.name).join(', ') || 'none'}`);
  process.exit(1);
}

const results = [];
for (const b of chosen) {
  const args = b.entry.endsWith('.ts') ? ['--import', 'tsx', b.entry, ...passed] : [b.entry, ...passed];
  console.error(`\n=== bench/${b.name} (${b.entry.slice(root.length)}) ===`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  const seconds = (performance.now() - t0) / 1000;
  results.push({ name: b.name, status: r.status ?? 1, seconds });
}
console.error('\n=== benchmarks ===');
for (const r of results) console.error(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${r.name.padEnd(12)} ${r.seconds.toFixed(1)}s${r.status === 0 ? '' : ` (exit ${r.status})`}`);
process.exit(results.every((r) => r.status === 0) ? 0 : 1);
