/**
 * Drift decisions: each metric against its warn/alert thresholds, `sustained
 * N` runs of alerting windows, a status per feature and window, the alerts,
 * and a dataset-level summary. Pure functions over numbers (no SQL).
 * @module
 */
import type { ThresholdPlan } from '../compile/plan.js';

export type Status = 'ok' | 'warn' | 'alert';
export type Metric = 'psi' | 'ks' | 'mean_shift' | 'null_rate';
export const METRICS: readonly Metric[] = ['psi', 'ks', 'mean_shift', 'null_rate'];

const RANK: Record<Status, number> = { ok: 0, warn: 1, alert: 2 };
export const worst = (a: Status, b: Status): Status => (RANK[a] >= RANK[b] ? a : b);

/**
 * The asymptotic p-value of the two-sample KS statistic `d` for sample sizes
 * n and m: Q_KS(λ) = 2 Σ_{j≥1} (−1)^{j−1} e^{−2 j² λ²} with
 * λ = (√nₑ + 0.12 + 0.11/√nₑ) · d and nₑ = n·m/(n+m) (Kolmogorov's limit
 * with Stephens' small-sample correction, as in Numerical Recipes).
 */
export function ksPValue(d: number | null, n: number, m: number): number | null {
  if (d === null || !Number.isFinite(d) || n <= 0 || m <= 0) return null;
  const en = Math.sqrt((n * m) / (n + m));
  const lambda = (en + 0.12 + 0.11 / en) * d;
  if (lambda < 1e-3) return 1;
  let sum = 0;
  let sign = 1;
  for (let j = 1; j <= 200; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += sign * term;
    if (term < 1e-12 * Math.abs(sum) || term < 1e-300) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** The size of a metric that thresholds compare: PSI and KS as they are, |z| for the mean shift, |Δ| for the null rate. */
export function magnitude(metric: Metric, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  return metric === 'mean_shift' || metric === 'null_rate' ? Math.abs(value) : value;
}

/** A value's level against one threshold (at or above the threshold counts). */
export function level(value: number | null, t: ThresholdPlan | undefined): Status {
  if (value === null || !t) return 'ok';
  if (t.alert !== undefined && value >= t.alert) return 'alert';
  if (t.warn !== undefined && value >= t.warn) return 'warn';
  return 'ok';
}

export interface Alert {
  feature: string;
  metric: Metric;
  /** Start of the first window of the run that reached `sustained` alerting windows (ISO). */
  since: string;
  /** End of the run's last window (ISO). */
  until: string;
  /** Windows in the run. */
  windows: number;
  /** Largest value in the run. */
  peak: number;
}

/** One window's metric values of one feature, in window order, for `decide`. */
export interface Series {
  feature: string;
  /** Per window: the magnitude of each metric (null when not computable). */
  values: Record<Metric, number | null>[];
}

export interface Decisions {
  /** [window][feature] statuses, features in `series` order. */
  status: Status[][];
  /** [window][feature] per-metric levels after `sustained`. */
  levels: Record<Metric, Status>[][];
  alerts: Alert[];
}

/**
 * Levels per metric and window; an alert level counts only from the N-th
 * consecutive alerting window of a run (`sustained N`), earlier windows of
 * the run count as warn. A window with no value breaks a run. Status of a
 * feature in a window = its worst metric level. One alert per run.
 */
export function decide(series: Series[], windows: { start: string; end: string }[], thresholds: Record<string, ThresholdPlan>): Decisions {
  const W = windows.length;
  const status: Status[][] = Array.from({ length: W }, () => []);
  const levels: Record<Metric, Status>[][] = Array.from({ length: W }, () => []);
  const alerts: Alert[] = [];
  for (const s of series) {
    const perWindow: Record<Metric, Status>[] = Array.from({ length: W }, () => ({ psi: 'ok', ks: 'ok', mean_shift: 'ok', null_rate: 'ok' }));
    for (const metric of METRICS) {
      const t = thresholds[metric];
      const need = Math.max(1, t?.sustained ?? 1);
      let runStart = -1;
      let peak = -Infinity;
      const close = (endExclusive: number) => {
        if (runStart >= 0 && endExclusive - runStart >= need) {
          alerts.push({ feature: s.feature, metric, since: windows[runStart]!.start, until: windows[endExclusive - 1]!.end, windows: endExclusive - runStart, peak });
        }
        runStart = -1;
        peak = -Infinity;
      };
      for (let w = 0; w < W; w++) {
        const v = s.values[w]?.[metric] ?? null;
        const l = level(v, t);
        if (l === 'alert') {
          if (runStart < 0) runStart = w;
          peak = Math.max(peak, v!);
          perWindow[w]![metric] = w - runStart + 1 >= need ? 'alert' : 'warn';
        } else {
          close(w);
          perWindow[w]![metric] = l;
        }
      }
      close(W);
    }
    for (let w = 0; w < W; w++) {
      const l = perWindow[w]!;
      levels[w]!.push(l);
      status[w]!.push(METRICS.reduce<Status>((acc, m) => worst(acc, l[m]), 'ok'));
    }
  }
  alerts.sort((a, b) => a.since.localeCompare(b.since) || a.feature.localeCompare(b.feature) || METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric));
  return { status, levels, alerts };
}

export interface WindowSummary {
  features: number;
  ok: number;
  warn: number;
  alert: number;
  /** Share of features not ok (warn or alert) in the window. */
  drifting_share: number;
  /** Share of features at alert in the window. */
  alert_share: number;
  status: Status;
}

/** Counts of statuses in one window; a window's status is `alert` when at least `datasetShare` of its features alert. */
export function summarize(statuses: Status[], datasetShare = 0.3): WindowSummary {
  const n = statuses.length;
  const warn = statuses.filter((s) => s === 'warn').length;
  const alert = statuses.filter((s) => s === 'alert').length;
  const share = n ? (warn + alert) / n : 0;
  const alertShare = n ? alert / n : 0;
  return {
    features: n,
    ok: n - warn - alert,
    warn,
    alert,
    drifting_share: share,
    alert_share: alertShare,
    status: n && alertShare >= datasetShare ? 'alert' : n && share >= datasetShare ? 'warn' : 'ok',
  };
}
