/**
 * The SQL dialect: how names, literals, casts and file scans are written,
 * every engine-specific construct the SQL builders use, and which optional
 * constructs the target engine supports.
 *
 * Stage: compile (used by `emit-sql.ts`, `src/drift/sql.ts` and the function
 * registry's SQL). May import: `src/lang/functions.ts` (types only).
 *
 * The builders write portable SQL (CTEs, window functions, `FILTER`, `CASE`)
 * themselves and ask the dialect for anything else, so a second engine is a
 * new object here. Capability flags default to `false`: a dialect opts in to
 * a construct before a builder uses it, and the builder falls back to
 * plainer SQL. Native DuckDB and DuckDB-WASM are two objects that differ only
 * in their declared capabilities.
 */
import type { FunctionSqlDialect, SqlCastType, SqlFamily } from '../lang/functions.js';

export interface Dialect extends FunctionSqlDialect {
  readonly name: string;
  /** Which SQL of the function registry (`src/lang/functions.ts`) applies. */
  readonly family: SqlFamily;
  /**
   * Window frames `RANGE BETWEEN <interval> PRECEDING AND CURRENT ROW EXCLUDE TIES`
   * over timestamps, with FILTER and DISTINCT aggregates inside windows.
   * Enables the single-pass union-and-window strategy for point-in-time features.
   * Default is `false` (range-join strategy).
   */
  readonly supportsWindowExcludeTies?: boolean;
  /** `QUALIFY` filters rows after window functions. Default is `false` (a subquery and `WHERE`). */
  readonly supportsQualify?: boolean;
  /**
   * `readFileNumbered`: a parallel scan that numbers rows in file order, used
   * to keep a Parquet spine's order without a (single-threaded)
   * `row_number() OVER ()`. Default is `false`.
   */
  readonly supportsFileRowNumber?: boolean;
  /** `name AS MATERIALIZED (…)` computes a CTE once however often it is read. Default is `false` (plain `AS`). */
  readonly supportsMaterializedCte?: boolean;

