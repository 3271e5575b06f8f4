/**
 * What every route handler of one server shares: the data root, the locked
 * DuckDB engine, metrics, limits, and — when Redis is configured — the
 * registry and the online store.
 */
import type { MiddlewareHandler } from 'hono';
import type { DataRoot } from './data-root/index.js';
import type { ServerEngine } from './engine/index.js';
import { ApiError } from './errors/index.js';
import type { Metrics } from './metrics/index.js';
import type { OnlineStore } from './online-store/index.js';
import type { Redis } from './redis/index.js';
import type { Registry } from './registry/index.js';

export interface Limits {
  /** Largest request body, bytes. */
  bodyBytes: number;
  /** Most entities in one /v1/features request. */
  entities: number;
  /** Most feature names in one /v1/features request. */
  features: number;
  /** Longest FDL source, characters. */
  sourceChars: number;
  /** Most rows a JSON training-set answer may hold (Arrow answers are not capped). */
  trainingSetRows: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyBytes: 1 << 20,
  entities: 1000,
  features: 1000,
  sourceChars: 512 * 1024,
  trainingSetRows: 1_000_000,
};

export interface ServerContext {
  root: DataRoot;
  engine: ServerEngine;
  metrics: Metrics;
  limits: Limits;
  token: string | undefined;
  /** Bearer auth for the 🔒 routes (and reading unpublished files): one instance, so failed tokens are counted across routes. */
  auth: MiddlewareHandler;
  log: (line: string) => void;
  redis?: { main: Redis; reader: Redis; sub: Redis; url: string };
  registry?: Registry;
  store?: OnlineStore;
}

/** The registry and store, or 503 when this server runs without Redis. */
export function online(ctx: ServerContext): { registry: Registry; store: OnlineStore } {
  if (!ctx.registry || !ctx.store) {
    throw new ApiError(503, 'redis_not_configured', 'this server runs without Redis: start it with --redis URL (or REDIS_URL) to publish, materialize and serve features');
  }
  return { registry: ctx.registry, store: ctx.store };
}
