/**
 * The online store: feature values as of a time, per view, in Redis.
 *
 * Materialize → compute (`materializeSql` on DuckDB, streamed) → write a
 * new generation hash (pipelined HSETs, many entities per command) → flip
 * the view's live pointer to it and drop the old one, in one Lua script.
 * Reads resolve the live generation and fetch the entities in one script
 * too, so a reader sees one whole generation or the other, never a mix.
 * Incremental runs rewrite only the entities whose packed values changed,
 * in one MULTI. Key layout: docs/redis.md.
 * @module
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { materializeSql, parseUtc } from '../../src/compile/emit-sql.js';
import type { ProjectPlan, ViewPlan } from '../../src/compile/plan.js';
import type { Engine, Value } from '../../src/engine/engine.js';
import { ApiError } from '../errors/index.js';
import { guard, Keys, redisError, type Redis } from '../redis/index.js';
import { engineReason } from '../../src/project.js';
import { canStream } from '../engine/index.js';
import { entityField, packValues, samePacked } from './codec.js';
import { assertPlanNames } from '../validate/index.js';

/** What a view's live generation holds (stored as JSON beside its pointer). */
export interface GenMeta {
  generation: number;
  /** The time the values are as of (ISO-8601 UTC). */
  as_of: string;
  features: string[];
  keys: string[];
  entities: number;
  version: string | null;
  materialized_at: string;
  mode: 'full' | 'incremental';
}

/** The times `as_of` may take: from 1970-01-01 to the end of 9999-12-31 (UTC), as epoch ms. */
export const AS_OF_MIN_MS = 0;
export const AS_OF_MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * An `as_of` as epoch ms, or why it is not one: a number (or a string of
 * digits) is whole epoch milliseconds, a string otherwise an ISO date or
 * date-time (UTC unless it gives a zone); either within AS_OF_MIN_MS..AS_OF_MAX_MS.
 */
export function asOfTime(v: string | number): number | { problem: string } {
  const shown = String(v).slice(0, 40);
  const digits = typeof v === 'string' && /^-?\d+$/.test(v.trim());
  const ms = typeof v === 'number' || digits ? Number(v) : parseUtc(v);
  if (typeof v === 'number' && !Number.isInteger(v)) return { problem: `${shown} is not whole epoch milliseconds: use an integer, or a date such as 2024-06-01T12:00:00Z` };
  if (Number.isNaN(ms)) return { problem: `'${shown}' is not a time: use e.g. 2024-06-01 or 2024-06-01T12:00:00Z, or epoch milliseconds` };
  if (!(ms >= AS_OF_MIN_MS && ms <= AS_OF_MAX_MS)) {
    return { problem: `${typeof v === 'number' || digits ? shown : `'${shown}'`} is out of range: as_of must be from 1970-01-01 to 9999-12-31 (epoch milliseconds ${AS_OF_MIN_MS} to ${AS_OF_MAX_MS})` };
  }
  return ms;
}

export interface MaterializeOptions {
  project: string;
  plan: ProjectPlan;
  /** The published version the plan comes from (recorded in the generation's metadata). */
  version?: string | null;
  /** Views to materialize; default every view of the plan. */
  views?: string[];
  /** Epoch milliseconds. */
  asOf: number;
  engine: Engine;
  /** Flip to a generation without entities even when the live one has some (refused with 409 `empty_generation` otherwise). */
  force?: boolean;
  /** Rewrite only entities whose values changed, in place (falls back to full when there is no compatible live generation). */
  incremental?: boolean;
  resolvePath?: (path: string) => string;
  /** Called after each view. */
  onView?: (r: ViewMaterialization) => void;
}

export interface ViewMaterialization {
  view: string;
  generation: number;
  /** Entities written (full) or now live (incremental). */
  entities: number;
  /** Feature values computed: entities × features. */
  values: number;
  seconds: number;
  as_of: string;
  mode: 'full' | 'incremental';
  /** Incremental only: entities added or rewritten, and removed. */
  changed?: number;
  removed?: number;
  /** Why an incremental request ran in full. */
  note?: string;
}

