/**
 * Running an ONNX model with ONNX Runtime: the same code in Node (the CLI,
 * the server) and in the browser. The runtime is passed in (onnxruntime-web
 * in both places; the browser page brings its self-hosted copy), so this
 * module imports no runtime and no Node built-in.
 *
 * What a model must look like: one float32 input of shape [N, k] (k = the
 * number of `inputs` of its model block; N may be symbolic) and at least one
 * float output of shape [N], [N, 1] or [N, m]. The score is that output's
 * value — for [N, 2] (class probabilities) its second column. Every other
 * float output [N] / [N, 1] comes along as a column of its own. A ZipMap
 * at the end (sklearn-onnx's default) is taken off first (`withoutZipMap`).
 * @module
 */
import { ModelError } from './errors.js';
import type { Matrix } from './logistic.js';
import { withoutZipMap } from './onnx.js';

/* The slice of onnxruntime-common's API used here. */
export interface OrtTensor {
  type: string;
  dims: readonly number[];
  data: unknown;
}
export interface OrtValueMeta {
  name: string;
  isTensor: boolean;
  type?: string;
  shape?: readonly (number | string)[];
}
export interface OrtSession {
  inputNames: readonly string[];
  outputNames: readonly string[];
  inputMetadata?: readonly OrtValueMeta[];
  outputMetadata?: readonly OrtValueMeta[];
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
  release(): Promise<void>;
}
export interface Ort {
  InferenceSession: { create(model: Uint8Array, options?: Record<string, unknown>): Promise<OrtSession> };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => OrtTensor;
}

export interface Scores {
  /** One score per row. */
  score: Float64Array;
  /** Further float outputs, by name. */
  extra: Record<string, Float64Array>;
}

