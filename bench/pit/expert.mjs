/**
 * Runs the hand-written baseline query (expert.sql) in its own process, the
 * way `featurebook build` runs its SQL: native DuckDB (@duckdb/node-api),
 * in memory, DuckDB's default thread count, TimeZone UTC, COPY to Parquet.
 *
 *   node bench/pit/expert.mjs --events E.parquet --spine S.parquet --out OUT.parquet
 *
 * Prints one JSON line: {rows, seconds, threads, duckdb}.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';

const { values: a } = parseArgs({ options: { events: { type: 'string' }, spine: { type: 'string' }, out: { type: 'string' }, sql: { type: 'string' } } });
if (!a.events || !a.spine || !a.out) {
  process.stderr.write('usage: node bench/pit/expert.mjs --events E.parquet --spine S.parquet --out OUT.parquet [--sql FILE]\n');
  process.exit(2);
}
const q = (s) => `'${s.replaceAll("'", "''")}'`;
const template = readFileSync(a.sql ?? new URL('./expert.sql', import.meta.url), 'utf8');
const sql = template
  .replaceAll('{{events}}', q(resolve(a.events)))
  .replaceAll('{{spine}}', q(resolve(a.spine)))
  .replaceAll('{{out}}', q(resolve(a.out)));

const instance = await DuckDBInstance.create(':memory:');
const con = await instance.connect();
await con.run(`SET TimeZone = 'UTC'`);
const info = (await con.runAndReadAll(`SELECT version() AS v, current_setting('threads') AS t`)).getRowObjectsJS()[0];
const t0 = performance.now();
const r = await con.runAndReadAll(sql);
const seconds = (performance.now() - t0) / 1000;
const rows = Number(r.getRows()[0]?.[0] ?? -1);
con.closeSync();
instance.closeSync();
process.stdout.write(JSON.stringify({ rows, seconds, threads: Number(info.t), duckdb: String(info.v) }) + '\n');