export interface ReadRequest {
  view: string;
  /** Entity fields (see `entityField`). */
  fields: string[];
}

export interface ReadResult {
  meta: GenMeta | null;
  /** Packed values (UTF-8 JSON bytes, as stored) per requested field; null where the entity has none. */
  values: (Buffer | null)[];
}

/**
 * Resolves each view's live generation and reads the entities, atomically.
 * Per view: name, the pointer the caller already knows ('' if none), count,
 * fields. Answers {pointer, meta (only when the pointer differs), values}.
 * A pointer is `<generation>.<tag>`, the tag new at every flip and every
 * incremental run: a pointer seen once never names other metadata later,
 * not even after Redis lost its data and hands out generation 1 again.
 */
const READ = `
local out = {}
local i = 3
for v = 1, tonumber(ARGV[2]) do
  local view = ARGV[i]
  local known = ARGV[i + 1]
  local n = tonumber(ARGV[i + 2])
  i = i + 3
  local ptr = redis.call('HGET', KEYS[1], view)
  if ptr then
    local meta = false
    if ptr ~= known then meta = redis.call('HGET', KEYS[1], view .. ':meta') end
    local values = {}
    if n > 0 then values = redis.call('HMGET', ARGV[1] .. view .. ':' .. string.match(ptr, '^%d+'), unpack(ARGV, i, i + n - 1)) end
    out[v] = { ptr, meta, values }
  else
    out[v] = { false, false, {} }
  end
  i = i + n
end
return out
`;

/**
 * Points a view at a new generation (pointer ARGV[2]), sets its expiry, drops
 * the old one, announces it; only while this run still holds the lock
 * (KEYS[3] = ARGV[8]): 1, else 0 and nothing changes.
 */
const FLIP = `
if redis.call('GET', KEYS[3]) ~= ARGV[8] then return 0 end
local old = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2], ARGV[1] .. ':meta', ARGV[3])
if tonumber(ARGV[4]) > 0 then redis.call('PEXPIRE', KEYS[2], ARGV[4]) else redis.call('PERSIST', KEYS[2]) end
if old then
  local oldGen = string.match(old, '^%d+')
  if oldGen ~= string.match(ARGV[2], '^%d+') then redis.call('UNLINK', ARGV[5] .. ARGV[1] .. ':' .. oldGen) end
end
redis.call('PUBLISH', ARGV[6], ARGV[7])
return 1
`;

/**
 * The next generation number of a view: the project's counter, but always
 * above the view's live generation (should the counter have been lost, e.g.
 * evicted, a new run must not write into the live hash).
 */
const NEXT_GEN = `
local n = redis.call('INCR', KEYS[1])
local live = redis.call('HGET', KEYS[2], ARGV[1])
local g = live and tonumber(string.match(live, '^%d+'))
if g and n <= g then
  n = g + 1
  redis.call('SET', KEYS[1], n)
end
return n
`;

const UNLOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

/** Extends the lease of a lock still held with token ARGV[1] by ARGV[2] ms: 1, else 0. */
const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

type Scripted = Redis & {
  fbReadBuffer(live: string, ...argv: (string | number)[]): Promise<[Buffer | null, Buffer | null, (Buffer | null)[]][]>;
  fbFlip(live: string, gen: string, lock: string, ...argv: (string | number)[]): Promise<number>;
  fbUnlock(lock: string, token: string): Promise<number>;
  fbRenew(lock: string, token: string, ms: number): Promise<number>;
  fbNextGen(counter: string, live: string, view: string): Promise<number>;
};

/** A live pointer: the generation and a tag new at each flip or revision. */
const pointer = (generation: number | string) => `${generation}.${randomBytes(6).toString('hex')}`;

