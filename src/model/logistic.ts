/**
 * The built-in trainer: L2-regularized logistic regression on standardized
 * inputs, fitted by Newton's method (deterministic: same data, same bits),
 * and its ONNX graph, which carries the preprocessing with it:
 *
 *   x [N,k] → IsNaN/Where (null → training mean) → Sub(mean) → Div(scale)
 *           → MatMul(w) → Add(b) → Sigmoid → score [N,1]
 *
 * so whoever runs the file (CLI, browser, server) imputes and scales exactly
 * as training did. Math: docs/models.md.
 * @module
 */
import { ELEM, encodeModel, type ModelSpec } from './onnx.js';

/** Rows × columns, row-major; NaN marks a missing value. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export interface LogisticOptions {
  /** L2 penalty on the (standardized) weights; the intercept is not penalized. Default 1e-3. */
  l2?: number;
  /** Newton iterations at most (default 100). */
  maxIterations?: number;
  /** Stop when the largest parameter step is below this (default 1e-10). */
  tolerance?: number;
}

export interface LogisticModel {
  /** Input names (`view.feature`), in column order. */
  inputs: string[];
  /** Training mean of each input (nulls skipped); also what a null is replaced with. */
  means: number[];
  /** Training standard deviation of each input (population; 1 where it is 0 or unknown). */
  scales: number[];
  /** Weights on standardized inputs. */
  weights: number[];
  bias: number;
  l2: number;
  iterations: number;
  /** Rows it was trained on and how many were positive. */
  rows: number;
  positives: number;
}

export const DEFAULT_L2 = 1e-3;

/** Mean and population standard deviation of each column over non-missing values. */
export function columnStats(x: Matrix): { means: number[]; scales: number[] } {
  const means: number[] = [];
  const scales: number[] = [];
  for (let j = 0; j < x.cols; j++) {
    let n = 0;
    let sum = 0;
    for (let i = 0; i < x.rows; i++) {
      const v = x.data[i * x.cols + j]!;
      if (!Number.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    const mean = n ? sum / n : 0;
    let ss = 0;
    for (let i = 0; i < x.rows; i++) {
      const v = x.data[i * x.cols + j]!;
      if (!Number.isNaN(v)) ss += (v - mean) * (v - mean);
    }
    const sd = n ? Math.sqrt(ss / n) : 0;
    means.push(mean);
    scales.push(sd > 0 && Number.isFinite(sd) ? sd : 1);
  }
  return { means, scales };
}

/** The standardized design matrix (missing → 0, i.e. the mean). */
function standardize(x: Matrix, means: number[], scales: number[]): Float64Array {
  const z = new Float64Array(x.rows * x.cols);
  for (let i = 0; i < x.rows; i++)
    for (let j = 0; j < x.cols; j++) {
      const v = x.data[i * x.cols + j]!;
      z[i * x.cols + j] = Number.isNaN(v) ? 0 : (v - means[j]!) / scales[j]!;
    }
  return z;
}

const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));

/** log(1 + e^t) without overflow. */
const softplus = (t: number) => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));

/** Mean log loss plus (l2/2)·|w|², on standardized inputs z. */
function objective(z: Float64Array, y: ArrayLike<number>, n: number, k: number, w: Float64Array, b: number, l2: number): number {
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let t = b;
    for (let j = 0; j < k; j++) t += z[i * k + j]! * w[j]!;
    loss += softplus(t) - y[i]! * t;
  }
  let pen = 0;
  for (let j = 0; j < k; j++) pen += w[j]! * w[j]!;
  return loss / n + (l2 / 2) * pen;
}

/** Solves A·x = r for a symmetric positive definite A (n×n, row-major) by Cholesky. */
function solveSpd(a: Float64Array, r: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]!;
      for (let m = 0; m < j; m++) s -= l[i * n + m]! * l[j * n + m]!;
      if (i === j) l[i * n + i] = Math.sqrt(Math.max(s, 1e-300));
      else l[i * n + j] = s / l[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = r[i]!;
    for (let m = 0; m < i; m++) s -= l[i * n + m]! * y[m]!;
    y[i] = s / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let m = i + 1; m < n; m++) s -= l[m * n + i]! * x[m]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}

/**
 * Fits the model to rows `x` with labels `y` (0 or 1). Minimizes
 * mean(log loss) + (l2/2)·|w|² over standardized inputs by Newton steps
 * with step halving, from w = 0 and b = log-odds of the base rate.
 */
