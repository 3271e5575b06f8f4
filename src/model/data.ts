/**
 * From rows (training-set rows or online values) to the model's input
 * matrix: one float column per model input, in `inputs` order, NaN for a
 * missing value. Booleans count as 0/1; text is refused.
 * @module
 */
import type { FeatureRef, ModelPlan, ProjectPlan } from '../compile/plan.js';
import { joinPath } from '../compile/plan.js';
import type { Row, Value } from '../engine/engine.js';
import { didYouMean } from '../lang/diagnostics.js';
import { ModelError } from './errors.js';
import type { Matrix } from './logistic.js';

/** `view.feature`, how inputs are named in files, requests and logs. */
export const inputName = (r: FeatureRef) => `${r.view}.${r.feature}`;
/** The training-set column of an input (semantics rule 8: `view__feature`). */
export const inputColumn = (r: FeatureRef) => `${r.view}__${r.feature}`;

/** Where a model's ONNX file lives: its `onnx` path, or for a fitted model `models/<name>.onnx` next to the .fdl file. */
export function modelPath(plan: Pick<ProjectPlan, 'baseDir'>, model: Pick<ModelPlan, 'name' | 'onnx'>): string {
  return model.onnx ?? joinPath(plan.baseDir, `models/${model.name}.onnx`);
}

/** The model called `name`, or a ModelError with a did-you-mean. */
export function findModel(plan: Pick<ProjectPlan, 'models' | 'project'>, name: string): ModelPlan {
  const m = plan.models.find((x) => x.name === name);
  if (m) return m;
  const names = plan.models.map((x) => x.name);
  const s = didYouMean(name, names);
  throw new ModelError(
    `project ${plan.project} has no model '${name}'${s ? ` (did you mean '${s}'?)` : ''}`,
    names.length ? `models: ${names.join(', ')}` : 'declare one with a `model NAME { … }` block',
    'model',
  );
}

/** Refuses inputs that are text (a model takes numbers; booleans count as 0/1, times as epoch ms). */
export function assertNumericInputs(plan: Pick<ProjectPlan, 'views'>, m: ModelPlan): void {
  for (const r of m.inputs) {
    const f = plan.views.find((v) => v.name === r.view)?.features.find((x) => x.name === r.feature);
    if (f && f.type === 'string')
      throw new ModelError(`model '${m.name}': input ${inputName(r)} is text; models take numbers`, 'remove it from the inputs, or add a numeric feature derived from it (e.g. count_distinct, or an if(…) flag)', 'inputs');
  }
}

/** A value as the model sees it: a float, NaN for missing. Throws for text. */
export function toInput(v: Value | bigint | undefined, what: () => string): number {
  if (v === null || v === undefined) return NaN;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string' && (v === 'NaN' || v === 'Infinity' || v === '-Infinity')) return Number(v);
  throw new ModelError(`${what()} is ${JSON.stringify(v).slice(0, 40)}, not a number`, 'model inputs must be numeric or boolean features');
}

/** The input matrix of `rows` for `inputs`; every input column must be present. */
export function rowsToMatrix(rows: readonly Row[], inputs: readonly FeatureRef[], columns?: readonly string[]): Matrix {
  return columnsToMatrix(rows, inputs.map(inputColumn), columns, inputs.map(inputName));
}

/** The training-set columns (`view__feature`) a fitted model's ONNX metadata names as its inputs, or undefined. */
export function inputColumnsOf(metadata: Record<string, string>): string[] | undefined {
  try {
    const names = JSON.parse(metadata['featurebook.inputs'] ?? 'null') as unknown;
    if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) return undefined;
    return names.map((n: string) => n.replace('.', '__'));
  } catch {
    return undefined;
  }
}

/** The input matrix of `rows` from columns `cols`, in that order; `columns` (the rows' own) is checked first. */
export function columnsToMatrix(rows: readonly Row[], cols: readonly string[], columns?: readonly string[], names: readonly string[] = cols): Matrix {
  if (columns) {
    const have = new Set(columns);
    for (const [j, c] of cols.entries()) {
      if (!have.has(c)) {
        const s = didYouMean(c, columns);
        throw new ModelError(
          `the input rows have no column '${c}'${names[j] !== c ? ` (model input ${names[j]})` : ''}${s ? ` — did you mean '${s}'?` : ''}`,
          'predict reads rows of the training-set layout: one column view__feature per input',
          c,
        );
      }
    }
  }
  const k = cols.length;
  const data = new Float64Array(rows.length * k);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    for (let j = 0; j < k; j++) data[i * k + j] = toInput(r[cols[j]!] as Value, () => `row ${i + 1}, column ${cols[j]}`);
  }
  return { rows: rows.length, cols: k, data };
}

/** Labels as 0/1 (booleans, 0/1 numbers, 'true'/'false'); rows with a null label are left out (their indexes are returned). */
export function labelsOf(rows: readonly Row[], label: string): { y: Float64Array; keep: number[] } {
  const keep: number[] = [];
  const ys: number[] = [];
  rows.forEach((r, i) => {
    const v = r[label];
    if (v === null || v === undefined) return;
    let y: number;
    if (typeof v === 'boolean') y = v ? 1 : 0;
    else if (typeof v === 'number' && (v === 0 || v === 1)) y = v;
    else if (v === 'true' || v === 'false' || v === '1' || v === '0') y = v === 'true' || v === '1' ? 1 : 0;
    else throw new ModelError(`label '${label}' must be 0/1 or true/false, but row ${i + 1} has ${JSON.stringify(v).slice(0, 40)}`, 'the built-in trainer fits binary classifiers');
    keep.push(i);
    ys.push(y);
  });
  return { y: Float64Array.from(ys), keep };
}

/** Picks rows `idx` of a matrix. */
export function takeRows(x: Matrix, idx: readonly number[]): Matrix {
  const data = new Float64Array(idx.length * x.cols);
  idx.forEach((r, i) => data.set(x.data.subarray(r * x.cols, (r + 1) * x.cols), i * x.cols));
  return { rows: idx.length, cols: x.cols, data };
}
