/**
 * Drift of a published project's monitor against what its models served:
 *
 *   current version → monitor → prediction logs (XRANGE fb:{P}:predlog:<model>)
 *     → rows (ts + each logged "view.feature") in a DuckDB temp table
 *     → reference: the monitor's training set built from the data root (once per version)
 *     → frozen reference summary (bin edges, categories, counts) from Redis, or computed and stored
 *     → computeDrift (src/drift) → the report
 *
 * Key layout: docs/redis.md; route: docs/http-api.md.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { duckdb } from '../../src/compile/dialect.js';
import { computeDrift, DriftError, summarizeReference, type DriftReport, type ReferenceSummary } from '../../src/drift/compute.js';
import { featureColumn, findMonitor, monitorFeatures, prepareMonitor, type MonitorRun } from '../../src/drift/monitor.js';
import { num } from '../../src/drift/sql.js';
import type { ServerContext } from '../context.js';
import { ApiError } from '../errors/index.js';
import { assertPlanPaths } from '../projects/index.js';
import { guard, type Keys, type Redis } from '../redis/index.js';
import type { PublishedVersion, Registry } from '../registry/index.js';

export interface DriftQuery {
  /** Only log entries with ts >= from / < to (UTC ms). */
  fromMs?: number;
  toMs?: number;
  /** Most recent entries read per model's log. */
  limit: number;
  permutations: number;
  /** Most bytes read from the logs, all models together (default DEFAULT_DRIFT_LOG_BYTES). */
  maxBytes?: number;
}

/** Default cap of the prediction-log bytes one drift report reads (FEATUREBOOK_DRIFT_LOG_BYTES overrides it). */
export const DEFAULT_DRIFT_LOG_BYTES = 32 * 1024 * 1024;
/** Entries read per XREVRANGE call. */
const PAGE = 1000;

export interface ServedDriftReport extends DriftReport {
  project: string;
  version: string;
  log: { models: { model: string; key: string; entries: number }[]; entries: number; skipped: number; bytes: number; truncated?: string };
}

/** Key of a monitor's frozen reference summary for one published version. */
export const frozenKey = (keys: Keys, project: string, monitor: string, version: string) => `${keys.prefix}:{${project}}:drift:${monitor}:${version}`;

interface LogRow {
  ts: number;
  model: string;
  features: Record<string, unknown>;
}

/**
 * Reads the newest `limit` entries of a model's prediction log (a Redis
 * stream), a page at a time and no more than `budget.bytes` in all, oldest
 * first; entries it cannot read are counted.
 */
async function readLog(redis: Redis, key: string, model: string, q: DriftQuery, budget: { bytes: number; read: number }): Promise<{ rows: LogRow[]; skipped: number; entries: number; truncated: boolean }> {
  const raw: [string, string[]][] = [];
  let end = '+';
  let truncated = false;
  while (raw.length < q.limit) {
    if (budget.read >= budget.bytes) {
      truncated = true;
      break;
    }
    const page = await guard(redis, () => redis.xrevrange(key, end, '-', 'COUNT', Math.min(PAGE, q.limit - raw.length)));
    for (const entry of page) {
      let size = entry[0].length;
      for (const f of entry[1]) size += f.length;
      if (budget.read + size > budget.bytes) {
        truncated = true;
        break;
      }
      budget.read += size;
      raw.push(entry);
    }
    if (truncated || page.length < PAGE) break;
    end = `(${page[page.length - 1]![0]}`;
  }
  const rows: LogRow[] = [];
  let skipped = 0;
  for (let i = raw.length - 1; i >= 0; i--) {
    const fields = raw[i]![1];
    const get = (name: string) => {
      for (let j = 0; j + 1 < fields.length; j += 2) if (fields[j] === name) return fields[j + 1];
      return undefined;
    };
    const ts = Date.parse(get('ts') ?? '');
    let features: unknown;
    try {
      features = JSON.parse(get('features') ?? 'null');
    } catch {
      features = undefined;
    }
    if (!Number.isFinite(ts) || !features || typeof features !== 'object' || Array.isArray(features)) {
      skipped++;
      continue;
    }
    if ((q.fromMs !== undefined && ts < q.fromMs) || (q.toMs !== undefined && ts >= q.toMs)) continue;
    rows.push({ ts, model, features: features as Record<string, unknown> });
  }
  return { rows, skipped, entries: raw.length, truncated };
}

