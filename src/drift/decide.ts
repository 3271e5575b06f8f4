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

/** The exact distribution is used while both samples have at most this many values (as scipy's `ks_2samp` does)… */
export const KS_EXACT_MAX_N = 10_000;
/**
 * …and its work (the lattice points inside the band, about 2·D·n·m) stays under
 * this: a few milliseconds. Beyond it the samples are large enough (or D large
 * enough that p is tiny) for the asymptotic value: 0.6973 against the exact
 * 0.6994 at n = m = 10000, D = 0.01.
 */
export const KS_EXACT_MAX_WORK = 1_000_000;

/**
 * The two-sided p-value P(D ≥ d) of the two-sample KS statistic `d` for
 * sample sizes n and m, under the null hypothesis of one continuous
 * distribution. Exact for samples of up to KS_EXACT_MAX_N values (while the
 * work is bounded); otherwise the asymptotic value Q_KS(λ) with
 * λ = (√nₑ + 0.12 + 0.11/√nₑ) · d and nₑ = n·m/(n+m) (Kolmogorov's limit
 * with Stephens' small-sample correction, as in Numerical Recipes).
 */
export function ksPValue(d: number | null, n: number, m: number): number | null {
  if (d === null || !Number.isFinite(d) || n <= 0 || m <= 0) return null;
  if (d <= 0) return 1;
  if (Number.isInteger(n) && Number.isInteger(m) && Math.max(n, m) <= KS_EXACT_MAX_N && 2 * Math.min(d, 1) * n * m + n + m <= KS_EXACT_MAX_WORK) return ksExactPValue(d, n, m);
  const en = Math.sqrt((n * m) / (n + m));
  return kolmogorovQ((en + 0.12 + 0.11 / en) * d);
}

/**
 * Q_KS(λ) = P(K > λ) for Kolmogorov's K. Below λ ≈ 1.18 from the series
 * P(K ≤ λ) = √(2π)/λ Σ_{k≥1} e^{−(2k−1)²π²/(8λ²)}, which converges fast
 * there; above it from 2 Σ_{j≥1} (−1)^{j−1} e^{−2j²λ²}, which converges fast
 * there and keeps the relative precision of small p-values. Each is summed
 * until its terms no longer change the sum.
 */
export function kolmogorovQ(lambda: number): number {
  if (!(lambda > 0)) return 1;
  let sum = 0;
  if (lambda < 1.18) {
    const c = (-Math.PI * Math.PI) / (8 * lambda * lambda);
    for (let k = 1; ; k++) {
      const term = Math.exp(c * (2 * k - 1) * (2 * k - 1));
      sum += term;
      if (term <= 1e-17 * sum || term === 0) break;
    }
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum));
  }
  for (let j = 1, sign = 1; ; j++, sign = -sign) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += sign * term;
    if (term <= 1e-17 * sum || term === 0) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * The exact P(D ≥ d) for samples of n and m values without ties: the n + m
 * values in sorted order are a random path from (0, 0) to (n, m), a step right
 * for each value of the first sample and up for the second, every path equally
 * likely; D ≥ d when the path touches |i/n − j/m| ≥ d, i.e. |i·m − j·n| ≥ h with
 * h = d·n·m (an integer, since D is a difference of such fractions). The
 * probability of each point reached without touching is carried row by row
 * (only the band of points still inside is visited); what steps onto the
 * boundary is summed, so small p-values keep their precision.
 */
function ksExactPValue(d: number, n: number, m: number): number {
  if (n < m) [n, m] = [m, n]; // rows over the larger sample, the shorter arrays over the smaller
  const h = Math.round(d * n * m);
  if (h <= 0) return 1;
  // Points of row i still inside: (i·m − h)/n < j < (i·m + h)/n.
  const lo = (i: number) => Math.max(0, Math.floor((i * m - h) / n) + 1);
  const hi = (i: number) => Math.min(m, Math.ceil((i * m + h) / n) - 1);
  let row = new Float64Array(m + 1);
  let next = new Float64Array(m + 1);
  row[0] = 1;
  let touched = 0;
  for (let i = 0, a = lo(0), b = hi(0); i <= n; i++) {
    const a2 = lo(i + 1);
    const b2 = hi(i + 1);
    for (let j = a; j <= b; j++) {
      const p = row[j]!;
      const left = n + m - i - j;
      if (p === 0 || left === 0) continue;
      const up = (p * (m - j)) / left;
      const right = (p * (n - i)) / left;
      if (j < b) row[j + 1]! += up;
      else touched += up; // j = m leaves up = 0
      if (j >= a2 && j <= b2) next[j]! += right;
      else touched += right; // i = n leaves right = 0
    }
    row.fill(0, a, b + 1);
    [row, next] = [next, row];
    a = a2;
    b = b2;
  }
  return Math.min(1, Math.max(0, touched));
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