export function fitLogistic(x: Matrix, y: ArrayLike<number>, inputs: string[], opts: LogisticOptions = {}): LogisticModel {
  const n = x.rows;
  const k = x.cols;
  if (n === 0) throw new Error('no training rows');
  const l2 = opts.l2 ?? DEFAULT_L2;
  const maxIt = opts.maxIterations ?? 100;
  const tol = opts.tolerance ?? 1e-10;
  const { means, scales } = columnStats(x);
  const z = standardize(x, means, scales);
  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i]!;
  const rate = Math.min(Math.max(pos / n, 1e-12), 1 - 1e-12);
  const w = new Float64Array(k);
  let b = Math.log(rate / (1 - rate));
  const d = k + 1; // parameters: w then b
  let f = objective(z, y, n, k, w, b, l2);
  let it = 0;
  for (; it < maxIt; it++) {
    const g = new Float64Array(d);
    const h = new Float64Array(d * d);
    const row = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      let t = b;
      for (let j = 0; j < k; j++) t += z[i * k + j]! * w[j]!;
      const p = sigmoid(t);
      const r = p - y[i]!;
      const s = p * (1 - p);
      for (let j = 0; j < k; j++) row[j] = z[i * k + j]!;
      row[k] = 1;
      for (let a = 0; a < d; a++) {
        g[a]! += r * row[a]!;
        const sa = s * row[a]!;
        for (let c = 0; c <= a; c++) h[a * d + c]! += sa * row[c]!;
      }
    }
    for (let a = 0; a < d; a++) {
      g[a] = g[a]! / n + (a < k ? l2 * w[a]! : 0);
      for (let c = 0; c <= a; c++) {
        h[a * d + c] = h[a * d + c]! / n + (a === c ? (a < k ? l2 : 1e-12) : 0);
        h[c * d + a] = h[a * d + c]!;
      }
    }
    const step = solveSpd(h, g, d);
    let scale = 1;
    let next = f;
    const w2 = new Float64Array(k);
    let b2 = b;
    for (let half = 0; half < 50; half++) {
      for (let j = 0; j < k; j++) w2[j] = w[j]! - scale * step[j]!;
      b2 = b - scale * step[k]!;
      next = objective(z, y, n, k, w2, b2, l2);
      if (next <= f) break;
      scale /= 2;
    }
    if (!(next <= f)) break; // no step decreases the objective: at the optimum up to rounding
    let biggest = 0;
    for (let a = 0; a < d; a++) biggest = Math.max(biggest, Math.abs(scale * step[a]!));
    w.set(w2);
    b = b2;
    f = next;
    if (biggest < tol) {
      it++;
      break;
    }
  }
  return { inputs, means, scales, weights: [...w], bias: b, l2, iterations: it, rows: n, positives: pos };
}

/** The model's probability for one row (float64; the ONNX file computes the same in float32). */
export function predictLogistic(m: LogisticModel, row: ArrayLike<number>): number {
  let t = m.bias;
  for (let j = 0; j < m.weights.length; j++) {
    const v = row[j]!;
    t += (Number.isNaN(v) ? 0 : (v - m.means[j]!) / m.scales[j]!) * m.weights[j]!;
  }
  return sigmoid(t);
}

/** The name of the model's input tensor and of its output. */
export const INPUT_NAME = 'features';
export const OUTPUT_NAME = 'score';

/** The ONNX graph of a fitted model (opset 13), preprocessing included. */
export function logisticOnnx(m: LogisticModel, meta: { model: string; trainingSet?: string; project?: string } = { model: 'model' }): Uint8Array {
  const k = m.inputs.length;
  const spec: ModelSpec = {
    graphName: meta.model,
    opsets: { '': 13 },
    docString: `logistic regression on ${k} standardized inputs (featurebook)`,
    inputs: [{ name: INPUT_NAME, elem: ELEM.float, dims: ['N', k] }],
    outputs: [{ name: OUTPUT_NAME, elem: ELEM.float, dims: ['N', 1] }],
    initializers: [
      { name: 'mean', dims: [k], floats: m.means },
      { name: 'scale', dims: [k], floats: m.scales },
      { name: 'weights', dims: [k, 1], floats: m.weights },
      { name: 'bias', dims: [1], floats: [m.bias] },
    ],
    nodes: [
      { op: 'IsNaN', inputs: [INPUT_NAME], outputs: ['is_missing'], name: 'find_missing' },
      { op: 'Where', inputs: ['is_missing', 'mean', INPUT_NAME], outputs: ['imputed'], name: 'impute_with_training_mean' },
      { op: 'Sub', inputs: ['imputed', 'mean'], outputs: ['centered'], name: 'center' },
      { op: 'Div', inputs: ['centered', 'scale'], outputs: ['standardized'], name: 'scale' },
      { op: 'MatMul', inputs: ['standardized', 'weights'], outputs: ['weighted'], name: 'weigh' },
      { op: 'Add', inputs: ['weighted', 'bias'], outputs: ['logit'], name: 'add_bias' },
      { op: 'Sigmoid', inputs: ['logit'], outputs: [OUTPUT_NAME], name: 'probability' },
    ],
    metadata: {
      'featurebook.inputs': JSON.stringify(m.inputs),
      'featurebook.model': meta.model,
      'featurebook.algorithm': 'logistic',
      'featurebook.l2': String(m.l2),
      ...(meta.trainingSet ? { 'featurebook.training_set': meta.trainingSet } : {}),
      ...(meta.project ? { 'featurebook.project': meta.project } : {}),
    },
  };
  return encodeModel(spec);
}