const d = duckdb;

/** A logged value as an SQL literal of the feature's kind (anything unusable is NULL). */
function literal(v: unknown, kind: 'numeric' | 'categorical'): string {
  if (v === null || v === undefined) return 'NULL';
  if (kind === 'numeric') {
    const x = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isFinite(x) ? num(x) : 'NULL';
  }
  return d.quoteString(typeof v === 'string' ? v : typeof v === 'boolean' || typeof v === 'number' ? String(v) : JSON.stringify(v));
}

export class DriftService {
  /** project\0version\0monitor → the reference built from the data root. */
  private readonly prepared = new Map<string, Promise<MonitorRun>>();
  /** One computation at a time: they share the server's one DuckDB connection and are heavy. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: ServerContext,
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly registry: Registry,
  ) {}

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.catch(() => {});
    return run;
  }

  async report(project: string, monitorName: string, q: DriftQuery): Promise<ServedDriftReport> {
    const pv = await this.registry.current(project);
    if (!pv) throw new ApiError(404, 'not_found', `project '${project}' has not been published`);
    let monitor;
    try {
      monitor = findMonitor(pv.plan, monitorName);
    } catch (err) {
      if (err instanceof DriftError) throw new ApiError(404, 'not_found', `${err.message}${err.hint ? `; ${err.hint}` : ''}`, { field: 'monitor' });
      throw err;
    }
    const set = pv.plan.trainingSets.find((t) => t.name === monitor.reference)!;
    const views = new Set(set.features.map((f) => f.view));
    assertPlanPaths(this.ctx.root, pv.plan, [set.spine, ...pv.plan.views.filter((v) => views.has(v.name)).map((v) => v.source)]);

    // The logs of every model of the project.
    const models = pv.plan.models.map((m) => ({ model: m.name, key: this.keys.predlog(project, m.name) }));
    // One model after the other, sharing the byte budget: the report never holds more of the logs than that.
    const budget = { bytes: q.maxBytes ?? DEFAULT_DRIFT_LOG_BYTES, read: 0 };
    const logs: Awaited<ReturnType<typeof readLog>>[] = [];
    for (const m of models) logs.push(await readLog(this.redis, m.key, m.model, q, budget));
    const rows = logs.flatMap((l) => l.rows);
    const logged = new Set<string>();
    for (const r of rows) for (const k of Object.keys(r.features)) logged.add(k);

    const { features: all, notAvailable } = monitorFeatures(pv.plan, monitor);
    const features = all.filter((f) => logged.has(f.feature));
    for (const f of all) {
      if (!logged.has(f.feature)) {
        notAvailable.push({
          feature: f.feature,
          reason: models.length ? `not in the prediction log of any model of ${project} (${models.map((m) => m.model).join(', ')}): models log only their inputs` : `${project} has no models, so nothing is logged`,
        });
      }
    }

    return this.serial(async () => {
      const engine = this.ctx.engine;
      const run = await this.reference(pv, monitor.name);
      const frozen = await this.frozen(pv, run);
      const table = `__fb_drift_log_${randomUUID().replaceAll('-', '')}`;
      const cols = [d.quoteIdent(run.time), ...features.map((f) => d.quoteIdent(f.column))];
      await engine.exec(`CREATE TEMP TABLE ${d.quoteIdent(table)} (${d.quoteIdent(run.time)} ${d.typeName('timestamp')}${features.map((f) => `, ${d.quoteIdent(f.column)} ${d.typeName(f.kind === 'numeric' ? 'double' : 'text')}`).join('')})`);
      try {
        for (let i = 0; i < rows.length; i += 2000) {
          const batch = rows.slice(i, i + 2000).map((r) => `(${d.timestamp(r.ts)}${features.map((f) => `, ${literal(r.features[f.feature], f.kind!)}`).join('')})`);
          await engine.exec(`INSERT INTO ${d.quoteIdent(table)} (${cols.join(', ')}) VALUES ${batch.join(', ')}`);
        }
        const report = await computeDrift(engine, {
          monitor: monitor.name,
          features,
          reference: run.reference,
          referenceTime: run.time,
          current: d.quoteIdent(table),
          time: run.time,
          ...(monitor.everyMs ? { everyMs: monitor.everyMs } : {}),
          bins: monitor.bins,
          thresholds: monitor.thresholds,
          frozen: { ...frozen, features: frozen.features },
          notAvailable,
          permutations: q.permutations,
          describe: { reference: run.describeReference, current: `prediction logs of ${project}` },
        });
        return {
          project,
          version: pv.version,
          ...report,
          log: {
            models: models.map((m, i) => ({ ...m, entries: logs[i]!.entries })),
            entries: rows.length,
            skipped: logs.reduce((s, l) => s + l.skipped, 0),
            bytes: budget.read,
            ...(logs.some((l) => l.truncated) ? { truncated: `read the newest entries up to ${budget.bytes} bytes of log (FEATUREBOOK_DRIFT_LOG_BYTES); narrow with 'from'/'to' or a smaller 'limit'` } : {}),
          },
        };
      } finally {
        await engine.exec(`DROP TABLE IF EXISTS ${d.quoteIdent(table)}`).catch(() => {});
      }
    });
  }

  /** The monitor's reference training set, built once per published version. */
  private reference(pv: PublishedVersion, monitor: string): Promise<MonitorRun> {
    const id = `${pv.project}\0${pv.version}\0${monitor}`;
    let p = this.prepared.get(id);
    if (!p) {
      const table = `__fb_drift_ref_${pv.version.slice(0, 16)}_${monitor}`;
      p = prepareMonitor(this.ctx.engine, pv.plan, monitor, {}, table).catch((err) => {
        this.prepared.delete(id);
        if (err instanceof DriftError) throw new ApiError(422, 'invalid_project', `${err.message}${err.hint ? `; ${err.hint}` : ''}`);
        throw new ApiError(422, 'query_failed', `building the reference of monitor '${monitor}' failed: ${(err as Error).message.split('\n')[0]}`);
      });
      if (this.prepared.size >= 16) {
        // Forget the oldest reference and drop its table (inside the serial section: no computation is using it).
        const [oldId, old] = this.prepared.entries().next().value!;
        this.prepared.delete(oldId);
        void old.then((r) => this.ctx.engine.exec(`DROP TABLE IF EXISTS ${d.quoteIdent(r.table)}`)).catch(() => {});
      }
      this.prepared.set(id, p);
    }
    return p;
  }

  /**
   * The reference summary frozen for this version: read from Redis, or
   * computed now from the reference and stored (SET NX, so the first writer
   * wins and every server bins the same way).
   */
  private async frozen(pv: PublishedVersion, run: MonitorRun): Promise<ReferenceSummary> {
    const key = frozenKey(this.keys, pv.project, run.monitor.name, pv.version);
    const stored = await guard(this.redis, () => this.redis.get(key));
    if (stored) return JSON.parse(stored) as ReferenceSummary;
    let summary: ReferenceSummary;
    try {
      summary = await summarizeReference(this.ctx.engine, { features: run.features, reference: run.reference, bins: run.monitor.bins });
    } catch (err) {
      if (err instanceof DriftError) throw new ApiError(422, 'invalid_project', `monitor '${run.monitor.name}': ${err.message}${err.hint ? `; ${err.hint}` : ''}`);
      throw err;
    }
    await guard(this.redis, () => this.redis.set(key, JSON.stringify(summary), 'NX'));
    const won = await guard(this.redis, () => this.redis.get(key));
    return won ? (JSON.parse(won) as ReferenceSummary) : summary;
  }
}

export { featureColumn };