/** Entities per HSET command, and HSET commands in flight at once. */
const BATCH = 1000;
const IN_FLIGHT = 8;
/** A generation being written expires by itself if the writer dies before the flip. */
const STAGING_TTL_MS = 60 * 60 * 1000;
/**
 * A materialization lock is a lease: it expires this long after its holder
 * last renewed it (every LOCK_RENEW_MS while working), so a crashed holder
 * frees it within seconds; sooner still when Redis shows the holder's
 * connection is gone.
 */
const LOCK_LEASE_MS = 20_000;
const LOCK_RENEW_MS = 5_000;

/** The lock a run holds: its key and the token it holds it with (`<client id>:<random>`). */
interface Lock {
  key: string;
  token: string;
}

const define = (r: Redis) => {
  const s = r as unknown as Partial<Scripted>;
  if (!s.fbReadBuffer) r.defineCommand('fbRead', { numberOfKeys: 1, lua: READ });
  if (!s.fbFlip) r.defineCommand('fbFlip', { numberOfKeys: 3, lua: FLIP });
  if (!s.fbRenew) r.defineCommand('fbRenew', { numberOfKeys: 1, lua: RENEW });
  if (!s.fbUnlock) r.defineCommand('fbUnlock', { numberOfKeys: 1, lua: UNLOCK });
  if (!s.fbNextGen) r.defineCommand('fbNextGen', { numberOfKeys: 2, lua: NEXT_GEN });
  return r as Scripted;
};

export class OnlineStore {
  private readonly reader: Scripted;
  private readonly writer: Scripted;
  /** Per project and view: the last live pointer seen and its metadata. */
  private readonly metaCache = new Map<string, { ptr: string; meta: GenMeta }>();

  /**
   * @example
   * ```ts
   * const store = new OnlineStore(readerConnection, writerConnection)
   * await store.materialize({ project: 'fraud', plan, asOf: Date.now(), engine })
   * ```
   */
  constructor(
    reader: Redis,
    writer: Redis = reader,
    readonly keys: Keys = new Keys(),
  ) {
    this.reader = define(reader);
    this.writer = writer === reader ? this.reader : define(writer);
  }

  /** Reads entities of several views in one round trip, each view from one whole generation. */
  async read(project: string, requests: ReadRequest[]): Promise<ReadResult[]> {
    const argv: (string | number)[] = [this.keys.genPrefix(project), requests.length];
    // The metadata each view had when this read was sent: the answer omits it when the pointer is unchanged.
    const sent = new Array<{ ptr: string; meta: GenMeta } | undefined>(requests.length);
    requests.forEach((r, i) => {
      const known = this.metaCache.get(`${project}\0${r.view}`);
      sent[i] = known;
      argv.push(r.view, known?.ptr ?? '', r.fields.length, ...r.fields);
    });
    // Buffers, not strings: values go into the answer as they are, with no decoding and re-encoding.
    const res = await guard(this.reader, () => this.reader.fbReadBuffer(this.keys.live(project), ...argv));
    return res.map(([ptrBytes, metaBytes, values], i) => {
      if (ptrBytes === null) return { meta: null, values };
      const ptr = ptrBytes.toString();
      if (metaBytes === null) {
        const known = sent[i];
        // Unchanged since sent (the only way the script omits it).
        return { meta: known && known.ptr === ptr ? known.meta : null, values };
      }
      const meta = JSON.parse(metaBytes.toString()) as GenMeta;
      this.metaCache.set(`${project}\0${requests[i]!.view}`, { ptr, meta });
      return { meta, values };
    });
  }

  /** The live generation of every materialized view of a project. */
  async live(project: string): Promise<Record<string, GenMeta>> {
    const all = await guard(this.reader, () => this.reader.hgetall(this.keys.live(project)));
    const out: Record<string, GenMeta> = {};
    for (const [k, v] of Object.entries(all)) if (k.endsWith(':meta')) out[k.slice(0, -5)] = JSON.parse(v) as GenMeta;
    return out;
  }

