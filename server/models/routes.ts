/**
 * `POST /v1/predict`: online feature values from Redis → the model's ONNX
 * session → scores, answered with the model version, the values' as-of and
 * the latency, and appended to the model's prediction log.
 * @module
 */
import { Hono, type Context } from 'hono';
import type { FeatureRef, ModelPlan, ViewPlan } from '../../src/compile/plan.js';
import { inputName } from '../../src/model/data.js';
import { didYouMean } from '../../src/lang/diagnostics.js';
import { ModelError } from '../../src/model/errors.js';
import { online, type ServerContext } from '../context.js';
import { ApiError } from '../errors/index.js';
import { entityField } from '../online-store/codec.js';
import type { PublishedVersion } from '../registry/index.js';
import { array, fail, nameField, object, readJson, record, scalar, type Schema } from '../validate/index.js';
import { DEFAULT_PREDLOG_ENTRY_BYTES, DEFAULT_PREDLOG_MAX_BYTES, DEFAULT_PREDLOG_MAXLEN, dropReason, ModelSessions, PredLog, storeModels, type PredLogEntry, type PredLogLimits } from './index.js';


/** How a model's inputs map onto feature blocks: per view, the input positions and feature names. */
interface InputLayout {
  views: { view: ViewPlan; features: string[]; columns: number[]; countLike: boolean[] }[];
  names: string[];
  /** The entity fields a request may send: the keys of the views the model reads. */
  keys: Set<string>;
}

function layoutOf(pv: PublishedVersion, m: ModelPlan): InputLayout {
  const byView = new Map<string, InputLayout['views'][number]>();
  m.inputs.forEach((r: FeatureRef, i) => {
    const view = pv.views.get(r.view);
    if (!view) throw new ApiError(422, 'invalid_project', `model '${m.name}' reads feature block '${r.view}', which project ${pv.project} does not have`, { field: 'model' });
    let e = byView.get(r.view);
    if (!e) byView.set(r.view, (e = { view, features: [], columns: [], countLike: [] }));
    const f = view.features.find((x) => x.name === r.feature);
    e.features.push(r.feature);
    e.columns.push(i);
    e.countLike.push(f?.kind === 'aggregate' && (f.fn === 'count' || f.fn === 'count_distinct'));
  });
  const views = [...byView.values()];
  return { views, names: m.inputs.map(inputName), keys: new Set(views.flatMap((v) => v.view.keys)) };
}

/** A served value as a model input: numbers, booleans as 0/1, null (and anything else) as missing. */
const asInput = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 1 : 0) : v === 'NaN' || v === 'Infinity' || v === '-Infinity' ? Number(v) : NaN);

