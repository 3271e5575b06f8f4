/**
 * Drift of a monitor's features between a reference and current data, on
 * any `Engine` (native DuckDB or DuckDB-WASM):
 *
 *   summarizeReference (edges, categories, counts — frozen once)
 *     → window statistics → PSI and KS per feature and window
 *     → expected values under no drift (permutations) → decide → report
 *
 * Both relations are SQL table expressions the caller has made readable
 * (a table, a view, `read_parquet(…)`); column names are quoted here.
 * @module
 */
import { duckdb, type Dialect } from '../compile/dialect.js';
import { DEFAULT_THRESHOLDS, type ThresholdPlan } from '../compile/plan.js';
import type { Engine, Value } from '../engine/engine.js';
import { typeOfDuckDb } from '../lang/types.js';
import { decide, ksPValue, magnitude, METRICS, summarize, type Alert, type Metric, type Status, type WindowSummary } from './decide.js';
import {
  permutationSql,
  sampleSql,
  sampleWhere,
  referenceBucketsSql,
  referenceCategoriesSql,
  referenceEdgesAllSql,
  referenceStatsSql,
  windowMetricsSql,
  windowStatsSql,
  UNSEEN,
  PSI_EPSILON,
  type Bucketing,
  type SqlContext,
} from './sql.js';

export type FeatureKind = 'numeric' | 'categorical';

export interface DriftFeature {
  /** The name users know (`view.feature`). */
  feature: string;
  /** The column holding it in both relations (`view__feature`). */
  column: string;
  /** Numeric or categorical; found from the reference's column type when absent. */
  kind?: FeatureKind;
}

/** What is frozen from the reference: enough to bin new data the same way forever. JSON. */
export interface FeatureReference {
  feature: string;
  column: string;
  kind: FeatureKind;
  rows: number;
  /** Non-null values (NaN counts as null). */
  values: number;
  null_rate: number;
  mean: number | null;
  sd: number | null;
  /** Numeric: sorted distinct interior bin edges (bins: below the first, between edges, at or above the last). */
  edges?: number[];
  /** Categorical: the categories kept (most frequent first); everything else is the unseen bucket. */
  categories?: string[];
  /** Non-null reference values per bucket (edges.length + 1 bins, or categories.length + 1 with the unseen bucket last). */
  counts: number[];
}

export interface ReferenceSummary {
  bins: number;
  rows: number;
  epsilon: number;
  features: FeatureReference[];
}

export interface DriftOptions {
  monitor: string;
  features: DriftFeature[];
  /** Reference relation; may be omitted when `frozen` is given (then KS and the expected values are not computed). */
  reference?: string;
  current: string;
  /** Time column of the current relation (windows), also hashed to draw samples. */
  time: string;
  /** Time column of the reference relation, hashed to draw samples (default `time` when the reference has it). */
  referenceTime?: string;
  everyMs?: number;
  bins?: number;
  thresholds?: Record<string, ThresholdPlan>;
  /** A reference summary frozen earlier (edges, categories, counts): used instead of summarizing the reference again. */
  frozen?: ReferenceSummary;
  /** Label permutations per window for the expected values (0 turns them off; default 20). */
  permutations?: number;
  /** Most reference / current rows per window pooled for permutations (default 500 each). */
  permutationCap?: number;
  /** Only rows where `column = value` (in both relations): a segment drill-down. */
  segment?: { column: string; value: string | number | boolean | null };
  /** Share of features alerting that makes a window's dataset status alert (default 0.3). */
  datasetShare?: number;
  /** Features the caller could not find (reported in `not_available`, never silently dropped). */
  notAvailable?: { feature: string; reason: string }[];
  /** Most categories kept per categorical feature (default 100). */
  maxCategories?: number;
  /** Most windows (default 10000): beyond it the window length is too short for the data. */
  maxWindows?: number;
  dialect?: Dialect;
  /** Added to the report as `current.source`, `reference.source`. */
  describe?: { current?: string; reference?: string };
}

export interface FeatureWindow {
  feature: string;
  kind: FeatureKind;
  /** Non-null values in the window. */
  values: number;
  psi: number | null;
  ks: number | null;
  ks_pvalue: number | null;
  mean_shift: number | null;
  null_rate_reference: number;
  null_rate_current: number | null;
  null_rate_change: number | null;
  psi_expected: number | null;
  ks_expected: number | null;
  mean_shift_expected: number | null;
  null_rate_expected: number | null;
  /** Current values per bucket (same buckets as the reference's `counts`). */
  counts: number[];
  levels: Record<Metric, Status>;
  status: Status;
}

