/**
 * Models in server mode: their ONNX files stored in Redis at publish time,
 * one inference session per model file (loaded once, swapped when a publish
 * announces a change), and the prediction log — a capped Redis stream per
 * model that drift monitoring reads. Key layout: docs/redis.md.
 *
 *   publish:  models/<m>.onnx (or the block's `onnx` path) → SET model:<m>:<sha256>, HSET models <m> <sha256>
 *   predict:  HGET models → GET model:<m>:<sha> → session (cached by sha) → XADD predlog:<m> MAXLEN ~ cap
 * @module
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ModelPlan, ProjectPlan } from '../../src/compile/plan.js';
import { assertNumericInputs, modelPath } from '../../src/model/data.js';
import { ModelError } from '../../src/model/errors.js';
import { Scorer } from '../../src/model/infer.js';
import { nodeOrt } from '../../src/model/node.js';
import { ApiError } from '../errors/index.js';
import { RedisOutOfMemoryError, RedisUnavailableError } from '../errors/index.js';
import { guard, redisError, type Keys, type Redis } from '../redis/index.js';

/** Default length cap of each prediction log (XADD MAXLEN ~). */
export const DEFAULT_PREDLOG_MAXLEN = 100_000;
/** Default cap of one logged entry (its fields' bytes); a larger one is not logged (and counted). */
export const DEFAULT_PREDLOG_ENTRY_BYTES = 16 * 1024;
/** Default cap of each prediction log's bytes (approximate: the length cap is lowered to fit it). */
export const DEFAULT_PREDLOG_MAX_BYTES = 64 * 1024 * 1024;

/** What bounds each model's prediction log. */
export interface PredLogLimits {
  /** Length cap (entries). */
  maxLen: number;
  /** Largest entry (bytes of its fields); larger ones are dropped. */
  entryBytes: number;
  /** Byte cap of the whole stream. */
  maxBytes: number;
}

/** Redis's own overhead per stream entry beyond its fields' bytes (a generous estimate of listpack + rax costs). */
const ENTRY_OVERHEAD = 64;

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export interface StoredModel {
  model: string;
  /** SHA-256 of the ONNX bytes: the model version. */
  version: string | null;
  path: string;
  /** Why there is no version (no file, outside the data root). */
  note?: string;
}

/**
 * Stores the ONNX file of every model of `plan` that has one, and points
 * `models` at them; models without a file are unset there (they cannot
 * serve). `check` refuses paths (server mode: outside the data root).
 */