/** The routes, plus `close()` for the inference sessions. */
export function modelRoutes(ctx: ServerContext, opts: { predlog?: Partial<PredLogLimits> } = {}): Hono & { close(): Promise<void> } {
  const app = new Hono();
  const parseBody = <T>(c: Context, schema: Schema<T>) => readJson(c, schema, ctx.limits.bodyBytes);
  const predlog = new PredLog({ maxLen: DEFAULT_PREDLOG_MAXLEN, entryBytes: DEFAULT_PREDLOG_ENTRY_BYTES, maxBytes: DEFAULT_PREDLOG_MAX_BYTES, ...definedOnly(opts.predlog) });
  const tooLarge = { reason: 'too_large' };
  const sessions = ctx.redis ? new ModelSessions(ctx.redis.main, ctx.registry!.keys) : undefined;
  const layouts = new Map<string, InputLayout>();
  // Dropped log entries are counted in /metrics; the log says so at most every 10 s.
  let dropLoggedAt = 0;

  if (ctx.registry && ctx.redis) {
    const { registry } = ctx;
    const redis = ctx.redis.main;
    // Publishing (HTTP or CLI through this registry) stores the models' ONNX files first.
    registry.beforePublish((input) => storeModels(redis, registry.keys, input.plan, (abs) => ctx.root.check(abs)).then(() => {}));
    // Open the sessions before the first request needs them: at start for every published project,
    // and after each publish (opening the runtime's module takes a second or two once per process).
    const warm = async (project: string) => {
      const pv = await registry.current(project);
      for (const m of pv?.plan.models ?? []) await sessions!.get(pv!.project, pv!.version, m, registry.isSubscribed).catch(() => undefined);
    };
    registry.onEvent((e) => {
      if (e.type !== 'publish') return;
      sessions!.invalidate(e.project);
      warm(e.project).catch(() => {});
    });
    setTimeout(() => {
      registry
        .projects()
        .then((ps) => Promise.all(ps.map((p) => warm(p).catch(() => {}))))
        .catch(() => {});
    }, 0).unref();
  }

  const body = object({
    project: nameField('project'),
    model: nameField('model'),
    entities: array(record(scalar(), { min: 1, max: 32 }), { min: 1, max: ctx.limits.entities }),
  });

  app.post('/v1/predict', async (c) => {
    const b = await parseBody(c, body);
    const t0 = performance.now();
    const { registry, store } = online(ctx);
    const pv = await registry.current(b.project);
    if (!pv) throw new ApiError(404, 'not_found', `project '${b.project}' has not been published`, { field: 'project' });
    const m = pv.plan.models.find((x) => x.name === b.model);
    if (!m) {
      const names = pv.plan.models.map((x) => x.name);
      const s = didYouMean(b.model, names);
      throw new ApiError(404, 'not_found', `project ${b.project} has no model '${b.model}'${s ? ` (did you mean '${s}'?)` : names.length ? `; models: ${names.join(', ')}` : ''}`, { field: 'model' });
    }
    const loaded = await sessions!.get(pv.project, pv.version, m, registry.isSubscribed);
    if (!loaded)
      throw new ApiError(404, 'not_found', `model '${m.name}' of project ${b.project} has no ONNX file in Redis: ${m.fit ? `run 'featurebook fit' and publish again` : 'put the file at its onnx path and publish again'}`, { field: 'model' });

    const lid = `${pv.project}\0${pv.version}\0${m.name}`;
    let layout = layouts.get(lid);
    if (!layout) {
      layout = layoutOf(pv, m);
      if (layouts.size > 1000) layouts.clear();
      layouts.set(lid, layout);
    }
    const entities = b.entities;
    const n = entities.length;
    const k = layout.names.length;
    const requests = layout.views.map(({ view }) => {
      const fields = new Array<string>(n);
      for (let j = 0; j < n; j++) {
        const e = entities[j]!;
        const vals = new Array(view.keys.length);
        for (let q = 0; q < view.keys.length; q++) {
          const v = e[view.keys[q]!];
          if (v === undefined) fail(`entities[${j}].${view.keys[q]}`, `missing key '${view.keys[q]}' (model '${m.name}' reads feature block '${view.name}', keyed by ${view.keys.join(', ')})`);
          vals[q] = v;
        }
        fields[j] = entityField(vals);
      }
      return { view: view.name, fields };
    });
    // Only the model's keys (checked after the missing ones): anything else would be logged verbatim.
    for (let j = 0; j < n; j++) {
      for (const f of Object.keys(entities[j]!)) {
        if (!layout.keys.has(f)) {
          fail(`entities[${j}].${f}`, `unknown field: model '${m.name}' reads feature blocks keyed by ${[...layout.keys].join(', ')}, and an entity holds only those keys`);
        }
      }
    }
    const found = await store.read(pv.project, requests);

    const x = new Float32Array(n * k);
    const served: unknown[][] = Array.from({ length: n }, () => new Array(k).fill(null));
    const asOf: Record<string, string | null>[] = Array.from({ length: n }, () => ({}));
    const missing: string[][] = Array.from({ length: n }, () => []);
    layout.views.forEach((lv, vi) => {
      const r = found[vi]!;
      const ix = r.meta ? lv.features.map((f) => r.meta!.features.indexOf(f)) : [];
      for (let j = 0; j < n; j++) {
        const packed = r.meta ? r.values[j] : null;
        asOf[j]![lv.view.name] = packed ? r.meta!.as_of : null;
        if (!packed) {
          missing[j]!.push(lv.view.name);
          // A materialized view without this entity: it had no rows, so (semantics rule 4) its counts are 0,
          // exactly what a training-set row would hold; everything else is null (imputed by the model).
          lv.columns.forEach((col, f) => {
            const zero = r.meta && lv.countLike[f];
            if (zero) served[j]![col] = 0;
            x[j * k + col] = zero ? 0 : NaN;
          });
          if (r.meta) asOf[j]![lv.view.name] = r.meta.as_of;
          continue;
        }
        const arr = JSON.parse(packed.toString()) as unknown[];
        lv.columns.forEach((col, f) => {
          const v = ix[f]! >= 0 ? (arr[ix[f]!] ?? null) : null;
          served[j]![col] = v;
          x[j * k + col] = asInput(v);
        });
      }
    });

    let scores;
    try {
      scores = await loaded.scorer.score({ rows: n, cols: k, data: x });
    } catch (err) {
      if (err instanceof ModelError) throw new ApiError(422, 'invalid_project', `model '${m.name}': ${err.message}`, { field: 'model' });
      throw err;
    }
    const latency = performance.now() - t0;
    const extraNames = Object.keys(scores.extra);
    const predictions = Array.from({ length: n }, (_, j) => {
      const p: Record<string, unknown> = { score: finite(scores.score[j]!) };
      for (const e of extraNames) p[e] = finite(scores.extra[e]![j]!);
      if (missing[j]!.length) p.missing = missing[j];
      return p;
    });

    const ts = new Date().toISOString();
    const log: PredLogEntry[] = entities.map((e, j) => ({
      ts,
      entity: e,
      features: Object.fromEntries(layout!.names.map((name, col) => [name, served[j]![col]])),
      score: scores.score[j]!,
      modelVersion: loaded.version,
      asOf: asOf[j]!,
    }));
    // Sent before the answer, not awaited: the commands are on the wire before the answer is,
    // and the answer does not wait for Redis's reply. Dropped entries are counted (and logged, throttled).
    predlog.append(ctx.redis!.main, registry.keys, pv.project, m.name, log, (n) => ctx.metrics.predlogDropped.inc(tooLarge, n)).catch((err) => {
      ctx.metrics.predlogDropped.inc({ reason: dropReason(err) }, log.length);
      if (Date.now() - dropLoggedAt < 10_000) return;
      dropLoggedAt = Date.now();
      ctx.log(`featurebook serve: could not append to the prediction log of ${pv.project}.${m.name}: ${(err as Error).message} (counted in featurebook_predlog_dropped_total)`);
    });
    return c.json({
      project: pv.project,
      model: m.name,
      model_version: loaded.version,
      predictions,
      feature_as_of: asOf,
      latency_ms: Math.round(latency * 1000) / 1000,
    });
  });

  return Object.assign(app, { close: async () => void (await sessions?.close()) });
}

const finite = (v: number) => (Number.isFinite(v) ? v : null);

/** `o` without its undefined fields (so they do not override defaults when spread). */
const definedOnly = <T extends object>(o: T | undefined): Partial<T> => Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;

