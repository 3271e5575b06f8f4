/**
 * The model verbs for Node: `featurebook fit` (build the training set, fit,
 * write `models/<model>.onnx`) and `featurebook predict` (score a file of
 * rows). ONNX Runtime here is onnxruntime-web's WebAssembly build, the same
 * runtime the browser uses (docs/models.md says why).
 * @module
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { ModelPlan, ProjectPlan } from '../compile/plan.js';
import { duckdb } from '../compile/dialect.js';
import type { Engine, QueryResult } from '../engine/engine.js';
import { formatFromPath } from '../lang/check.js';
import { buildTrainingSet } from '../training-set.js';
import { toArrowIpc } from '../arrow.js';
import { assertNumericInputs, modelPath, rowsToMatrix } from './data.js';
import { ModelError } from './errors.js';
import { fitOnRows, fitTarget, type FitResult } from './fit.js';
import { Scorer, type Ort } from './infer.js';

let ortPromise: Promise<Ort> | undefined;

/** onnxruntime-web, loaded once per process: single-threaded WebAssembly, errors only in its log. */
export function nodeOrt(): Promise<Ort> {
  ortPromise ??= import('onnxruntime-web').then((ort) => {
    ort.env.wasm.numThreads = 1;
    ort.env.logLevel = 'error';
    return ort as unknown as Ort;
  });
  return ortPromise;
}

/** Reads a model file; errors name it. */
export async function readModelFile(path: string, model: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ModelError(
      `cannot read the ONNX file of model '${model}' at ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (err as Error).message}`,
      code === 'ENOENT' ? `run 'featurebook fit FILE ${model}' to create it, or fix the onnx path` : undefined,
    );
  }
}

/** Opens model `m`'s ONNX file (from `path`, default `modelPath`) for scoring. */
export async function openModel(plan: ProjectPlan, m: ModelPlan, path = modelPath(plan, m)): Promise<{ scorer: Scorer; bytes: Uint8Array; path: string }> {
  const bytes = await readModelFile(path, m.name);
  const scorer = await Scorer.open(await nodeOrt(), bytes, m.inputs.length, { what: path });
  return { scorer, bytes, path };
}

export interface FitOutcome extends FitResult {
  path: string;
  rowsRead: number;
}

/** `featurebook fit`: builds the model's training set, fits, writes the ONNX file (default `modelPath`). */
export async function fitModel(engine: Engine, plan: ProjectPlan, m: ModelPlan, out = modelPath(plan, { name: m.name })): Promise<FitOutcome> {
  const set = fitTarget(plan, m);
  const rows = (await buildTrainingSet(engine, plan, set.name)).rows;
  const r = await fitOnRows(await nodeOrt(), plan, m, rows);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, r.onnx);
  return { ...r, path: out, rowsRead: rows.length };
}

const INPUT_FORMATS = ['parquet', 'csv', 'json'] as const;

/** Reads a file of rows with the engine, in file order. */
export async function readRows(engine: Engine, path: string): Promise<QueryResult> {
  const format = formatFromPath(path) as (typeof INPUT_FORMATS)[number] | undefined;
  if (!format || !INPUT_FORMATS.includes(format)) throw new ModelError(`cannot tell the format of '${path}'`, 'use a .parquet, .csv or .json file (e.g. one written by featurebook build)', 'input');
  return engine.query(`SELECT * FROM ${duckdb.readFile(path, format)}`);
}

/**
 * `featurebook predict`: the input rows plus `score` (and a column per
 * further model output), written to `out` (.parquet, .csv, .json, .arrow).
 */
export async function predictFile(engine: Engine, plan: ProjectPlan, m: ModelPlan, input: string, out: string, modelFile?: string): Promise<{ rows: number; path: string }> {
  const outFormat = /\.(parquet|csv|json|arrow)$/i.exec(out)?.[1]?.toLowerCase();
  if (!outFormat) throw new ModelError(`cannot tell the output format of '${out}'`, 'use a .parquet, .csv, .json or .arrow file name', 'out');
  assertNumericInputs(plan, m);
  const { scorer, path } = await openModel(plan, m, modelFile);
  try {
    const data = await readRows(engine, input);
    const x = rowsToMatrix(data.rows, m.inputs, data.columns.map((c) => c.name));
    const { score, extra } = await scorer.score(x);
    const added = { score, ...extra };
    const names = Object.keys(added);
    for (const n of names) if (data.columns.some((c) => c.name === n)) throw new ModelError(`the input already has a column '${n}'`, 'drop or rename it before predicting', 'input');
    const rows = data.rows.map((r, i) => {
      const o = { ...r };
      for (const n of names) {
        const v = added[n as keyof typeof added]![i]!;
        o[n] = Number.isFinite(v) ? v : null;
      }
      return o;
    });
    const result: QueryResult = { columns: [...data.columns, ...names.map((name) => ({ name, type: 'DOUBLE' }))], rows };
    await writeRows(engine, result, out, outFormat);
    return { rows: rows.length, path };
  } finally {
    await scorer.close();
  }
}

async function writeRows(engine: Engine, result: QueryResult, out: string, format: string) {
  if (format === 'arrow') return writeFile(out, toArrowIpc(result));
  if (format === 'json') return writeFile(out, JSON.stringify(result.rows) + '\n');
  // Parquet and CSV through DuckDB, from newline-delimited JSON with the input's column types.
  const tmp = join(tmpdir(), `featurebook-predict-${randomUUID()}.ndjson`);
  try {
    await writeFile(tmp, result.rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const from = duckdb.readNdjson(tmp, result.columns.map((c) => [c.name, c.type]));
    await engine.exec(duckdb.copyTo(`SELECT * FROM ${from}`, out, format === 'parquet' ? 'parquet' : 'csv'));
  } finally {
    await rm(tmp, { force: true });
  }
}
