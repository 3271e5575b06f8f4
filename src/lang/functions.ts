/**
 * The one registry of FDL's scalar functions and aggregates.
 *
 * Stage: language (shared by the checker, the plan, SQL emission and the
 * editor). Each entry says what the checker needs (arity, argument kind,
 * result type), what SQL emission needs (the SQL, written through the small
 * `FunctionSqlDialect` interface so an engine difference is a dialect method,
 * never a branch here), what completion and docs show (`doc`), and for
 * aggregates the value over no rows (semantics rule 4).
 *
 * May import: `./types.ts` only. No other module keeps a list of function or
 * aggregate names: ask `lookupFunction`, `lookupAggregate`, `functionNames`,
 * `aggregateNames`.
 * @module
 */
import { type FdlType, unify } from './types.js';

/** Engine-neutral types SQL casts to; a dialect names them (`int128` is a 128-bit integer). */
export type SqlCastType = 'double' | 'integer' | 'bigint' | 'int128' | 'timestamp' | 'text';

/** A family of SQL dialects sharing function names (a dialect's `family`). */
export type SqlFamily = 'duckdb';

/** What function and aggregate SQL asks of a dialect (`src/compile/dialect.ts` implements it). */
export interface FunctionSqlDialect {
  readonly family: SqlFamily;
  /** `expr` converted to `type`. */
  cast(expr: string, type: SqlCastType): string;
  /** The `value` of the row with the smallest `order` (an aggregate). */
  argMin(value: string, order: string): string;
  /** The `value` of the row with the largest `order` (an aggregate). */
  argMax(value: string, order: string): string;
}

/** The argument kind a scalar function requires, checked per argument when its type is known. */
export type ArgKind = 'number' | 'string' | 'time' | 'any';

export interface FunctionDef {
  name: string;
  min: number;
  max: number;
  args: ArgKind;
  /** Result type from the argument types. */
  result: (args: FdlType[]) => FdlType;
  /** SQL from the arguments' SQL, per dialect family. Math that would raise an error in SQL yields null instead. */
  sql: Record<SqlFamily, (args: string[], d: FunctionSqlDialect) => string>;
  /** One line for completion and docs. */
  doc: string;
}

/** Kept for callers of the old shape (`FUNCTIONS[name]`): the checker-facing part of a `FunctionDef`. */
export type FunctionSig = Pick<FunctionDef, 'min' | 'max' | 'args' | 'result'>;

const num = (): FdlType => 'number';
const same = (a: FdlType[]) => a.reduce(unify, 'null' as FdlType);
/** `name(a, b, …)` as is. */
const plain = (name: string) => (a: string[]) => `${name}(${a.join(', ')})`;

type Sql = (args: string[], d: FunctionSqlDialect) => string;
const fn = (name: string, min: number, max: number, args: ArgKind, result: FunctionDef['result'], doc: string, duckdb: Sql = plain(name)): FunctionDef => ({
  name,
  min,
  max,
  args,
  result,
  sql: { duckdb },
  doc,
});

