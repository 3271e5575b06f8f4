/**
 * A query result (columns with DuckDB type names, rows of normalized values)
 * as a file to download: CSV text or Parquet bytes. Pure JavaScript, so it
 * runs in the browser, where DuckDB-WASM has no Parquet writer (its parquet
 * extension is not linked and is never fetched).
 * @module
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { QueryResult, Value } from './engine/engine.js';

/** CSV (RFC 4180, header row, `\n` line ends); null is an empty field, times ISO 8601 in UTC. */
export function resultToCsv(result: Pick<QueryResult, 'columns' | 'rows'>): string {
  const cell = (v: Value | undefined) => {
    if (v === null || v === undefined) return '';
    const s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [result.columns.map((c) => cell(c.name)).join(',')];
  for (const r of result.rows) lines.push(result.columns.map((c) => cell(r[c.name])).join(','));
  return lines.join('\n') + '\n';
}

type Physical = {
  type: 'BOOLEAN' | 'INT32' | 'INT64' | 'DOUBLE' | 'BYTE_ARRAY';
  converted_type?: 'UTF8' | 'DATE' | 'TIMESTAMP_MILLIS' | 'JSON';
};

/** The Parquet type a DuckDB column type is written as. */
function physical(duckType: string): Physical {
  const t = duckType.toUpperCase();
  if (t === 'BOOLEAN') return { type: 'BOOLEAN' };
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT)$/.test(t)) return { type: 'INT32' };
  if (/^(BIGINT|HUGEINT|UINTEGER|UBIGINT|UHUGEINT)$/.test(t)) return { type: 'INT64' };
  if (/^(DOUBLE|FLOAT|REAL)$/.test(t) || t.startsWith('DECIMAL')) return { type: 'DOUBLE' };
  if (t === 'DATE') return { type: 'INT32', converted_type: 'DATE' };
  if (t.startsWith('TIMESTAMP')) return { type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' }; // the browser's engine gives milliseconds; DuckDB reads it back as TIMESTAMP
  if (t === 'VARCHAR' || t === 'UUID' || t === 'ENUM' || t.startsWith('ENUM')) return { type: 'BYTE_ARRAY', converted_type: 'UTF8' };
  // Lists, structs, maps and anything else: their JSON text.
  return { type: 'BYTE_ARRAY', converted_type: 'JSON' };
}

/** Parquet bytes (snappy) with one optional column per result column, typed from DuckDB's type names. */
export function resultToParquet(result: Pick<QueryResult, 'columns' | 'rows'>): Uint8Array {
  const types = result.columns.map((c) => physical(c.type));
  const columnData = result.columns.map((c, i) => {
    const p = types[i]!;
    const data = result.rows.map((r): unknown => {
      const v = r[c.name];
      if (v === null || v === undefined) return null;
      if (p.type === 'INT64') return BigInt(Math.round(Number(v)));
      if (p.type === 'INT32' && !p.converted_type) return Math.round(Number(v));
      if (p.type === 'DOUBLE') return Number(v);
      if (p.type === 'BOOLEAN') return Boolean(v);
      if (p.converted_type === 'DATE' || p.converted_type === 'TIMESTAMP_MILLIS') return v instanceof Date ? v : new Date(v as string | number);
      if (p.converted_type === 'JSON') return v;
      return v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    });
    return { name: c.name, data };
  });
  const schema = [
    { name: 'root', num_children: result.columns.length },
    ...result.columns.map((c, i) => ({ name: c.name, repetition_type: 'OPTIONAL' as const, ...types[i]! })),
  ];
  // hyparquet-writer's types are looser than its runtime checks; the values above match the schema.
  return new Uint8Array(parquetWriteBuffer({ columnData: columnData as never, schema: schema as never }));
}
