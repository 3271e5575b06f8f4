/**
 * The server-mode CLI verbs (docs/cli.md), dispatched to by `src/cli/main.ts`:
 *
 *   featurebook serve [--redis URL] [--port 8787] [--host 127.0.0.1] [--data-root DIR] [--predlog-max-len N]
 *                     [--predlog-entry-bytes N] [--predlog-max-bytes N] [--allowed-hosts a,b]
 *                     [--query-timeout 30s] [--query-concurrency 2] [--duckdb-memory 25%]
 *   featurebook publish FILE --redis URL [--force]
 *   featurebook materialize FILE [--view NAME] [--as-of TS] [--incremental] [--force] --redis URL
 *
 * `--redis` defaults to REDIS_URL. Each returns an exit code: 0 success,
 * 1 failure, 2 a wrong command line. Nothing prints a stack trace.
 * @module
 */
import { isFeaturebookError } from '../src/errors.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { compileObjects } from '../src/compile/emit-sql.js';
import type { ProjectPlan } from '../src/compile/plan.js';
import { didYouMean, formatDiagnostic, hasErrors } from '../src/lang/diagnostics.js';
import { engineReason, loadProject } from '../src/project.js';
import { configuredToken } from './auth/index.js';
import { startServer, type RunningServer } from './http.js';
import { parseMemoryLimit, ServerEngine } from './engine/index.js';
import type { AppOptions } from './app.js';
import { ApiError } from './errors/index.js';
import { asOfTime, OnlineStore } from './online-store/index.js';
import { connect, Keys, redactUrl, whenReady, type Redis } from './redis/index.js';
import { Registry, versionOf } from './registry/index.js';
import { storeModels } from './models/index.js';

class UsageError extends Error {}
class Failure extends Error {}

const out = (s: string) => process.stdout.write(s + '\n');
const err = (s: string) => process.stderr.write(s + '\n');

function args(argv: string[], options: ParseArgsConfig['options'], positionals: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  const pos = parsed.positionals;
  if (pos.length < positionals.length) throw new UsageError(`missing ${positionals.slice(pos.length).join(' and ')}`);
  if (pos.length > positionals.length) throw new UsageError(`unexpected argument '${pos[positionals.length]}'`);
  return { values: parsed.values as Record<string, string | boolean | undefined>, pos };
}

/** Runs a verb, turning failures into messages and exit codes. */
async function run(verb: string, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UsageError) {
      err(`featurebook ${verb}: ${e.message}\nRun 'featurebook --help' for usage.`);
      return 2;
    }
    if (e instanceof Failure || e instanceof ApiError || isFeaturebookError(e)) {
      err(`featurebook: error: ${e.message}`);
      const hint = e instanceof ApiError ? (e.details as { hint?: unknown } | undefined)?.hint : undefined;
      if (typeof hint === 'string') err(`featurebook: hint: ${hint.replace('send "force": true (featurebook materialize --force)', 'run it again with --force')}`);
      return 1;
    }
    err(`featurebook: error: ${engineReason(e)}`);
    if (process.env.FEATUREBOOK_DEBUG) err(String((e as Error)?.stack));
    return 1;
  }
}

function redisUrlFrom(v: string | boolean | undefined): string {
  const url = (typeof v === 'string' ? v : undefined) ?? process.env.REDIS_URL;
  if (!url) throw new UsageError('missing --redis URL (or set REDIS_URL), e.g. --redis redis://127.0.0.1:6379');
  if (!/^rediss?:\/\//.test(url)) throw new UsageError(`--redis must be a redis:// or rediss:// URL, got '${url}'`);
  return url;
}

async function openRedis(url: string): Promise<Redis> {
  const r = connect(url, { name: 'featurebook-cli', commandTimeout: 30_000 });
  if (!(await whenReady(r, 5000))) {
    r.disconnect();
    throw new Failure(`cannot reach Redis at ${redactUrl(url)}`);
  }
  return r;
}

/** Loads FILE on a native engine (the user's own files: no data root here), printing diagnostics. */
async function loadFile(file: string, engine: ServerEngine): Promise<{ text: string; plan: ProjectPlan; abs: string }> {
  const abs = resolve(file);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Failure(`cannot read '${file}': ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (e as Error).message}`);
  }
  const p = await loadProject(text, { file: abs, engine });
  for (const d of [...p.diagnostics].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column)) err(formatDiagnostic(d, file, text));
  if (!p.plan || hasErrors(p.diagnostics)) throw new Failure(`${file} has errors; nothing was written to Redis`);
  return { text, plan: p.plan, abs };
}