/** The first line of a runtime error, without ORT's wrapper text. */
export function ortReason(err: unknown, max = 300): string {
  const m = (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
  return m
    .replace(/^Error: /, '')
    .replace(/^\[[A-Z_]+\] : \d+ : [A-Z_]+ : /, '')
    .replace(/^Can't create a session\. ERROR_CODE: \d+, ERROR_MESSAGE: /, '')
    // The runtime's source location and C++ signature say nothing to a user.
    .replace(/^\/\S+:\d+ [^()]*\([^]*?\) (?=[A-Z])/, '')
    .slice(0, max);
}

/**
 * A dimension the model fixes. onnxruntime-web reports an unnamed dimension
 * (sklearn-onnx writes `[?, ?]`) as 4294967295, i.e. -1 as unsigned; a symbolic
 * one as its name. Those, and 0 or negative sizes, leave the dimension open.
 */
const isFixedDim = (d: unknown): d is number => typeof d === 'number' && Number.isInteger(d) && d > 0 && d < 2 ** 31;

/**
 * What to say about a file ONNX Runtime refused: only bytes that are no ONNX
 * model at all are asked whether they are one; a model stamped with an opset,
 * or using an operator version, that this runtime lacks is told so.
 */
function loadFailure(err: unknown): { reason: string; hint: string } {
  const full = ortReason(err, Infinity);
  const reason = ortReason(err);
  if (/protobuf parsing failed|ModelProto|not a valid|failed to parse/i.test(full)) return { reason, hint: 'is it an .onnx file? fit the model again or export it anew' };
  const opset = /Opset (\d+)[^]*?domain (\S+) is till opset (\d+)/i.exec(full);
  if (opset)
    return {
      reason: `it is stamped with opset ${opset[1]} of domain ${opset[2]}, and this ONNX Runtime supports that domain up to opset ${opset[3]}`,
      hint: `export the model again for opset ${opset[3]} or lower (sklearn-onnx: target_opset)`,
    };
  const op = /No Op registered for (\S+) with domain_version of (\d+)/i.exec(full) ?? /Could not find an implementation for (\S+)\((\d+)\)/i.exec(full);
  if (op) return { reason, hint: `this ONNX Runtime has no operator ${op[1]} at opset ${op[2]}: export the model for another opset (sklearn-onnx: target_opset) or without that operator` };
  return { reason, hint: 'the file reads as ONNX, but ONNX Runtime cannot run it: export it again, for an older opset if it is new' };
}

/** An inference session for one model file, checked against the number of inputs it must take. */
export class Scorer {
  private constructor(
    readonly session: OrtSession,
    private readonly ort: Ort,
    readonly inputName: string,
    readonly k: number,
    /** The execution provider the session was created for (`wasm`, `webgpu`, …). */
    readonly provider: string,
  ) {}

  /**
   * Opens `bytes` (an ONNX file) and checks its input. `what` names the file
   * in messages; `providers` is tried in order, the first that opens wins.
   */
  static async open(ort: Ort, bytes: Uint8Array, k: number, opts: { what?: string; providers?: string[] } = {}): Promise<Scorer> {
    const what = opts.what ?? 'the model file';
    if (!bytes.length) throw new ModelError(`${what} is empty`, 'fit the model again or point `onnx` at a valid .onnx file');
    const providers = opts.providers ?? ['wasm'];
    // sklearn-onnx's default ZipMap (probabilities as a sequence of maps) is read as the tensor it is made from.
    const model = withoutZipMap(bytes) ?? bytes;
    let session: OrtSession | undefined;
    let provider = '';
    let lastErr: unknown;
    for (const p of providers) {
      try {
        // Warnings (e.g. nodes placed on the CPU next to WebGPU) would reach the browser console as errors: log errors only.
        session = await ort.InferenceSession.create(model, { executionProviders: [p], graphOptimizationLevel: 'all', logSeverityLevel: 3 });
        provider = p;
        break;
      } catch (err) {
        lastErr = err;
        if (/protobuf|parse|Load model|invalid model|ModelProto|failed to load/i.test(ortReason(err))) break;
      }
    }
    if (!session) {
      const { reason, hint } = loadFailure(lastErr);
      throw new ModelError(`${what} is not a model ONNX Runtime can load: ${reason}`, hint);
    }
    const fail = (msg: string, hint: string): never => {
      void session!.release().catch(() => {});
      throw new ModelError(`${what}: ${msg}`, hint);
    };
    if (session.inputNames.length !== 1)
      fail(`the model takes ${session.inputNames.length} inputs (${session.inputNames.join(', ')}); featurebook feeds one float tensor [N, ${k}]`, 'export the model with a single input that stacks the features as columns');
    const meta = session.inputMetadata?.[0];
    if (meta && meta.isTensor) {
      if (meta.type && meta.type !== 'float32') fail(`its input '${meta.name}' is ${meta.type}; featurebook feeds float32`, 'export the model with a float (float32) input');
      const shape = meta.shape;
      if (shape && shape.length !== 2) fail(`its input '${meta.name}' has shape [${shape.join(', ')}]; featurebook feeds [N, ${k}]`, 'export the model with a 2-D input: rows × features');
      const last = shape?.[1];
      if (isFixedDim(last) && last !== k)
        fail(`its input '${meta.name}' takes ${last} features per row, but the model block lists ${k} inputs`, `list exactly ${last} inputs in the model block, in the order the model was trained on`);
    }
    const outMeta = session.outputMetadata;
    if (outMeta && outMeta.length && !outMeta.some((o) => o.isTensor && (!o.type || o.type === 'float32' || o.type === 'float64'))) {
      // A ZipMap at the end was taken off above; other sequences and maps have no score to read.
      const maps = outMeta.filter((o) => !o.isTensor).map((o) => `'${o.name}'`);
      fail(
        `none of its outputs (${session.outputNames.join(', ')}) is a float tensor${maps.length ? ` (${maps.join(', ')} is a sequence or map)` : ''}`,
        'the score must be a float output of shape [N], [N, 1] or [N, 2]: export the scores or probabilities as a float tensor',
      );
    }
    return new Scorer(session, ort, session.inputNames[0]!, k, provider);
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** Scores `x` (rows × k; NaN = missing). Calls on one session run one at a time. */
  score(x: Matrix | { rows: number; cols: number; data: Float32Array }): Promise<Scores> {
    const run = this.queue.then(() => this.scoreNow(x));
    this.queue = run.catch(() => {});
    return run;
  }

  private async scoreNow(x: Matrix | { rows: number; cols: number; data: Float32Array }): Promise<Scores> {
    if (x.cols !== this.k) throw new ModelError(`expected ${this.k} values per row, got ${x.cols}`);
    const data = x.data instanceof Float32Array ? x.data : Float32Array.from(x.data);
    const feeds = { [this.inputName]: new this.ort.Tensor('float32', data, [x.rows, this.k]) };
    let out: Record<string, OrtTensor>;
    try {
      out = await this.session.run(feeds);
    } catch (err) {
      throw new ModelError(`running the model failed: ${ortReason(err)}`, 'does the model take a float tensor [N, k] with k = the number of inputs?');
    }
    let score: Float64Array | undefined;
    const extra: Record<string, Float64Array> = {};
    for (const name of this.session.outputNames) {
      const t = out[name];
      if (!t || !(t.data instanceof Float32Array || t.data instanceof Float64Array)) continue;
      const d = t.data;
      const dims = t.dims;
      const width = dims.length <= 1 ? 1 : dims.slice(1).reduce((a, b) => a * b, 1);
      if ((dims[0] ?? d.length) !== x.rows && !(x.rows === 0)) continue;
      const col = (c: number) => {
        const v = new Float64Array(x.rows);
        for (let i = 0; i < x.rows; i++) v[i] = d[i * width + c]!;
        return v;
      };
      if (!score) {
        score = col(width === 2 ? 1 : 0);
        for (let c = 0; c < width; c++) if (width > 1 && !(width === 2 && c === 1)) extra[`${name}_${c}`] = col(c);
      } else if (width === 1) extra[name] = col(0);
      else for (let c = 0; c < width; c++) extra[`${name}_${c}`] = col(c);
    }
    if (!score) throw new ModelError(`the model gave no float output of shape [N] or [N, m] for ${x.rows} rows`, 'the score must be a float output whose first dimension is the number of rows');
    return { score, extra };
  }

  async close(): Promise<void> {
    await this.session.release();
  }
}
