/**
 * Comparing results of two engines (native DuckDB and DuckDB-WASM, or a file
 * the native pipeline wrote and rows the browser built): same columns, same
 * FDL type of each column, and the same cells — times as instants, integers
 * exactly, floats within a relative tolerance (summation order differs
 * between engines and versions).
 */
import type { ColumnInfo, Row, Value } from '../../src/engine/engine.js';
import { typeOfDuckDb } from '../../src/lang/types.js';

export const FLOAT_TOLERANCE = 1e-9;

/** Whether two normalized cells are the same value. */
export function sameCell(a: Value | undefined, b: Value | undefined, tolerance = FLOAT_TOLERANCE): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    if (a === b) return true;
    return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameCell(x, b[i], tolerance));
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => sameCell((a as Record<string, Value>)[k], (b as Record<string, Value>)[k], tolerance));
  }
  return a === b;
}

const show = (v: Value | undefined) => (v instanceof Date ? v.toISOString() : JSON.stringify(v));

/**
 * Differences between two results (empty when equal), at most `limit` of them.
 * Columns must match by name and order and by FDL type (BIGINT and HUGEINT are
 * both integers; DOUBLE and DECIMAL both numbers).
 */
export function resultDifferences(
  expected: { columns: ColumnInfo[]; rows: Row[] },
  actual: { columns: ColumnInfo[]; rows: Row[] },
  { limit = 20, tolerance = FLOAT_TOLERANCE } = {},
): string[] {
  const out: string[] = [];
  const names = (r: { columns: ColumnInfo[] }) => r.columns.map((c) => c.name).join(', ');
  if (names(expected) !== names(actual)) return [`columns differ:\n  expected ${names(expected)}\n  actual   ${names(actual)}`];
  expected.columns.forEach((c, i) => {
    const a = actual.columns[i]!;
    if (typeOfDuckDb(c.type) !== typeOfDuckDb(a.type)) out.push(`column ${c.name}: type ${c.type} vs ${a.type}`);
  });
  if (expected.rows.length !== actual.rows.length) out.push(`row count ${expected.rows.length} vs ${actual.rows.length}`);
  const n = Math.min(expected.rows.length, actual.rows.length);
  for (let r = 0; r < n && out.length < limit; r++) {
    for (const c of expected.columns) {
      const a = expected.rows[r]![c.name];
      const b = actual.rows[r]![c.name];
      if (!sameCell(a, b, tolerance)) {
        out.push(`row ${r}, ${c.name}: expected ${show(a)}, got ${show(b)}`);
        if (out.length >= limit) break;
      }
    }
  }
  return out;
}

/** Rows in a canonical order (for results whose order SQL does not fix). */
export function sortedRows(rows: Row[]): Row[] {
  const key = (r: Row) => JSON.stringify(Object.values(r).map((v) => (v instanceof Date ? v.toISOString() : v)));
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