export interface DriftWindow {
  start: string;
  end: string;
  rows: number;
  summary: WindowSummary;
  features: FeatureWindow[];
}

export interface DriftReport {
  monitor: string;
  reference: { rows: number; source?: string; bins: number; epsilon: number };
  current: { rows: number; source?: string; every_ms: number | null; segment?: { column: string; value: string | number | boolean | null } };
  thresholds: Record<string, ThresholdPlan>;
  windows: DriftWindow[];
  alerts: Alert[];
  summary: { features: number; windows: number; windows_with_alert: number; features_alerting: string[]; share_alerting: number; status: Status };
  features: (FeatureReference & { bucket_labels: string[] })[];
  not_available: { feature: string; reason: string }[];
  permutations: { count: number; reference_cap: number; current_cap: number };
}

/** A problem with the inputs (empty reference, missing columns…): its message names the field and says what to do. */
export class DriftError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

const n = (v: Value | undefined): number => (v === null || v === undefined ? 0 : Number(v));
const maybe = (v: Value | undefined): number | null => (v === null || v === undefined || Number.isNaN(Number(v)) ? null : Number(v));

function kindOf(type: string): FeatureKind | undefined {
  const t = typeOfDuckDb(type);
  if (t === 'integer' || t === 'number') return 'numeric';
  if (t === 'string' || t === 'bool') return 'categorical';
  return undefined;
}

function segmentWhere(d: Dialect, seg: DriftOptions['segment']): string | undefined {
  if (!seg) return undefined;
  const col = d.quoteIdent(seg.column);
  if (seg.value === null) return `${col} IS NULL`;
  return `CAST(${col} AS VARCHAR) = ${d.quoteString(String(seg.value))}`;
}

/** A quantile edge without interpolation noise: the nearby data value `near` when within 1e-12 (relative). */
export const snapEdge = (x: number, near: number): number => (Number.isFinite(near) && Math.abs(x - near) <= 1e-12 * Math.max(1, Math.abs(near)) ? near : x);

/** Human labels of a feature's buckets, for charts and reports. */
export function bucketLabels(f: Pick<FeatureReference, 'kind' | 'edges' | 'categories'>): string[] {
  if (f.kind === 'categorical') return [...(f.categories ?? []), UNSEEN];
  const e = f.edges ?? [];
  if (!e.length) return ['all'];
  const fmt = (x: number) => String(Number(x.toPrecision(4)));
  return [`< ${fmt(e[0]!)}`, ...e.slice(1).map((x, i) => `${fmt(e[i]!)} – ${fmt(x)}`), `≥ ${fmt(e[e.length - 1]!)}`];
}

/**
 * Summarizes the reference: rows, null rates, means and sds; quantile edges
 * (numeric) or categories; counts per bucket. This is what gets frozen.
 */
