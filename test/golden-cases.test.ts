/**
 * Golden files per construct: each `test/golden/cases/NAME.fdl` has three
 * snapshots beside it — `NAME.native.sql` and `NAME.wasm.sql` (every object's
 * SQL for native DuckDB and DuckDB-WASM) and `NAME.diagnostics.txt` (what
 * `featurebook check` prints, and its exit code). `test/golden/bad-messages/`
 * holds the inputs of test/bad-error-messages.md, with their diagnostics.
 *
 * A missing snapshot is written (and fails under CI); a mismatch fails and
 * writes `NAME.KIND-changed.EXT` beside it for review — copy it over the
 * snapshot when the change is intended.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadProject } from '../src/project.js';
import { compileObjects } from '../src/compile/emit-sql.js';
import { duckdb, duckdbWasm } from '../src/compile/dialect.js';
import { main } from '../src/cli/main.js';
import { NodeEngine } from './helpers.js';

const root = new URL('..', import.meta.url).pathname;
const casesDir = join(root, 'test/golden/cases');
const badDir = join(root, 'test/golden/bad-messages');
const fdlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.fdl'))
    .sort();

/** Compares `text` with the snapshot `dir/name.ext`; returns the problem, if any. */
function snapshot(dir: string, name: string, ext: string, text: string): string | undefined {
  const path = join(dir, `${name}.${ext}`);
  if (!existsSync(path)) {
    writeFileSync(path, text);
    return process.env.CI ? `missing snapshot ${relative(root, path)} (written; commit it)` : undefined;
  }
  if (readFileSync(path, 'utf8') === text) return undefined;
  const changed = `${name}.${ext.replace(/\.(\w+)$/, '-changed.$1')}`;
  writeFileSync(join(dir, changed), text);
  return `${relative(root, path)} differs; see ${changed}`;
}

/** `featurebook check FILE` as a user runs it from the repository root: its output and exit code. */
async function checkOutput(file: string): Promise<string> {
  let out = '';
  const code = await main(['check', relative(root, file)], { out: (s) => (out += s), err: (s) => (out += s), isTTY: false });
  // Engine messages may name absolute paths: shown from the repository root, so snapshots do not depend on the checkout.
  return `${out.replaceAll(root, '')}(exit ${code})\n`;
}

let engine: NodeEngine;
before(async () => {
  engine = await NodeEngine.create({ threads: 1 });
});
after(async () => {
  await engine.close();
});

for (const f of fdlFiles(casesDir)) {
  const name = f.slice(0, -'.fdl'.length);
  test(`golden case: ${f}`, async () => {
    const file = join(casesDir, f);
    const p = await loadProject(readFileSync(file, 'utf8'), { file, engine });
    const problems: string[] = [];
    for (const [kind, dialect] of [
      ['native', duckdb],
      ['wasm', duckdbWasm],
    ] as const) {
      let text = '-- not compiled: the program has errors\n';
      if (p.plan) {
        // Paths relative to the repository, so snapshots do not depend on where the checkout lives.
        const sql = compileObjects(p.plan, { dialect, resolvePath: (x) => relative(root, x), asOf: '2024-01-06T00:00:00Z' });
        text = Object.entries(sql)
          .map(([object, s]) => `-- ${object}\n${s};\n`)
          .join('\n');
      }
      problems.push(snapshot(casesDir, name, `${kind}.sql`, text) ?? '');
    }
    problems.push(snapshot(casesDir, name, 'diagnostics.txt', await checkOutput(file)) ?? '');
    assert.deepEqual(problems.filter(Boolean), []);
  });
}

test('golden cases: no stale snapshots (each belongs to a case)', () => {
  const cases = new Set(fdlFiles(casesDir).map((f) => f.slice(0, -'.fdl'.length)));
  const stale = readdirSync(casesDir).filter((f) => /\.(native|wasm)\.sql$|\.diagnostics\.txt$/.test(f) && !cases.has(f.replace(/\.(native|wasm|diagnostics)\.\w+$/, '')));
  assert.deepEqual(stale, []);
});

// test/bad-error-messages.md lists poor messages; each entry names its case file, whose input must be the entry's.
const entries = readFileSync(join(root, 'test/bad-error-messages.md'), 'utf8')
  .split(/^## /m)
  .slice(1)
  .map((section) => ({
    title: section.split('\n')[0]!,
    input: /```fdl\n([\s\S]*?)```/.exec(section)?.[1],
    file: /Case: `test\/golden\/bad-messages\/([\w-]+\.fdl)`/.exec(section)?.[1],
  }));

test('bad-error-messages.md: every entry has its input and a case file holding exactly it', () => {
  for (const e of entries) {
    assert.ok(e.input && e.file, `entry '${e.title}' needs an fdl block and a 'Case:' line`);
    assert.equal(readFileSync(join(badDir, e.file), 'utf8'), e.input, `test/golden/bad-messages/${e.file} differs from the entry '${e.title}'`);
  }
  assert.deepEqual(entries.map((e) => e.file).sort(), fdlFiles(badDir), 'every case file has an entry');
});

for (const f of fdlFiles(badDir)) {
  test(`known poor message, as it reads today: ${f}`, async () => {
    const problem = snapshot(badDir, f.slice(0, -'.fdl'.length), 'diagnostics.txt', await checkOutput(join(badDir, f)));
    assert.equal(problem, undefined);
  });
}