const SCALARS: readonly FunctionDef[] = [
  fn('abs', 1, 1, 'number', (a) => (a[0] === 'integer' ? 'integer' : 'number'), 'absolute value'),
  fn('ceil', 1, 1, 'number', num, 'smallest whole number not below x'),
  fn('floor', 1, 1, 'number', num, 'largest whole number not above x'),
  fn('round', 1, 2, 'number', num, 'x rounded, to n decimals if given', (a, d) =>
    a.length === 2 ? `round(${d.cast(a[0]!, 'double')}, ${d.cast(a[1]!, 'integer')})` : `round(${d.cast(a[0]!, 'double')})`,
  ),
  fn('ln', 1, 1, 'number', num, 'natural logarithm (null for x ≤ 0)', (a) => `(CASE WHEN ${a[0]} > 0 THEN ln(${a[0]}) END)`),
  fn('log10', 1, 1, 'number', num, 'base-10 logarithm (null for x ≤ 0)', (a) => `(CASE WHEN ${a[0]} > 0 THEN log10(${a[0]}) END)`),
  fn('exp', 1, 1, 'number', num, 'e to the power x'),
  fn('sqrt', 1, 1, 'number', num, 'square root (null for x < 0)', (a) => `(CASE WHEN ${a[0]} >= 0 THEN sqrt(${a[0]}) END)`),
  fn('pow', 2, 2, 'number', num, 'x to the power y', (a, d) => `pow(${d.cast(a[0]!, 'double')}, ${d.cast(a[1]!, 'double')})`),
  fn('least', 1, 64, 'any', same, 'smallest non-null argument'),
  fn('greatest', 1, 64, 'any', same, 'largest non-null argument'),
  fn('coalesce', 1, 64, 'any', same, 'first non-null argument'),
  fn('lower', 1, 1, 'string', () => 'string', 'lower-case text'),
  fn('upper', 1, 1, 'string', () => 'string', 'upper-case text'),
  fn('length', 1, 1, 'string', () => 'integer', 'number of characters'),
  fn('contains', 2, 2, 'string', () => 'bool', 'whether text contains a substring'),
  fn('hour', 1, 1, 'time', () => 'integer', 'hour of the day (0–23, UTC)'),
  fn('day_of_week', 1, 1, 'time', () => 'integer', 'day of the week (0 = Sunday, UTC)', (a) => `dayofweek(${a[0]})`),
  fn('month', 1, 1, 'time', () => 'integer', 'month (1–12, UTC)'),
  fn('year', 1, 1, 'time', () => 'integer', 'year (UTC)'),
  fn('epoch_seconds', 1, 1, 'time', () => 'number', 'seconds since 1970-01-01 UTC', (a, d) => `epoch(${d.cast(a[0]!, 'timestamp')})`),
];

// ---------------------------------------------------------------- aggregates

/** What an aggregate's argument must be, when its type is known. */
export type AggregateArgKind = 'number' | 'orderable' | 'any';

export interface AggregateDef<N extends string = string> {
  name: N;
  min: number;
  max: number;
  arg: AggregateArgKind;
  /** Result type from the argument's type (`integer` for `count()`). */
  result: (arg: FdlType) => FdlType;
  /** The value over no rows (semantics rule 4): 0 for the counts, null for every other aggregate. */
  empty: 0 | null;
  /**
   * SQL of the aggregate call (no FILTER, no OVER) over value column `x`;
   * `order` ranks rows for first/last (semantics rule 5).
   */
  sql: Record<SqlFamily, (x: string, d: FunctionSqlDialect, order: string) => string>;
  /** Rows whose value is null are filtered out before aggregating (first/last would otherwise pick a null). */
  skipsNulls: boolean;
  doc: string;
}

type AggSql = (x: string, d: FunctionSqlDialect, order: string) => string;
const agg = <N extends string>(name: N, o: Omit<AggregateDef<N>, 'name' | 'min' | 'max' | 'empty' | 'skipsNulls' | 'sql'> & Partial<Omit<AggregateDef<N>, 'sql'>> & { duckdb: AggSql }): AggregateDef<N> => {
  const { duckdb, ...rest } = o;
  return { name, min: 1, max: 1, empty: null, skipsNulls: false, ...rest, sql: { duckdb } };
};

const sameType = (t: FdlType) => t;

