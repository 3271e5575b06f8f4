/**
 * What the model tests share: a small project with deterministic data (a
 * training set to fit on, and a spine of every user at one materialization
 * time), and hand-encoded foreign ONNX models — a small MLP
 * (MatMul/Add/Relu/MatMul/Add/Sigmoid) and an `ai.onnx.ml` tree ensemble,
 * with their own input and output names — built with the project's protobuf
 * writer but in no way by its trainer.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ELEM, encodeModel } from '../../src/model/onnx.js';

export const USERS = 300;
/** The materialization time: `score_now` spine rows sit exactly here. */
export const T = '2024-03-01T00:00:00.000Z';

/** A deterministic pseudo-random stream (LCG), so the data is the same on every run. */
export function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

export const PROJECT = `project shop

source events { path "data/events.csv" timestamp ts }
source labels { path "data/labels.csv" timestamp ts }
source now { path "data/now.csv" timestamp ts }

entity user { key user_id }

features u on events by user {
  n_7d      = count() over 7d
  spend_30d = sum(amount) over 30d
  avg_14d   = avg(amount) over 14d
  big_30d   = count() over 30d where amount > 80
}

training_set train {
  spine labels
  label bought
  features u.*
  split time 2024-02-10, 2024-02-20
}

training_set score_now {
  spine now
  features u.*
}

model lr {
  fit logistic on train
  inputs u.n_7d, u.spend_30d, u.avg_14d, u.big_30d
}

model mlp {
  onnx "external/mlp.onnx"
  inputs u.n_7d, u.spend_30d, u.big_30d
}

model trees {
  onnx "external/trees.onnx"
  inputs u.n_7d, u.spend_30d, u.big_30d
}
`;

const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** Events of USERS users over Jan–Feb 2024; labels depend on recent spending (so a model can learn). */
export function projectFiles(): Record<string, string> {
  const r = rng(7);
  const start = Date.UTC(2024, 0, 1);
  const ev = ['user_id,ts,amount'];
  const activity = Array.from({ length: USERS }, () => r());
  for (let u = 0; u < USERS; u++) {
    const n = Math.floor(activity[u]! * 40);
    for (let i = 0; i < n; i++) ev.push(`u${u},${iso(start + Math.floor(r() * 59 * 86400_000))},${(r() * 100 * (0.5 + activity[u]!)).toFixed(2)}`);
  }
  const labels = ['user_id,ts,bought'];
  for (let i = 0; i < 1500; i++) {
    const u = Math.floor(r() * USERS);
    const t = start + Math.floor((14 + r() * 45) * 86400_000);
    labels.push(`u${u},${iso(t)},${r() < 0.1 + 0.7 * activity[u]! ** 2 ? 1 : 0}`);
  }
  const now = ['user_id,ts'];
  for (let u = 0; u < USERS; u++) now.push(`u${u},${iso(Date.parse(T))}`);
  return { 'data/events.csv': ev.join('\n') + '\n', 'data/labels.csv': labels.join('\n') + '\n', 'data/now.csv': now.join('\n') + '\n', 'shop.fdl': PROJECT };
}

