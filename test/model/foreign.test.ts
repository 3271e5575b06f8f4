/**
 * Foreign ONNX files as exporters write them: inputs whose
 * feature dimension is open (sklearn-onnx's `[?, ?]`), files stamped with an
 * opset or using an operator this runtime lacks, and scores that are infinite.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main.js';
import { Scorer } from '../../src/model/infer.js';
import { ModelError } from '../../src/model/errors.js';
import { nodeOrt } from '../../src/model/node.js';
import { ELEM, encodeModel, ProtoWriter, readMetadata, withoutZipMap, type ValueInfo } from '../../src/model/onnx.js';
import { projectFiles, TempDir } from './fixture.js';

let tmp: TempDir;
before(() => {
  tmp = new TempDir();
  for (const [p, text] of Object.entries(projectFiles())) tmp.write(p, text);
});
after(() => tmp.cleanup());

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

/** x [N, k] · w → [N, 1], then `post` ops (each output named after its op, the last one's output `y`); the input's dims as given. */
function linear(inputDims: ValueInfo['dims'], w: number[], opts: { opsets?: Record<string, number>; post?: { op: string; domain?: string }[]; extra?: string } = {}) {
  const post = opts.post ?? [];
  const names = ['xw', ...post.map((_, i) => (i === post.length - 1 ? 'y' : `p${i}`))];
  if (!post.length) names[0] = 'y';
  return encodeModel({
    graphName: 'linear',
    producer: 'hand-encoded foreign model',
    opsets: opts.opsets ?? { '': 13 },
    inputs: [{ name: 'x', elem: ELEM.float, dims: inputDims }],
    outputs: [{ name: 'y', elem: ELEM.float, dims: [null, 1] }, ...(opts.extra ? [{ name: opts.extra, elem: ELEM.float, dims: [null, 1] }] : [])],
    initializers: [{ name: 'W', dims: [w.length, 1], floats: w }],
    nodes: [
      { op: 'MatMul', inputs: ['x', 'W'], outputs: [names[0]!] },
      ...post.map((p, i) => ({ op: p.op, inputs: [names[i]!], outputs: [names[i + 1]!], ...(p.domain ? { domain: p.domain } : {}) })),
      ...(opts.extra ? [{ op: 'Neg', inputs: ['y'], outputs: [opts.extra] }] : []),
    ],
  });
}

test('an open feature dimension ([?, ?], -1 or a name) takes the model block’s inputs', async () => {
  const ort = await nodeOrt();
  for (const dims of [[null, null], [-1, -1], ['N', 'features'], [null, 3]] as ValueInfo['dims'][]) {
    const s = await Scorer.open(ort, linear(dims, [1, 2, 3]), 3, { what: 'm.onnx' });
    const { score } = await s.score({ rows: 2, cols: 3, data: Float64Array.from([1, 1, 1, 0, 0, 2]) });
    assert.deepEqual([...score], [6, 6], JSON.stringify(dims));
    await s.close();
  }
  // A fixed size that differs is still refused, with the size.
  await assert.rejects(Scorer.open(ort, linear([null, 4], [1, 2, 3, 4]), 3, { what: 'm.onnx' }), /takes 4 features per row, but the model block lists 3 inputs/);
});

test('an opset or operator ONNX Runtime lacks is named in the hint; only non-ONNX bytes are asked if they are ONNX', async () => {
  const ort = await nodeOrt();
  const refused = async (bytes: Uint8Array): Promise<ModelError> => {
    try {
      await Scorer.open(ort, bytes, 3, { what: 'm.onnx' });
    } catch (e) {
      assert.ok(e instanceof ModelError);
      assert.doesNotMatch(e.message, /\/mnt\/|\.h:\d+|std::|ERROR_CODE/, 'no runtime internals');
      return e;
    }
    assert.fail('opened');
  };
  const v99 = await refused(linear(['N', 3], [1, 2, 3], { opsets: { '': 99 } }));
  assert.match(v99.message, /^m\.onnx is not a model ONNX Runtime can load: it is stamped with opset 99 of domain ai\.onnx, and this ONNX Runtime supports that domain up to opset \d+$/);
  assert.match(v99.hint!, /export the model again for opset \d+ or lower/);
  const ml = await refused(linear(['N', 3], [1, 2, 3], { opsets: { '': 13, 'ai.onnx.ml': 99 }, post: [{ op: 'Normalizer', domain: 'ai.onnx.ml' }] }));
  assert.match(ml.message, /opset 99 of domain ai\.onnx\.ml/);
  const op = await refused(linear(['N', 3], [1, 2, 3], { post: [{ op: 'NoSuchOperator' }] }));
  assert.match(op.hint!, /no operator NoSuchOperator at opset 13/);
  for (const e of [v99, ml, op]) assert.doesNotMatch(e.hint!, /is it an \.onnx file/);
  for (const bytes of [new TextEncoder().encode('PK\u0003\u0004 a zip, not a model'), Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f])]) assert.match((await refused(bytes)).hint!, /is it an \.onnx file\?/);
});

