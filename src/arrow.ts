/**
 * Query results as Apache Arrow: the format data takes between engine,
 * server and browser.
 */
import { Bool, Field, Float64, Int64, Schema, Table, TimestampMillisecond, Utf8, vectorFromArray, tableToIPC, makeData, type DataType, type Vector } from 'apache-arrow';
import type { QueryResult, Value } from './engine/engine.js';
import { typeOfDuckDb } from './lang/types.js';

function arrowType(duckType: string): DataType {
  switch (typeOfDuckDb(duckType)) {
    case 'integer':
      return new Int64();
    case 'number':
      return new Float64();
    case 'bool':
      return new Bool();
    case 'time':
      return new TimestampMillisecond();
    default:
      return new Utf8();
  }
}

/** A timestamp string as UTC milliseconds: one without a zone is UTC (Date.parse would read it in the machine's zone). */
function utcMs(s: string): number {
  const t = s.trim();
  return Date.parse(/^\d{4}-\d{2}-\d{2}[ T]\d/.test(t) && !/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(t) ? `${t.replace(' ', 'T')}Z` : t);
}

function convert(v: Value, t: DataType): unknown {
  if (v === null) return null;
  if (t instanceof Int64) return BigInt(Math.trunc(Number(v)));
  if (t instanceof Float64) return Number(v);
  if (t instanceof Bool) return Boolean(v);
  if (t instanceof TimestampMillisecond) return v instanceof Date ? v.getTime() : utcMs(String(v));
  return typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : JSON.stringify(v);
}

/** Builds an Arrow table from a query result, typed from DuckDB's column types. */
export function toArrowTable(result: QueryResult): Table {
  const fields: Field[] = [];
  const vectors: Record<string, Vector> = {};
  for (const c of result.columns) {
    const t = arrowType(c.type);
    fields.push(new Field(c.name, t, true));
    const values = result.rows.map((r) => convert(r[c.name] ?? null, t));
    vectors[c.name] = vectorFromArray(values as never[], t as never) as Vector;
  }
  if (result.columns.length === 0) return new Table(new Schema([]), makeData({ type: new Int64(), length: 0 }) as never);
  return new Table(vectors);
}

/** Arrow IPC stream bytes of a query result. */
export function toArrowIpc(result: QueryResult): Uint8Array {
  return tableToIPC(toArrowTable(result), 'stream');
}
