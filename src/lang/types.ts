/**
 * FDL's small type system: what the checker reasons about and what the plan
 * records for each feature (the registry refuses type changes of features in use).
 */

export type FdlType = 'integer' | 'number' | 'string' | 'bool' | 'time' | 'duration' | 'null' | 'unknown';

/** Maps a DuckDB type name (as DESCRIBE prints it) to an FDL type. */
export function typeOfDuckDb(t: string): FdlType {
  const u = t.toUpperCase();
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|INT\d*)$/.test(u)) return 'integer';
  if (/^(FLOAT|DOUBLE|REAL|DECIMAL.*|NUMERIC.*)$/.test(u)) return 'number';
  if (/^(VARCHAR|TEXT|STRING|UUID|ENUM.*)/.test(u)) return 'string';
  if (u === 'BOOLEAN' || u === 'BOOL') return 'bool';
  if (/^(TIMESTAMP.*|DATE|DATETIME)$/.test(u)) return 'time';
  if (u === 'INTERVAL') return 'duration';
  if (u === 'NULL' || u === '"NULL"') return 'null';
  return 'unknown';
}

export const isNumeric = (t: FdlType) => t === 'integer' || t === 'number' || t === 'null' || t === 'unknown';
export const isBoolish = (t: FdlType) => t === 'bool' || t === 'null' || t === 'unknown';
export const isOrderable = (t: FdlType) => t !== 'bool' && t !== 'duration';

/** The common type of two operands, for arithmetic and `if`/`coalesce`. */
export function unify(a: FdlType, b: FdlType): FdlType {
  if (a === b) return a;
  if (a === 'null') return b;
  if (b === 'null') return a;
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  if ((a === 'integer' && b === 'number') || (a === 'number' && b === 'integer')) return 'number';
  return 'unknown';
}
