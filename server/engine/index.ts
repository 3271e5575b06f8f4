/**
 * The server's DuckDB: one native engine, its file access locked to the data
 * root (`allowed_directories`, then `enable_external_access = false` and
 * `lock_configuration = true`, in that order — after the lock no SQL can
 * widen it), queries run one at a time, and results can be streamed chunk
 * by chunk for materialization.
 * @module
 */
import type { DuckDBResult } from '@duckdb/node-api';
import type { ColumnInfo, Engine, QueryResult, Value } from '../../src/engine/engine.js';
import { NodeEngine, normalizeValue } from '../../src/engine/node.js';

export interface ServerEngineOptions {
  /** Directories DuckDB may read; undefined leaves file access open (the CLI on the user's own files). */
  allowedDirectories?: string[];
  threads?: number;
  memoryLimit?: string;
}

/** Something that can stream a query's rows in chunks (row-major, values normalized). */
export interface ChunkedEngine extends Engine {
  stream(sql: string, onChunk: (rows: Value[][], columns: ColumnInfo[]) => Promise<void> | void): Promise<ColumnInfo[]>;
}

export const canStream = (e: Engine): e is ChunkedEngine => typeof (e as Partial<ChunkedEngine>).stream === 'function';

export class ServerEngine implements ChunkedEngine {
  readonly kind = 'native' as const;
  private tail: Promise<unknown> = Promise.resolve();
  private constructor(readonly inner: NodeEngine) {}

  /**
   * @example
   * ```ts
   * const engine = await ServerEngine.create({ allowedDirectories: root.allowedDirectories })
   * ```
   */
  static async create(opts: ServerEngineOptions = {}): Promise<ServerEngine> {
    return new ServerEngine(await NodeEngine.create(opts));
  }

  /** Runs `fn` after every earlier call has finished: one DuckDB connection, one statement at a time. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => {});
    return run;
  }

  exec(sql: string): Promise<void> {
    return this.serial(() => this.inner.exec(sql));
  }
  query(sql: string): Promise<QueryResult> {
    return this.serial(() => this.inner.query(sql));
  }
  describe(sql: string): Promise<ColumnInfo[]> {
    return this.serial(() => this.inner.describe(sql));
  }

  stream(sql: string, onChunk: (rows: Value[][], columns: ColumnInfo[]) => Promise<void> | void): Promise<ColumnInfo[]> {
    return this.serial(async () => {
      const result: DuckDBResult = await this.inner.connection.stream(sql);
      const names = result.columnNames();
      const types = result.columnTypes();
      const columns = names.map((name, i) => ({ name, type: types[i]!.toString() }));
      for await (const rows of result.yieldRowsJs()) {
        const out = rows as unknown[][];
        for (const r of out) for (let c = 0; c < r.length; c++) r[c] = normalizeValue(r[c]);
        await onChunk(out as Value[][], columns);
      }
      return columns;
    });
  }

  close(): Promise<void> {
    return this.serial(() => this.inner.close());
  }
}
