/**
 * A training set's `limit` goes into the SQL (the spine is cut before any
 * feature is computed): on random data and programs, with each strategy and
 * CSV and Parquet spines, the limited answer is exactly the first `limit`
 * rows of the full one — the same spine rows, in spine order, with the same
 * point-in-time values.
 *
 *   FEATUREBOOK_PROPERTY_RUNS=N   run N cases (default 6)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { loadProject } from '../src/project.js';
import { buildTrainingSet } from '../src/training-set.js';
import { trainingSetSql, type Strategy } from '../src/compile/emit-sql.js';
import { NodeEngine, TempProject, plain, rng, toCsv, type Cell } from './helpers.js';

const RUNS = Number(process.env.FEATUREBOOK_PROPERTY_RUNS ?? 6);
const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

let engine: NodeEngine;
before(async () => (engine = await NodeEngine.create({ threads: 2 })));
after(() => engine?.close());

// Integer values only: sums and averages are exact whatever order DuckDB adds them in.
const FEATURES = [
  'count()', 'count(x)', 'sum(x) over 1d', 'avg(x) over 3d', 'min(x) over 12h', 'max(x)', 'count_distinct(c) over 2d',
  'count_distinct(x)', 'first(c)', 'last(x) over 1d', 'count() over 6h where x > 5',
];

function randomCase(seed: number) {
  const r = rng(seed);
  const keys = ['a', 'b', 'c', 'd', 'e'].slice(0, 1 + r.int(5));
  const time = () => (r.next() < 0.05 ? null : new Date(T0 + r.int(24 * 5) * HOUR));
  const events: Record<string, Cell>[] = Array.from({ length: 20 + r.int(200) }, () => {
    const ts = time();
    return {
      k: r.next() < 0.05 ? null : r.pick(keys),
      ts,
      avail: ts && r.next() < 0.3 ? new Date(ts.getTime() + r.int(48) * HOUR) : null,
      x: r.next() < 0.1 ? null : r.int(10),
      c: r.next() < 0.1 ? null : r.pick(['p', 'q', 'r', 's']),
    };
  });
  const spine: Record<string, Cell>[] = [];
  for (let i = 0, n = 1 + r.int(60); i < n; i++) {
    // Duplicate rows too: the limit must keep the same copies the full answer starts with.
    if (spine.length && r.next() < 0.15) spine.push({ ...spine[r.int(spine.length)]! });
    else spine.push({ k: r.next() < 0.05 ? null : r.pick([...keys, 'zz']), t: time(), y: r.int(2) });
  }
  const feats = FEATURES.filter(() => r.next() < 0.5);
  if (!feats.length) feats.push(FEATURES[0]!);
  const available = r.next() < 0.5;
  const fdl = `project lim
source ev { path "ev.csv" timestamp ts${available ? ' available avail' : ''} }
source sp { path "${r.next() < 0.5 ? 'sp.parquet' : 'sp.csv'}" timestamp t }
entity user { key k }
features f on ev by user {
${feats.map((f, i) => `  f${i} = ${f}`).join('\n')}
}
training_set s {
  spine sp
  label y
  features f.*
}
`;
  return { events, spine, fdl, limits: [0, 1, 1 + r.int(spine.length), spine.length, spine.length + 3] };
}

test('limit N equals the first N rows of the unlimited training set (random data, each strategy)', async () => {
  const dir = new TempProject();
  try {
    for (let seed = 1; seed <= RUNS; seed++) {
      const c = randomCase(seed);
      dir.write('ev.csv', toCsv(c.events, ['k', 'ts', 'avail', 'x', 'c']));
      const spCsv = dir.write('sp.csv', toCsv(c.spine, ['k', 't', 'y']));
      await engine.exec(`COPY (SELECT * FROM read_csv('${spCsv}')) TO '${join(dir.dir, 'sp.parquet')}' (FORMAT parquet)`);
      const file = join(dir.dir, 'project.fdl');
      writeFileSync(file, c.fdl);
      const p = await loadProject(c.fdl, { file, engine });
      assert.ok(p.plan, `seed ${seed}: ${p.diagnostics.map((d) => d.message).join('; ')}`);
      for (const strategy of [undefined, 'window', 'join'] as (Strategy | undefined)[]) {
        const opts = strategy ? { strategy } : {};
        const full = await buildTrainingSet(engine, p.plan, 's', opts);
        assert.equal(full.rows.length, c.spine.length, `seed ${seed}: one row per spine row`);
        for (const limit of c.limits) {
          const part = await buildTrainingSet(engine, p.plan, 's', { ...opts, limit });
          const why = `seed ${seed}, strategy ${strategy ?? 'auto'}, limit ${limit}\n${c.fdl}`;
          assert.deepEqual(part.columns, full.columns, why);
          assert.deepEqual(plain(part.rows), plain(full.rows.slice(0, limit)), why);
        }
      }
    }
  } finally {
    dir.cleanup();
  }
});

test('the limit is in the SQL, on the spine, and only whole numbers get there', () => {
  const plan = {
    project: 'p',
    sources: [{ name: 'sp', path: '/d/sp.csv', format: 'csv', timestamp: 't', columns: [], rowNumberable: false }],
    entities: [],
    views: [],
    trainingSets: [{ name: 's', spine: 'sp', keys: [], time: 't', labels: [], features: [] }],
    models: [],
    monitors: [],
  } as never;
  assert.match(trainingSetSql(plan, 's', { limit: 7 }), /spine AS \(\n  SELECT \*\n  FROM \(\n[\s\S]*\n  \)\n  ORDER BY __fb_row\n  LIMIT 7\n\)/);
  assert.doesNotMatch(trainingSetSql(plan, 's'), /LIMIT/);
  for (const bad of [-1, 1.5, Number.NaN, 2 ** 60]) assert.throws(() => trainingSetSql(plan, 's', { limit: bad }), /limit must be a whole number/);
});