export async function summarizeReference(engine: Engine, opts: Pick<DriftOptions, 'features' | 'reference' | 'bins' | 'segment' | 'maxCategories' | 'dialect'>): Promise<ReferenceSummary> {
  const d = opts.dialect ?? duckdb;
  if (!opts.reference) throw new DriftError('no reference data to summarize');
  const bins = opts.bins ?? 10;
  const c: SqlContext = { d, reference: opts.reference, current: opts.reference, time: '', where: segmentWhere(d, opts.segment) };
  const types = new Map((await engine.describe(`SELECT * FROM ${opts.reference}`)).map((x) => [x.name, x.type]));
  const features: Required<DriftFeature>[] = [];
  for (const f of opts.features) {
    const type = types.get(f.column);
    if (type === undefined) throw new DriftError(`the reference has no column '${f.column}' (feature ${f.feature})`, `reference columns: ${[...types.keys()].join(', ')}`);
    const kind = f.kind ?? kindOf(type);
    if (!kind) throw new DriftError(`feature ${f.feature} has type ${type}, which drift monitoring does not handle`, 'monitor numeric, text or boolean features');
    features.push({ ...f, kind });
  }
  const stats = (await engine.query(referenceStatsSql(c, features))).rows[0] ?? {};
  const rows = n(stats.rows);
  if (rows === 0) throw new DriftError('the reference has no rows', opts.segment ? `no reference row has ${opts.segment.column} = ${String(opts.segment.value)}` : "check the reference training set's split: its train rows are the reference");
  // Every numeric feature's edges in one scan of the reference.
  const numeric = features.map((f, i) => ({ f, i })).filter((x) => x.f.kind === 'numeric' && (n(stats[`nn${x.i}`]) > 0));
  const edgesOf = new Map<number, number[]>();
  if (numeric.length) {
    const q = (await engine.query(referenceEdgesAllSql(c, numeric.map((x) => x.f.column), bins))).rows[0] ?? {};
    numeric.forEach((x, k) => {
      const v = Array.isArray(q[`q${k}`]) ? (q[`q${k}`] as Value[]) : [];
      const disc = Array.isArray(q[`d${k}`]) ? (q[`d${k}`] as Value[]) : [];
      // Interpolating between two equal values can come back a hair off (11.900000000000002 for 11.9), which
      // would move that value's ties to the other bin: an edge that close to a data value is that value.
      const edges = v.map((e, j) => snapEdge(Number(e), Number(disc[j])));
      edgesOf.set(x.i, [...new Set(edges.filter(Number.isFinite))].sort((a, b) => a - b));
    });
  }
  const out: FeatureReference[] = [];
  for (let i = 0; i < features.length; i++) {
    const f = features[i]!;
    const values = f.kind === 'numeric' ? n(stats[`nn${i}`]) : n(stats[`n${i}`]);
    const base = { feature: f.feature, column: f.column, kind: f.kind, rows, values, null_rate: 1 - values / rows };
    if (f.kind === 'numeric') {
      const edges = edgesOf.get(i) ?? [];
      const counts = await bucketCounts(engine, c, f.column, { kind: 'numeric', edges }, edges.length + 1);
      out.push({ ...base, mean: maybe(stats[`m${i}`]), sd: maybe(stats[`s${i}`]), edges, counts });
    } else {
      const cats = (await engine.query(referenceCategoriesSql(c, f.column, opts.maxCategories ?? 100))).rows.map((r) => String(r.v));
      const counts = await bucketCounts(engine, c, f.column, { kind: 'categorical', categories: cats }, cats.length + 1);
      out.push({ ...base, mean: null, sd: null, categories: cats, counts });
    }
  }
  return { bins, rows, epsilon: PSI_EPSILON, features: out };
}

async function bucketCounts(engine: Engine, c: SqlContext, column: string, b: Bucketing, size: number): Promise<number[]> {
  const counts = new Array<number>(size).fill(0);
  for (const r of (await engine.query(referenceBucketsSql(c, column, b))).rows) counts[n(r.b)] = n(r.n);
  return counts;
}

const bucketing = (f: FeatureReference): Bucketing => (f.kind === 'numeric' ? { kind: 'numeric', edges: f.edges ?? [] } : { kind: 'categorical', categories: f.categories ?? [] });

const iso = (ms: number) => new Date(ms).toISOString();
const toMs = (v: Value | undefined): number | null => (v instanceof Date ? v.getTime() : v === null || v === undefined ? null : typeof v === 'number' ? v : Date.parse(String(v)));

/** What the stages after `prepareInputs` share. */
interface Prepared {
  d: Dialect;
  opts: DriftOptions;
  thresholds: Record<string, ThresholdPlan>;
  frozen: ReferenceSummary;
  /** The frozen reference of each monitored feature, in the monitor's order. */
  refs: FeatureReference[];
  c: SqlContext;
}

interface Window {
  w: number;
  start: string;
  end: string;
  rows: number;
}

/**
 * Computes the drift report (docs/cli.md JSON, with more fields), in stages:
 *
 *   prepareInputs (thresholds, reference buckets, current columns)
 *     → currentWindows (rows and statistics per window)
 *     → drawSamples (temporary tables for the permutations)
 *     → featureWindows (PSI, KS, mean shift, expected values per feature and window)
 *     → decideAlerts → assembleReport
 *
 * The sample tables are dropped however a later stage ends.
 */
export async function computeDrift(engine: Engine, opts: DriftOptions): Promise<DriftReport> {
  const p = await prepareInputs(engine, opts);
  const { windows, statsByW } = await currentWindows(engine, p);
  const samples = await drawSamples(engine, p, windows);
  const perFeature: FeatureWindow[][] = [];
  try {
    for (let i = 0; i < p.refs.length; i++) perFeature.push(await featureWindows(engine, p, i, windows, statsByW, samples));
  } finally {
    await samples?.drop();
  }
  const decided = decideAlerts(p, windows, perFeature);
  return assembleReport(p, windows, decided.windows, decided.alerts);
}

