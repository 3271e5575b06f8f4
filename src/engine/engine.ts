/**
 * The one interface behind which native DuckDB (`node.ts`) and DuckDB-WASM
 * (`wasm.ts`) run the compiler's SQL. Code above this layer never sees an
 * engine's own value types: `query` returns normalized JavaScript values.
 */

/** A result value after normalization: every numeric type becomes a number, times become Dates. */
export type Value = null | boolean | number | string | Date | Value[] | { [k: string]: Value };
export type Row = Record<string, Value>;

export interface ColumnInfo {
  name: string;
  /** DuckDB's type name, e.g. BIGINT, DOUBLE, VARCHAR, TIMESTAMP. */
  type: string;
}

export interface QueryResult {
  columns: ColumnInfo[];
  rows: Row[];
}

export interface Engine {
  readonly kind: 'native' | 'wasm';
  /** Runs one or more statements, discarding results. */
  exec(sql: string): Promise<void>;
  /** Runs a query and returns its columns and rows with normalized values. */
  query(sql: string): Promise<QueryResult>;
  /** Column names and types of a query's result, without reading its rows. */
  describe(sql: string): Promise<ColumnInfo[]>;
  close(): Promise<void>;
}
