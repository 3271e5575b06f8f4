/**
 * The built-in trainer and the metrics against independent references:
 * the gradient of the objective computed with plain loops is zero at the
 * fitted optimum; a case with a known closed-form optimum; AUC against the
 * O(n²) pairwise definition; the ONNX file (run by ONNX Runtime) against
 * the float64 formula, nulls included; determinism; bad model files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitLogistic, logisticOnnx, predictLogistic, type Matrix } from '../../src/model/logistic.js';
import { accuracy, auc, calibration, logLoss, rocCurve } from '../../src/model/metrics.js';
import { Scorer } from '../../src/model/infer.js';
import { ModelError } from '../../src/model/errors.js';
import { nodeOrt } from '../../src/model/node.js';
import { encodeModel, ELEM } from '../../src/model/onnx.js';
import { mlpOnnx, rng, treesOnnx } from './fixture.js';

/** n rows, k columns, labels from a known logistic model; some values missing. */
function data(n: number, k: number, seed: number, missing = 0.05): { x: Matrix; y: Float64Array } {
  const r = rng(seed);
  const x = new Float64Array(n * k);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let t = -0.5;
    for (let j = 0; j < k; j++) {
      const v = (r() - 0.5) * (j + 1) * 10 + j * 3;
      x[i * k + j] = r() < missing ? NaN : v;
      t += (j % 2 ? -0.3 : 0.4) * v / (j + 1);
    }
    y[i] = r() < 1 / (1 + Math.exp(-t)) ? 1 : 0;
  }
  return { x: { rows: n, cols: k, data: x }, y };
}

/** The objective's gradient at (w, b), from raw values, written out plainly (no code shared with the trainer). */
function referenceGradient(x: Matrix, y: Float64Array, w: number[], b: number, l2: number): number[] {
  const { rows: n, cols: k } = x;
  const mean: number[] = [];
  const sd: number[] = [];
  for (let j = 0; j < k; j++) {
    const vals: number[] = [];
    for (let i = 0; i < n; i++) if (!Number.isNaN(x.data[i * k + j]!)) vals.push(x.data[i * k + j]!);
    const m = vals.reduce((a, c) => a + c, 0) / vals.length;
    const s = Math.sqrt(vals.reduce((a, c) => a + (c - m) ** 2, 0) / vals.length);
    mean.push(m);
    sd.push(s || 1);
  }
  const g = new Array(k + 1).fill(0);
  for (let i = 0; i < n; i++) {
    const z = [];
    for (let j = 0; j < k; j++) {
      const v = x.data[i * k + j]!;
      z.push(Number.isNaN(v) ? 0 : (v - mean[j]!) / sd[j]!);
    }
    const t = b + z.reduce((a, c, j) => a + c * w[j]!, 0);
    const p = 1 / (1 + Math.exp(-t));
    for (let j = 0; j < k; j++) g[j] += ((p - y[i]!) * z[j]!) / n;
    g[k] += (p - y[i]!) / n;
  }
  for (let j = 0; j < k; j++) g[j] += l2 * w[j]!;
  return g;
}

test('the fitted parameters zero the gradient (plain-loop reference)', () => {
  const { x, y } = data(2000, 4, 11);
  const m = fitLogistic(x, y, ['a', 'b', 'c', 'd'], { l2: 0.01 });
  const g = referenceGradient(x, y, m.weights, m.bias, 0.01);
  for (const v of g) assert.ok(Math.abs(v) < 1e-9, `gradient ${g}`);
  assert.ok(m.iterations < 20, `${m.iterations} iterations`);
  // Not a trivial optimum: the weights carry signal.
  assert.ok(Math.abs(m.weights[0]!) > 0.5, `weights ${m.weights}`);
});

test('a known optimum: x = ±1 with P(y=1) = 3/4 and 1/4 gives w = ln 3, b = 0', () => {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < 400; i++) {
    const v = i % 2 ? 1 : -1;
    xs.push(v);
    // Per value, 3 of 4 rows positive for x = 1 and 1 of 4 for x = -1.
    ys.push(v === 1 ? (Math.floor(i / 2) % 4 < 3 ? 1 : 0) : Math.floor(i / 2) % 4 < 1 ? 1 : 0);
  }
  const m = fitLogistic({ rows: 400, cols: 1, data: Float64Array.from(xs) }, ys, ['x'], { l2: 0 });
  assert.equal(m.means[0], 0);
  assert.equal(m.scales[0], 1);
  assert.ok(Math.abs(m.weights[0]! - Math.log(3)) < 1e-9, `w = ${m.weights[0]}`);
  assert.ok(Math.abs(m.bias) < 1e-9, `b = ${m.bias}`);
  // With a penalty the weight shrinks.
  const pen = fitLogistic({ rows: 400, cols: 1, data: Float64Array.from(xs) }, ys, ['x'], { l2: 0.5 });
  assert.ok(pen.weights[0]! < m.weights[0]! && pen.weights[0]! > 0);
});