/** Thresholds, the reference's buckets (summarized now or frozen earlier), and a check that the current data has every column. */
async function prepareInputs(engine: Engine, opts: DriftOptions): Promise<Prepared> {
  const d = opts.dialect ?? duckdb;
  const thresholds: Record<string, ThresholdPlan> = { ...DEFAULT_THRESHOLDS, ...(opts.thresholds ?? {}) };
  const frozen = opts.frozen ?? (await summarizeReference(engine, opts));
  const byColumn = new Map(frozen.features.map((f) => [f.column, f]));
  const refs: FeatureReference[] = [];
  for (const f of opts.features) {
    const r = byColumn.get(f.column);
    if (!r) throw new DriftError(`the frozen reference has no feature ${f.feature}`, 'the monitor changed since the reference was frozen: freeze it again');
    refs.push(r);
  }
  const curTypes = new Map((await engine.describe(`SELECT * FROM ${opts.current}`)).map((x) => [x.name, x.type]));
  const missing = [opts.time, ...refs.map((f) => f.column)].filter((c) => !curTypes.has(c));
  if (missing.length) {
    const list = (xs: string[]) => (xs.length > 6 ? `${xs.slice(0, 6).join(', ')} and ${xs.length - 6} more` : xs.join(', '));
    throw new DriftError(
      `the current data has no column${missing.length > 1 ? 's' : ''} ${list(missing.map((m) => `'${m}'`))}`,
      `expected the time column '${opts.time}' and one column per feature named view__feature (${list(refs.map((f) => f.column))}), as \`featurebook build\` writes them; found: ${list([...curTypes.keys()])}`,
    );
  }
  const where = segmentWhere(d, opts.segment);
  const c: SqlContext = { d, reference: opts.reference ?? '', current: opts.current, time: opts.time, ...(opts.everyMs ? { everyMs: opts.everyMs } : {}), ...(where ? { where } : {}) };
  return { d, opts, thresholds, frozen, refs, c };
}

/** Windows: every bucket from the first to the last, empty ones included (an empty window breaks a sustained run). */
async function currentWindows(engine: Engine, { opts, refs, c }: Prepared): Promise<{ windows: Window[]; statsByW: Map<number, Record<string, Value>> }> {
  const ws = await engine.query(windowStatsSql(c, refs));
  const statsByW = new Map(ws.rows.map((r) => [n(r.w), r]));
  let starts: number[] = [];
  if (opts.everyMs) {
    if (ws.rows.length) {
      const first = Math.min(...statsByW.keys());
      const last = Math.max(...statsByW.keys());
      const count = Math.round((last - first) / opts.everyMs) + 1;
      const max = opts.maxWindows ?? 10000;
      if (count > max) throw new DriftError(`the current data spans ${count} windows of ${opts.everyMs} ms (more than ${max})`, 'use a longer `every`, or a shorter time range');
      starts = Array.from({ length: count }, (_, i) => first + i * opts.everyMs!);
    }
  } else if (ws.rows.length) starts = [0];
  const windows = starts.map((w) => {
    const r = statsByW.get(w);
    if (opts.everyMs) return { w, start: iso(w), end: iso(w + opts.everyMs), rows: n(r?.rows) };
    const t0 = toMs(r?.__t0);
    const t1 = toMs(r?.__t1);
    return { w, start: t0 === null ? '' : iso(t0), end: t1 === null ? '' : iso(t1), rows: n(r?.rows) };
  });
  return { windows, statsByW };
}

/** The two small samples the permutations shuffle, as temporary tables; `drop` removes whichever were created. */
interface Samples {
  ctx: SqlContext;
  refHasTime: boolean;
  drop(): Promise<void>;
}