const AGGREGATE_DEFS = [
  agg('count', { min: 0, arg: 'any', result: () => 'integer', empty: 0, duckdb: (x) => `count(${x})`, doc: 'count() rows, count(x) non-null values' }),
  agg('sum', { arg: 'number', result: (t) => (t === 'integer' ? 'integer' : 'number'), duckdb: (x) => `sum(${x})`, doc: 'sum of values' }),
  agg('avg', { arg: 'number', result: num, duckdb: (x) => `avg(${x})`, doc: 'mean of values' }),
  agg('min', { arg: 'orderable', result: sameType, duckdb: (x) => `min(${x})`, doc: 'smallest value' }),
  agg('max', { arg: 'orderable', result: sameType, duckdb: (x) => `max(${x})`, doc: 'largest value' }),
  agg('stddev', { arg: 'number', result: num, duckdb: (x) => `stddev_samp(${x})`, doc: 'sample standard deviation' }),
  agg('variance', { arg: 'number', result: num, duckdb: (x) => `var_samp(${x})`, doc: 'sample variance' }),
  agg('count_distinct', { arg: 'any', result: () => 'integer', empty: 0, duckdb: (x) => `count(DISTINCT ${x})`, doc: 'number of distinct non-null values' }),
  agg('first', { arg: 'any', result: sameType, skipsNulls: true, duckdb: (x, d, order) => d.argMin(x, order), doc: 'earliest non-null value' }),
  agg('last', { arg: 'any', result: sameType, skipsNulls: true, duckdb: (x, d, order) => d.argMax(x, order), doc: 'latest non-null value' }),
] as const;

export type AggregateFn = (typeof AGGREGATE_DEFS)[number]['name'];

const SCALAR_BY_NAME = new Map(SCALARS.map((f) => [f.name, f] as const));
const AGGREGATE_BY_NAME = new Map<string, AggregateDef<AggregateFn>>(AGGREGATE_DEFS.map((a) => [a.name, a as AggregateDef<AggregateFn>] as const));

/** A scalar function by name (case-insensitive), or undefined. */
export function lookupFunction(name: string): FunctionDef | undefined {
  return SCALAR_BY_NAME.get(name.toLowerCase());
}

/** An aggregate by name (exact: aggregates are lower-case words), or undefined. */
export function lookupAggregate(name: string): AggregateDef<AggregateFn> | undefined {
  return AGGREGATE_BY_NAME.get(name);
}

export const isAggregate = (name: string): name is AggregateFn => AGGREGATE_BY_NAME.has(name);

/** Scalar function names, in registry order. */
export const functionNames = (): string[] => SCALARS.map((f) => f.name);

/** Aggregate names, in registry order. */
export const aggregateNames = (): AggregateFn[] => AGGREGATE_DEFS.map((a) => a.name);

/** Every scalar function, in registry order. */
export const functions = (): readonly FunctionDef[] => SCALARS;

/** Every aggregate, in registry order. */
export const aggregates = (): readonly AggregateDef<AggregateFn>[] => AGGREGATE_DEFS as readonly AggregateDef<AggregateFn>[];

/** The SQL of scalar function `f` for dialect `d`. */
export const functionSql = (f: FunctionDef, args: string[], d: FunctionSqlDialect): string => f.sql[d.family](args, d);

/** The SQL of aggregate `a` over value column `x` for dialect `d` (no FILTER, no OVER). */
export const aggregateSql = (a: AggregateDef, x: string, d: FunctionSqlDialect, order: string): string => a.sql[d.family](x, d, order);

/** Result type of an aggregate over an argument of type `arg`. */
export const aggregateType = (fn: AggregateFn, arg: FdlType): FdlType => AGGREGATE_BY_NAME.get(fn)!.result(arg);

/** The value of aggregate `fn` over no rows (semantics rule 4): 0 for count and count_distinct, else null. */
export const aggregateEmptyValue = (fn: AggregateFn): 0 | null => AGGREGATE_BY_NAME.get(fn)!.empty;

/** @deprecated Names of the aggregates; use `aggregateNames()`. */
export const AGGREGATES: readonly AggregateFn[] = aggregateNames();

/** @deprecated Scalar functions by name; use `lookupFunction` / `functionNames()`. */
export const FUNCTIONS: Readonly<Record<string, FunctionSig>> = Object.freeze(Object.fromEntries(SCALARS.map((f) => [f.name, f])));
