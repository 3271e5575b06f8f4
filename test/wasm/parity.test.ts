/**
 * One contract, two engines: the compiler's SQL gives the same answers on
 * DuckDB-WASM (blocking bindings, in this process) as on native DuckDB.
 * Covers every compiled object of the fraud example (sources, views
 * materialized, the training set), value normalization of every numeric
 * and time type, and files registered with WasmEngine (Parquet decoded in
 * JS, CSV, JSON, newline-delimited JSON).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateFraudData } from '../../examples/fraud/generate.js';
import { NodeEngine } from '../../src/engine/node.js';
import { WasmEngine, decimalToNumber } from '../../src/engine/wasm.js';
import { compileObjects, trainingSetSql } from '../../src/compile/emit-sql.js';
import { loadProject } from '../../src/project.js';
import { buildTrainingSet } from '../../src/training-set.js';
import { formatDiagnostic } from '../../src/lang/diagnostics.js';
import { resultDifferences, sortedRows } from './compare.js';

const root = new URL('../..', import.meta.url).pathname;
let dir: string;
let native: NodeEngine;
let wasm: WasmEngine;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'featurebook-wasm-'));
  await generateFraudData({ users: 250, seed: 11, outDir: join(dir, 'data') });
  copyFileSync(join(root, 'examples/fraud/fraud.fdl'), join(dir, 'fraud.fdl'));
  native = await NodeEngine.create({ threads: 1 });
  wasm = await WasmEngine.createBlocking();
  // Registered under their absolute paths, so both engines run the same SQL text.
  for (const f of ['transactions.parquet', 'labels.csv', 'chargebacks.csv']) {
    const p = join(dir, 'data', f);
    await wasm.registerFile(p, readFileSync(p));
  }
});

after(async () => {
  await wasm?.close();
  await native?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function load(engine: NodeEngine | WasmEngine) {
  const file = join(dir, 'fraud.fdl');
  const text = readFileSync(file, 'utf8');
  const p = await loadProject(text, { file, engine });
  assert.ok(p.plan, p.diagnostics.map((d) => formatDiagnostic(d, file, text)).join('\n'));
  return p;
}

describe('WasmEngine and NodeEngine agree on the compiler\'s SQL', () => {
  test('source schemas read by loadProject are the same', async () => {
    const [a, b] = [await load(native), await load(wasm)];
    assert.deepEqual([...b.schemas.keys()], [...a.schemas.keys()]);
    for (const [name, cols] of a.schemas) assert.deepEqual(b.schemas.get(name), cols, `schema of ${name}`);
    assert.deepEqual(b.plan, a.plan);
  });

  test('the fraud training set, cell by cell, for both strategies', async () => {
    const plan = (await load(native)).plan!;
    for (const strategy of ['auto', 'window', 'join'] as const) {
      const expected = await buildTrainingSet(native, plan, 'fraud_train', { strategy });
      const actual = await buildTrainingSet(wasm, plan, 'fraud_train', { strategy });
      assert.ok(expected.rows.length > 1000, 'enough rows to mean something');
      assert.deepEqual(resultDifferences(expected, actual), [], `strategy ${strategy}`);
    }
  });

  test('every compiled object (sources, views materialized as of a time, training sets)', async () => {
    const plan = (await load(native)).plan!;
    const objects = compileObjects(plan, { asOf: '2024-06-15T00:00:00Z' });
    assert.ok(Object.keys(objects).length >= 6);
    for (const [name, sql] of Object.entries(objects)) {
      const expected = await native.query(sql);
      const actual = await wasm.query(sql);
      const ordered = plan.trainingSets.some((t) => t.name === name);
      const diffs = resultDifferences(
        ordered ? expected : { ...expected, rows: sortedRows(expected.rows) },
        ordered ? actual : { ...actual, rows: sortedRows(actual.rows) },
      );
      assert.deepEqual(diffs, [], `object ${name}`);
    }
  });

  test('the training set SQL text is the same whichever engine read the schemas', async () => {
    const [a, b] = [await load(native), await load(wasm)];
    assert.equal(trainingSetSql(b.plan!, 'fraud_train'), trainingSetSql(a.plan!, 'fraud_train'));
  });
});

describe('WasmEngine value normalization matches native', () => {
  const sql = `SELECT
      1::TINYINT AS i8, 300::SMALLINT AS i16, 70000::INTEGER AS i32, 9007199254740991::BIGINT AS i64,
      (-12345678901234)::HUGEINT AS i128, 200::UTINYINT AS u8, 4000000000::UINTEGER AS u32,
      1.5::FLOAT AS f32, 0.1::DOUBLE AS f64, 123.45::DECIMAL(10,2) AS dec, (-0.000123)::DECIMAL(18,6) AS dec_small,
      12345678901234567.891::DECIMAL(38,3) AS dec_wide, 'héllo' AS s, true AS b, NULL::INTEGER AS n,
      DATE '2024-02-29' AS d, TIMESTAMP '2024-05-01 12:30:00.123' AS t, TIMESTAMP '1969-12-31 23:59:59.999' AS t_before_epoch,
      [1, 2, NULL]::INTEGER[] AS list, {'a': 1, 'b': 'x'} AS st,
      count(*) OVER () AS windowed_count, sum(2::BIGINT) OVER () AS windowed_sum`;

  test('every numeric type becomes a number, DATE and TIMESTAMP become Dates', async () => {
    const expected = await native.query(sql);
    const actual = await wasm.query(sql);
    assert.deepEqual(resultDifferences(expected, actual, { tolerance: 0 }), []);
    const row = actual.rows[0]!;
    for (const k of ['i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u32', 'f32', 'f64', 'dec', 'dec_small', 'dec_wide', 'windowed_count', 'windowed_sum']) {
      assert.equal(typeof row[k], 'number', k);
    }
    assert.equal(row.i64, 9007199254740991);
    assert.equal(row.i128, -12345678901234);
    assert.equal(row.dec, 123.45);
    assert.equal(row.dec_small, -0.000123);
    assert.ok(row.d instanceof Date && row.d.toISOString() === '2024-02-29T00:00:00.000Z');
    assert.ok(row.t instanceof Date && row.t.toISOString() === '2024-05-01T12:30:00.123Z');
    assert.ok(row.t_before_epoch instanceof Date && row.t_before_epoch.toISOString() === '1969-12-31T23:59:59.999Z');
    assert.deepEqual(row.list, [1, 2, null]);
    assert.deepEqual(row.st, { a: 1, b: 'x' });
    assert.equal(row.n, null);
  });

  test('column types are reported in DuckDB\'s names', async () => {
    const r = await wasm.query(`SELECT 1::BIGINT AS a, 1.5::DOUBLE AS b, 'x' AS c, TIMESTAMP '2024-01-01' AS d, true AS e, 1.25::DECIMAL(9,2) AS f, DATE '2024-01-01' AS g`);
    assert.deepEqual(r.columns.map((c) => c.type), ['BIGINT', 'DOUBLE', 'VARCHAR', 'TIMESTAMP', 'BOOLEAN', 'DECIMAL(9,2)', 'DATE']);
  });

  test('decimals of any width convert exactly', () => {
    const words = (x: bigint) => {
      const w = new Uint32Array(4);
      let v = BigInt.asUintN(128, x);
      for (let i = 0; i < 4; i++, v >>= 32n) w[i] = Number(v & 0xffffffffn);
      return w;
    };
    assert.equal(decimalToNumber(words(12345n), 2), 123.45);
    assert.equal(decimalToNumber(words(-5n), 3), -0.005);
    assert.equal(decimalToNumber(words(0n), 4), 0);
    assert.equal(decimalToNumber(words(-(10n ** 30n)), 0), -1e30);
  });
});

describe('WasmEngine.registerFile', () => {
  test('Parquet of every common type reads as native DuckDB reads it (hyparquet, not the parquet extension)', async () => {
    const p = join(dir, 'types.parquet');
    const gen = `SELECT i, i::INTEGER AS int32, (i * 1000000000000)::BIGINT AS int64, i / 7 AS dbl, (i / 4)::FLOAT AS flt,
        (i * 1.25)::DECIMAL(10,2) AS dec, 'row ' || i AS str, i % 2 = 0 AS bool, DATE '2024-01-01' + i::INTEGER AS d,
        TIMESTAMP '2024-01-01 00:00:00.000001' + INTERVAL (i) HOUR AS ts, CASE WHEN i % 3 = 0 THEN NULL ELSE i END AS maybe
      FROM range(0, 5000) t(i)`;
    for (const codec of ['snappy', 'zstd', 'gzip', 'uncompressed']) {
      await native.exec(`COPY (${gen}) TO '${p}' (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 1000)`);
      await wasm.registerFile('types.parquet', readFileSync(p));
      const q = (f: string) => `SELECT * REPLACE (CAST(dec AS DOUBLE) AS dec) FROM read_parquet('${f}') ORDER BY i`;
      const expected = await native.query(q(p));
      const actual = await wasm.query(q('types.parquet'));
      assert.deepEqual(resultDifferences(expected, actual), [], codec);
      assert.equal(actual.rows[1]!.ts instanceof Date && actual.rows[1]!.ts.toISOString(), '2024-01-01T01:00:00.000Z');
    }
  });

  test('CSV, JSON and newline-delimited JSON', async () => {
    await wasm.registerFile('/u/a.csv', new TextEncoder().encode('k,t,v\na,2024-01-01 10:00:00,1.5\nb,2024-01-02 11:00:00,\n'));
    const csv = await wasm.query(`SELECT * FROM read_csv('/u/a.csv', header = true) ORDER BY k`);
    assert.deepEqual(csv.columns.map((c) => c.type), ['VARCHAR', 'TIMESTAMP', 'DOUBLE']);
    assert.equal(csv.rows[1]!.v, null);
    await wasm.registerFile('/u/a.json', new TextEncoder().encode('[{"k":"a","v":1},{"k":"b","v":2.5}]'));
    await wasm.registerFile('/u/b.ndjson', new TextEncoder().encode('{"k":"a","v":1}\n{"k":"b","v":2.5}\n'));
    for (const f of ['/u/a.json', '/u/b.ndjson']) {
      const r = await wasm.query(`SELECT k, v FROM read_json_auto('${f}') ORDER BY k`);
      assert.deepEqual(r.rows, [{ k: 'a', v: 1 }, { k: 'b', v: 2.5 }], f);
    }
    assert.ok(wasm.registeredFiles().includes('/u/a.json'));
    await wasm.dropFile('/u/a.json');
    assert.ok(!wasm.registeredFiles().includes('/u/a.json'));
  });

  test('a file that was never registered is named in the error, and nothing is fetched', async () => {
    await assert.rejects(wasm.query(`SELECT * FROM read_parquet('/nowhere/x.parquet')`), /No file named '\/nowhere\/x\.parquet' was registered/);
    await assert.rejects(wasm.query(`SELECT * FROM read_csv('/nowhere/x.csv')`), /nowhere\/x\.csv/);
    // Extensions are never downloaded: a function from one fails at once.
    await assert.rejects(wasm.query(`SELECT * FROM sqlite_scan('x.db', 't')`), /extension|not in the catalog|does not exist/i);
  });

  test('loadProject reports an unregistered source file as a diagnostic at its path', async () => {
    const text = 'source s {\n  path "missing.parquet"\n  timestamp ts\n}\n';
    const p = await loadProject(text, { file: '/nowhere/p.fdl', engine: wasm });
    const d = p.diagnostics.find((x) => x.code === 'unreadable-source');
    assert.ok(d, JSON.stringify(p.diagnostics));
    assert.equal(d.span.line, 2);
    assert.match(d.message, /missing\.parquet/);
  });
});

test('a file registered by URL (file: in Node) loads like its bytes', async () => {
  const p = join(dir, 'data', 'labels.csv');
  await wasm.registerFile('/by-url/labels.csv', new URL(`file://${p}`).href);
  const r = await wasm.query(`SELECT count(*) AS n FROM read_csv('/by-url/labels.csv', header = true)`);
  const n = await native.query(`SELECT count(*) AS n FROM read_csv('${p}', header = true)`);
  assert.equal(r.rows[0]!.n, n.rows[0]!.n);
});
