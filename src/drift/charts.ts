/**
 * Vega-Lite specs of the drift charts, shared by the notebook page (rendered
 * live with vega-embed) and the HTML report (rendered to SVG in Node).
 * Specs carry their data inline: no URLs, nothing fetched.
 * @module
 */
import type { ThresholdPlan } from '../compile/plan.js';
import type { DriftReport, FeatureWindow } from './compute.js';
import type { Metric, Status } from './decide.js';

type Spec = Record<string, unknown>;

const COLORS = { reference: '#4c78a8', current: '#f58518', warn: '#f2cf5b', alert: '#e45756' };

/** Per bucket: the reference's and the current data's share of non-null values (current = the chosen windows summed). */
export function histogramData(report: DriftReport, feature: string, windows?: number[]): { bucket: string; order: number; source: 'reference' | 'current'; share: number; count: number }[] {
  const f = report.features.find((x) => x.feature === feature);
  if (!f) return [];
  const cur = new Array<number>(f.counts.length).fill(0);
  const picked = windows ?? report.windows.map((_, i) => i);
  for (const wi of picked) {
    const fw = report.windows[wi]?.features.find((x) => x.feature === feature);
    fw?.counts.forEach((c, i) => (cur[i]! += c));
  }
  const rt = f.counts.reduce((a, b) => a + b, 0) || 1;
  const ct = cur.reduce((a, b) => a + b, 0) || 1;
  return f.bucket_labels.flatMap((bucket, i) => [
    { bucket, order: i, source: 'reference' as const, share: f.counts[i]! / rt, count: f.counts[i]! },
    { bucket, order: i, source: 'current' as const, share: cur[i]! / ct, count: cur[i]! },
  ]);
}

/** Overlaid reference and current histograms of one feature, over its frozen buckets. */
export function histogramSpec(report: DriftReport, feature: string, windows?: number[], opts: { width?: number; height?: number } = {}): Spec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: opts.width ?? 360,
    height: opts.height ?? 160,
    title: { text: feature, fontSize: 12 },
    data: { values: histogramData(report, feature, windows) },
    mark: { type: 'bar', opacity: 0.55 },
    encoding: {
      x: { field: 'bucket', type: 'ordinal', sort: { field: 'order' }, title: null, axis: { labelAngle: -40, labelLimit: 90 } },
      y: { field: 'share', type: 'quantitative', stack: null, title: 'share of values', axis: { format: '%' } },
      color: { field: 'source', type: 'nominal', scale: { domain: ['reference', 'current'], range: [COLORS.reference, COLORS.current] }, title: null },
      tooltip: [{ field: 'source' }, { field: 'bucket' }, { field: 'count' }, { field: 'share', format: '.1%' }],
    },
  };
}

export const metricValue = (f: FeatureWindow, metric: Metric): number | null =>
  metric === 'null_rate' ? (f.null_rate_change === null ? null : Math.abs(f.null_rate_change)) : metric === 'mean_shift' ? (f.mean_shift === null ? null : Math.abs(f.mean_shift)) : f[metric];

export const expectedValue = (f: FeatureWindow, metric: Metric): number | null => f[`${metric}_expected` as const];

