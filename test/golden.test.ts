/**
 * Golden SQL: every object of every example compiles to a checked-in
 * snapshot in test/golden/<example>/<object>.sql. A missing snapshot is
 * written (and fails under CI); a mismatch fails and writes
 * `<object>-changed.sql` beside it for review — copy it over the snapshot
 * when the change is intended.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadProject } from '../src/project.js';
import { compileObjects } from '../src/compile/emit-sql.js';

const root = new URL('..', import.meta.url).pathname;
const examples = readdirSync(join(root, 'examples'), { withFileTypes: true }).filter((d) => d.isDirectory());

for (const ex of examples) {
  const dir = join(root, 'examples', ex.name);
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.fdl'))) {
    test(`golden SQL: examples/${ex.name}/${f}`, async () => {
      const file = join(dir, f);
      const text = readFileSync(file, 'utf8');
      const p = await loadProject(text, { file });
      const errors = p.diagnostics.filter((d) => d.severity === 'error');
      assert.deepEqual(errors, [], 'the example must check without errors');
      // Paths relative to the repository, so snapshots do not depend on where the checkout lives.
      const sql = compileObjects(p.plan!, { resolvePath: (x) => relative(root, x), asOf: '2024-07-01T00:00:00Z' });
      const goldenDir = join(root, 'test', 'golden', ex.name);
      mkdirSync(goldenDir, { recursive: true });
      const problems: string[] = [];
      for (const [name, text] of Object.entries(sql)) {
        const path = join(goldenDir, `${name}.sql`);
        const want = text + ';\n';
        if (!existsSync(path)) {
          writeFileSync(path, want);
          if (process.env.CI) problems.push(`missing snapshot ${relative(root, path)} (written; commit it)`);
          continue;
        }
        if (readFileSync(path, 'utf8') !== want) {
          writeFileSync(join(goldenDir, `${name}-changed.sql`), want);
          problems.push(`${relative(root, path)} differs; see ${name}-changed.sql`);
        }
      }
      assert.deepEqual(problems, []);
    });
  }
}