test('fitting is deterministic: the same data gives the same ONNX bytes', () => {
  const { x, y } = data(500, 3, 5);
  const a = logisticOnnx(fitLogistic(x, y, ['a', 'b', 'c']), { model: 'm' });
  const b = logisticOnnx(fitLogistic(x, y, ['a', 'b', 'c']), { model: 'm' });
  assert.deepEqual(a, b);
});

test('the ONNX file imputes and scales like training: ONNX Runtime vs the float64 formula', async () => {
  const { x, y } = data(1000, 5, 3, 0.2);
  const m = fitLogistic(x, y, ['a', 'b', 'c', 'd', 'e']);
  const s = await Scorer.open(await nodeOrt(), logisticOnnx(m, { model: 'm' }), 5);
  const { score } = await s.score(x);
  let nanRows = 0;
  for (let i = 0; i < x.rows; i++) {
    const row = x.data.subarray(i * 5, i * 5 + 5);
    if (row.some(Number.isNaN)) nanRows++;
    assert.ok(Math.abs(score[i]! - predictLogistic(m, row)) < 1e-5, `row ${i}: ${score[i]} vs ${predictLogistic(m, row)}`);
  }
  assert.ok(nanRows > 100, 'some rows have missing values');
  // A row of nulls scores as the all-means row.
  const { score: allNull } = await s.score({ rows: 2, cols: 5, data: Float64Array.from([NaN, NaN, NaN, NaN, NaN, ...m.means]) });
  assert.equal(allNull[0], allNull[1]);
  await s.close();
});

test('AUC equals the pairwise definition (ties count half); log loss and accuracy by hand', () => {
  const r = rng(9);
  for (let rep = 0; rep < 5; rep++) {
    const n = 300;
    const s = Array.from({ length: n }, () => Math.round(r() * 20) / 20); // many ties
    const l = Array.from({ length: n }, (_, i) => (r() < 0.3 + 0.4 * s[i]! ? 1 : 0));
    let wins = 0;
    let pairs = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++)
        if (l[i] === 1 && l[j] === 0) {
          pairs++;
          wins += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
        }
    assert.ok(Math.abs(auc(s, l) - wins / pairs) < 1e-12);
    let ll = 0;
    let ok = 0;
    for (let i = 0; i < n; i++) {
      const p = Math.min(Math.max(s[i]!, 1e-15), 1 - 1e-15);
      ll += l[i] ? -Math.log(p) : -Math.log(1 - p);
      ok += (s[i]! >= 0.5 ? 1 : 0) === l[i] ? 1 : 0;
    }
    assert.ok(Math.abs(logLoss(s, l) - ll / n) < 1e-12);
    assert.equal(accuracy(s, l), ok / n);
  }
  assert.ok(Number.isNaN(auc([0.1, 0.2], [1, 1])), 'one class only');
  const roc = rocCurve([0.9, 0.8, 0.3, 0.1], [1, 0, 1, 0]);
  assert.deepEqual(roc.map((p) => [p.fpr, p.tpr]), [[0, 0], [0, 0.5], [0.5, 0.5], [0.5, 1], [1, 1]]);
  const cal = calibration([0.05, 0.07, 0.95], [0, 1, 1], 10);
  assert.deepEqual(cal.map((c) => [c.bin, c.rows, c.observed]), [[0, 2, 0.5], [9, 1, 1]]);
});

test('a foreign model (hand-encoded MLP) runs and matches its float64 definition', async () => {
  const mlp = mlpOnnx(3, { seed: 4, scale: 1 });
  const s = await Scorer.open(await nodeOrt(), mlp.bytes, 3);
  const x = Float64Array.from([0.5, -1, 2, 0, 0, 0, 3, 1, -2]);
  const { score } = await s.score({ rows: 3, cols: 3, data: x });
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(score[i]! - mlp.reference(x.subarray(i * 3, i * 3 + 3))) < 1e-6);
  assert.ok(new Set(score).size === 3, 'different rows, different scores');
  await s.close();
});

