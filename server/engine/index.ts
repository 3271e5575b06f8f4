/**
 * The server's DuckDB: one native database, its file access locked to the data
 * root (`allowed_directories`, then `enable_external_access = false` and
 * `lock_configuration = true`, in that order — after the lock no SQL can
 * widen it), a memory limit that spills to a temp folder, and connections in
 * three lanes so that a large query never holds a small one:
 *
 * - **main** (the `Engine` methods of `ServerEngine`): materialize, publish,
 *   drift — authenticated or operator work, one statement at a time, no time
 *   limit; results can be streamed chunk by chunk.
 * - **short** (`run('short', …)`): check and compile reading column types —
 *   a few connections, requests wait their turn (at most `SHORT_QUEUE` each).
 * - **heavy** (`run('heavy', …)`): training sets — `queryConcurrency`
 *   connections; when all are working the answer is 503 `busy` at once.
 *
 * A lane run has a time limit (504 `query_timeout`) and stops when the client
 * goes away (499 `cancelled`): DuckDB's connection interrupt ends the
 * running statement and the lane's connection is free again.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { DuckDBResult } from '@duckdb/node-api';
import type { ColumnInfo, Engine, QueryResult, Value } from '../../src/engine/engine.js';
import { NodeEngine, normalizeValue } from '../../src/engine/node.js';
import { ApiError } from '../errors/index.js';

export interface ServerEngineOptions {
  /** Directories DuckDB may read; undefined leaves file access open (the CLI on the user's own files). */
  allowedDirectories?: string[];
  threads?: number;
  /** DuckDB `memory_limit`, e.g. `4GB`; default DuckDB's own (the CLI verbs) — `serve` passes `defaultMemoryLimit()`. */
  memoryLimit?: string;
  /** Connections of the heavy lane: training sets running at once (default 2). */
  queryConcurrency?: number;
  /** Time limit of a lane run, ms (default 30000; 0 = none). */
  queryTimeoutMs?: number;
  /** Connections of the short lane (default 2). */
  shortConcurrency?: number;
  /** Where stopped queries are reported. */
  log?: (line: string) => void;
}

export const DEFAULT_QUERY_TIMEOUT_MS = 30_000;
export const DEFAULT_QUERY_CONCURRENCY = 2;
/** Most requests waiting for one short-lane connection before the answer is 503 `busy`. */
export const SHORT_QUEUE = 64;

/** The machine's memory, or the container's where it is limited, in bytes. */
export function memoryBytes(): number {
  // process.constrainedMemory: the cgroup's limit (0, undefined or a huge number where there is none).
  const limit = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.() ?? 0;
  return Math.min(totalmem(), limit > 0 ? limit : Infinity);
}

/** A quarter of `memoryBytes()`, as a DuckDB size. */
export function defaultMemoryLimit(): string {
  return `${Math.max(64, Math.floor(memoryBytes() / 4 / 2 ** 20))}MiB`;
}

/** `4GB`, `512MiB`, `25%` → a DuckDB memory_limit; undefined for anything else. */
export function parseMemoryLimit(s: string): string | undefined {
  const t = s.trim();
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (pct) {
    const p = Number(pct[1]);
    return p > 0 && p <= 100 ? `${Math.max(64, Math.floor((memoryBytes() * p) / 100 / 2 ** 20))}MiB` : undefined;
  }
  return /^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(t) ? t : undefined;
}

/** Something that can stream a query's rows in chunks (row-major, values normalized). */
export interface ChunkedEngine extends Engine {
  stream(sql: string, onChunk: (rows: Value[][], columns: ColumnInfo[]) => Promise<void> | void): Promise<ColumnInfo[]>;
}

export const canStream = (e: Engine): e is ChunkedEngine => typeof (e as Partial<ChunkedEngine>).stream === 'function';

export type LaneName = 'short' | 'heavy';

export interface RunOptions {
  /** Aborted when the client goes away (`c.req.raw.signal`). */
  signal?: AbortSignal;
  /** Overrides the engine's time limit (ms; 0 = none). */
  timeoutMs?: number;
  /** What runs, for the log (e.g. `training set 'train'`). */
  what?: string;
}

/** One connection whose statements run one at a time. */
class Connection {
  private tail: Promise<unknown> = Promise.resolve();
  /** Runs waiting or running here. */
  pending = 0;
  constructor(readonly engine: NodeEngine) {}

  serial<T>(fn: () => Promise<T>): Promise<T> {
    this.pending++;
    const run = this.tail.then(fn, fn).finally(() => this.pending--);
    this.tail = run.catch(() => {});
    return run;
  }
}

type Stop = 'timeout' | 'cancelled';

export class ServerEngine implements ChunkedEngine {
  readonly kind = 'native' as const;
  private readonly main: Connection;
  private readonly lanes: Record<LaneName, Connection[]>;
  private readonly timeoutMs: number;
  private readonly log: (line: string) => void;

  private constructor(
    inner: NodeEngine,
    lanes: Record<LaneName, NodeEngine[]>,
    opts: ServerEngineOptions,
    private readonly spillDir: string | undefined,
  ) {
    this.main = new Connection(inner);
    this.lanes = { short: lanes.short.map((e) => new Connection(e)), heavy: lanes.heavy.map((e) => new Connection(e)) };
    this.timeoutMs = opts.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    this.log = opts.log ?? ((l) => process.stderr.write(l + '\n'));
  }

  /** The main lane's engine (materialize streams on it). */
  get inner(): NodeEngine {
    return this.main.engine;
  }

