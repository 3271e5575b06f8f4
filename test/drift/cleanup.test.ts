/**
 * computeDrift's temporary tables (the permutation samples) are dropped
 * whichever stage fails: a current input of the wrong type, or any engine
 * call from the first sample table on. Real DuckDB; failures are injected by
 * wrapping its engine, and leftovers are read from duckdb_tables().
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { NodeEngine } from '../../src/engine/node.js';
import type { Engine } from '../../src/engine/engine.js';
import { computeDrift, type DriftOptions } from '../../src/drift/compute.js';

const rows = (n: number, day: string, shift: number) =>
  Array.from({ length: n }, (_, i) => `(TIMESTAMP '${day}' + INTERVAL (${i * 37} % 86400) SECOND, ${(i % 17) + shift}.5, '${['a', 'b', 'c'][i % 3]}')`).join(', ');

let engine: NodeEngine;
before(async () => {
  engine = await NodeEngine.create({ threads: 1 });
  const table = (name: string, values: string) => `CREATE TABLE ${name} AS SELECT ts, CAST(x AS DOUBLE) AS v__x, CAST(c AS VARCHAR) AS v__c FROM (VALUES ${values}) AS t(ts, x, c)`;
  await engine.exec(table('ref', rows(200, '2024-03-01', 0)));
  await engine.exec(table('cur', `${rows(150, '2024-03-10', 2)}, ${rows(150, '2024-03-11', 0)}`));
  // The same data with the numeric feature as text that is not a number.
  await engine.exec(`CREATE TABLE cur_text AS SELECT ts, 'n/a ' || CAST(v__x AS VARCHAR) AS v__x, v__c FROM cur`);
});
after(async () => engine?.close());

const opts: DriftOptions = {
  monitor: 'm',
  features: [
    { feature: 'v.x', column: 'v__x' },
    { feature: 'v.c', column: 'v__c' },
  ],
  reference: 'ref',
  current: 'cur',
  time: 'ts',
  everyMs: 86_400_000,
  permutations: 5,
};

async function leftovers(): Promise<string[]> {
  return (await engine.query(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '__fb_drift_%'`)).rows.map((r) => String(r.table_name));
}

/** The engine, except that call number `failAt` (counted from the first CREATE TEMP TABLE; the cleanup's DROPs not counted) throws. */
function failingAt(failAt: number): Engine & { reached: () => boolean } {
  let counting = false;
  let calls = 0;
  const gate = (sql: string) => {
    if (/CREATE OR REPLACE TEMP TABLE/.test(sql)) counting = true;
    if (counting && !sql.startsWith('DROP') && calls++ === failAt) throw new Error(`injected failure at call ${failAt}`);
  };
  return {
    kind: engine.kind,
    exec: async (sql) => (gate(sql), engine.exec(sql)),
    query: async (sql) => (gate(sql), engine.query(sql)),
    describe: (sql) => engine.describe(sql),
    close: () => engine.close(),
    reached: () => calls > failAt,
  };
}

test('a run that succeeds leaves no temporary table', async () => {
  const report = await computeDrift(engine, opts);
  assert.equal(report.windows.length, 2);
  assert.ok(report.windows[0]!.features[0]!.psi_expected !== null, 'the permutations ran (they use the sample tables)');
  assert.deepEqual(await leftovers(), []);
});

test('a current feature column of the wrong type fails the run and leaves no temporary table', async () => {
  await assert.rejects(computeDrift(engine, { ...opts, current: 'cur_text' }), /n\/a|convert|cast/i);
  assert.deepEqual(await leftovers(), []);
});

test('whichever engine call fails from the first sample table on, no temporary table is left', async () => {
  let failAt = 0;
  for (; ; failAt++) {
    const e = failingAt(failAt);
    const result = await computeDrift(e, opts).then(
      () => 'ok',
      (err: Error) => err.message,
    );
    if (!e.reached()) {
      assert.equal(result, 'ok');
      break;
    }
    assert.equal(result, `injected failure at call ${failAt}`, "the stage's own error comes back");
    assert.deepEqual(await leftovers(), [], `after a failure at call ${failAt}`);
  }
  // Two sample tables, a metrics and a permutation query per feature, at least.
  assert.ok(failAt >= 6, `only ${failAt} calls after the first sample table`);
});