  /** Materializes the requested views one after the other. */
  async materialize(opts: MaterializeOptions): Promise<ViewMaterialization[]> {
    assertPlanNames(opts.plan);
    const names = opts.views ?? opts.plan.views.map((v) => v.name);
    const t = asOfTime(opts.asOf);
    if (typeof t !== 'number') throw new ApiError(400, 'invalid_body', `as_of: ${t.problem}`, { field: 'as_of' });
    const out: ViewMaterialization[] = [];
    for (const name of names) {
      const view = opts.plan.views.find((v) => v.name === name);
      if (!view) throw new ApiError(404, 'not_found', `project ${opts.project} has no feature block '${name}'`);
      const r = await this.withLock(opts.project, name, (lock) => (opts.incremental ? this.incremental(opts, view, lock) : this.full(opts, view, lock)));
      opts.onView?.(r);
      out.push(r);
    }
    return out;
  }

  private async withLock<T>(project: string, view: string, fn: (lock: Lock) => Promise<T>): Promise<T> {
    const w = this.writer;
    const key = this.keys.lock(project, view);
    // The connection's client id goes into the token: when Redis no longer lists it, the holder is gone.
    const id = await guard(w, () => w.client('ID'));
    const lock: Lock = { key, token: `${id}:${randomUUID()}` };
    const take = () => guard(w, () => w.set(key, lock.token, 'PX', LOCK_LEASE_MS, 'NX'));
    let ok = await take();
    if (ok !== 'OK' && (await this.breakIfAbandoned(key))) ok = await take();
    if (ok !== 'OK') throw new ApiError(409, 'conflict', `feature block '${view}' of project ${project} is being materialized already; try again when that run ends`);
    const renew = setInterval(() => void w.fbRenew(key, lock.token, LOCK_LEASE_MS).catch(() => {}), LOCK_RENEW_MS);
    renew.unref();
    try {
      return await fn(lock);
    } finally {
      clearInterval(renew);
      await w.fbUnlock(key, lock.token).catch(() => {});
    }
  }

  /**
   * Deletes a lock whose holder's connection Redis no longer lists (the
   * process died mid-run); true when the lock is free now. Where CLIENT LIST
   * is not allowed, the lease's expiry frees it instead.
   */
  private async breakIfAbandoned(key: string): Promise<boolean> {
    const w = this.writer;
    const held = await guard(w, () => w.get(key));
    if (held === null) return true;
    const holder = /^(\d+):/.exec(held)?.[1];
    if (!holder) return false;
    let clients: string;
    try {
      clients = String(await w.client('LIST', 'ID', holder));
    } catch {
      return false;
    }
    if (clients.trim() !== '') return false;
    return (await guard(w, () => w.fbUnlock(key, held))) === 1;
  }

  /** 409 for a run whose lock was taken over (its holder looked gone, e.g. after a reconnect): it must not write. */
  private lockLost(view: string): ApiError {
    return new ApiError(409, 'conflict', `materializing '${view}' lost its lock to another run (this one's Redis connection dropped meanwhile); nothing was changed — try again`);
  }

  private sql(opts: MaterializeOptions, view: ViewPlan) {
    return materializeSql(opts.plan, view.name, { asOf: opts.asOf, ...(opts.resolvePath ? { resolvePath: opts.resolvePath } : {}) });
  }

  /** Runs the view's SQL and calls `onRows` with row-major chunks: keys, features, __as_of. */
  private async compute(opts: MaterializeOptions, view: ViewPlan, onRows: (rows: Value[][]) => Promise<void> | void): Promise<void> {
    const sql = this.sql(opts, view);
    const names = [...view.keys, ...view.features.map((f) => f.name), '__as_of'];
    // Errors of `onRows` (Redis writes) pass through as they are; the engine's own become 422.
    let callbackError: unknown;
    const call = async (rows: Value[][]) => {
      try {
        await onRows(rows);
      } catch (err) {
        callbackError = err;
        throw err;
      }
    };
    try {
      if (canStream(opts.engine)) {
        await opts.engine.stream(sql, call);
        return;
      }
      const r = await opts.engine.query(sql);
      for (let i = 0; i < r.rows.length; i += BATCH * 2) {
        await call(r.rows.slice(i, i + BATCH * 2).map((row) => names.map((n) => row[n] ?? null)));
      }
    } catch (err) {
      if (callbackError !== undefined) throw callbackError;
      throw new ApiError(422, 'query_failed', `materializing '${view.name}' failed: ${engineReason(err)}`);
    }
  }

