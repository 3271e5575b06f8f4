/**
 * Fitting a `fit logistic on SET` model on training-set rows and scoring it
 * on each split next to a constant baseline — the same steps in the CLI
 * (`featurebook fit`) and on the model page. The scores come from the ONNX
 * file itself (through ONNX Runtime), so what is reported is what serves.
 * @module
 */
import type { ModelPlan, ProjectPlan, TrainingSetPlan } from '../compile/plan.js';
import type { Row } from '../engine/engine.js';
import { assertNumericInputs, inputName, labelsOf, rowsToMatrix, takeRows } from './data.js';
import { ModelError } from './errors.js';
import { Scorer, type Ort } from './infer.js';
import { fitLogistic, logisticOnnx, type LogisticModel, type LogisticOptions } from './logistic.js';
import { baselineMetrics, metrics, type Metrics } from './metrics.js';

export const SPLITS = ['train', 'validation', 'test'] as const;
export type SplitName = (typeof SPLITS)[number] | 'all';

export interface SplitReport {
  split: SplitName;
  model: Metrics;
  baseline: Metrics;
}

export interface FitResult {
  model: LogisticModel;
  /** The ONNX file. */
  onnx: Uint8Array;
  /** Metrics per split that has rows (`all` when the training set has no split). */
  splits: SplitReport[];
  /** Score (from the ONNX file), label and split of every labelled row, in training-set order. */
  scores: Float64Array;
  labels: Float64Array;
  split: SplitName[];
  /** Rows left out for a null label. */
  unlabelled: number;
  trainingSet: string;
}

/** The training set a fitted model learns from, or a ModelError. */
export function fitTarget(plan: ProjectPlan, m: ModelPlan): TrainingSetPlan {
  if (!m.fit) throw new ModelError(`model '${m.name}' reads a given ONNX file (onnx "…"); only \`fit logistic on SET\` models are trained by featurebook`, 'predict with it directly, or change it to `fit logistic on SET`');
  if (m.fit.algorithm !== 'logistic') throw new ModelError(`model '${m.name}': unknown algorithm '${m.fit.algorithm}'`, 'the built-in trainer is `logistic`');
  assertNumericInputs(plan, m);
  const set = plan.trainingSets.find((t) => t.name === m.fit!.trainingSet);
  if (!set) throw new ModelError(`model '${m.name}' is fitted on training set '${m.fit.trainingSet}', which does not exist`);
  if (set.labels.length !== 1) throw new ModelError(`training set '${set.name}' must have exactly one label to fit '${m.name}'`, 'add `label COLUMN` to the training set');
  return set;
}

/**
 * Fits model `m` on `rows` (training set `SET`'s rows, as built), writes
 * nothing, returns the ONNX bytes and the metrics.
 */
export async function fitOnRows(ort: Ort, plan: ProjectPlan, m: ModelPlan, rows: readonly Row[], opts: LogisticOptions = {}): Promise<FitResult> {
  const set = fitTarget(plan, m);
  const label = set.labels[0]!;
  const { y, keep } = labelsOf(rows, label);
  const all = rowsToMatrix(rows, m.inputs);
  const x = takeRows(all, keep);
  const split: SplitName[] = keep.map((i) => (set.split ? ((rows[i]!.split as SplitName | null) ?? 'train') : 'all'));
  const trainIdx = split.flatMap((s, i) => (s === 'train' || s === 'all' ? [i] : []));
  if (!trainIdx.length) throw new ModelError(`training set '${set.name}' has no labelled rows in its train split`, set.split ? 'move the first split date later, or check the spine times' : 'is the spine empty?');
  const ytrain = Float64Array.from(trainIdx, (i) => y[i]!);
  const model = fitLogistic(takeRows(x, trainIdx), ytrain, m.inputs.map(inputName), opts);
  const onnx = logisticOnnx(model, { model: m.name, trainingSet: set.name, project: plan.project });

  const scorer = await Scorer.open(ort, onnx, m.inputs.length, { what: `the ONNX file fitted for '${m.name}'` });
  let scores: Float64Array;
  try {
    scores = (await scorer.score(x)).score;
  } finally {
    await scorer.close();
  }
  const rate = model.positives / model.rows;
  const splits: SplitReport[] = [];
  for (const s of set.split ? SPLITS : (['all'] as const)) {
    const idx = split.flatMap((v, i) => (v === s ? [i] : []));
    if (!idx.length) continue;
    const sc = Float64Array.from(idx, (i) => scores[i]!);
    const lb = Float64Array.from(idx, (i) => y[i]!);
    splits.push({ split: s, model: metrics(sc, lb), baseline: baselineMetrics(rate, lb) });
  }
  return { model, onnx, splits, scores, labels: y, split, unlabelled: rows.length - keep.length, trainingSet: set.name };
}

const fmt = (v: number) => (Number.isNaN(v) ? '   n/a' : v.toFixed(4));

/** The metrics table `featurebook fit` prints. */
export function formatFitReport(r: FitResult): string {
  const lines = [`split        rows  positives   AUC     log loss  accuracy   | baseline: AUC   log loss  accuracy`];
  for (const s of r.splits) {
    lines.push(
      `${s.split.padEnd(10)} ${String(s.model.rows).padStart(6)} ${String(s.model.positives).padStart(10)}   ${fmt(s.model.auc)}  ${fmt(s.model.logLoss)}    ${fmt(s.model.accuracy)}     |           ${fmt(s.baseline.auc)}  ${fmt(s.baseline.logLoss)}    ${fmt(s.baseline.accuracy)}`,
    );
  }
  return lines.join('\n');
}
