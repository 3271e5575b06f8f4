/**
 * The HTTP app (docs/http-api.md): middleware, then one router per feature.
 *
 *   security headers → metrics → [bearer auth on 🔒 routes, failed tokens limited per address] → read body (size limit) → validate → handler
 *
 * `createApp` wires the data root, the locked DuckDB engine and, when a
 * Redis URL is given, the registry (subscribed to publish announcements)
 * and the online store. `server/commands.ts` puts it on a port.
 * @module
 */
import { Hono } from 'hono';
import { VERSION } from '../src/cli/main.js';
import { assertValidToken, bearerAuth, configuredToken, FailureLimiter, metricsAuth, securityHeaders } from './auth/index.js';
import { compileRoutes } from './compile/routes.js';
import { DEFAULT_LIMITS, type Limits, type ServerContext } from './context.js';
import { DataRoot } from './data-root/index.js';
import { DEFAULT_QUERY_TIMEOUT_MS, defaultMemoryLimit, ServerEngine, type ServerEngineOptions } from './engine/index.js';
import { notFound, onError } from './errors/index.js';
import { Metrics } from './metrics/index.js';
import { OnlineStore } from './online-store/index.js';
import { onlineRoutes } from './online-store/routes.js';
import { connect, Keys, redactUrl, redisHealth, whenReady } from './redis/index.js';
import { Registry } from './registry/index.js';
import { registryRoutes } from './registry/routes.js';
import { replanner } from './registry/migrate.js';
import { modelRoutes } from './models/routes.js';
import { driftRoutes } from './drift/routes.js';

export interface AppOptions {
  /** Folder that server-side data paths are confined to. Default: FEATUREBOOK_DATA_ROOT, else the working directory. */
  dataRoot?: string;
  /** Redis URL; without one the registry and online routes answer 503. Default: REDIS_URL. */
  redisUrl?: string;
  /** Bearer token for 🔒 routes; without one (or only whitespace) they are off. Default: FEATUREBOOK_TOKEN. */
  token?: string;
  /** The address the server listens on: /metrics is open on a loopback one (the default), else needs a token. */
  listenHost?: string;
  /** Bearer token for /metrics when not on loopback. Default: FEATUREBOOK_METRICS_TOKEN, else `token`. */
  metricsToken?: string;
  /** Key prefix in Redis (default `fb`). */
  prefix?: string;
  limits?: Partial<Limits>;
  /** DuckDB threads (default: DuckDB's choice). */
  threads?: number;
  /** How long to wait for Redis at start before serving degraded (ms, default 3000). */
  redisWaitMs?: number;
  log?: (line: string) => void;
  /** DuckDB work limits (docs/cli.md `serve`): `queryTimeoutMs` (default FEATUREBOOK_QUERY_TIMEOUT_MS, else 30000), `queryConcurrency` (2), `memoryLimit` (a quarter of RAM). */
  engine?: Pick<ServerEngineOptions, 'queryTimeoutMs' | 'queryConcurrency' | 'memoryLimit'>;
  /** Length cap of each model's prediction log stream (default FEATUREBOOK_PREDLOG_MAXLEN, else 100000). */
  predlogMaxLen?: number;
  /** Largest logged prediction entry, bytes (default FEATUREBOOK_PREDLOG_ENTRY_BYTES, else 16 KiB): larger ones are not logged. */
  predlogEntryBytes?: number;
  /** Byte cap of each prediction log stream (default FEATUREBOOK_PREDLOG_MAX_BYTES, else 64 MiB). */
  predlogMaxBytes?: number;
}

export interface FeaturebookApp {
  app: Hono;
  fetch: Hono['fetch'];
  ctx: ServerContext;
  close(): Promise<void>;
}

/**
 * Builds the app.
 *
 * @example
 * ```ts
 * const { app, close } = await createApp({ dataRoot: '/srv/data', redisUrl: 'redis://127.0.0.1:6379', token: 's3cret' })
 * const res = await app.request('/health')
 * ```
 */