  private meta(opts: MaterializeOptions, view: ViewPlan, generation: number, entities: number, mode: GenMeta['mode']): GenMeta {
    return {
      generation,
      as_of: new Date(opts.asOf).toISOString(),
      features: view.features.map((f) => f.name),
      keys: view.keys,
      entities,
      version: opts.version ?? null,
      materialized_at: new Date().toISOString(),
      mode,
    };
  }

  /** 409 unless forced: the run found no entities while the live generation (its metadata `live`) has some. */
  private refuseEmpty(opts: MaterializeOptions, view: string, live: GenMeta | null): void {
    if (opts.force || !live || !(live.entities > 0)) return;
    throw new ApiError(
      409,
      'empty_generation',
      `materializing '${view}' as of ${new Date(opts.asOf).toISOString()} found no entities, while the live generation (as of ${live.as_of}) holds ${live.entities}; it stays live`,
      {
        field: 'as_of',
        details: { hint: 'check as_of (is it before the first event?) and the source files; to replace the live values with nothing anyway, send "force": true (featurebook materialize --force)' },
      },
    );
  }

  private announce(opts: MaterializeOptions, view: string, generation: number) {
    return JSON.stringify({ type: 'materialize', project: opts.project, view, generation, as_of: new Date(opts.asOf).toISOString(), origin: 'online-store' });
  }

  private async full(opts: MaterializeOptions, view: ViewPlan, lock: Lock, note?: string): Promise<ViewMaterialization> {
    const t0 = performance.now();
    const w = this.writer;
    const k = this.keys;
    const generation = await guard(w, () => w.fbNextGen(k.genCounter(opts.project), k.live(opts.project), view.name));
    const genKey = k.gen(opts.project, view.name, generation);
    const nk = view.keys.length;
    const nf = view.features.length;
    let entities = 0;
    let first = true;
    const inFlight: Promise<unknown>[] = [];
    // A write may fail before the batch that awaits it: each is marked handled at once and its
    // failure still reaches the `Promise.all` that awaits it.
    const track = (p: Promise<unknown>) => {
      const q = p.catch((e) => Promise.reject(redisError(e)));
      q.catch(() => {});
      inFlight.push(q);
    };
    const send = async (args: string[]) => {
      if (w.status !== 'ready') throw redisError(new Error('not connected'));
      track(w.hset(genKey, ...args));
      if (first) {
        track(w.pexpire(genKey, STAGING_TTL_MS));
        first = false;
      }
      if (inFlight.length >= IN_FLIGHT) await Promise.all(inFlight.splice(0, inFlight.length - IN_FLIGHT / 2));
    };
    try {
      await this.compute(opts, view, async (rows) => {
          for (let i = 0; i < rows.length; i += BATCH) {
            const end = Math.min(rows.length, i + BATCH);
            const args = new Array<string>((end - i) * 2);
            for (let j = i, a = 0; j < end; j++) {
              const row = rows[j]!;
              args[a++] = nk === 1 ? entityField([row[0]]) : entityField(row.slice(0, nk));
              args[a++] = packValues(row, nk, nk + nf);
            }
            entities += end - i;
            await send(args);
          }
        });
      await guard(w, () => Promise.all(inFlight));
      if (entities === 0 && !opts.force) {
        const live = await guard(w, () => w.hget(k.live(opts.project), `${view.name}:meta`));
        this.refuseEmpty(opts, view.name, live ? (JSON.parse(live) as GenMeta) : null);
      }
      const meta = this.meta(opts, view, generation, entities, 'full');
      const flipped = await guard(w, () =>
        w.fbFlip(
          k.live(opts.project),
          genKey,
          lock.key,
          view.name,
          pointer(generation),
          JSON.stringify(meta),
          view.ttlMs ?? 0,
          k.genPrefix(opts.project),
          k.channel(),
          this.announce(opts, view.name, generation),
          lock.token,
        ),
      );
      if (flipped !== 1) throw this.lockLost(view.name);
    } catch (err) {
      await Promise.allSettled(inFlight);
      await w.unlink(genKey).catch(() => {});
      throw err;
    }
    const r: ViewMaterialization = {
      view: view.name,
      generation,
      entities,
      values: entities * nf,
      seconds: (performance.now() - t0) / 1000,
      as_of: new Date(opts.asOf).toISOString(),
      mode: 'full',
    };
    if (note) r.note = note;
    return r;
  }

