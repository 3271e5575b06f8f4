/**
 * The published package carries what `featurebook new|notebook|site` need
 * outside the repository: the CLI, the notebook machinery and every file a
 * site's `_fb/` is made from; Framework and DuckDB-WASM are dependencies
 * (nothing is fetched at run time).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../..', import.meta.url).pathname;

test('npm pack includes the notebook machinery; its runtime packages are dependencies', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = new Set((JSON.parse(r.stdout)[0].files as { path: string }[]).map((f) => f.path));
  for (const f of ['bin/featurebook.js', 'dist/cli.js', 'dist/notebook.js', 'dist/featurebook.browser.js', 'dist/fb/notebook.js', 'dist/fb/vega.js', 'dist/fb/inputs.js', 'dist/fb/npm-cache-stubs.json']) assert.ok(files.has(f), `${f} is packed`);
  assert.ok(![...files].some((f) => f.startsWith('notebooks/') || f.startsWith('test/')), 'no site sources or tests');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const d of ['@observablehq/framework', '@duckdb/duckdb-wasm', '@duckdb/node-api', 'hyparquet-writer']) assert.ok(pkg.dependencies[d], `${d} is a dependency`);
});
