/**
 * The SQL dialect: how names, literals and file scans are written, and which
 * constructs the target engine supports. SQL emission asks the dialect
 * rather than hard-coding DuckDB, so a second engine is a new object here.
 *
 * Capability flags default to `false`: a dialect must opt in to a construct
 * before the emitter uses it, and the emitter falls back to plainer SQL.
 */

import type { FunctionSqlDialect, SqlCastType } from '../lang/functions.js';

export interface Dialect extends FunctionSqlDialect {
  readonly name: string;
  /**
   * Window frames `RANGE BETWEEN <interval> PRECEDING AND CURRENT ROW EXCLUDE TIES`
   * over timestamps, with FILTER and DISTINCT aggregates inside windows.
   * Enables the single-pass union-and-window strategy for point-in-time features.
   * Default is `false` (range-join strategy).
   */
  readonly supportsWindowExcludeTies: boolean;
  /** `QUALIFY` clause. Default is `false`. */
  readonly supportsQualify: boolean;
  /**
   * `read_parquet(path, file_row_number = true)`: a parallel scan that numbers
   * rows in file order, used to keep a Parquet spine's order without a
   * (single-threaded) `row_number() OVER ()`. Default is `false`.
   */
  readonly supportsFileRowNumber?: boolean;
  quoteIdent(name: string): string;
  quoteString(value: string): string;
  /** A TIMESTAMP literal (UTC) from epoch milliseconds. */
  timestamp(ms: number): string;
  /** An INTERVAL literal from milliseconds. */
  interval(ms: number): string;
  /**
   * A table expression reading a file (or glob) of the given format. With
   * `rowNumber` (Parquet, where `supportsFileRowNumber`), it adds the column
   * `file_row_number`: the row's position in the file, from 0.
   */
  readFile(path: string, format: 'csv' | 'parquet' | 'json', opts?: { rowNumber?: boolean }): string;
  /** Casts an expression to the engine's TIMESTAMP type (UTC). */
  toTimestamp(expr: string): string;
  /** Rounds `t` down to a multiple of `everyMs` after subtracting `delayMs`, epoch-aligned (semantics rule 6). */
  refreshAsOf(t: string, everyMs: number, delayMs: number): string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function isoTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

export const duckdb: Dialect = {
  name: 'duckdb',
  supportsWindowExcludeTies: true,
  supportsQualify: true,
  supportsFileRowNumber: true,
  quoteIdent: (name) => `"${name.replaceAll('"', '""')}"`,
  // DuckDB string literals have no backslash escapes: doubling the quote is the only escape needed.
  // NUL cannot appear in a DuckDB string, so it is dropped rather than passed through.
  quoteString: (value) => `'${value.replaceAll('\u0000', '').replaceAll("'", "''")}'`,
  timestamp: (ms) => `TIMESTAMP '${isoTimestamp(ms)}'`,
  interval: (ms) => `INTERVAL '${Math.trunc(ms)} milliseconds'`,
  readFile(path, format, opts) {
    const p = this.quoteString(path);
    switch (format) {
      case 'parquet':
        return opts?.rowNumber ? `read_parquet(${p}, file_row_number = true)` : `read_parquet(${p})`;
      case 'csv':
        return `read_csv(${p}, header = true)`;
      case 'json':
        return `read_json_auto(${p})`;
    }
  },
  toTimestamp: (expr) => `CAST(${expr} AS TIMESTAMP)`,
  cast: (expr: string, type: SqlCastType) => `CAST(${expr} AS ${type})`,
  argMin: (value, order) => `arg_min(${value}, ${order})`,
  argMax: (value, order) => `arg_max(${value}, ${order})`,
  refreshAsOf(t, everyMs, delayMs) {
    const p = BigInt(everyMs) * 1000n;
    const x = `(epoch_us(${t}) - ${BigInt(delayMs) * 1000n})`;
    // x - ((x % p) + p) % p: floor to a multiple of p, also for times before 1970.
    return `make_timestamp(${x} - (((${x} % ${p}) + ${p}) % ${p}))`;
  },
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