/** One metric over time, one line per feature, with the warn and alert bands shaded, and the no-drift expectation dashed. */
export function metricOverTimeSpec(report: DriftReport, metric: Metric = 'psi', opts: { features?: string[]; width?: number; height?: number; thresholds?: Record<string, ThresholdPlan> } = {}): Spec {
  const wanted = opts.features ? new Set(opts.features) : undefined;
  const values: Record<string, unknown>[] = [];
  for (const w of report.windows) {
    for (const f of w.features) {
      if (wanted && !wanted.has(f.feature)) continue;
      const v = metricValue(f, metric);
      if (v === null) continue;
      values.push({ start: w.start, feature: f.feature, value: v, expected: expectedValue(f, metric), status: f.status, rows: w.rows });
    }
  }
  const t = (opts.thresholds ?? report.thresholds)[metric];
  const max = Math.max(0, ...values.map((v) => Number(v.value)));
  const top = Math.max(max, (t?.alert ?? t?.warn ?? 0) * 1.2);
  const bands: Record<string, unknown>[] = [];
  if (t?.warn !== undefined) bands.push({ from: t.warn, to: t.alert ?? top, level: 'warn' });
  if (t?.alert !== undefined) bands.push({ from: t.alert, to: top, level: 'alert' });
  const title = { psi: 'PSI', ks: 'KS statistic', mean_shift: '|mean shift| (z)', null_rate: '|null-rate change|' }[metric];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: opts.width ?? 640,
    height: opts.height ?? 220,
    title: { text: `${title} per window`, fontSize: 12 },
    layer: [
      {
        data: { values: bands },
        mark: { type: 'rect', opacity: 0.25 },
        encoding: {
          y: { field: 'from', type: 'quantitative', scale: { domain: [0, top] } },
          y2: { field: 'to' },
          color: { field: 'level', type: 'nominal', scale: { domain: ['warn', 'alert'], range: [COLORS.warn, COLORS.alert] }, legend: null },
        },
      },
      {
        data: { values },
        mark: { type: 'line', point: true, strokeWidth: 1.5 },
        encoding: {
          x: { field: 'start', type: 'temporal', title: 'window start (UTC)' },
          y: { field: 'value', type: 'quantitative', title, scale: { domain: [0, top] } },
          color: { field: 'feature', type: 'nominal', title: null, legend: values.length ? { orient: 'right', labelLimit: 200 } : null },
          tooltip: [{ field: 'feature' }, { field: 'start', type: 'temporal', format: '%Y-%m-%d %H:%M' }, { field: 'value', format: '.4f' }, { field: 'expected', format: '.4f', title: 'expected (no drift)' }, { field: 'status' }, { field: 'rows' }],
        },
      },
      {
        data: { values },
        mark: { type: 'line', strokeDash: [3, 3], strokeWidth: 1, opacity: 0.6 },
        encoding: { x: { field: 'start', type: 'temporal' }, y: { field: 'expected', type: 'quantitative' }, detail: { field: 'feature' }, color: { value: '#888' } },
      },
    ],
    resolve: { scale: { color: 'independent' } },
  };
}

export interface FeatureRow {
  feature: string;
  kind: string;
  worst: Status;
  alerts: number;
  windowsNotOk: number;
  psiMax: number | null;
  ksMax: number | null;
  meanShiftMax: number | null;
  nullRateChangeMax: number | null;
  psiExpected: number | null;
  ksExpected: number | null;
}

const RANK: Record<Status, number> = { ok: 0, warn: 1, alert: 2 };

/** One row per feature, the most severe first: worst status, then alerts, then windows not ok, then the largest PSI. */
export function featureTable(report: DriftReport): FeatureRow[] {
  const rows = report.features.map((f): FeatureRow => {
    const fws = report.windows.map((w) => w.features.find((x) => x.feature === f.feature)!).filter(Boolean);
    const max = (g: (x: FeatureWindow) => number | null) => {
      const vs = fws.map(g).filter((x): x is number => x !== null);
      return vs.length ? Math.max(...vs) : null;
    };
    const mean = (g: (x: FeatureWindow) => number | null) => {
      const vs = fws.map(g).filter((x): x is number => x !== null);
      return vs.length ? vs.reduce((a, b) => a + b, 0) / vs.length : null;
    };
    return {
      feature: f.feature,
      kind: f.kind,
      worst: fws.reduce<Status>((acc, x) => (RANK[x.status] > RANK[acc] ? x.status : acc), 'ok'),
      alerts: report.alerts.filter((a) => a.feature === f.feature).length,
      windowsNotOk: fws.filter((x) => x.status !== 'ok').length,
      psiMax: max((x) => x.psi),
      ksMax: max((x) => x.ks),
      meanShiftMax: max((x) => (x.mean_shift === null ? null : Math.abs(x.mean_shift))),
      nullRateChangeMax: max((x) => (x.null_rate_change === null ? null : Math.abs(x.null_rate_change))),
      psiExpected: mean((x) => x.psi_expected),
      ksExpected: mean((x) => x.ks_expected),
    };
  });
  return rows.sort((a, b) => RANK[b.worst] - RANK[a.worst] || b.alerts - a.alerts || b.windowsNotOk - a.windowsNotOk || (b.psiMax ?? -1) - (a.psiMax ?? -1) || a.feature.localeCompare(b.feature));
}