/** Draws the permutation samples once (not once per feature); undefined when no permutations run. */
async function drawSamples(engine: Engine, { d, opts, refs, c }: Prepared, windows: Window[]): Promise<Samples | undefined> {
  const K = opts.permutations ?? 20;
  if (!(K > 0 && opts.reference && windows.length && refs.length)) return undefined;
  const cap = opts.permutationCap ?? 500;
  const refTime = opts.referenceTime ?? opts.time;
  const refHasTime = (await engine.describe(`SELECT * FROM ${opts.reference}`)).some((x) => x.name === refTime);
  const suffix = Math.random().toString(36).slice(2, 10);
  const tables = [`__fb_drift_sr_${suffix}`, `__fb_drift_sc_${suffix}`] as const;
  const drop = async () => {
    for (const t of tables) await engine.exec(`DROP TABLE IF EXISTS ${d.quoteIdent(t)}`);
  };
  const refCols = [...new Set([...(refHasTime ? [refTime] : []), ...refs.map((f) => f.column)])];
  const curCols = [...new Set([opts.time, ...refs.map((f) => f.column)])];
  try {
    await engine.exec(`CREATE OR REPLACE TEMP TABLE ${d.quoteIdent(tables[0])} AS ${sampleSql(d, opts.reference, refCols, cap, sampleWhere(c, false))}`);
    await engine.exec(`CREATE OR REPLACE TEMP TABLE ${d.quoteIdent(tables[1])} AS ${sampleSql(d, opts.current, curCols, cap, sampleWhere(c, true))}`);
  } catch (err) {
    await drop();
    throw err;
  }
  const ctx: SqlContext = { d, reference: d.quoteIdent(tables[0]), current: d.quoteIdent(tables[1]), time: opts.time, ...(opts.everyMs ? { everyMs: opts.everyMs } : {}) };
  return { ctx, refHasTime, drop };
}

/** One feature's statistics in every window: PSI and KS, mean shift, null rates, and the permutation estimates. */
async function featureWindows(engine: Engine, { opts, refs, c }: Prepared, i: number, windows: Window[], statsByW: Map<number, Record<string, Value>>, samples: Samples | undefined): Promise<FeatureWindow[]> {
  const K = opts.permutations ?? 20;
  const cap = opts.permutationCap ?? 500;
  const refTime = opts.referenceTime ?? opts.time;
  // Shuffles run per class of window sizes (powers of two up to the cap), not per window; the result is scaled to each window's size.
  const sizeClass = (rows: number) => Math.min(cap, 2 ** Math.round(Math.log2(Math.max(1, rows))));
  const sizeClasses = [...new Set(windows.filter((w) => w.rows > 0).map((w) => sizeClass(w.rows)))].sort((a, b) => a - b);
  const f = refs[i]!;
  const b = bucketing(f);
  const refP = f.values > 0 ? f.counts.map((x) => x / f.values) : [];
  const metrics = new Map<number, { psi: number | null; ks: number | null; counts: number[] }>();
  if (refP.length && windows.length) {
    const sql = windowMetricsSql(c, f.column, b, refP, Boolean(opts.reference));
    for (const r of (await engine.query(sql)).rows) {
      const counts = new Array<number>(f.counts.length).fill(0);
      const raw = r.counts;
      if (Array.isArray(raw)) for (const pair of raw) if (Array.isArray(pair)) counts[n(pair[0])] = n(pair[1]);
      metrics.set(n(r.w), { psi: maybe(r.psi), ks: maybe(r.ks), counts });
    }
  }
  const expected = new Map<number, { n_c: number; n_r: number; psi: number | null; ks: number | null; mean_shift: number | null; null_rate: number | null }>();
  if (samples && refP.length) {
    const sql = permutationSql(samples.ctx, f.column, b, {
      permutations: K,
      referenceCap: cap,
      currentCap: cap,
      sizes: sizeClasses,
      hashColumns: { reference: samples.refHasTime ? [f.column, refTime] : [f.column], current: [f.column, opts.time] },
    });
    for (const r of (await engine.query(sql)).rows) {
      expected.set(n(r.s), { n_c: n(r.n_c), n_r: n(r.n_r), psi: maybe(r.psi), ks: maybe(r.ks), mean_shift: maybe(r.mean_shift), null_rate: maybe(r.null_rate) });
    }
  }
  return windows.map((w) => {
    const s = statsByW.get(w.w);
    const values = f.kind === 'numeric' ? n(s?.[`nn${i}`]) : n(s?.[`n${i}`]);
    const m = metrics.get(w.w);
    const curMean = maybe(s?.[`m${i}`]);
    const meanShift = f.kind === 'numeric' && curMean !== null && f.mean !== null && f.sd !== null ? (f.sd > 0 ? (curMean - f.mean) / f.sd : curMean === f.mean ? 0 : null) : null;
    const nullCur = w.rows > 0 ? 1 - values / w.rows : null;
    const ks = m?.ks ?? null;
    const e = expected.get(sizeClass(w.rows));
    // The permutations ran on samples; scale to the real sizes (PSI ∝ 1/n + 1/m, the others ∝ its square root).
    const scale = e && e.n_c > 0 && e.n_r > 0 && w.rows > 0 ? (1 / f.rows + 1 / w.rows) / (1 / e.n_r + 1 / e.n_c) : null;
    // Rounded: an estimate, and parallel sums differ in the last digits from run to run.
    const sc = (x: number | null | undefined, p: number) => (x === null || x === undefined || scale === null ? null : Number((x * Math.pow(scale, p)).toPrecision(6)));
    return {
      feature: f.feature,
      kind: f.kind,
      values,
      psi: values > 0 ? (m?.psi ?? null) : null,
      ks: values > 0 ? ks : null,
      ks_pvalue: values > 0 ? ksPValue(ks, f.values, values) : null,
      mean_shift: values > 0 ? meanShift : null,
      null_rate_reference: f.null_rate,
      null_rate_current: nullCur,
      null_rate_change: nullCur === null ? null : nullCur - f.null_rate,
      psi_expected: sc(e?.psi, 1),
      ks_expected: f.kind === 'numeric' ? sc(e?.ks, 0.5) : null,
      mean_shift_expected: f.kind === 'numeric' ? sc(e?.mean_shift, 0.5) : null,
      null_rate_expected: sc(e?.null_rate, 0.5),
      counts: m?.counts ?? new Array<number>(f.counts.length).fill(0),
      levels: { psi: 'ok', ks: 'ok', mean_shift: 'ok', null_rate: 'ok' },
      status: 'ok',
    } satisfies FeatureWindow;
  });
}

