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

export const AGGREGATES = [
  'count',
  'sum',
  'avg',
  'min',
  'max',
  'stddev',
  'variance',
  'count_distinct',
  'first',
  'last',
] as const;
export type AggregateFn = (typeof AGGREGATES)[number];
export const isAggregate = (name: string): name is AggregateFn => (AGGREGATES as readonly string[]).includes(name);

/** Result type of an aggregate over an argument of type `arg`. */
export function aggregateType(fn: AggregateFn, arg: FdlType): FdlType {
  switch (fn) {
    case 'count':
    case 'count_distinct':
      return 'integer';
    case 'sum':
      return arg === 'integer' ? 'integer' : 'number';
    case 'avg':
    case 'stddev':
    case 'variance':
      return 'number';
    case 'min':
    case 'max':
    case 'first':
    case 'last':
      return arg;
  }
}

/** Whitelisted scalar functions: arity and a result-type rule. */
export interface FunctionSig {
  min: number;
  max: number;
  /** Required argument kind, checked per argument when the type is known. */
  args: 'number' | 'string' | 'time' | 'any';
  result: (args: FdlType[]) => FdlType;
}

const num = (): FdlType => 'number';
const same = (a: FdlType[]) => a.reduce(unify, 'null' as FdlType);

export const FUNCTIONS: Record<string, FunctionSig> = {
  abs: { min: 1, max: 1, args: 'number', result: (a) => (a[0] === 'integer' ? 'integer' : 'number') },
  ceil: { min: 1, max: 1, args: 'number', result: num },
  floor: { min: 1, max: 1, args: 'number', result: num },
  round: { min: 1, max: 2, args: 'number', result: num },
  ln: { min: 1, max: 1, args: 'number', result: num },
  log10: { min: 1, max: 1, args: 'number', result: num },
  exp: { min: 1, max: 1, args: 'number', result: num },
  sqrt: { min: 1, max: 1, args: 'number', result: num },
  pow: { min: 2, max: 2, args: 'number', result: num },
  least: { min: 1, max: 64, args: 'any', result: same },
  greatest: { min: 1, max: 64, args: 'any', result: same },
  coalesce: { min: 1, max: 64, args: 'any', result: same },
  lower: { min: 1, max: 1, args: 'string', result: () => 'string' },
  upper: { min: 1, max: 1, args: 'string', result: () => 'string' },
  length: { min: 1, max: 1, args: 'string', result: () => 'integer' },
  contains: { min: 2, max: 2, args: 'string', result: () => 'bool' },
  hour: { min: 1, max: 1, args: 'time', result: () => 'integer' },
  day_of_week: { min: 1, max: 1, args: 'time', result: () => 'integer' },
  month: { min: 1, max: 1, args: 'time', result: () => 'integer' },
  year: { min: 1, max: 1, args: 'time', result: () => 'integer' },
  epoch_seconds: { min: 1, max: 1, args: 'time', result: () => 'number' },
};

export const AGGREGATE_ARITY: Record<AggregateFn, { min: number; max: number }> = {
  count: { min: 0, max: 1 },
  sum: { min: 1, max: 1 },
  avg: { min: 1, max: 1 },
  min: { min: 1, max: 1 },
  max: { min: 1, max: 1 },
  stddev: { min: 1, max: 1 },
  variance: { min: 1, max: 1 },
  count_distinct: { min: 1, max: 1 },
  first: { min: 1, max: 1 },
  last: { min: 1, max: 1 },
};