test('predict writes infinite scores as null, like NaN ones, in every output format', async () => {
  // score = 1 / n_7d: +Infinity for users without events in the week; a second output -score: -Infinity.
  tmp.write('external/mlp.onnx', linear([null, null], [1, 0, 0], { post: [{ op: 'Reciprocal' }], extra: 'neg' }));
  const fdl = tmp.path('shop.fdl');
  const rows = tmp.path('now.parquet');
  assert.equal((await cli('build', fdl, 'score_now', '--out', rows)).code, 0);
  const r = await cli('predict', fdl, 'mlp', '--input', rows, '--out', tmp.path('scored.json'));
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(readFileSync(tmp.path('scored.json'), 'utf8')) as { u__n_7d: number | null; score: number | null; neg: number | null }[];
  const idle = out.filter((x) => !x.u__n_7d);
  assert.ok(idle.length > 0 && idle.length < out.length, `some users idle: ${idle.length} of ${out.length}`);
  for (const x of out) {
    if (x.u__n_7d) assert.deepEqual([x.score, x.neg], [Math.fround(1 / x.u__n_7d), -Math.fround(1 / x.u__n_7d)]);
    else assert.deepEqual([x.score, x.neg], [null, null]);
  }
  assert.equal((await cli('predict', fdl, 'mlp', '--input', rows, '--out', tmp.path('scored.csv'))).code, 0);
  const csv = readFileSync(tmp.path('scored.csv'), 'utf8').trim().split('\n');
  assert.doesNotMatch(csv.join('\n'), /inf/i);
  assert.equal(csv.filter((l) => l.endsWith(',,')).length, idle.length);
});

// Written by the onnx package itself (test/model/foreign/make-trees.py), shaped as sklearn-onnx exports a tree classifier.
const foreign = (name: string) => new Uint8Array(readFileSync(new URL(`./foreign/${name}`, import.meta.url)));

// Plain walk of the tree in both files (float32 comparisons; NaN fails every test and goes right).
const walk = (x0: number, x1: number) => (Math.fround(x0) <= 100 ? 0.1 : Math.fround(x1) <= 2 ? 0.4 : 0.8);
const treeRows = (): [number, number][] => {
  const xs: [number, number][] = [[100, 0], [100.00001, 2], [101, 2], [101, 2.5], [NaN, 0], [150, NaN], [-1e9, 1e9], [99.99, 3]];
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 200; i++) xs.push([Math.round(rnd() * 2000) / 10, Math.round(rnd() * 40) / 10]);
  return xs;
};

for (const file of ['tree_plain.onnx', 'tree_zipmap.onnx'])
  test(`a sklearn-onnx tree classifier (${file}: [?, ?] input, TreeEnsembleClassifier${file.includes('zip') ? ', ZipMap' : ''}) scores P(class 1), equal to walking the tree`, async () => {
    const ort = await nodeOrt();
    const s = await Scorer.open(ort, foreign(file), 2, { what: file });
    const xs = treeRows();
    const { score, extra } = await s.score({ rows: xs.length, cols: 2, data: Float64Array.from(xs.flat()) });
    xs.forEach(([a, b], i) => assert.equal(score[i], Math.fround(walk(a, b)), `row ${i}: ${a}, ${b}`));
    // The other class's probability comes along; the int64 label is left out.
    assert.deepEqual(Object.keys(extra), ['probabilities_0']);
    xs.forEach((_, i) => assert.ok(Math.abs(extra.probabilities_0![i]! + score[i]! - 1) < 1e-6));
    await s.close();
  });

test('withoutZipMap: only the ZipMap node and its output change; other models are left alone', () => {
  const zipped = foreign('tree_zipmap.onnx');
  const plain = withoutZipMap(zipped)!;
  assert.ok(plain && plain.length < zipped.length);
  assert.equal(withoutZipMap(plain), undefined, 'no ZipMap left');
  assert.equal(withoutZipMap(foreign('tree_plain.onnx')), undefined);
  assert.equal(withoutZipMap(new TextEncoder().encode('not a model')), undefined);
  assert.deepEqual(readMetadata(plain), readMetadata(zipped));
  const text = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
  assert.doesNotMatch(text(plain), /ZipMap|output_probability/);
  assert.match(text(plain), /TreeEnsembleClassifier/);
});

test('a model whose only output is not a tensor (and no ZipMap) is refused, naming that output', async () => {
  const ort = await nodeOrt();
  // x → SequenceConstruct → a graph output of type seq(tensor(float)).
  const float = new ProtoWriter().bytes(1, new ProtoWriter().int(1, ELEM.float));
  const seqType = new ProtoWriter().bytes(4, new ProtoWriter().bytes(1, float));
  const shape = new ProtoWriter().bytes(1, new ProtoWriter()).bytes(1, new ProtoWriter().int(1, 2)); // [?, 2]
  const x = new ProtoWriter().bytes(1, 'x').bytes(2, new ProtoWriter().bytes(1, new ProtoWriter().int(1, ELEM.float).bytes(2, shape)));
  const graph = new ProtoWriter()
    .bytes(1, new ProtoWriter().bytes(1, 'x').bytes(2, 's').bytes(3, 'seq').bytes(4, 'SequenceConstruct'))
    .bytes(2, 'g')
    .bytes(11, x)
    .bytes(12, new ProtoWriter().bytes(1, 's').bytes(2, seqType));
  const model = new ProtoWriter().int(1, 8).bytes(7, graph).bytes(8, new ProtoWriter().int(2, 13)).finish();
  await assert.rejects(Scorer.open(ort, model, 2, { what: 'seq.onnx' }), (e: unknown) => {
    assert.ok(e instanceof ModelError, String(e));
    assert.match(e.message, /none of its outputs \(s\) is a float tensor \('s' is a sequence or map/);
    return true;
  });
});