/** `featurebook publish FILE --redis URL [--force]` */
export function runPublish(argv: string[]): Promise<number> {
  return run('publish', async () => {
    const { values, pos } = args(argv, { redis: { type: 'string' }, force: { type: 'boolean' }, prefix: { type: 'string' } }, ['FILE']);
    const url = redisUrlFrom(values.redis);
    const engine = await ServerEngine.create();
    let redis: Redis | undefined;
    try {
      const { text, plan, abs } = await loadFile(pos[0]!, engine);
      const sql = compileObjects(plan);
      redis = await openRedis(url);
      const registry = new Registry(redis, new Keys(values.prefix as string | undefined));
      registry.beforePublish(async (input) => {
        for (const m of await storeModels(redis!, registry.keys, input.plan))
          out(m.version ? `model ${m.model}: stored ${m.path} as ${m.version.slice(0, 12)}` : `model ${m.model}: not served — ${m.note}`);
      });
      const r = await registry.publish({ source: text, plan, sql, file: abs, force: Boolean(values.force) });
      out(`published ${r.project} version ${r.version}${r.created ? '' : ' (already stored; made current)'}${r.previous && r.previous !== r.version ? `, replacing ${r.previous}` : ''}`);
      return 0;
    } finally {
      redis?.disconnect();
      await engine.close();
    }
  });
}