test('a foreign model from ai.onnx.ml (TreeEnsembleRegressor) runs and matches its definition', async () => {
  const trees = treesOnnx();
  const s = await Scorer.open(await nodeOrt(), trees.bytes, 3);
  const x = Float64Array.from([0, 0, 0, 5, 100, 3, 1, 500, 1, 9, 301, 2]);
  const { score } = await s.score({ rows: 4, cols: 3, data: x });
  assert.deepEqual([...score], [0, 1, 2, 3].map((i) => trees.reference(x.subarray(i * 3, i * 3 + 3))));
  assert.deepEqual([...score].map((v) => Math.round(v * 100) / 100), [0.15, 0.4, 0.95, 0.9]);
  await s.close();
});

test('bad model files are refused with clear messages', async () => {
  const ort = await nodeOrt();
  const refuse = async (bytes: Uint8Array, k: number, re: RegExp) => {
    await assert.rejects(Scorer.open(ort, bytes, k, { what: 'm.onnx' }), (e: unknown) => e instanceof ModelError && re.test(e.message) && !/\n\s+at /.test(e.message));
  };
  await refuse(new TextEncoder().encode('not a model at all'), 3, /m\.onnx is not a model ONNX Runtime can load/);
  await refuse(new Uint8Array(0), 3, /m\.onnx is empty/);
  await refuse(mlpOnnx(4).bytes, 3, /takes 4 features per row, but the model block lists 3 inputs/);
  const twoInputs = encodeModel({
    graphName: 'g',
    opsets: { '': 13 },
    inputs: [
      { name: 'a', elem: ELEM.float, dims: ['N', 1] },
      { name: 'b', elem: ELEM.float, dims: ['N', 1] },
    ],
    outputs: [{ name: 'c', elem: ELEM.float, dims: ['N', 1] }],
    initializers: [],
    nodes: [{ op: 'Add', inputs: ['a', 'b'], outputs: ['c'] }],
  });
  await refuse(twoInputs, 2, /takes 2 inputs \(a, b\)/);
  const rank3 = encodeModel({
    graphName: 'g',
    opsets: { '': 13 },
    inputs: [{ name: 'a', elem: ELEM.float, dims: ['N', 2, 1] }],
    outputs: [{ name: 'c', elem: ELEM.float, dims: ['N', 2, 1] }],
    initializers: [],
    nodes: [{ op: 'Relu', inputs: ['a'], outputs: ['c'] }],
  });
  await refuse(rank3, 2, /has shape \[N, 2, 1\]/);
  // A file cut short is corrupt.
  const good = mlpOnnx(3).bytes;
  await refuse(good.subarray(0, good.length - 40), 3, /not a model ONNX Runtime can load|m\.onnx/);
});

test('metrics leave out NaN scores (a model that does not impute) instead of looping or failing', () => {
  const s = [0.9, NaN, 0.2, NaN, 0.6];
  const l = [1, 1, 0, 0, 0];
  assert.equal(auc(s, l), 1);
  assert.equal(rocCurve(s, l).length, 4);
  assert.equal(accuracy(s, l), 2 / 3);
  assert.ok(Number.isFinite(logLoss(s, l)));
  assert.equal(calibration(s, l).reduce((a, c) => a + c.rows, 0), 3);
});

test('a fitted file names its inputs in its metadata; other bytes have none', async () => {
  const { readMetadata } = await import('../../src/model/onnx.js');
  const { inputColumnsOf } = await import('../../src/model/data.js');
  const { x, y } = data(200, 2, 1);
  const meta = readMetadata(logisticOnnx(fitLogistic(x, y, ['u.a', 'v.b']), { model: 'm', trainingSet: 't' }));
  assert.equal(meta['featurebook.inputs'], '["u.a","v.b"]');
  assert.equal(meta['featurebook.training_set'], 't');
  assert.deepEqual(inputColumnsOf(meta), ['u__a', 'v__b']);
  assert.deepEqual(readMetadata(mlpOnnx(3).bytes), {});
  assert.deepEqual(readMetadata(new TextEncoder().encode('garbage \u00ff\u00ff')), {});
});
