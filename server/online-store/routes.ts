/**
 * Online routes: materialize feature values into Redis (🔒) and read them.
 * @module
 */
import { Hono, type Context } from 'hono';
import type { ViewPlan } from '../../src/compile/plan.js';
import { didYouMean } from '../../src/lang/diagnostics.js';
import { online, type ServerContext } from '../context.js';
import { ApiError } from '../errors/index.js';
import { assertPlanPaths, sourcesOf } from '../projects/index.js';
import type { PublishedVersion } from '../registry/index.js';
import { array, boolean, fail, nameField, object, optional, readJson, record, scalar, string, type Schema } from '../validate/index.js';
import { entityField } from './codec.js';
import { asOfTime, type GenMeta, type ReadResult } from './index.js';
import type { Counter } from '../metrics/index.js';


/** What a list of requested feature names resolves to against one published version. */
interface Resolution {
  columns: string[];
  views: { view: ViewPlan; features: string[]; columns: number[] }[];
  /** Every view's columns are one contiguous run, in view order (lets packed values be spliced as they are). */
  contiguous: boolean;
  /** JSON of `columns`. */
  columnsJson: string;
}

const nullRuns = new Map<number, string>();
const nullRun = (n: number) => {
  let s = nullRuns.get(n);
  if (s === undefined) nullRuns.set(n, (s = new Array(n).fill('null').join(',')));
  return s;
};

/** Collects strings and byte slices, then writes them into one buffer. */
class Bytes {
  private parts: (string | Buffer)[] = [];
  private size = 0;
  add(p: string | Buffer) {
    this.parts.push(p);
    this.size += typeof p === 'string' ? Buffer.byteLength(p) : p.length;
  }
  toBuffer(): Buffer {
    const out = Buffer.allocUnsafe(this.size);
    let at = 0;
    for (const p of this.parts) at += typeof p === 'string' ? out.write(p, at) : p.copy(out, at);
    return out;
  }
}

/**
 * The /v1/features answer as JSON bytes. Where a view's requested features
 * are exactly its stored ones, in order, its packed values are copied in as
 * they are (no decoding, parsing or re-encoding); otherwise they are parsed
 * and picked.
 */
function answerJson(
  project: string,
  version: string,
  res: Resolution,
  found: ReadResult[],
  n: number,
  indexOf: (m: GenMeta) => Map<string, number>,
  missingMetric: Counter,
): Buffer {
  const views = res.views;
  const splice = views.map((rv, vi) => {
    const meta = found[vi]!.meta;
    return res.contiguous && meta !== null && meta.features.length === rv.features.length && meta.features.every((f, i) => f === rv.features[i]);
  });
  const asOfKeys = views.map((rv) => JSON.stringify(rv.view.name) + ':');
  const asOfValues = views.map((_, vi) => {
    const meta = found[vi]!.meta;
    return meta ? JSON.stringify(meta.as_of) : 'null';
  });
  const missingCount = new Array<number>(views.length).fill(0);
  const out = new Bytes();
  out.add(`{"project":${JSON.stringify(project)},"version":${JSON.stringify(version)},"features":${res.columnsJson},"rows":[`);
  for (let j = 0; j < n; j++) {
    out.add(j === 0 ? '{"values":' : ',{"values":');
    let asOf = '';
    let missing = '';
    let picked: unknown[] | undefined;
    if (res.contiguous) out.add('[');
    for (let vi = 0; vi < views.length; vi++) {
      const rv = views[vi]!;
      const r = found[vi]!;
      const packed = r.meta === null ? null : r.values[j];
      if (vi > 0) asOf += ',';
      const sep = res.contiguous && vi > 0 ? ',' : '';
      if (packed == null) {
        asOf += asOfKeys[vi]! + 'null';
        missing += (missing ? ',' : '') + JSON.stringify(rv.view.name);
        missingCount[vi]!++;
        if (res.contiguous) out.add(sep + nullRun(rv.features.length));
        continue;
      }
      asOf += asOfKeys[vi]! + asOfValues[vi]!;
      if (splice[vi]) {
        if (sep) out.add(sep);
        out.add(packed.subarray(1, packed.length - 1));
        continue;
      }
      const arr = JSON.parse(packed.toString()) as unknown[];
      const ix = indexOf(r.meta!);
      if (res.contiguous) {
        const part = rv.features.map((f) => {
          const i = ix.get(f);
          return i === undefined ? null : (arr[i] ?? null);
        });
        out.add(sep + JSON.stringify(part).slice(1, -1));
      } else {
        picked ??= new Array(res.columns.length).fill(null);
        for (let f = 0; f < rv.features.length; f++) {
          const i = ix.get(rv.features[f]!);
          if (i !== undefined) picked[rv.columns[f]!] = arr[i] ?? null;
        }
      }
    }
    if (res.contiguous) out.add(']');
    else out.add(JSON.stringify(picked ?? new Array(res.columns.length).fill(null)));
    out.add(`,"as_of":{${asOf}}${missing ? `,"missing":[${missing}]` : ''}}`);
  }
  out.add(']}');
  missingCount.forEach((m, vi) => m && missingMetric.inc({ project, view: views[vi]!.view.name }, m));
  return out.toBuffer();
}

/** `as_of` as epoch ms (see `asOfTime`); default now. */
export function parseAsOf(v: string | number | undefined, field = 'as_of'): number {
  if (v === undefined) return Date.now();
  const ms = asOfTime(v);
  if (typeof ms !== 'number') fail(field, ms.problem);
  return ms;
}