  quoteIdent(name: string): string;
  quoteString(value: string): string;
  /** A TIMESTAMP literal (UTC) from epoch milliseconds. */
  timestamp(ms: number): string;
  /** An INTERVAL literal from milliseconds. */
  interval(ms: number): string;
  /** A table expression reading a file (or glob) of the given format. */
  readFile(path: string, format: 'csv' | 'parquet' | 'json'): string;
  /**
   * A SELECT of every column of a Parquet file plus `column`: the row's
   * position in the file, from 0. Only where `supportsFileRowNumber`.
   */
  readFileNumbered(path: string, column: string): string;
  /** A statement writing the rows of `query` to a file; it answers one row holding the number of rows written. JSON is one array. */
  copyTo(query: string, path: string, format: 'parquet' | 'csv' | 'json'): string;
  /** A table expression reading newline-delimited JSON with the given columns and (engine) types. */
  readNdjson(path: string, columns: [name: string, type: string][]): string;
  /** Casts an expression to the engine's TIMESTAMP type (UTC). */
  toTimestamp(expr: string): string;
  /** The engine's name of a type (column definitions). */
  typeName(type: SqlCastType): string;
  /** A NULL of the given type (a UNION's first branch fixes the column's type). */
  typedNull(type: SqlCastType): string;
  /** Every column of the row but `columns`, in a select list. */
  starExcept(columns: string[]): string;
  /** A struct value from named fields; structs compare field by field, in order. */
  struct(fields: [name: string, expr: string][]): string;
  /** Microseconds since 1970-01-01 UTC of a TIMESTAMP, as a 64-bit integer. */
  epochMicros(expr: string): string;
  /** Milliseconds since 1970-01-01 UTC of a TIMESTAMP, as a 64-bit integer. */
  epochMillis(expr: string): string;
  /** The engine's current time as a TIMESTAMP. */
  currentTimestamp(): string;
  /** Rounds `t` down to a multiple of `everyMs` after subtracting `delayMs`, epoch-aligned (semantics rule 6). */
  refreshAsOf(t: string, everyMs: number, delayMs: number): string;
  /** The quantiles of `x` at `fractions` (SQL numbers) as one list: interpolated (`cont`) or actual values (`disc`). */
  quantiles(kind: 'cont' | 'disc', x: string, fractions: string[]): string;
  /** A 64-bit hash of the values, deterministic across runs. */
  hash(...exprs: string[]): string;
  /** Bitwise exclusive or of two integers. */
  xor(a: string, b: string): string;
  /** A table of the integers 0 … n-1 in column `column`, named `alias`. */
  series(n: number, alias: string, column: string): string;
  /** Any one value of a group (an aggregate). */
  anyValue(expr: string): string;
  /** A list literal. */
  list(items: string[]): string;
  /** The values of a group as one list, in `orderBy` order (an aggregate). */
  listAgg(expr: string, orderBy: string): string;
  /** `LEFT JOIN` of `table` keeping, per left row, the one right row with the greatest match of the inequality `on`. */
  asofLeftJoin(table: string, on: string): string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** DuckDB's names of the cast types. */
const DUCKDB_TYPES: Record<SqlCastType, string> = {
  double: 'DOUBLE',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  int128: 'HUGEINT',
  timestamp: 'TIMESTAMP',
  text: 'VARCHAR',
};

export const duckdb: Dialect = {
  name: 'duckdb',
  family: 'duckdb',
  supportsWindowExcludeTies: true,
  supportsQualify: true,
  supportsFileRowNumber: true,
  supportsMaterializedCte: true,
  quoteIdent: (name) => `"${name.replaceAll('"', '""')}"`,
  // DuckDB string literals have no backslash escapes: doubling the quote is the only escape needed.
  // NUL cannot appear in a DuckDB string, so it is dropped rather than passed through.
  quoteString: (value) => `'${value.replaceAll('\u0000', '').replaceAll("'", "''")}'`,
  timestamp: (ms) => `TIMESTAMP '${isoTimestamp(ms)}'`,
  interval: (ms) => `INTERVAL '${Math.trunc(ms)} milliseconds'`,
  readFile(path, format) {
    const p = this.quoteString(path);
    switch (format) {
      case 'parquet':
        return `read_parquet(${p})`;
      case 'csv':
        return `read_csv(${p}, header = true)`;
      case 'json':
        return `read_json_auto(${p})`;
    }
  },
  readFileNumbered(path, column) {
    return `SELECT * EXCLUDE (file_row_number), file_row_number AS ${column} FROM read_parquet(${this.quoteString(path)}, file_row_number = true)`;
  },
  copyTo(query, path, format) {
    const options = format === 'parquet' ? 'FORMAT parquet' : format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT json, ARRAY true';
    return `COPY (\n${query}\n) TO ${this.quoteString(path)} (${options})`;
  },
  readNdjson(path, columns) {
    const cols = columns.map(([n, t]) => `${this.quoteString(n)}: ${this.quoteString(t)}`).join(', ');
    return `read_json(${this.quoteString(path)}, format = 'newline_delimited', columns = {${cols}})`;
  },
  toTimestamp: (expr) => `CAST(${expr} AS TIMESTAMP)`,
  typeName: (type) => DUCKDB_TYPES[type],
  cast: (expr, type) => `CAST(${expr} AS ${DUCKDB_TYPES[type]})`,
  typedNull: (type) => `NULL::${DUCKDB_TYPES[type]}`,
  starExcept: (columns) => `* EXCLUDE (${columns.join(', ')})`,
  struct: (fields) => `struct_pack(${fields.map(([n, e]) => `${n} := ${e}`).join(', ')})`,
  argMin: (value, order) => `arg_min(${value}, ${order})`,
  argMax: (value, order) => `arg_max(${value}, ${order})`,
  epochMicros: (expr) => `epoch_us(${expr})`,
  epochMillis: (expr) => `epoch_ms(${expr})`,
  currentTimestamp: () => `CAST(now() AS TIMESTAMP)`,
  refreshAsOf(t, everyMs, delayMs) {
    const p = BigInt(everyMs) * 1000n;
    const x = `(${this.epochMicros(t)} - ${BigInt(delayMs) * 1000n})`;
    // x - ((x % p) + p) % p: floor to a multiple of p, also for times before 1970.
    return `make_timestamp(${x} - (((${x} % ${p}) + ${p}) % ${p}))`;
  },
  quantiles: (kind, x, fractions) => `quantile_${kind}(${x}, [${fractions.join(', ')}])`,
  hash: (...exprs) => `hash(${exprs.join(', ')})`,
  xor: (a, b) => `xor(${a}, ${b})`,
  series: (n, alias, column) => `range(${Math.trunc(n)}) AS ${alias}(${column})`,
  anyValue: (expr) => `any_value(${expr})`,
  list: (items) => `[${items.join(', ')}]`,
  listAgg: (expr, orderBy) => `list(${expr} ORDER BY ${orderBy})`,
  asofLeftJoin: (table, on) => `ASOF LEFT JOIN ${table} ON ${on}`,
};

/**
 * DuckDB-WASM as `WasmEngine` runs it: Parquet files are loaded into tables
 * (no parquet extension), so `read_parquet` is a one-argument macro and has
 * no `file_row_number`.
 */
export const duckdbWasm: Dialect = { ...duckdb, name: 'duckdb-wasm', supportsFileRowNumber: false };

/** The dialect for an engine kind (see `Engine.kind`). */
export function dialectFor(kind: 'native' | 'wasm'): Dialect {
  return kind === 'wasm' ? duckdbWasm : duckdb;
}

/** `name AS (body)`, materialized once where the dialect can say so. */
export function cte(d: Dialect, name: string, body: string, materialized = false): string {
  return `${name} AS ${materialized && d.supportsMaterializedCte ? 'MATERIALIZED ' : ''}(${body})`;
}

/** `select` keeping only rows where `cond` holds after its window functions. */
export function qualify(d: Dialect, select: string, cond: string): string {
  return d.supportsQualify ? `${select}\nQUALIFY ${cond}` : `SELECT *\nFROM (\n${select.replace(/^/gm, '  ')}\n)\nWHERE ${cond}`;
}