/** `featurebook materialize FILE [--view NAME] [--as-of TS] [--incremental] [--force] --redis URL` */
export function runMaterialize(argv: string[]): Promise<number> {
  return run('materialize', async () => {
    const { values, pos } = args(
      argv,
      { redis: { type: 'string' }, view: { type: 'string' }, 'as-of': { type: 'string' }, incremental: { type: 'boolean' }, force: { type: 'boolean' }, prefix: { type: 'string' } },
      ['FILE'],
    );
    const url = redisUrlFrom(values.redis);
    let asOf = Date.now();
    if (typeof values['as-of'] === 'string') {
      const t = asOfTime(values['as-of']);
      if (typeof t !== 'number') throw new UsageError(`--as-of ${t.problem}`);
      asOf = t;
    }
    const engine = await ServerEngine.create();
    let redis: Redis | undefined;
    try {
      const { text, plan } = await loadFile(pos[0]!, engine);
      let views = plan.views.map((v) => v.name);
      const view = values.view as string | undefined;
      if (view !== undefined) {
        if (!views.includes(view)) {
          const s = didYouMean(view, views);
          throw new Failure(`no feature block named '${view}'${s ? ` (did you mean '${s}'?)` : views.length ? `; known: ${views.join(', ')}` : ''}`);
        }
        views = [view];
      }
      if (!views.length) throw new Failure(`${pos[0]} has no feature blocks to materialize`);
      redis = await openRedis(url);
      const keys = new Keys(values.prefix as string | undefined);
      const version = versionOf(text);
      const current = await redis.get(keys.current(plan.project));
      if (current !== version) {
        err(`featurebook: note: ${current ? `the published version of ${plan.project} is ${current.slice(0, 12)}, not this file's ${version.slice(0, 12)}` : `${plan.project} is not published`}; /v1/features serves the published definitions (run 'featurebook publish')`);
      }
      const store = new OnlineStore(redis, redis, keys);
      await store.materialize({
        project: plan.project,
        plan,
        version,
        views,
        asOf,
        engine,
        incremental: Boolean(values.incremental),
        force: Boolean(values.force),
        onView: (r) => {
          const rate = r.seconds > 0 ? Math.round(r.values / r.seconds) : 0;
          const extra = r.mode === 'incremental' ? `, ${r.changed} changed, ${r.removed} removed` : '';
          out(`${r.view}: ${r.entities} entities, ${r.values} values as of ${r.as_of} in ${r.seconds.toFixed(2)}s (${rate} values/s, generation ${r.generation}, ${r.mode}${extra})${r.note ? ` — ${r.note}` : ''}`);
        },
      });
      return 0;
    } finally {
      redis?.disconnect();
      await engine.close();
    }
  });
}

/** `--query-timeout` (or FEATUREBOOK_QUERY_TIMEOUT_MS), `--query-concurrency`, `--duckdb-memory` (or FEATUREBOOK_DUCKDB_MEMORY). */
function engineFlags(values: Record<string, string | boolean | undefined>): NonNullable<AppOptions['engine']> {
  const out: NonNullable<AppOptions['engine']> = {};
  const timeout = values['query-timeout'] as string | undefined;
  const envTimeout = process.env.FEATUREBOOK_QUERY_TIMEOUT_MS;
  if (timeout !== undefined) {
    // A number alone is milliseconds, like FEATUREBOOK_QUERY_TIMEOUT_MS; 0 turns the limit off.
    const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(timeout.trim());
    if (!m) throw new UsageError(`--query-timeout must be a duration such as 30s, 2m or 45000 (milliseconds), or 0 for none; got '${timeout}'`);
    out.queryTimeoutMs = Math.round(Number(m[1]) * (m[2] === 's' ? 1000 : m[2] === 'm' ? 60_000 : 1));
  } else if (envTimeout !== undefined && envTimeout !== '') {
    if (!/^\d+$/.test(envTimeout)) throw new UsageError(`FEATUREBOOK_QUERY_TIMEOUT_MS must be a whole number of milliseconds (0 for none), got '${envTimeout}'`);
    out.queryTimeoutMs = Number(envTimeout);
  }
  const conc = values['query-concurrency'] as string | undefined;
  if (conc !== undefined) {
    const n = Number(conc);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--query-concurrency must be a whole number from 1 to 64, got '${conc}'`);
    out.queryConcurrency = n;
  }
  const mem = (values['duckdb-memory'] as string | undefined) ?? (process.env.FEATUREBOOK_DUCKDB_MEMORY || undefined);
  if (mem !== undefined) {
    const limit = parseMemoryLimit(mem);
    if (!limit) throw new UsageError(`--duckdb-memory must be a size such as 4GB or 512MB, or a share of the memory such as 25%; got '${mem}'`);
    out.memoryLimit = limit;
  }
  return out;
}

/** `featurebook serve [--redis URL] [--port 8787] [--host 127.0.0.1] [--data-root DIR]`; runs until SIGINT or SIGTERM. */
export function runServe(argv: string[]): Promise<number> {
  return run('serve', async () => {
    const { values } = args(
      argv,
      {
        redis: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'data-root': { type: 'string' },
        'predlog-max-len': { type: 'string' },
        'predlog-entry-bytes': { type: 'string' },
        'predlog-max-bytes': { type: 'string' },
        'allowed-hosts': { type: 'string' },
        'query-timeout': { type: 'string' },
        'query-concurrency': { type: 'string' },
        'duckdb-memory': { type: 'string' },
      },
      [],
    );
    const positive = (flag: string) => {
      const v = values[flag];
      if (v === undefined) return undefined;
      const x = Number(v);
      if (!(Number.isSafeInteger(x) && x > 0)) throw new UsageError(`--${flag} must be a positive whole number, got '${v}'`);
      return x;
    };
    const cap = positive('predlog-max-len');
    const entryBytes = positive('predlog-entry-bytes');
    const maxBytes = positive('predlog-max-bytes');
    const engine = engineFlags(values);
    const port = values.port === undefined ? 8787 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got '${values.port}'`);
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    const redisUrl = (values.redis as string | undefined) ?? process.env.REDIS_URL;
    if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new UsageError(`--redis must be a redis:// or rediss:// URL, got '${redisUrl}'`);
    const dataRoot = (values['data-root'] as string | undefined) ?? process.env.FEATUREBOOK_DATA_ROOT ?? process.cwd();
    let s: RunningServer;
    try {
      s = await startServer({ host, port, dataRoot, ...(redisUrl ? { redisUrl } : {}), ...(cap ? { predlogMaxLen: cap } : {}), ...(entryBytes ? { predlogEntryBytes: entryBytes } : {}), ...(maxBytes ? { predlogMaxBytes: maxBytes } : {}), ...(typeof values['allowed-hosts'] === 'string' ? { allowedHosts: values['allowed-hosts'].split(',') } : {}), engine });
    } catch (e) {
      throw new Failure((e as Error).message);
    }
    const token = configuredToken(process.env.FEATUREBOOK_TOKEN); // whitespace only: off, as the routes are
    out(`featurebook serve: listening on ${s.url}`);
    err(
      `featurebook serve: data root ${resolve(dataRoot)}; ${redisUrl ? `Redis ${redactUrl(redisUrl)}` : 'no Redis (registry and online routes answer 503)'}; ` +
        `${token ? 'publish and materialize need the bearer token' : `publish and materialize are off (${process.env.FEATUREBOOK_TOKEN ? 'FEATUREBOOK_TOKEN is only whitespace' : 'set FEATUREBOOK_TOKEN'})`}`,
    );
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        done();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    err('featurebook serve: stopping');
    await s.close();
    return 0;
  });
}
