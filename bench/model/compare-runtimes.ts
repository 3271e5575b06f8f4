/**
 * onnxruntime-web (WASM, one thread) against onnxruntime-node (native CPU, one thread) on the same two models:
 * session open, a 10k-row batch, and single-row calls. onnxruntime-node is not a dependency; install it elsewhere:
 *
 *   mkdir /tmp/ortnode && (cd /tmp/ortnode && ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node@1.30.0)
 *   node --import tsx bench/model/compare-runtimes.ts /tmp/ortnode
 *
 * Prints one line per runtime and model (docs/models.md quotes the result).
 */
import { createRequire } from 'node:module';
import { fitLogistic, logisticOnnx } from '../../src/model/logistic.js';
import { mlpOnnx } from '../../test/model/fixture.js';
const dir = process.argv[2];
if (!dir) throw new Error('usage: node --import tsx bench/model/compare-runtimes.ts DIR (a folder with node_modules/onnxruntime-node)');
const req = createRequire(dir.replace(/\/?$/, '/') + 'x.js');
const ortNode = req('onnxruntime-node');
const ortWeb = await import('onnxruntime-web');
ortWeb.env.wasm.numThreads = 1;
const K = 4, ROWS = 10000;
const x = new Float32Array(ROWS * K).map((_, i) => ((i * 7919) % 100) / 10);
const y = new Float64Array(ROWS).map((_, i) => (i % 3 === 0 ? 1 : 0));
const models = { logistic: logisticOnnx(fitLogistic({ rows: ROWS, cols: K, data: Float64Array.from(x) }, y, ['a', 'b', 'c', 'd']), { model: 'm' }), mlp: mlpOnnx(K, { hidden: 16 }).bytes };
const med = (a: number[]) => a.sort((p, q) => p - q)[Math.floor(a.length / 2)]!;
for (const [rt, ort] of [['web (wasm)', ortWeb], ['node (native)', ortNode]] as const) {
  for (const [name, bytes] of Object.entries(models)) {
    let t = performance.now();
    const s = await (ort as any).InferenceSession.create(bytes, { executionProviders: [rt.startsWith('web') ? 'wasm' : 'cpu'], intraOpNumThreads: 1 });
    const open = performance.now() - t;
    const batch: number[] = [], one: number[] = [];
    for (let i = 0; i < 40; i++) { t = performance.now(); await s.run({ [s.inputNames[0]]: new (ort as any).Tensor('float32', x, [ROWS, K]) }); if (i >= 10) batch.push(performance.now() - t); }
    for (let i = 0; i < 2000; i++) { t = performance.now(); await s.run({ [s.inputNames[0]]: new (ort as any).Tensor('float32', x.subarray(0, K), [1, K]) }); if (i >= 200) one.push(performance.now() - t); }
    const o = one.sort((p, q) => p - q);
    console.log(`${rt} ${name}: open ${open.toFixed(1)} ms, 10k rows median ${med(batch).toFixed(3)} ms, 1 row p50 ${o[900]!.toFixed(3)} ms p99 ${o[1781]!.toFixed(3)} ms`);
  }
}