export class TempDir {
  readonly dir = mkdtempSync(join(tmpdir(), 'featurebook-model-'));
  write(rel: string, data: string | Uint8Array) {
    const p = join(this.dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, data);
    return p;
  }
  path(rel: string) {
    return join(this.dir, rel);
  }
  cleanup() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A 2-layer MLP: x [N,k] → MatMul(W1 [k,h]) → Add(b1) → Relu → MatMul(W2 [h,1]) → Add(b2) → Sigmoid → prob [N,1].
 * Weights from `seed`; `scale` divides the first layer (so raw spend values stay in range).
 */
export function mlpOnnx(k: number, opts: { hidden?: number; seed?: number; scale?: number } = {}) {
  const h = opts.hidden ?? 5;
  const r = rng(opts.seed ?? 1);
  const s = opts.scale ?? 100;
  const w1 = Array.from({ length: k * h }, () => Math.fround((r() * 2 - 1) / s));
  const b1 = Array.from({ length: h }, () => Math.fround(r() * 0.2 - 0.1));
  const w2 = Array.from({ length: h }, () => Math.fround(r() * 4 - 2));
  const b2 = [Math.fround(r() - 0.5)];
  const bytes = encodeModel({
    graphName: 'mlp',
    producer: 'hand-encoded test MLP',
    opsets: { '': 13 },
    inputs: [{ name: 'input', elem: ELEM.float, dims: ['batch', k] }],
    outputs: [{ name: 'prob', elem: ELEM.float, dims: ['batch', 1] }],
    initializers: [
      { name: 'W1', dims: [k, h], floats: w1 },
      { name: 'b1', dims: [h], floats: b1 },
      { name: 'W2', dims: [h, 1], floats: w2 },
      { name: 'b2', dims: [1], floats: b2 },
    ],
    nodes: [
      { op: 'MatMul', inputs: ['input', 'W1'], outputs: ['h1'] },
      { op: 'Add', inputs: ['h1', 'b1'], outputs: ['h2'] },
      { op: 'Relu', inputs: ['h2'], outputs: ['h3'] },
      { op: 'MatMul', inputs: ['h3', 'W2'], outputs: ['o1'] },
      { op: 'Add', inputs: ['o1', 'b2'], outputs: ['o2'] },
      { op: 'Sigmoid', inputs: ['o2'], outputs: ['prob'] },
    ],
  });
  /** The same MLP in float64, for checking the runtime's answers. */
  const reference = (x: ArrayLike<number>) => {
    let o = b2[0]!;
    for (let j = 0; j < h; j++) {
      let a = b1[j]!;
      for (let i = 0; i < k; i++) a += x[i]! * w1[i * h + j]!;
      o += Math.max(0, a) * w2[j]!;
    }
    return 1 / (1 + Math.exp(-o));
  };
  return { bytes, reference };
}

/**
 * A tree ensemble from `ai.onnx.ml` (TreeEnsembleRegressor, 2 trees) on 3 inputs:
 * tree 1: x1 ≤ 300 ? (x0 ≤ 2 ? 0.1 : 0.4) : 0.9; tree 2: x2 ≤ 1 ? 0.05 : 0; the score is the sum.
 */
export function treesOnnx() {
  const bytes = encodeModel({
    graphName: 'trees',
    producer: 'hand-encoded test tree ensemble',
    opsets: { '': 13, 'ai.onnx.ml': 3 },
    inputs: [{ name: 'X', elem: ELEM.float, dims: ['N', 3] }],
    outputs: [{ name: 'Y', elem: ELEM.float, dims: ['N', 1] }],
    initializers: [],
    nodes: [
      {
        op: 'TreeEnsembleRegressor',
        domain: 'ai.onnx.ml',
        inputs: ['X'],
        outputs: ['Y'],
        attributes: [
          { name: 'n_targets', i: 1 },
          { name: 'aggregate_function', s: 'SUM' },
          { name: 'post_transform', s: 'NONE' },
          { name: 'nodes_treeids', ints: [0, 0, 0, 0, 0, 1, 1, 1] },
          { name: 'nodes_nodeids', ints: [0, 1, 2, 3, 4, 0, 1, 2] },
          { name: 'nodes_featureids', ints: [1, 0, 0, 0, 0, 2, 0, 0] },
          { name: 'nodes_modes', strings: ['BRANCH_LEQ', 'BRANCH_LEQ', 'LEAF', 'LEAF', 'LEAF', 'BRANCH_LEQ', 'LEAF', 'LEAF'] },
          { name: 'nodes_values', floats: [300, 2, 0, 0, 0, 1, 0, 0] },
          { name: 'nodes_truenodeids', ints: [1, 3, 0, 0, 0, 1, 0, 0] },
          { name: 'nodes_falsenodeids', ints: [2, 4, 0, 0, 0, 2, 0, 0] },
          { name: 'target_treeids', ints: [0, 0, 0, 1, 1] },
          { name: 'target_nodeids', ints: [2, 3, 4, 1, 2] },
          { name: 'target_ids', ints: [0, 0, 0, 0, 0] },
          { name: 'target_weights', floats: [0.9, 0.1, 0.4, 0.05, 0] },
        ],
      },
    ],
  });
  const reference = (x: ArrayLike<number>) => Math.fround(Math.fround(x[1]! <= 300 ? (x[0]! <= 2 ? 0.1 : 0.4) : 0.9) + Math.fround(x[2]! <= 1 ? 0.05 : 0));
  return { bytes, reference };
}