function resolve(pv: PublishedVersion, names: string[]): Resolution {
  const columns: string[] = [];
  const byView = new Map<string, Resolution['views'][number]>();
  const add = (view: ViewPlan, feature: string) => {
    const col = `${view.name}.${feature}`;
    if (columns.includes(col)) return;
    let e = byView.get(view.name);
    if (!e) byView.set(view.name, (e = { view, features: [], columns: [] }));
    e.features.push(feature);
    e.columns.push(columns.length);
    columns.push(col);
  };
  names.forEach((n, i) => {
    const field = `features[${i}]`;
    const dot = n.indexOf('.');
    if (dot <= 0 || dot === n.length - 1) fail(field, `'${n}' is not 'view.feature' or 'view.*'`);
    const vn = n.slice(0, dot);
    const fn = n.slice(dot + 1);
    const view = pv.views.get(vn);
    if (!view) {
      const s = didYouMean(vn, pv.views.keys());
      fail(field, `project ${pv.project} has no feature block '${vn}'${s ? ` (did you mean '${s}'?)` : ''}`);
    }
    if (fn === '*') {
      for (const f of view.features) add(view, f.name);
      return;
    }
    if (!view.features.some((f) => f.name === fn)) {
      const s = didYouMean(fn, view.features.map((f) => f.name));
      fail(field, `feature block '${vn}' has no feature '${fn}'${s ? ` (did you mean '${s}'?)` : ''}`);
    }
    add(view, fn);
  });
  const views = [...byView.values()];
  let next = 0;
  const contiguous = views.every((v) => v.columns.every((c) => c === next++));
  return { columns, views, contiguous, columnsJson: JSON.stringify(columns) };
}

export function onlineRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const parseBody = <T>(c: Context, schema: Schema<T>) => readJson(c, schema, ctx.limits.bodyBytes);
  const resolutions = new Map<string, Resolution>();
  const projectLabels = new Map<string, { project: string }>();
  const featureIndex = new WeakMap<GenMeta, Map<string, number>>();
  const indexOf = (m: GenMeta) => {
    let ix = featureIndex.get(m);
    if (!ix) featureIndex.set(m, (ix = new Map(m.features.map((f, i) => [f, i]))));
    return ix;
  };

  const materializeBody = object({
    project: nameField('project'),
    view: optional(nameField('feature block')),
    as_of: optional(scalar()),
    incremental: optional(boolean()),
    force: optional(boolean()),
  });

  app.post('/v1/materialize', ctx.auth, async (c) => {
    const b = await parseBody(c, materializeBody);
    const asOf = parseAsOf(b.as_of);
    const { registry, store } = online(ctx);
    const pv = await registry.current(b.project);
    if (!pv) throw new ApiError(404, 'not_found', `project '${b.project}' has not been published`, { field: 'project' });
    let views = pv.plan.views.map((v) => v.name);
    if (b.view !== undefined) {
      if (!pv.views.has(b.view)) {
        const s = didYouMean(b.view, views);
        throw new ApiError(404, 'not_found', `project ${b.project} has no feature block '${b.view}'${s ? ` (did you mean '${s}'?)` : ''}`, { field: 'view' });
      }
      views = [b.view];
    }
    assertPlanPaths(ctx.root, pv.plan, sourcesOf(pv.plan, views));
    const results = await store.materialize({
      project: b.project,
      plan: pv.plan,
      version: pv.version,
      views,
      asOf,
      engine: ctx.engine,
      incremental: b.incremental ?? false,
      force: b.force ?? false,
      onView: (r) => {
        ctx.metrics.materializedValues.inc({ project: b.project, view: r.view }, r.values);
        ctx.metrics.materializeSeconds.inc({ project: b.project, view: r.view }, r.seconds);
        ctx.log(`featurebook serve: materialized ${b.project}.${r.view} as of ${r.as_of}: ${r.entities} entities, ${r.values} values in ${r.seconds.toFixed(2)}s (${r.mode})`);
      },
    });
    return c.json({ project: b.project, version: pv.version, as_of: new Date(asOf).toISOString(), views: results });
  });

  const featuresBody = object({
    project: nameField('project'),
    features: array(string({ min: 1, max: 400 }), { min: 1, max: ctx.limits.features }),
    entities: array(record(scalar(), { min: 1, max: 32 }), { min: 1, max: ctx.limits.entities }),
  });

  app.post('/v1/features', async (c) => {
    const b = await parseBody(c, featuresBody);
    const { registry, store } = online(ctx);
    const pv = await registry.current(b.project);
    if (!pv) throw new ApiError(404, 'not_found', `project '${b.project}' has not been published`, { field: 'project' });

    const cacheKey = `${pv.project}\n${pv.version}\n${b.features.join('\n')}`;
    let res = resolutions.get(cacheKey);
    if (!res) {
      res = resolve(pv, b.features);
      if (resolutions.size > 1000) resolutions.clear();
      resolutions.set(cacheKey, res);
    }

    const entities = b.entities;
    const requests = res.views.map(({ view }) => {
      const keys = view.keys;
      const fields = new Array<string>(entities.length);
      for (let j = 0; j < entities.length; j++) {
        const e = entities[j]!;
        const vals = new Array(keys.length);
        for (let k = 0; k < keys.length; k++) {
          const v = e[keys[k]!];
          if (v === undefined) fail(`entities[${j}].${keys[k]}`, `missing key '${keys[k]}' (feature block '${view.name}' is keyed by ${keys.join(', ')})`);
          vals[k] = v;
        }
        fields[j] = entityField(vals);
      }
      return { view: view.name, fields };
    });

    const found = await store.read(pv.project, requests);
    const bytes = answerJson(pv.project, pv.version, res, found, entities.length, indexOf, ctx.metrics.missingEntities);
    let labels = projectLabels.get(pv.project);
    if (!labels) projectLabels.set(pv.project, (labels = { project: pv.project }));
    ctx.metrics.servedEntities.inc(labels, entities.length);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json' });
  });

  return app;
}
