/**
 * DuckDB-WASM behind the Engine interface: in the browser (worker, async
 * bindings, self-hosted wasm files) and in Node (blocking bindings, for
 * parity tests and benchmarks without a browser).
 *
 *   registerFile(name, bytes | url) ─▶ DuckDB's virtual file system (CSV)
 *                                   ─▶ decoded here, loaded as a table (Parquet, JSON)
 *   query(sql) ─▶ Arrow table ─▶ normalized rows (numbers, Dates), as the native engine gives them
 *
 * Why Parquet and JSON are decoded here: DuckDB-WASM 1.32 links neither the
 * parquet nor the json extension; it would fetch them from DuckDB's extension
 * site at the first `read_parquet`, which a self-hosted, offline page must
 * never do. So autoloading is switched off, Parquet files are decoded with
 * hyparquet (pure JS) and JSON with DuckDB-WASM's own JSON import, each into a
 * table, and table macros named `read_parquet` / `read_json_auto` map a
 * registered file name to its table. The compiler's SQL runs unchanged.
 * @module
 */
import { parquetMetadata, parquetRead, parquetSchema, type SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import {
  Bool,
  DateDay,
  Float32,
  Float64,
  Int32,
  Int64,
  Table,
  TimeUnit,
  Timestamp,
  Type,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import type { ColumnInfo, Engine, QueryResult, Row, Value } from './engine.js';

// ---------------------------------------------------------------- backends

/** The few things WasmEngine needs from DuckDB-WASM; async and blocking bindings both provide them. */
interface Backend {
  query(sql: string): Promise<ArrowTableLike>;
  /** Runs `sql` as a prepared statement with `params` bound to its `?` placeholders. */
  queryParams(sql: string, params: unknown[]): Promise<ArrowTableLike>;
  registerBuffer(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  insertArrowIpc(table: string, ipc: Uint8Array): Promise<void>;
  insertJsonFile(file: string, table: string): Promise<void>;
  version(): Promise<string>;
  close(): Promise<void>;
}

/** The part of an Arrow table (of whichever apache-arrow version DuckDB-WASM carries) that is read here. */
interface ArrowTableLike {
  numRows: number;
  schema: { fields: { name: string; type: ArrowTypeLike }[] };
  getChildAt(i: number): { get(i: number): unknown; length: number } | null;
}
interface ArrowTypeLike {
  typeId: number;
  bitWidth?: number;
  isSigned?: boolean;
  precision?: number;
  scale?: number;
  unit?: number;
  timezone?: string | null;
  children?: { name: string; type: ArrowTypeLike }[];
  valueType?: ArrowTypeLike;
}

/** URLs of one DuckDB-WASM build: its .wasm module and its worker script. */
export interface WasmBundle {
  mainModule: string;
  mainWorker: string;
}

/** The builds to choose from: `mvp` runs everywhere, `eh` (wasm exceptions) is faster where supported. */
export interface WasmBundles {
  mvp: WasmBundle;
  eh?: WasmBundle;
}

export interface WasmEngineOptions {
  /** Log DuckDB-WASM's own messages to the console. Default off. */
  verbose?: boolean;
}

// Kept out of esbuild's and Framework's sight: the browser bundle must not pull in Node's bindings.
const BLOCKING_MODULE = ['@duckdb', 'duckdb-wasm', 'blocking'].join('/');
const NODE_MODULE = 'node:module';

// ---------------------------------------------------------------- engine

export class WasmEngine implements Engine {
  readonly kind = 'wasm' as const;
  private readonly files = new Map<string, 'file' | 'table'>();

  private constructor(private readonly backend: Backend) {}

  /**
   * Starts DuckDB-WASM in a Web Worker. `bundles` are absolute URLs of the
   * self-hosted .wasm and worker files (never a CDN).
   * @example
   * const engine = await WasmEngine.create({ mvp: { mainModule: mvpWasm, mainWorker: mvpWorker }, eh: { mainModule: ehWasm, mainWorker: ehWorker } });
   */
  static async create(bundles: WasmBundles, opts: WasmEngineOptions = {}): Promise<WasmEngine> {
    const duckdb = await import('@duckdb/duckdb-wasm');
    const bundle = await duckdb.selectBundle(bundles as never);
    const worker = new Worker(bundle.mainWorker!);
    const logger = opts.verbose ? new duckdb.ConsoleLogger() : new duckdb.VoidLogger();
    const db = new duckdb.AsyncDuckDB(logger, worker);
    try {
      await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
      await db.open({});
      const con = await db.connect();
      const backend: Backend = {
        query: (sql) => con.query(sql) as Promise<never>,
        queryParams: async (sql, params) => {
          const stmt = await con.prepare(sql);
          try {
            return (await stmt.query(...params)) as never;
          } finally {
            await stmt.close();
          }
        },
        registerBuffer: (name, bytes) => db.registerFileBuffer(name, bytes),
        dropFile: async (name) => void (await db.dropFile(name)),
        insertArrowIpc: (table, ipc) => con.insertArrowFromIPCStream(ipc, { name: table, create: true }),
        insertJsonFile: (file, table) => con.insertJSONFromPath(file, { name: table, create: true }),
        version: () => db.getVersion(),
        close: async () => {
          await con.close();
          await db.terminate();
        },
      };
      return await WasmEngine.start(backend);
    } catch (err) {
      await db.terminate().catch(() => {});
      throw err;
    }
  }

  /** Starts DuckDB-WASM in this Node process with the blocking bindings (tests, benchmarks). */
  static async createBlocking(opts: WasmEngineOptions = {}): Promise<WasmEngine> {
    const duckdb = (await import(BLOCKING_MODULE)) as typeof import('@duckdb/duckdb-wasm/blocking');
    const { createRequire } = (await import(NODE_MODULE)) as typeof import('node:module');
    const require = createRequire(import.meta.url);
    const dir = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm').replace(/[^/]+$/, '');
    const logger = opts.verbose ? new duckdb.ConsoleLogger() : new duckdb.VoidLogger();
    const db = await duckdb.createDuckDB(
      {
        mvp: { mainModule: dir + 'duckdb-mvp.wasm', mainWorker: dir + 'duckdb-node-mvp.worker.cjs' },
        eh: { mainModule: dir + 'duckdb-eh.wasm', mainWorker: dir + 'duckdb-node-eh.worker.cjs' },
      },
      logger,
      duckdb.NODE_RUNTIME,
    );
    await db.instantiate(() => {});
    db.open({});
    const con = db.connect();
    const backend: Backend = {
      query: async (sql) => con.query(sql) as never,
      queryParams: async (sql, params) => {
        const stmt = con.prepare(sql);
        try {
          return stmt.query(...params) as never;
        } finally {
          stmt.close();
        }
      },
      registerBuffer: async (name, bytes) => db.registerFileBuffer(name, bytes),
      dropFile: async (name) => db.dropFile(name),
      insertArrowIpc: async (table, ipc) => con.insertArrowFromIPCStream(ipc, { name: table, create: true }),
      insertJsonFile: async (file, table) => con.insertJSONFromPath(file, { name: table, create: true }),
      version: async () => db.getVersion(),
      close: async () => {
        con.close();
        db.reset();
      },
    };
    return WasmEngine.start(backend);
  }

  private static async start(backend: Backend): Promise<WasmEngine> {
    const engine = new WasmEngine(backend);
    // Never fetch an extension: a query that needs one fails at once, with DuckDB's message.
    // (No ICU either: without it DuckDB-WASM's only time zone is UTC, which is rule 10 anyway.)
    await engine.exec(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
    await engine.exec(
      `CREATE MACRO read_parquet(p) AS TABLE SELECT * FROM query_table(${TABLE_OF_FILE});\n` +
        `CREATE MACRO parquet_scan(p) AS TABLE SELECT * FROM query_table(${TABLE_OF_FILE});\n` +
        `CREATE MACRO read_json_auto(p) AS TABLE SELECT * FROM query_table(${TABLE_OF_FILE});\n` +
        `CREATE MACRO read_json(p) AS TABLE SELECT * FROM query_table(${TABLE_OF_FILE});`,
    );
    return engine;
  }

  /** DuckDB's version inside the wasm module, e.g. `v1.4.3`. */
  version(): Promise<string> {
    return this.backend.version();
  }

  async exec(sql: string): Promise<void> {
    await this.run(sql);
  }

  async query(sql: string): Promise<QueryResult> {
    return normalizeTable(await this.run(sql));
  }

  /**
   * Runs one query with `params` bound to its `?` placeholders (a prepared
   * statement: values are never spliced into the text).
   */
  async queryParams(sql: string, params: unknown[]): Promise<QueryResult> {
    try {
      return normalizeTable(await this.backend.queryParams(sql, params));
    } catch (err) {
      throw friendlyError(err);
    }
  }

  async describe(sql: string): Promise<ColumnInfo[]> {
    const r = await this.query(`DESCRIBE ${sql}`);
    return r.rows.map((x) => ({ name: String(x.column_name), type: String(x.column_type) }));
  }

  /**
   * Makes `data` readable under `name` (the name `resolvePath` maps a source
   * path to). `data` is the file's bytes or a URL to fetch them from. CSV is
   * read by DuckDB as a file; Parquet and JSON are decoded once into a table
   * (see the module comment), so `read_parquet(name)` / `read_json_auto(name)` work.
   * The format is taken from `format`, else the name's extension.
   */
  async registerFile(name: string, data: Uint8Array | ArrayBuffer | string | URL, opts: { format?: 'csv' | 'parquet' | 'json' } = {}): Promise<void> {
    const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : await fetchBytes(data);
    const format = opts.format ?? formatOf(name);
    await this.dropFile(name);
    if (format === 'parquet') {
      await this.backend.insertArrowIpc(tableOfFile(name), await parquetToArrowIpc(bytes));
      this.files.set(name, 'table');
    } else if (format === 'json') {
      const tmp = `${name}.__import.json`;
      await this.backend.registerBuffer(tmp, jsonAsArray(bytes));
      try {
        await this.backend.insertJsonFile(tmp, tableOfFile(name));
      } finally {
        await this.backend.dropFile(tmp);
      }
      this.files.set(name, 'table');
    } else {
      // The bytes are copied into the worker, so the caller may reuse its buffer.
      await this.backend.registerBuffer(name, bytes);
      this.files.set(name, 'file');
    }
  }

  /** Forgets a registered file (no-op if unknown). */
  async dropFile(name: string): Promise<void> {
    const kind = this.files.get(name);
    if (!kind) return;
    this.files.delete(name);
    if (kind === 'table') await this.exec(`DROP TABLE IF EXISTS ${quoteIdent(tableOfFile(name))}`);
    else await this.backend.dropFile(name);
  }

  /** Names registered with `registerFile`. */
  registeredFiles(): string[] {
    return [...this.files.keys()];
  }

  async close(): Promise<void> {
    await this.backend.close();
  }

  private async run(sql: string): Promise<ArrowTableLike> {
    try {
      return await this.backend.query(sql);
    } catch (err) {
      throw friendlyError(err);
    }
  }
}

// ---------------------------------------------------------------- files

/** A registered file's table: dots would read as schema separators in `query_table`. */
const tableOfFile = (name: string) => `file:${name.replaceAll('.', '~')}`;
/** The same mapping in SQL, on the macro's parameter `p`. */
const TABLE_OF_FILE = `'file:' || replace(p, '.', '~')`;

const quoteIdent = (s: string) => `"${s.replaceAll('"', '""')}"`;

function formatOf(name: string): 'csv' | 'parquet' | 'json' {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'parquet' || ext === 'pq') return 'parquet';
  if (ext === 'json' || ext === 'ndjson' || ext === 'jsonl') return 'json';
  return 'csv';
}

async function fetchBytes(url: string | URL): Promise<Uint8Array> {
  const u = String(url);
  if (u.startsWith('file:') || (typeof window === 'undefined' && u.startsWith('/'))) {
    const fs = (await import(['node', 'fs/promises'].join(':'))) as typeof import('node:fs/promises');
    return new Uint8Array(await fs.readFile(u.startsWith('file:') ? new URL(u) : u));
  }
  const res = await fetch(u);
  if (!res.ok) throw new Error(`cannot fetch ${u}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** An error that names the file instead of the table it was loaded into. */
function friendlyError(err: unknown): Error {
  const message = err instanceof Error ? err.message : String(err);
  const m = /Table with name file:(\S+?) does not exist!?/.exec(message);
  if (m) return new Error(`IO Error: No file named '${m[1]!.replaceAll('~', '.')}' was registered`);
  return err instanceof Error ? err : new Error(message);
}

/** JSON text as one array of objects: DuckDB-WASM's JSON import reads arrays, newline-delimited JSON is wrapped. */
function jsonAsArray(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(bytes).trim();
  if (text.startsWith('[')) return bytes;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return new TextEncoder().encode(`[${lines.join(',')}]`);
}

// ---------------------------------------------------------------- parquet → arrow

/**
 * Values as hyparquet decodes them with the parsers below: times stay raw
 * integers and text stays UTF-8 bytes, which go into Arrow as they are
 * (decoding a million strings only to encode them again doubles the load time).
 */
const RAW_PARSERS = {
  timestampFromMilliseconds: (v: bigint) => v,
  timestampFromMicroseconds: (v: bigint) => v,
  timestampFromNanoseconds: (v: bigint) => v,
  dateFromDays: (v: number) => v,
  stringFromBytes: (v: Uint8Array) => v,
};

/** Decodes a Parquet file into an Arrow IPC stream that DuckDB-WASM can load as a table. */
export async function parquetToArrowIpc(bytes: Uint8Array): Promise<Uint8Array> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(buffer);
  const schema = parquetSchema(metadata);
  const n = Number(metadata.num_rows);
  const columns = schema.children.map((c) => ({ tree: c, values: new Array<unknown>(n) as unknown[] }));
  const byName = new Map(columns.map((c) => [c.tree.element.name, c]));
  await parquetRead({
    file: buffer,
    metadata,
    compressors,
    parsers: RAW_PARSERS as never,
    onChunk(chunk) {
      const col = byName.get(chunk.columnName);
      if (!col) return;
      const data = chunk.columnData as ArrayLike<unknown>;
      const end = Math.min(chunk.rowEnd, n) - chunk.rowStart;
      for (let i = 0; i < end; i++) col.values[chunk.rowStart + i] = data[i];
    },
  });
  return buildIpc(columns, n);
}

function buildIpc(columns: { tree: SchemaTree; values: unknown[] }[], n: number): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) vectors[c.tree.element.name] = arrowColumn(c.tree, c.values, n);
  return tableToIPC(new Table(vectors), 'stream');
}

function validity(values: unknown[], n: number): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array((n + 7) >> 3);
  let nulls = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || v === undefined) nulls++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { bitmap, nulls };
}

function arrowColumn(tree: SchemaTree, values: unknown[], n: number): Vector {
  const e = tree.element;
  const lt = e.logical_type;
  const ct = e.converted_type;
  const { bitmap, nulls } = validity(values, n);
  const fixed = <T extends DataType>(type: T, data: ArrayLike<unknown> & { length: number }) =>
    makeVector(makeData({ type, length: n, nullCount: nulls, nullBitmap: nulls ? bitmap : undefined, data } as never)) as Vector;
  if (tree.children.length) return vectorFromArray(values.map((v) => (v == null ? null : JSON.stringify(v, jsonSafe))), new Utf8());

  const timeUnit = lt?.type === 'TIMESTAMP' ? lt.unit : ct === 'TIMESTAMP_MILLIS' ? 'MILLIS' : ct === 'TIMESTAMP_MICROS' ? 'MICROS' : e.type === 'INT96' ? 'NANOS' : undefined;
  if (timeUnit) {
    const unit = timeUnit === 'MILLIS' ? TimeUnit.MILLISECOND : timeUnit === 'MICROS' ? TimeUnit.MICROSECOND : TimeUnit.NANOSECOND;
    const tz = lt?.type === 'TIMESTAMP' && lt.isAdjustedToUTC ? 'UTC' : null;
    const data = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v != null) data[i] = typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v instanceof Date ? v.getTime() * 1000 : v)));
    }
    return fixed(new Timestamp(unit, tz), data);
  }
  if (lt?.type === 'DATE' || ct === 'DATE') {
    const data = new Int32Array(n);
    for (let i = 0; i < n; i++) if (values[i] != null) data[i] = Number(values[i]);
    return fixed(new DateDay(), data);
  }
  switch (e.type) {
    case 'BOOLEAN': {
      const data = new Uint8Array((n + 7) >> 3);
      for (let i = 0; i < n; i++) if (values[i]) data[i >> 3]! |= 1 << (i & 7);
      return fixed(new Bool(), data);
    }
    case 'FLOAT':
    case 'DOUBLE': {
      const data = e.type === 'FLOAT' ? new Float32Array(n) : new Float64Array(n);
      for (let i = 0; i < n; i++) if (values[i] != null) data[i] = Number(values[i]);
      return fixed(e.type === 'FLOAT' ? new Float32() : new Float64(), data);
    }
    case 'INT32':
    case 'INT64': {
      if (lt?.type === 'DECIMAL' || ct === 'DECIMAL') return floatColumn(values, n, fixed);
      const wide = e.type === 'INT64' || (lt?.type === 'INTEGER' && !lt.isSigned && lt.bitWidth >= 32) || ct === 'UINT_32';
      if (!wide) {
        const data = new Int32Array(n);
        for (let i = 0; i < n; i++) if (values[i] != null) data[i] = Number(values[i]);
        return fixed(new Int32(), data);
      }
      const data = new BigInt64Array(n);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v != null) data[i] = typeof v === 'bigint' ? BigInt.asIntN(64, v) : BigInt(Math.trunc(Number(v)));
      }
      return fixed(new Int64(), data);
    }
    case 'FIXED_LEN_BYTE_ARRAY':
    case 'BYTE_ARRAY':
      if (lt?.type === 'DECIMAL' || ct === 'DECIMAL') return floatColumn(values, n, fixed);
      return utf8Column(values, n, bitmap, nulls);
    default:
      return vectorFromArray(values.map((v) => (v == null ? null : String(v))), new Utf8());
  }
}

/** A Utf8 vector from UTF-8 byte arrays (or strings, or anything else as JSON), built in one pass. */
function utf8Column(values: unknown[], n: number, bitmap: Uint8Array, nulls: number): Vector {
  const encoder = new TextEncoder();
  const offsets = new Int32Array(n + 1);
  let bytes = new Uint8Array(Math.max(1024, n * 8));
  let at = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v != null) {
      const b = v instanceof Uint8Array ? v : encoder.encode(typeof v === 'string' ? v : JSON.stringify(v, jsonSafe));
      if (at + b.length > bytes.length) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, at + b.length));
        grown.set(bytes.subarray(0, at));
        bytes = grown;
      }
      bytes.set(b, at);
      at += b.length;
    }
    offsets[i + 1] = at;
  }
  return makeVector(
    makeData({ type: new Utf8(), length: n, nullCount: nulls, nullBitmap: nulls ? bitmap : undefined, valueOffsets: offsets, data: bytes.subarray(0, at) } as never),
  ) as Vector;
}

function floatColumn(values: unknown[], n: number, fixed: (t: DataType, d: Float64Array) => Vector): Vector {
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) if (values[i] != null) data[i] = Number(values[i]);
  return fixed(new Float64(), data);
}

const utf8 = new TextDecoder();
const jsonSafe = (_k: string, v: unknown) => (typeof v === 'bigint' ? Number(v) : v instanceof Uint8Array ? utf8.decode(v) : v);

// ---------------------------------------------------------------- arrow → values

/** DuckDB's name for the type of an Arrow field as DuckDB-WASM exports it. */
export function duckTypeOfArrow(t: ArrowTypeLike): string {
  switch (t.typeId) {
    case Type.Int: {
      const names: Record<number, string> = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' };
      return (t.isSigned === false ? 'U' : '') + (names[t.bitWidth ?? 32] ?? 'BIGINT');
    }
    case Type.Float:
      return t.precision === 2 ? 'DOUBLE' : 'FLOAT';
    case Type.Decimal:
      // DuckDB-WASM exports HUGEINT as DECIMAL(38,0).
      return t.precision === 38 && !t.scale ? 'HUGEINT' : `DECIMAL(${t.precision},${t.scale})`;
    case Type.Utf8:
    case Type.LargeUtf8:
    case Type.Dictionary:
      return 'VARCHAR';
    case Type.Bool:
      return 'BOOLEAN';
    case Type.Date:
      return 'DATE';
    case Type.Timestamp:
      return t.timezone ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP';
    case Type.Time:
      return 'TIME';
    case Type.Interval:
    case Type.Duration:
      return 'INTERVAL';
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
      return 'BLOB';
    case Type.List:
    case Type.FixedSizeList:
      return `${t.children?.[0] ? duckTypeOfArrow(t.children[0].type) : 'VARCHAR'}[]`;
    case Type.Struct:
      return `STRUCT(${(t.children ?? []).map((c) => `${quoteIdent(c.name)} ${duckTypeOfArrow(c.type)}`).join(', ')})`;
    case Type.Null:
      return '"NULL"';
    default:
      return 'VARCHAR';
  }
}

/** An Arrow decimal (a little-endian array of 32-bit words, two's complement) as a correctly rounded number. */
export function decimalToNumber(words: Uint32Array, scale: number): number {
  let x = 0n;
  for (let i = words.length - 1; i >= 0; i--) x = (x << 32n) | BigInt(words[i]!);
  if (words.length && words[words.length - 1]! & 0x80000000) x -= 1n << BigInt(words.length * 32);
  if (!scale) return Number(x);
  const neg = x < 0n;
  const digits = (neg ? -x : x).toString().padStart(scale + 1, '0');
  return Number(`${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

/** Converts one Arrow value of type `t` to the engine-neutral `Value`, as native DuckDB's are. */
export function normalizeArrowValue(v: unknown, t: ArrowTypeLike): Value {
  if (v === null || v === undefined) return null;
  switch (t.typeId) {
    case Type.Int:
    case Type.Float:
      return typeof v === 'bigint' ? Number(v) : (v as number);
    case Type.Decimal:
      if (v instanceof Uint32Array) return decimalToNumber(v, t.scale ?? 0);
      return typeof v === 'bigint' ? Number(v) / 10 ** (t.scale ?? 0) : Number(v);
    case Type.Date:
    case Type.Timestamp:
      // Arrow gives epoch milliseconds (fractional below a millisecond); Date truncates like native's conversion.
      return v instanceof Date ? v : new Date(typeof v === 'bigint' ? Number(v) : (v as number));
    case Type.Bool:
    case Type.Utf8:
    case Type.LargeUtf8:
      return v as Value;
    case Type.Binary:
    case Type.LargeBinary:
    case Type.FixedSizeBinary:
      return base64(v as Uint8Array);
    case Type.List:
    case Type.FixedSizeList: {
      const child = t.children?.[0]?.type ?? { typeId: Type.Utf8 };
      const out: Value[] = [];
      for (const x of v as Iterable<unknown>) out.push(normalizeArrowValue(x, child));
      return out;
    }
    case Type.Struct: {
      const o: Record<string, Value> = {};
      const s = v as Record<string, unknown>;
      for (const c of t.children ?? []) o[c.name] = normalizeArrowValue(s[c.name], c.type);
      return o;
    }
    case Type.Dictionary:
      return String(v);
    default:
      return typeof v === 'bigint' ? Number(v) : typeof v === 'object' ? String(v) : (v as Value);
  }
}

/** A DuckDB-WASM result as the Engine interface returns it. */
export function normalizeTable(table: ArrowTableLike): QueryResult {
  const fields = table.schema.fields;
  const columns: ColumnInfo[] = fields.map((f) => ({ name: f.name, type: duckTypeOfArrow(f.type) }));
  const n = table.numRows;
  const rows: Row[] = new Array(n);
  for (let r = 0; r < n; r++) rows[r] = {};
  fields.forEach((f, c) => {
    const vec = table.getChildAt(c);
    for (let r = 0; r < n; r++) rows[r]![f.name] = vec ? normalizeArrowValue(vec.get(r), f.type) : null;
  });
  return { columns, rows };
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return btoa(s);
}
