/**
 * The SQL dialect: how names, literals and file scans are written, and which
 * constructs the target engine supports. SQL emission asks the dialect
 * rather than hard-coding DuckDB, so a second engine is a new object here.
 *
 * Capability flags default to `false`: a dialect must opt in to a construct
 * before the emitter uses it, and the emitter falls back to plainer SQL.
 */

export interface Dialect {
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
  quoteIdent(name: string): string;
  quoteString(value: string): string;
  /** A TIMESTAMP literal (UTC) from epoch milliseconds. */
  timestamp(ms: number): string;
  /** An INTERVAL literal from milliseconds. */
  interval(ms: number): string;
  /** A table expression reading a file (or glob) of the given format. */
  readFile(path: string, format: 'csv' | 'parquet' | 'json'): string;
  /** Casts an expression to the engine's TIMESTAMP type (UTC). */
  toTimestamp(expr: string): string;
  /** Rounds `t` down to a multiple of `everyMs` after subtracting `delayMs`, epoch-aligned (DESIGN §3 rule 6). */
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
  toTimestamp: (expr) => `CAST(${expr} AS TIMESTAMP)`,
  refreshAsOf(t, everyMs, delayMs) {
    const p = BigInt(everyMs) * 1000n;
    const x = `(epoch_us(${t}) - ${BigInt(delayMs) * 1000n})`;
    // x - ((x % p) + p) % p: floor to a multiple of p, also for times before 1970.
    return `make_timestamp(${x} - (((${x} % ${p}) + ${p}) % ${p}))`;
  },
};
