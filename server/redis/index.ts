/**
 * Redis connections for the server: commands fail fast while Redis is
 * away (so requests answer 503 at once instead of queueing), the client
 * reconnects forever in the background, and key names are built in one place.
 * @module
 */
import { Redis, ReplyError, type RedisOptions } from 'ioredis';
import { RedisOutOfMemoryError, RedisUnavailableError } from '../errors/index.js';

export type { Redis };

export interface ConnectOptions {
  /** Connection name shown by CLIENT LIST. */
  name?: string;
  /** Subscriber connections keep their offline queue so SUBSCRIBE waits for the connection. */
  subscriber?: boolean;
  /** Milliseconds before a command counts as failed (Redis hung). Default 5000. */
  commandTimeout?: number;
  /** Batch commands issued in the same tick into one write (helps under load). */
  autoPipelining?: boolean;
}

/** `redis://user:secret@host` → `redis://user:***@host`, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):([^@/]*)@/, '//$1:***@');
}

export function connect(url: string, opts: ConnectOptions = {}): Redis {
  const options: RedisOptions = {
    connectionName: opts.name,
    lazyConnect: false,
    enableOfflineQueue: Boolean(opts.subscriber),
    // Commands in flight when the connection drops fail at once (→ 503) rather than being retried.
    maxRetriesPerRequest: opts.subscriber ? null : 0,
    commandTimeout: opts.subscriber ? undefined : (opts.commandTimeout ?? 5000),
    enableAutoPipelining: opts.autoPipelining ?? false,
    // Reconnect forever, backing off to at most 1 s between tries.
    retryStrategy: (times) => Math.min(50 * times, 1000),
    connectTimeout: 2000,
  };
  const r = new Redis(url, options);
  // ioredis emits 'error' on every failed reconnect; the server reports state through /health instead.
  r.on('error', () => {});
  return r;
}

/** Waits until `r` is ready, at most `ms` milliseconds; true when it is. */
export function whenReady(r: Redis, ms: number): Promise<boolean> {
  if (r.status === 'ready') return Promise.resolve(true);
  return new Promise((done) => {
    const t = setTimeout(() => {
      r.off('ready', ok);
      done(false);
    }, ms);
    const ok = () => {
      clearTimeout(t);
      done(true);
    };
    r.once('ready', ok);
  });
}

/** Replies that mean Redis is there but cannot serve right now. */
const TRANSIENT_REPLY = /^(LOADING|BUSY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|READONLY)\b/;

/**
 * Runs a Redis operation, turning connection failures (refused, closed,
 * timed out, offline) into `RedisUnavailableError` (503). Reply errors other
 * than transient ones are bugs and propagate as they are.
 */
export async function guard<T>(r: Redis, op: () => Promise<T>): Promise<T> {
  if (r.status !== 'ready') throw new RedisUnavailableError();
  try {
    return await op();
  } catch (err) {
    throw redisError(err);
  }
}

/** A write refused because Redis reached `maxmemory` (`noeviction`): alone, in a script, or inside a MULTI. */
export function isOutOfMemory(err: unknown): boolean {
  if (!(err instanceof ReplyError)) return false;
  const e = err as Error & { previousErrors?: Error[] };
  if (/^OOM\b/.test(e.message)) return true;
  return /^EXECABORT\b/.test(e.message) && Boolean(e.previousErrors?.some((p) => /^OOM\b/.test(p.message)));
}

/**
 * The error to throw for a failed Redis command: out of memory as 503
 * `redis_out_of_memory`, other reply errors as they are (bugs), the rest
 * as 503 `redis_unavailable`.
 */
export function redisError(err: unknown): unknown {
  if (err instanceof RedisUnavailableError || err instanceof RedisOutOfMemoryError) return err;
  if (isOutOfMemory(err)) return new RedisOutOfMemoryError();
  if (err instanceof ReplyError && !TRANSIENT_REPLY.test((err as Error).message)) return err;
  return new RedisUnavailableError();
}

/**
 * Key names (docs/redis.md). Every key of a project carries the hash tag
 * `{project}`, so all of them live in one cluster slot and scripts may touch
 * them together.
 */
export class Keys {
  constructor(readonly prefix = 'fb') {}
  private p(project: string) {
    return `${this.prefix}:{${project}}`;
  }
  /** SET of published project names. */
  projects() {
    return `${this.prefix}:projects`;
  }
  /** Pub/sub channel announcing publishes and materializations. */
  channel() {
    return `${this.prefix}:events`;
  }
  /** STRING: the current version of a project. */
  current(project: string) {
    return `${this.p(project)}:current`;
  }
  /** HASH: one immutable published version (source, plan, sql, published_at). */
  version(project: string, version: string) {
    return `${this.p(project)}:version:${version}`;
  }
  /** ZSET: version → publish time (ms). */
  versions(project: string) {
    return `${this.p(project)}:versions`;
  }
  /** HASH: per view, the live generation (`view`) and its metadata (`view:meta`). */
  live(project: string) {
    return `${this.p(project)}:live`;
  }
  /** Prefix of generation hashes; the full key is `<prefix><view>:<generation>`. */
  genPrefix(project: string) {
    return `${this.p(project)}:gen:`;
  }
  /** HASH: one generation of a view's values, field = entity key, value = packed features. */
  gen(project: string, view: string, generation: number | string) {
    return `${this.genPrefix(project)}${view}:${generation}`;
  }
  /** STRING counter handing out generation numbers. */
  genCounter(project: string) {
    return `${this.p(project)}:gen-counter`;
  }
  /** STRING: a view's materialization lock (holds a random token, with an expiry). */
  lock(project: string, view: string) {
    return `${this.p(project)}:lock:${view}`;
  }
  /** STRING: a model's ONNX file, named by its SHA-256 (immutable). */
  model(project: string, model: string, sha256: string) {
    return `${this.p(project)}:model:${model}:${sha256}`;
  }
  /** HASH: model name → SHA-256 of the ONNX file it serves. */
  models(project: string) {
    return `${this.p(project)}:models`;
  }
  /** STREAM: the prediction log of a model (ts, entity, features, score, model_version, as_of). */
  predlog(project: string, model: string) {
    return `${this.p(project)}:predlog:${model}`;
  }
}