export async function storeModels(redis: Redis, keys: Keys, plan: ProjectPlan, check?: (abs: string) => string | undefined): Promise<StoredModel[]> {
  const out: StoredModel[] = [];
  for (const m of plan.models) {
    try {
      assertNumericInputs(plan, m);
    } catch (err) {
      throw new ApiError(422, 'invalid_project', (err as Error).message, { field: 'source' });
    }
    const path = modelPath(plan, m);
    const refused = check?.(path);
    if (refused) {
      out.push({ model: m.name, version: null, path, note: refused });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch {
      out.push({ model: m.name, version: null, path, note: m.fit ? `no ONNX file at ${path} (run 'featurebook fit')` : `no ONNX file at ${path}` });
      continue;
    }
    // A corrupt or mis-shaped file is refused here rather than at the first prediction.
    try {
      const s = await Scorer.open(await nodeOrt(), bytes, m.inputs.length, { what: path });
      await s.close();
    } catch (err) {
      if (err instanceof ModelError) throw new ApiError(422, 'invalid_project', `model '${m.name}': ${err.message}`, { field: 'source', ...(err.hint ? { details: { hint: err.hint } } : {}) });
      throw err;
    }
    const version = sha256(bytes);
    await guard(redis, () => redis.set(keys.model(plan.project, m.name, version), Buffer.from(bytes), 'NX'));
    out.push({ model: m.name, version, path });
  }
  const set = out.filter((s) => s.version).flatMap((s) => [s.model, s.version!]);
  const unset = out.filter((s) => !s.version).map((s) => s.model);
  await guard(redis, () => {
    const multi = redis.multi();
    if (unset.length) multi.hdel(keys.models(plan.project), ...unset);
    if (set.length) multi.hset(keys.models(plan.project), ...set);
    return multi.exec();
  });
  return out;
}

export interface LoadedModel {
  project: string;
  plan: ModelPlan;
  version: string;
  scorer: Scorer;
}

/** Sessions for the models of published projects, by ONNX SHA-256; swapped on publish announcements. */
export class ModelSessions {
  /** project\0model → what serves it now. */
  private readonly current = new Map<string, Promise<LoadedModel | undefined>>();
  private readonly sessions = new Map<string, Promise<Scorer>>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /**
   * The session serving `model` of a published project (loading it on first
   * use). `trusted`: announcements are being received (the registry is
   * subscribed); while they are not, the model's file is looked up on every
   * call so a publish elsewhere is never missed.
   */
  async get(project: string, projectVersion: string, m: ModelPlan, trusted = true): Promise<LoadedModel | undefined> {
    const id = `${project}\0${projectVersion}\0${m.name}`;
    let p = this.current.get(id);
    if (p && !trusted) {
      const cached = await p.catch(() => undefined);
      const version = await guard(this.redis, () => this.redis.hget(this.keys.models(project), m.name));
      if (!cached || cached.version !== version) p = undefined;
    }
    if (!p) {
      p = this.load(project, m);
      this.current.set(id, p);
      p.catch(() => this.current.delete(id));
    }
    return p;
  }

  private async load(project: string, m: ModelPlan): Promise<LoadedModel | undefined> {
    const version = await guard(this.redis, () => this.redis.hget(this.keys.models(project), m.name));
    if (!version) return undefined;
    let s = this.sessions.get(version);
    if (!s) {
      s = (async () => {
        const bytes = await guard(this.redis, () => this.redis.getBuffer(this.keys.model(project, m.name, version)));
        if (!bytes) throw new ApiError(404, 'not_found', `the ONNX file of model '${m.name}' (${version.slice(0, 12)}) is missing from Redis; publish the project again`, { field: 'model' });
        try {
          return await Scorer.open(await nodeOrt(), new Uint8Array(bytes), m.inputs.length, { what: `model '${m.name}' (${version.slice(0, 12)})` });
        } catch (err) {
          if (err instanceof ModelError) throw new ApiError(422, 'invalid_project', err.message, { field: 'model' });
          throw err;
        }
      })();
      this.sessions.set(version, s);
      s.catch(() => this.sessions.delete(version));
    }
    return { project, plan: m, version, scorer: await s };
  }

  /** Forgets what serves `project` (after a publish); sessions no longer used are closed a little later. */
  invalidate(project: string) {
    for (const id of [...this.current.keys()]) if (id.startsWith(`${project}\0`)) this.current.delete(id);
    setTimeout(() => void this.sweep(), 5000).unref();
  }

  private async sweep() {
    const used = new Set<string>();
    for (const p of this.current.values()) {
      const lm = await p.catch(() => undefined);
      if (lm) used.add(lm.version);
    }
    for (const [v, s] of [...this.sessions]) {
      if (used.has(v)) continue;
      this.sessions.delete(v);
      void s.then((x) => x.close()).catch(() => {});
    }
  }

  async close() {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    this.current.clear();
    await Promise.all(all.map((s) => s.then((x) => x.close()).catch(() => {})));
  }
}

export interface PredLogEntry {
  ts: string;
  entity: Record<string, unknown>;
  features: Record<string, unknown>;
  score: number;
  modelVersion: string;
  asOf: Record<string, string | null>;
}

/**
 * Bounds the prediction logs: entries over `entryBytes` are dropped, and
 * each stream's length cap is lowered so that, at the entry size seen lately
 * (a moving average per stream), it holds about `maxBytes` at most.
 */
export class PredLog {
  /** stream key → moving average of its entries' bytes (overhead included). */
  private readonly avg = new Map<string, number>();

  constructor(readonly limits: PredLogLimits) {}

  /** The entry's fields as XADD arguments, or undefined when it is larger than `entryBytes`. */
  fields(e: PredLogEntry): { args: string[]; bytes: number } | undefined {
    const args = [
      'ts',
      e.ts,
      'entity',
      JSON.stringify(e.entity),
      'features',
      JSON.stringify(e.features),
      'score',
      Number.isFinite(e.score) ? String(e.score) : 'NaN',
      'model_version',
      e.modelVersion,
      'as_of',
      JSON.stringify(e.asOf),
    ];
    let bytes = 0;
    for (const a of args) bytes += Buffer.byteLength(a);
    return bytes > this.limits.entryBytes ? undefined : { args, bytes };
  }

  /** The length cap for `key` after entries of `bytes` each were added: `maxLen`, lowered to fit `maxBytes`. */
  cap(key: string, sizes: number[]): number {
    let avg = this.avg.get(key);
    for (const b of sizes) avg = avg === undefined ? b + ENTRY_OVERHEAD : avg + 0.05 * (b + ENTRY_OVERHEAD - avg);
    if (avg === undefined) return this.limits.maxLen;
    if (this.avg.size >= 10_000 && !this.avg.has(key)) this.avg.clear();
    this.avg.set(key, avg);
    return Math.max(1, Math.min(this.limits.maxLen, Math.floor(this.limits.maxBytes / avg)));
  }

  /**
   * Appends entries to `fb:{P}:predlog:<model>` (one XADD each, in one round
   * trip), trimmed with `MAXLEN ~` to the length and byte caps. Entries
   * too large to log are left out and counted with `dropped` (at once).
   */
  async append(redis: Redis, keys: Keys, project: string, model: string, entries: PredLogEntry[], dropped?: (tooLarge: number) => void): Promise<void> {
    const key = keys.predlog(project, model);
    const kept = [];
    for (const e of entries) {
      const f = this.fields(e);
      if (f) kept.push(f);
    }
    if (kept.length < entries.length) dropped?.(entries.length - kept.length);
    if (!kept.length) return;
    const cap = this.cap(
      key,
      kept.map((f) => f.bytes),
    );
    const p = redis.pipeline();
    for (const f of kept) p.xadd(key, 'MAXLEN', '~', cap, '*', ...f.args);
    const res = await guard(redis, () => p.exec());
    const failed = res?.find(([err]) => err);
    if (failed) throw redisError(failed[0]);
  }
}

/** Why prediction log entries were dropped: the `reason` label of `featurebook_predlog_dropped_total`. */
export function dropReason(err: unknown): string {
  if (err instanceof RedisOutOfMemoryError) return 'redis_oom';
  if (err instanceof RedisUnavailableError) return 'redis_unavailable';
  return 'redis_error';
}