  /**
   * @example
   * ```ts
   * const engine = await ServerEngine.create({ allowedDirectories: root.allowedDirectories, memoryLimit: defaultMemoryLimit() })
   * const rows = await engine.run('heavy', { signal: c.req.raw.signal }, (e) => e.query(sql))
   * ```
   */
  static async create(opts: ServerEngineOptions = {}): Promise<ServerEngine> {
    // A memory limit without a place to spill would fail large queries instead of slowing them.
    const spillDir = opts.memoryLimit ? mkdtempSync(join(tmpdir(), 'featurebook-duckdb-spill-')) : undefined;
    const inner = await NodeEngine.create({ ...opts, ...(spillDir ? { tempDirectory: spillDir } : {}) });
    const connect = (n: number) => Promise.all(Array.from({ length: n }, () => inner.connect()));
    const heavy = await connect(Math.max(1, opts.queryConcurrency ?? DEFAULT_QUERY_CONCURRENCY));
    const short = await connect(Math.max(1, opts.shortConcurrency ?? 2));
    return new ServerEngine(inner, { short, heavy }, opts, spillDir);
  }

  exec(sql: string): Promise<void> {
    return this.main.serial(() => this.main.engine.exec(sql));
  }
  query(sql: string): Promise<QueryResult> {
    return this.main.serial(() => this.main.engine.query(sql));
  }
  describe(sql: string): Promise<ColumnInfo[]> {
    return this.main.serial(() => this.main.engine.describe(sql));
  }

  stream(sql: string, onChunk: (rows: Value[][], columns: ColumnInfo[]) => Promise<void> | void): Promise<ColumnInfo[]> {
    return this.main.serial(async () => {
      const result: DuckDBResult = await this.main.engine.connection.stream(sql);
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

  /** Lane runs waiting or running, per lane (for tests and metrics). */
  busy(): Record<LaneName, number> {
    const sum = (cs: Connection[]) => cs.reduce((n, c) => n + c.pending, 0);
    return { short: sum(this.lanes.short), heavy: sum(this.lanes.heavy) };
  }

  /**
   * Runs `fn` on a connection of `lane`, alone on it, with the time limit and
   * the client's signal: either stops the running statement (DuckDB
   * interrupt) and the run fails with 504 `query_timeout` or 499 `cancelled`,
   * whatever `fn` made of the interruption. A full heavy lane (or a short
   * lane with `SHORT_QUEUE` waiting) is 503 `busy` without waiting.
   */
  async run<T>(lane: LaneName, opts: RunOptions, fn: (engine: Engine) => Promise<T>): Promise<T> {
    const conns = this.lanes[lane];
    const conn = conns.reduce((a, b) => (b.pending < a.pending ? b : a));
    if (lane === 'heavy' ? conn.pending > 0 : conn.pending >= SHORT_QUEUE) {
      throw new ApiError(503, 'busy', `the server is running ${lane === 'heavy' ? `${conns.length} training set${conns.length === 1 ? '' : 's'}` : 'too many checks'} already; try again shortly (or raise --query-concurrency)`, {
        headers: { 'Retry-After': '2' },
      });
    }
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
    const what = opts.what ?? `a ${lane} query`;
    opts.signal?.throwIfAborted?.();
    return conn.serial(async () => {
      const started = Date.now();
      let stop: Stop | undefined;
      const halt = (why: Stop) => {
        if (stop) return;
        stop = why;
        conn.engine.interrupt();
      };
      // The time limit counts from the start of the run, not from the wait for the connection.
      const timer = timeoutMs > 0 ? setTimeout(() => halt('timeout'), timeoutMs) : undefined;
      const onAbort = () => halt('cancelled');
      if (opts.signal?.aborted) stop = 'cancelled';
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      const guard = <R>(f: () => Promise<R>) => {
        // A statement after the stop would start afresh (DuckDB clears the interrupt per statement).
        if (stop) return Promise.reject(new Error('Interrupted'));
        return f();
      };
      const e = conn.engine;
      const bound: Engine = {
        kind: 'native',
        exec: (sql) => guard(() => e.exec(sql)),
        query: (sql) => guard(() => e.query(sql)),
        describe: (sql) => guard(() => e.describe(sql)),
        close: async () => {},
      };
      let result: T | undefined;
      let failure: unknown;
      try {
        result = await fn(bound);
      } catch (err) {
        failure = err;
      } finally {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
      }
      if (stop) {
        const s = ((Date.now() - started) / 1000).toFixed(1);
        if (stop === 'timeout') {
          this.log(`featurebook serve: stopped ${what} after ${s}s (the ${timeoutMs / 1000}s query timeout)`);
          throw new ApiError(504, 'query_timeout', `${what} ran longer than ${timeoutMs / 1000}s and was stopped; send a smaller 'limit', narrow the windows or the data, or raise --query-timeout`);
        }
        this.log(`featurebook serve: stopped ${what} after ${s}s (the client went away)`);
        throw new ApiError(499 as never, 'cancelled', `${what} was stopped: the client went away`);
      }
      if (failure !== undefined) throw failure;
      return result as T;
    });
  }

  async close(): Promise<void> {
    const all = [...this.lanes.short, ...this.lanes.heavy];
    for (const c of all) c.engine.interrupt();
    await Promise.all(all.map((c) => c.serial(() => c.engine.close())));
    await this.main.serial(() => this.main.engine.close());
    if (this.spillDir) rmSync(this.spillDir, { recursive: true, force: true });
  }
}
