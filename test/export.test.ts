/** Training sets as downloads (src/export.ts): Parquet and CSV that native DuckDB reads back equal. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { NodeEngine } from '../src/engine/node.js';
import { WasmEngine } from '../src/engine/wasm.js';
import { resultToCsv, resultToParquet } from '../src/export.js';
import { TempProject } from './helpers.js';
import { resultDifferences } from './wasm/compare.js';

const tmp = new TempProject();
after(() => tmp.cleanup());

const SQL = `SELECT * FROM (VALUES
  (1::INTEGER, 10::BIGINT, 1.5::DOUBLE, 'a,b "q"', TIMESTAMP '2024-03-01 12:34:56.789', DATE '2024-03-01', true, 2.25::DECIMAL(10,2)),
  (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (-7, 9007199254740991, -0.125, 'é\nline', TIMESTAMP '1999-12-31 23:59:59', DATE '1970-01-01', false, -1.5)
) t(i, b, d, s, ts, dt, flag, dec)`;

test('a result written as Parquet reads back equal on native DuckDB (types, nulls, times)', async () => {
  // The browser's engine gives the values a page downloads.
  const wasm = await WasmEngine.createBlocking();
  const native = await NodeEngine.create();
  try {
    const result = await wasm.query(SQL);
    const file = join(tmp.dir, 'out.parquet');
    writeFileSync(file, resultToParquet(result));
    const back = await native.query(`SELECT * FROM read_parquet('${file}')`);
    assert.deepEqual(back.columns.map((c) => c.name), ['i', 'b', 'd', 's', 'ts', 'dt', 'flag', 'dec']);
    assert.deepEqual(back.columns.map((c) => c.type), ['INTEGER', 'BIGINT', 'DOUBLE', 'VARCHAR', 'TIMESTAMP', 'DATE', 'BOOLEAN', 'DOUBLE']);
    assert.deepEqual(resultDifferences(await native.query(SQL), back), []);

    // A time column without nulls goes through the writer's other path: the same instants.
    const dense = await wasm.query(`SELECT TIMESTAMP '2024-03-01 12:34:56.789' + INTERVAL (i) HOUR AS ts FROM range(5) r(i)`);
    writeFileSync(join(tmp.dir, 'dense.parquet'), resultToParquet(dense));
    const denseBack = await native.query(`SELECT * FROM read_parquet('${join(tmp.dir, 'dense.parquet')}')`);
    assert.deepEqual(resultDifferences(dense, denseBack), []);

    const csv = join(tmp.dir, 'out.csv');
    writeFileSync(csv, resultToCsv(result));
    const fromCsv = await native.query(`SELECT * FROM read_csv('${csv}', header = true)`);
    assert.equal(fromCsv.rows.length, 3);
    assert.equal(fromCsv.rows[0]!.s, 'a,b "q"');
    assert.equal(fromCsv.rows[2]!.s, 'é\nline');
    assert.equal(fromCsv.rows[1]!.i, null);
  } finally {
    await wasm.close();
    await native.close();
  }
});