export async function createApp(options: AppOptions = {}): Promise<FeaturebookApp> {
  const env = process.env;
  const log = options.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const root = new DataRoot(options.dataRoot ?? env.FEATUREBOOK_DATA_ROOT ?? process.cwd());
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const token = 'token' in options ? options.token : env.FEATUREBOOK_TOKEN;
  const redisUrl = 'redisUrl' in options ? options.redisUrl : env.REDIS_URL;
  // Before DuckDB and Redis are opened: a bad token must fail at once, leaving nothing open.
  assertValidToken(token);
  const metricsToken = 'metricsToken' in options ? options.metricsToken : env.FEATUREBOOK_METRICS_TOKEN;
  assertValidToken(metricsToken, 'FEATUREBOOK_METRICS_TOKEN');
  const engine = await ServerEngine.create({
    allowedDirectories: root.allowedDirectories,
    ...(options.threads ? { threads: options.threads } : {}),
    queryTimeoutMs: /^\d+$/.test(env.FEATUREBOOK_QUERY_TIMEOUT_MS ?? '') ? Number(env.FEATUREBOOK_QUERY_TIMEOUT_MS) : DEFAULT_QUERY_TIMEOUT_MS,
    memoryLimit: defaultMemoryLimit(),
    ...options.engine,
    log,
  });

  let closed = false;
  const failures = new FailureLimiter();
  const ctx: ServerContext = { root, engine, limits, token: configuredToken(token), auth: bearerAuth({ token, limiter: failures }), log, metrics: undefined as never };
  ctx.metrics = new Metrics(() => (ctx.redis ? (ctx.redis.main.status === 'ready' && ctx.redis.reader.status === 'ready' ? 1 : 0) : undefined));

  if (redisUrl) {
    const keys = new Keys(options.prefix);
    const main = connect(redisUrl, { name: 'featurebook' });
    // No auto-pipelining: it made every read allocate long-lived objects (slow GC, 3× fewer reads/s here).
    const reader = connect(redisUrl, { name: 'featurebook-reader' });
    const sub = connect(redisUrl, { name: 'featurebook-sub', subscriber: true });
    ctx.redis = { main, reader, sub, url: redisUrl };
    ctx.registry = new Registry(main, keys);
    ctx.registry.migrateWith(replanner(root, engine));
    ctx.store = new OnlineStore(reader, main, keys);
    ctx.registry.onEvent((e) => {
      if (e.type === 'publish') {
        ctx.metrics.reloads.inc({ project: e.project });
        if (e.origin !== ctx.registry!.origin) log(`featurebook serve: reloaded ${e.project} ${e.version.slice(0, 12)} (published elsewhere)`);
      }
    });
    const wait = options.redisWaitMs ?? 3000;
    const [ok] = await Promise.all([whenReady(main, wait), whenReady(reader, wait), whenReady(sub, wait)]);
    await ctx.registry.subscribe(sub);
    if (!ok) log(`featurebook serve: Redis at ${redactUrl(redisUrl)} is not reachable yet; serving degraded and retrying`);
    let wasUp = ok;
    const watch = () => {
      if (closed) return;
      const up = main.status === 'ready' && reader.status === 'ready';
      if (up !== wasUp) log(up ? `featurebook serve: Redis is back` : `featurebook serve: lost Redis at ${redactUrl(redisUrl)}; answering 503 and retrying`);
      wasUp = up;
    };
    for (const r of [main, reader]) {
      r.on('ready', watch);
      r.on('close', watch);
    }
  }

  const app = new Hono();
  app.onError(onError(log, (v) => root.redactJson(v)));
  app.notFound(notFound);
  app.use('*', securityHeaders(), ctx.metrics.middleware());
  app.get('/health', async (c) => {
    // A PING bounded to 1 s: a connected Redis that hangs is "down" too, not "up".
    const redis = ctx.redis && (await redisHealth([ctx.redis.main, ctx.redis.reader], 1000)) === 'up' ? 'up' : 'down';
    return c.json({ status: !ctx.redis || redis === 'up' ? 'ok' : 'degraded', redis, version: VERSION, ...(ctx.redis ? {} : { redis_configured: false }) });
  });
  const metricsGuard = metricsAuth({ listenHost: options.listenHost, token: ctx.token, metricsToken, limiter: failures });
  app.get('/metrics', metricsGuard, (c) => c.text(ctx.metrics.text(), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }));

  app.route('/', compileRoutes(ctx));
  app.route('/', registryRoutes(ctx));
  app.route('/', onlineRoutes(ctx));
  const models = modelRoutes(ctx, {
    predlog: {
      maxLen: options.predlogMaxLen ?? (Number(env.FEATUREBOOK_PREDLOG_MAXLEN) || undefined),
      entryBytes: options.predlogEntryBytes ?? (Number(env.FEATUREBOOK_PREDLOG_ENTRY_BYTES) || undefined),
      maxBytes: options.predlogMaxBytes ?? (Number(env.FEATUREBOOK_PREDLOG_MAX_BYTES) || undefined),
    },
  });
  app.route('/', models);
  app.route('/', driftRoutes(ctx));

  return {
    app,
    fetch: app.fetch,
    ctx,
    async close() {
      if (closed) return;
      closed = true;
      ctx.registry?.close();
      await models.close();
      if (ctx.redis) for (const r of [ctx.redis.sub, ctx.redis.reader, ctx.redis.main]) r.disconnect();
      await engine.close();
    },
  };
}