  private async incremental(opts: MaterializeOptions, view: ViewPlan, lock: Lock): Promise<ViewMaterialization> {
    const t0 = performance.now();
    const w = this.writer;
    const k = this.keys;
    const [ptr, metaText] = await guard(w, () => w.hmget(k.live(opts.project), view.name, `${view.name}:meta`));
    const gen = ptr?.split('.')[0];
    const features = view.features.map((f) => f.name);
    if (!gen || !metaText) return this.full(opts, view, lock, 'no live generation yet: ran in full');
    const old = JSON.parse(metaText) as GenMeta;
    if (old.features.join('\0') !== features.join('\0') || old.keys.join('\0') !== view.keys.join('\0')) {
      return this.full(opts, view, lock, 'the feature block changed since the live generation: ran in full');
    }
    const genKey = k.gen(opts.project, view.name, gen);
    const nk = view.keys.length;
    const nf = features.length;
    const next = new Map<string, string>();
    await this.compute(opts, view, (rows) => {
      for (const row of rows) next.set(entityField(row.slice(0, nk)), packValues(row, nk, nk + nf));
    });
    const entities = next.size;
    if (entities === 0) this.refuseEmpty(opts, view.name, old);
    // Compare with what is live, chunk by chunk; what is left in `next` afterwards is new.
    const changed: string[] = [];
    const removed: string[] = [];
    let cursor = '0';
    let existed = false;
    do {
      const [c, flat] = await guard(w, () => w.hscan(genKey, cursor, 'COUNT', 10_000));
      cursor = c;
      for (let i = 0; i < flat.length; i += 2) {
        existed = true;
        const field = flat[i]!;
        const now = next.get(field);
        if (now === undefined) removed.push(field);
        else {
          if (!samePacked(now, flat[i + 1]!)) changed.push(field, now);
          next.delete(field);
        }
      }
    } while (cursor !== '0');
    if (!existed && old.entities > 0) return this.full(opts, view, lock, 'the live generation has expired: ran in full');
    for (const [f, v] of next) changed.push(f, v);
    const meta = this.meta(opts, view, Number(gen), entities, 'incremental');
    if ((await guard(w, () => w.get(lock.key))) !== lock.token) throw this.lockLost(view.name);
    const tx = w.multi();
    for (let i = 0; i < changed.length; i += BATCH * 2) tx.hset(genKey, ...changed.slice(i, i + BATCH * 2));
    for (let i = 0; i < removed.length; i += BATCH) tx.hdel(genKey, ...removed.slice(i, i + BATCH));
    // A new revision of the pointer tells readers that the metadata (as_of) changed.
    tx.hset(k.live(opts.project), view.name, pointer(gen), `${view.name}:meta`, JSON.stringify(meta));
    if (view.ttlMs) tx.pexpire(genKey, view.ttlMs);
    tx.publish(k.channel(), this.announce(opts, view.name, Number(gen)));
    const res = await guard(w, () => tx.exec());
    const failed = res?.find(([e]) => e);
    if (failed) throw redisError(failed[0]);
    return {
      view: view.name,
      generation: Number(gen),
      entities,
      values: entities * nf,
      seconds: (performance.now() - t0) / 1000,
      as_of: meta.as_of,
      mode: 'incremental',
      changed: changed.length / 2,
      removed: removed.length,
    };
  }
}