/** Levels and statuses per feature and window, sustained runs, alerts: the report's windows. */
function decideAlerts({ opts, refs, thresholds }: Prepared, windows: Window[], perFeature: FeatureWindow[][]): { windows: DriftWindow[]; alerts: Alert[] } {
  const dec = decide(
    refs.map((f, i) => ({
      feature: f.feature,
      values: perFeature[i]!.map((x) => ({ psi: magnitude('psi', x.psi), ks: magnitude('ks', x.ks), mean_shift: magnitude('mean_shift', x.mean_shift), null_rate: magnitude('null_rate', x.null_rate_change) })),
    })),
    windows,
    thresholds,
  );
  const outWindows: DriftWindow[] = windows.map((w, wi) => {
    const features = refs.map((_, i) => {
      const fw = perFeature[i]![wi]!;
      fw.levels = dec.levels[wi]![i]!;
      fw.status = dec.status[wi]![i]!;
      return fw;
    });
    return { start: w.start, end: w.end, rows: w.rows, summary: summarize(dec.status[wi]!, opts.datasetShare), features };
  });
  return { windows: outWindows, alerts: dec.alerts };
}

function assembleReport({ opts, refs, thresholds, frozen }: Prepared, windows: Window[], outWindows: DriftWindow[], alerts: Alert[]): DriftReport {
  const K = opts.permutations ?? 20;
  const cap = opts.permutationCap ?? 500;
  const alerting = [...new Set(alerts.map((a) => a.feature))];
  const withAlert = outWindows.filter((w) => w.features.some((f) => f.status === 'alert')).length;
  const worstWindow = outWindows.reduce<Status>((acc, w) => (w.summary.status === 'alert' || acc === 'alert' ? 'alert' : w.summary.status === 'warn' || acc === 'warn' ? 'warn' : 'ok'), 'ok');
  return {
    monitor: opts.monitor,
    reference: { rows: frozen.rows, ...(opts.describe?.reference ? { source: opts.describe.reference } : {}), bins: frozen.bins, epsilon: frozen.epsilon },
    current: { rows: windows.reduce((s, w) => s + w.rows, 0), ...(opts.describe?.current ? { source: opts.describe.current } : {}), every_ms: opts.everyMs ?? null, ...(opts.segment ? { segment: opts.segment } : {}) },
    thresholds,
    windows: outWindows,
    alerts,
    summary: {
      features: refs.length,
      windows: outWindows.length,
      windows_with_alert: withAlert,
      features_alerting: alerting,
      share_alerting: refs.length ? alerting.length / refs.length : 0,
      status: alerts.length ? 'alert' : worstWindow,
    },
    features: refs.map((f) => ({ ...f, bucket_labels: bucketLabels(f) })),
    not_available: opts.notAvailable ?? [],
    permutations: { count: K, reference_cap: cap, current_cap: cap },
  };
}

export { METRICS, type Metric, type Status, type Alert };
