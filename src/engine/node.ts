/**
 * Native DuckDB behind the Engine interface (`@duckdb/node-api`).
 * @module
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnInfo, Engine, QueryResult, Row, Value } from './engine.js';

export interface NodeEngineOptions {
  /** Database file; in-memory by default. */
  path?: string;
  threads?: number;
  memoryLimit?: string;
  /** Where DuckDB spills what does not fit in `memoryLimit` (DuckDB `temp_directory`). */
  tempDirectory?: string;
  /**
   * Confine file access to these directories (DuckDB `allowed_directories`),
   * then lock the configuration so SQL cannot widen it.
   */
  allowedDirectories?: string[];
}

/** Converts node-api's JS values (bigint, Date, nested) to the engine-neutral `Value`. */
export function normalizeValue(v: unknown): Value {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'bigint':
      return Number(v);
    case 'number':
    case 'string':
    case 'boolean':
      return v;
    case 'object':
      if (v instanceof Date) return v;
      if (Array.isArray(v)) return v.map(normalizeValue);
      if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
      {
        const out: Record<string, Value> = {};
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = normalizeValue(x);
        return out;
      }
    default:
      return String(v);
  }
}

export class NodeEngine implements Engine {
  readonly kind = 'native' as const;
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    /** Whether `close` closes the instance too (false for the extra connections of `connect`). */
    private readonly ownsInstance = true,
  ) {}

  static async create(opts: NodeEngineOptions = {}): Promise<NodeEngine> {
    const config: Record<string, string> = {};
    if (opts.threads) config.threads = String(opts.threads);
    if (opts.memoryLimit) config.memory_limit = opts.memoryLimit;
    if (opts.tempDirectory) config.temp_directory = opts.tempDirectory;
    const instance = await DuckDBInstance.create(opts.path ?? ':memory:', config);
    const connection = await instance.connect();
    const engine = new NodeEngine(instance, connection);
    // Rule 10: every timestamp is UTC (GLOBAL, so connections made later by `connect` agree).
    await engine.exec(`SET GLOBAL TimeZone = 'UTC'`);
    if (opts.allowedDirectories) {
      const dirs = opts.allowedDirectories.map((d) => `'${d.replaceAll("'", "''")}'`).join(', ');
      await engine.exec(`SET allowed_directories = [${dirs}]; SET enable_external_access = false; SET lock_configuration = true;`);
    }
    return engine;
  }

  /** Another connection to the same database (same settings, its own temp tables); closing it leaves the database open. */
  async connect(): Promise<NodeEngine> {
    return new NodeEngine(this.instance, await this.instance.connect(), false);
  }

  /** Stops the statement running on this connection (it fails with DuckDB's "Interrupted"); a no-op when idle. */
  interrupt(): void {
    this.connection.interrupt();
  }

  async exec(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async query(sql: string): Promise<QueryResult> {
    const reader = await this.connection.runAndReadAll(sql);
    const names = reader.columnNames();
    const types = reader.columnTypes();
    const columns: ColumnInfo[] = names.map((name, i) => ({ name, type: types[i]!.toString() }));
    const cols = reader.getColumnsJS();
    const n = reader.currentRowCount;
    const rows: Row[] = new Array(n);
    for (let r = 0; r < n; r++) {
      const row: Row = {};
      for (let c = 0; c < names.length; c++) row[names[c]!] = normalizeValue(cols[c]![r]);
      rows[r] = row;
    }
    return { columns, rows };
  }

  async describe(sql: string): Promise<ColumnInfo[]> {
    const reader = await this.connection.runAndReadAll(`DESCRIBE ${sql}`);
    return reader.getRowObjectsJson().map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}
