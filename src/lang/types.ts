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

// The result-type rules of FDL's operators, for the plan to type its nodes
// (the checker applies the same rules while it reports mismatches).

/** Type of a literal: whole-number text is `integer`, any other number `number`. */
export function literalType(v: { kind: 'number'; value: number; text: string } | { kind: 'string' | 'bool' | 'null' | 'timestamp' | 'duration' }): FdlType {
  switch (v.kind) {
    case 'number':
      return Number.isInteger(v.value) && !/[.eE]/.test(v.text) ? 'integer' : 'number';
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'null':
      return 'null';
    case 'timestamp':
      return 'time';
    case 'duration':
      return 'duration';
  }
}

/** Type of `-x` (a duration stays a duration) or `not x`. */
export function unaryType(op: '-' | 'not', t: FdlType): FdlType {
  if (op === 'not') return 'bool';
  return t === 'duration' ? t : t === 'integer' ? 'integer' : t === 'null' ? 'null' : 'number';
}

/** Type of `l op r`: logic and comparisons are bool; time ± duration is a time, time − time a duration; `/` is always a number. */
export function binaryType(op: string, l: FdlType, r: FdlType): FdlType {
  switch (op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      if ((op === '+' || op === '-') && l === 'time' && r === 'duration') return 'time';
      if (op === '-' && l === 'time' && r === 'time') return 'duration';
      if (op === '/') return 'number';
      return unify(l, r) === 'integer' ? 'integer' : 'number';
    default:
      return 'bool';
  }
}
