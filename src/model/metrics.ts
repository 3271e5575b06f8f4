/**
 * Scores of a binary classifier: AUC, log loss, accuracy, the ROC curve and
 * a calibration table. Shared by `featurebook fit`, the model page and tests.
 * @module
 */

export interface Metrics {
  rows: number;
  positives: number;
  auc: number;
  logLoss: number;
  accuracy: number;
}

/** The rows whose score is a number (a model that does not handle missing inputs can give NaN); the rest are left out. */
function scored(scores: ArrayLike<number>, labels: ArrayLike<number>): { s: ArrayLike<number>; l: ArrayLike<number> } {
  let all = true;
  for (let i = 0; i < scores.length && all; i++) if (!Number.isFinite(scores[i]!)) all = false;
  if (all) return { s: scores, l: labels };
  const s: number[] = [];
  const l: number[] = [];
  for (let i = 0; i < scores.length; i++)
    if (Number.isFinite(scores[i]!)) {
      s.push(scores[i]!);
      l.push(labels[i]!);
    }
  return { s, l };
}

/** Probabilities are clipped to [EPS, 1 − EPS] in the log loss, so one confident miss is large but finite. */
const EPS = 1e-15;

/**
 * Every metric leaves out rows whose score is not a number.
 *
 * Area under the ROC curve: the chance that a random positive scores above a
 * random negative (ties count half), by the rank-sum formula with average
 * ranks for ties. NaN when one class is absent.
 */
export function auc(allScores: ArrayLike<number>, allLabels: ArrayLike<number>): number {
  const { s: scores, l: labels } = scored(allScores, allLabels);
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let m = i; m <= j; m++) if (labels[order[m]!]) {
      pos++;
      rankSum += avgRank;
    }
    i = j + 1;
  }
  const neg = n - pos;
  if (!pos || !neg) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

export function logLoss(allScores: ArrayLike<number>, allLabels: ArrayLike<number>): number {
  const { s: scores, l: labels } = scored(allScores, allLabels);
  let s = 0;
  for (let i = 0; i < scores.length; i++) {
    const p = Math.min(Math.max(scores[i]!, EPS), 1 - EPS);
    s -= labels[i] ? Math.log(p) : Math.log(1 - p);
  }
  return scores.length ? s / scores.length : NaN;
}

/** Share of rows where (score ≥ threshold) equals the label. */
export function accuracy(allScores: ArrayLike<number>, allLabels: ArrayLike<number>, threshold = 0.5): number {
  const { s: scores, l: labels } = scored(allScores, allLabels);
  let ok = 0;
  for (let i = 0; i < scores.length; i++) if ((scores[i]! >= threshold ? 1 : 0) === (labels[i] ? 1 : 0)) ok++;
  return scores.length ? ok / scores.length : NaN;
}

export function metrics(scores: ArrayLike<number>, labels: ArrayLike<number>): Metrics {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) positives++;
  return { rows: scores.length, positives, auc: auc(scores, labels), logLoss: logLoss(scores, labels), accuracy: accuracy(scores, labels) };
}

/** The constant predictor that always answers `rate` (the training base rate). */
export function baselineMetrics(rate: number, labels: ArrayLike<number>): Metrics {
  return metrics(new Float64Array(labels.length).fill(rate), labels);
}

/** ROC curve points (false positive rate, true positive rate, threshold), from (0,0) to (1,1). */
export function rocCurve(allScores: ArrayLike<number>, allLabels: ArrayLike<number>): { fpr: number; tpr: number; threshold: number }[] {
  const { s: scores, l: labels } = scored(allScores, allLabels);
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let P = 0;
  for (let i = 0; i < n; i++) if (labels[i]) P++;
  const N = n - P;
  const out = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < n; ) {
    const s = scores[order[i]!]!;
    while (i < n && scores[order[i]!] === s) {
      if (labels[order[i]!]) tp++;
      else fp++;
      i++;
    }
    out.push({ fpr: N ? fp / N : 0, tpr: P ? tp / P : 0, threshold: s });
  }
  return out;
}

/** Calibration: rows grouped in `bins` equal-width score bins; mean score vs observed positive rate per bin. */
export function calibration(scores: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): { bin: number; lo: number; hi: number; meanScore: number; observed: number; rows: number }[] {
  const sum = new Float64Array(bins);
  const pos = new Float64Array(bins);
  const cnt = new Float64Array(bins);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (!Number.isFinite(s)) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(s * bins)));
    sum[b]! += s;
    pos[b]! += labels[i] ? 1 : 0;
    cnt[b]!++;
  }
  const out = [];
  for (let b = 0; b < bins; b++) if (cnt[b]) out.push({ bin: b, lo: b / bins, hi: (b + 1) / bins, meanScore: sum[b]! / cnt[b]!, observed: pos[b]! / cnt[b]!, rows: cnt[b]! });
  return out;
}
