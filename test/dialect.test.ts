/**
 * The dialect's capability flags and the function registry: a dialect that
 * declares fewer capabilities gets plainer SQL with the same answers (real
 * DuckDB), native and WASM differ only in declared capabilities, and every
 * registered function and aggregate has SQL for every dialect family.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { NodeEngine, TempProject, plain, toCsv, ts } from './helpers.js';
import { duckdb, duckdbWasm, type Dialect } from '../src/compile/dialect.js';
import { trainingSetSql } from '../src/compile/emit-sql.js';
import { aggregateEmptyValue, aggregateNames, aggregates, functionNames, functions, lookupAggregate, lookupFunction } from '../src/lang/functions.js';
import { loadProject } from '../src/project.js';

let engine: NodeEngine;
let tmp: TempProject;
before(async () => {
  engine = await NodeEngine.create({ threads: 2 });
  tmp = new TempProject();
});
after(async () => {
  await engine.close();
  tmp.cleanup();
});

const FDL = `project d
source ev { path "ev.csv" timestamp ts }
source spine { path "spine.csv" timestamp t }
entity user { key user_id }
features f on ev by user {
  n      = count()
  s_2d   = sum(amount) over 2d
  first_cat = first(cat)
  last_cat  = last(cat) over 3d
  kinds  = count_distinct(cat) over 3d
  mean   = avg(amount) where cat != 'b'
  ratio  = s_2d / n
}
training_set train { spine spine features f.* }
`;

test('fewer capabilities, plainer SQL, the same rows', async () => {
  tmp.write(
    'ev.csv',
    toCsv([
      { user_id: 'u1', ts: ts('2024-01-01'), amount: 10, cat: 'a' },
      { user_id: 'u1', ts: ts('2024-01-02'), amount: 20, cat: 'b' },
      { user_id: 'u1', ts: ts('2024-01-02'), amount: 5, cat: 'a' },
      { user_id: 'u1', ts: ts('2024-01-04'), amount: null, cat: 'c' },
      { user_id: 'u2', ts: ts('2024-01-03'), amount: 7, cat: 'b' },
    ]),
  );
  tmp.write('spine.csv', toCsv([{ user_id: 'u1', t: ts('2024-01-02') }, { user_id: 'u1', t: ts('2024-01-05') }, { user_id: 'u2', t: ts('2024-01-09') }, { user_id: 'u3', t: ts('2024-01-09') }]));
  const p = await loadProject(FDL, { file: join(tmp.dir, 'p.fdl'), engine });
  assert.ok(p.plan, JSON.stringify(p.diagnostics));
  const run = async (d: Dialect, strategy: 'window' | 'join') => plain((await engine.query(trainingSetSql(p.plan!, 'train', { dialect: d, strategy }))).rows);
  const expected = await run(duckdb, 'window');
  assert.equal(expected.length, 4);
  assert.deepEqual(expected[1], { user_id: 'u1', t: '2024-01-05T00:00:00.000Z', f__n: 4, f__s_2d: null, f__first_cat: 'a', f__last_cat: 'c', f__kinds: 3, f__mean: 7.5, f__ratio: null });

  const noQualify: Dialect = { ...duckdb, name: 'no-qualify', supportsQualify: false };
  const sql = trainingSetSql(p.plan!, 'train', { dialect: noQualify, strategy: 'window' });
  assert.doesNotMatch(sql, /QUALIFY/);
  assert.match(trainingSetSql(p.plan!, 'train', { strategy: 'window' }), /QUALIFY/);
  assert.deepEqual(await run(noQualify, 'window'), expected);

  // Without the EXCLUDE TIES frame the window strategy is not used at all.
  const bare: Dialect = { ...duckdb, name: 'bare', supportsWindowExcludeTies: false, supportsQualify: false, supportsFileRowNumber: false, supportsMaterializedCte: false };
  const bareSql = trainingSetSql(p.plan!, 'train', { dialect: bare, strategy: 'window' });
  assert.doesNotMatch(bareSql, /QUALIFY|EXCLUDE TIES/);
  assert.deepEqual(await run(bare, 'window'), expected);
  assert.deepEqual(await run(duckdb, 'join'), expected);
});

test('native and WASM dialects differ only in declared capabilities', () => {
  const differ = Object.keys({ ...duckdb, ...duckdbWasm }).filter((k) => (duckdb as unknown as Record<string, unknown>)[k] !== (duckdbWasm as unknown as Record<string, unknown>)[k]);
  assert.deepEqual(differ.sort(), ['name', 'supportsFileRowNumber']);
  assert.equal(duckdb.family, duckdbWasm.family);
});

test('the registry: lookups, empty values, SQL for every family', () => {
  assert.deepEqual(aggregateNames(), ['count', 'sum', 'avg', 'min', 'max', 'stddev', 'variance', 'count_distinct', 'first', 'last']);
  for (const a of aggregateNames()) assert.equal(aggregateEmptyValue(a), a === 'count' || a === 'count_distinct' ? 0 : null, a);
  assert.equal(lookupFunction('ROUND')?.name, 'round');
  assert.equal(lookupFunction('constructor'), undefined);
  assert.equal(lookupAggregate('Sum'), undefined);
  assert.ok(functionNames().includes('epoch_seconds'));
  for (const f of functions()) {
    assert.ok(f.doc.length > 0, f.name);
    assert.equal(typeof f.sql[duckdb.family], 'function', f.name);
    assert.match(f.sql[duckdb.family](Array.from({ length: f.min }, (_, i) => `a${i}`), duckdb), /a0/, f.name);
  }
  for (const a of aggregates()) assert.match(a.sql[duckdb.family]('x', duckdb, 'o'), /\bx\b/, a.name);
});
