/**
 * Models end to end on the Node side, with real parts: `featurebook fit`
 * and `featurebook predict` (the CLI in process), a real redis-server,
 * the server app, `/v1/predict`, and the prediction log.
 *
 *   * predictions from `featurebook predict` on training-set rows at the
 *     materialization time equal those of `/v1/predict` within 1e-6, for the
 *     fitted model and for a foreign MLP;
 *   * each prediction is in the log stream with the agreed fields, capped;
 *   * a publish with a changed model file swaps the session;
 *   * bad requests and bad model files get 4xx JSON naming the field.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { main } from '../../src/cli/main.js';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import { Keys } from '../../server/redis/index.js';
import { RedisHarness } from '../server/redis-harness.js';
import { eventually, post } from '../server/helpers.js';
import { mlpOnnx, projectFiles, T, TempDir, treesOnnx, USERS } from './fixture.js';

const TOKEN = 'model-token';
let redis: RedisHarness;
let tmp: TempDir;
let fb: FeaturebookApp;
let client: Redis;

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

before(async () => {
  tmp = new TempDir();
  for (const [p, text] of Object.entries(projectFiles())) tmp.write(p, text);
  tmp.write('external/mlp.onnx', mlpOnnx(3, { seed: 2 }).bytes);
  tmp.write('external/trees.onnx', treesOnnx().bytes);
  redis = await RedisHarness.start();
  client = new Redis(redis.url);
  fb = await createApp({ dataRoot: tmp.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: () => {}, predlogMaxLen: 1000 });
});
after(async () => {
  client?.disconnect();
  await fb?.close();
  await redis?.cleanup();
  tmp?.cleanup();
});

const predict = (body: unknown) => post(fb.app, '/v1/predict', body, { token: null });

test('fit prints metrics next to a constant baseline and writes models/<model>.onnx', async () => {
  const r = await cli('fit', tmp.path('shop.fdl'), 'lr');
  assert.equal(r.code, 0, r.err);
  for (const split of ['train', 'validation', 'test']) assert.match(r.out, new RegExp(`^${split}\\s+\\d+\\s+\\d+\\s+0\\.\\d{4}\\s+0\\.\\d{4}\\s+0\\.\\d{4}\\s+\\|\\s+0\\.5000`, 'm'));
  assert.match(r.err, /models\/lr\.onnx/);
  const test = /^test\s+\d+\s+\d+\s+(\S+)\s+(\S+)\s+\S+\s+\|\s+\S+\s+(\S+)/m.exec(r.out)!;
  assert.ok(Number(test[1]) > 0.6, `test AUC ${test[1]} should beat chance (the labels depend on activity)`);
  assert.ok(Number(test[2]) < Number(test[3]), 'log loss below the baseline');
  assert.ok(readFileSync(tmp.path('models/lr.onnx')).length > 100);
});

test('fit refuses an onnx model, and an unknown model names the candidates', async () => {
  const a = await cli('fit', tmp.path('shop.fdl'), 'mlp');
  assert.equal(a.code, 1);
  assert.match(a.err, /shop\.fdl:\d+:\d+: error: model 'mlp' reads a given ONNX file/);
  const b = await cli('fit', tmp.path('shop.fdl'), 'llr');
  assert.equal(b.code, 1);
  assert.match(b.err, /no model 'llr' \(did you mean 'lr'\?\)/);
  assert.doesNotMatch(a.err + b.err, /\n\s+at /);
});

test('predict: bad inputs and bad model files get one clear line (file, line, column, hint), never a stack trace', async () => {
  const fdl = tmp.path('shop.fdl');
  tmp.write('few-columns.csv', 'user_id,u__n_7d,u__spend_30d\nu1,1,2\n');
  const missingCol = await cli('predict', fdl, 'lr', '--input', tmp.path('few-columns.csv'), '--out', tmp.path('x.csv'));
  assert.equal(missingCol.code, 1);
  assert.match(missingCol.err, /few-columns\.csv: the input rows have no column 'u__avg_14d' \(model input u\.avg_14d\)/);
  tmp.write('wide.onnx', mlpOnnx(7).bytes);
  const wide = await cli('predict', fdl, 'lr', '--input', tmp.path('few-columns.csv'), '--out', tmp.path('x.csv'), '--model', tmp.path('wide.onnx'));
  assert.equal(wide.code, 1);
  assert.match(wide.err, /shop\.fdl:\d+:\d+: error: .*wide\.onnx: its input 'input' takes 7 features per row, but the model block lists 4 inputs/);
  assert.match(wide.err, /hint: list exactly 7 inputs/);
  const none = await cli('predict', fdl, 'lr', '--input', tmp.path('few-columns.csv'), '--out', tmp.path('x.csv'), '--model', tmp.path('nope.onnx'));
  assert.equal(none.code, 1);
  assert.match(none.err, /cannot read the ONNX file of model 'lr' at .*nope\.onnx: no such file/);
  const usage = await cli('predict', fdl, 'lr', '--input', tmp.path('few-columns.csv'), '--out', tmp.path('x.txt'));
  assert.equal(usage.code, 2);
  assert.match(usage.err, /cannot tell the output format of 'x\.txt'|x\.txt/);
  const badFit = await cli('fit', fdl, 'lr', '--out', tmp.path('model.bin'));
  assert.equal(badFit.code, 2);
  for (const r of [missingCol, wide, none, usage, badFit]) assert.doesNotMatch(r.err, /\n\s+at |Error: /);
});

/** Rows of `score_now` (every user at T) scored by `featurebook predict`, by user. */
let builtRows: Promise<string> | undefined;
async function offline(model: string): Promise<Map<string, number | null>> {
  builtRows ??= (async () => {
    const p = tmp.path('now.parquet');
    assert.equal((await cli('build', tmp.path('shop.fdl'), 'score_now', '--out', p)).code, 0);
    return p;
  })();
  const rows = await builtRows;
  const out = tmp.path(`pred-${model}.json`);
  const r = await cli('predict', tmp.path('shop.fdl'), model, '--input', rows, '--out', out);
  assert.equal(r.code, 0, r.err);
  const scored = JSON.parse(readFileSync(out, 'utf8')) as { user_id: string; score: number | null }[];
  assert.equal(scored.length, USERS);
  return new Map(scored.map((s) => [s.user_id, s.score]));
}

test('offline and online predictions agree within 1e-6 (fitted model, foreign MLP, ai.onnx.ml tree ensemble); the log has every prediction', async () => {
  const pub = await post(fb.app, '/v1/publish', { source: readFileSync(tmp.path('shop.fdl'), 'utf8'), path: 'shop.fdl' }, { token: TOKEN });
  assert.equal(pub.status, 201, JSON.stringify(pub.body));
  const mat = await post(fb.app, '/v1/materialize', { project: 'shop', as_of: T }, { token: TOKEN });
  assert.equal(mat.status, 200, JSON.stringify(mat.body));

  const entities = Array.from({ length: USERS }, (_, i) => ({ user_id: `u${i}` }));
  let lrOffline: Map<string, number | null> | undefined;
  for (const model of ['lr', 'mlp', 'trees']) {
    const want = await offline(model);
    if (model === 'lr') lrOffline = want;
    const r = await predict({ project: 'shop', model, entities });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.match(r.body.model_version, /^[0-9a-f]{64}$/);
    assert.equal(r.body.predictions.length, USERS);
    assert.equal(typeof r.body.latency_ms, 'number');
    let compared = 0;
    let missing = 0;
    r.body.predictions.forEach((p: { score: number | null; missing?: string[] }, i: number) => {
      const w = want.get(`u${i}`);
      if (p.missing) missing++;
      if (w === null || w === undefined) {
        assert.equal(p.score, null, `u${i}`);
        return;
      }
      assert.ok(Math.abs(p.score! - w) <= 1e-6, `${model} u${i}: online ${p.score} vs offline ${w}`);
      compared++;
    });
    assert.ok(compared > USERS * 0.8, `${model}: compared ${compared}`);
    if (model === 'lr') assert.ok(missing > 0, 'some users have no events: served as missing, imputed by the graph');
    const asOf = r.body.feature_as_of.find((a: { u: string | null }) => a.u);
    assert.equal(asOf.u, T);
  }

  // The log: one entry per entity per call, with the agreed fields.
  const key = new Keys().predlog('shop', 'lr');
  // The log write is not awaited by the answer: it lands a moment later.
  await eventually(async () => (await client.xlen(key)) === USERS, 5000, `${USERS} log entries`);
  const fields = ((await client.xrange(key, '-', '+', 'COUNT', 1)) as [string, string[]][])[0]![1];
  const e: Record<string, string> = {};
  for (let i = 0; i < fields!.length; i += 2) e[fields![i]!] = fields![i + 1]!;
  assert.deepEqual(Object.keys(e).sort(), ['as_of', 'entity', 'features', 'model_version', 'score', 'ts']);
  assert.deepEqual(JSON.parse(e.entity!), { user_id: 'u0' });
  assert.deepEqual(Object.keys(JSON.parse(e.features!)), ['u.n_7d', 'u.spend_30d', 'u.avg_14d', 'u.big_30d']);
  assert.match(e.ts!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.match(e.model_version!, /^[0-9a-f]{64}$/);
  assert.ok(Math.abs(Number(e.score) - lrOffline!.get('u0')!) <= 1e-6);
  assert.deepEqual(JSON.parse(e.as_of!), { u: T });
});

test('the prediction log is capped (XADD MAXLEN ~)', async () => {
  const entities = Array.from({ length: 250 }, (_, i) => ({ user_id: `u${i}` }));
  for (let i = 0; i < 12; i++) assert.equal((await predict({ project: 'shop', model: 'mlp', entities })).status, 200);
  const key = new Keys().predlog('shop', 'mlp');
  let len = 0;
  await eventually(async () => (len = await client.xlen(key)) >= 1000, 5000, 'the capped log');
  await new Promise((r) => setTimeout(r, 200));
  len = await client.xlen(key);
  assert.ok(len >= 1000 && len < 12 * 250 + USERS, `length ${len} (cap 1000, ${12 * 250 + USERS} appended)`);
});

test('publishing a changed model file swaps the session and the model version', async () => {
  const before = await predict({ project: 'shop', model: 'mlp', entities: [{ user_id: 'u5' }] });
  tmp.write('external/mlp.onnx', mlpOnnx(3, { seed: 99 }).bytes);
  const pub = await post(fb.app, '/v1/publish', { source: readFileSync(tmp.path('shop.fdl'), 'utf8'), path: 'shop.fdl' }, { token: TOKEN });
  assert.equal(pub.status, 200, JSON.stringify(pub.body)); // same source: same project version
  let after = before;
  for (let i = 0; i < 100 && after.body.model_version === before.body.model_version; i++) {
    await new Promise((r) => setTimeout(r, 20));
    after = await predict({ project: 'shop', model: 'mlp', entities: [{ user_id: 'u5' }] });
  }
  assert.notEqual(after.body.model_version, before.body.model_version);
  assert.notEqual(after.body.predictions[0].score, before.body.predictions[0].score);
  assert.equal(await client.hget(new Keys().models('shop'), 'mlp'), after.body.model_version);
});

test('bad requests and bad model files: 4xx JSON naming the field, never 500', async () => {
  const cases: [unknown, number, string | undefined, RegExp][] = [
    [{ project: 'shop', model: 'llr', entities: [{ user_id: 'u1' }] }, 404, 'model', /no model 'llr' \(did you mean 'lr'\?\)/],
    [{ project: 'nope', model: 'lr', entities: [{ user_id: 'u1' }] }, 404, 'project', /not been published/],
    [{ project: 'shop', model: 'lr', entities: [{ customer: 'u1' }] }, 400, 'entities[0].user_id', /missing key 'user_id'/],
    [{ project: 'shop', model: 'lr', entities: [] }, 400, 'entities', /must not be empty/],
    [{ project: 'shop', model: 'lr' }, 400, 'entities', /entities/],
    [{ project: 'shop', model: 'lr', entities: [{ user_id: 'u1' }], extra: 1 }, 400, undefined, /extra/],
  ];
  for (const [body, status, field, re] of cases) {
    const r = await predict(body);
    assert.equal(r.status, status, JSON.stringify(r.body));
    if (field) assert.equal(r.body.error.field, field);
    assert.match(r.body.error.message, re);
  }
  const notJson = await post(fb.app, '/v1/predict', '{"project":', { token: null });
  assert.equal(notJson.status, 400);

  // A model file of the wrong shape, or corrupt, is refused at publish (422), naming the model.
  const source = readFileSync(tmp.path('shop.fdl'), 'utf8');
  tmp.write('external/mlp.onnx', mlpOnnx(5).bytes);
  let r = await post(fb.app, '/v1/publish', { source, path: 'shop.fdl' }, { token: TOKEN });
  assert.equal(r.status, 422, JSON.stringify(r.body));
  assert.match(r.body.error.message, /model 'mlp': .*mlp\.onnx.*takes 5 features per row, but the model block lists 3 inputs/);
  tmp.write('external/mlp.onnx', 'corrupt');
  r = await post(fb.app, '/v1/publish', { source, path: 'shop.fdl' }, { token: TOKEN });
  assert.equal(r.status, 422);
  assert.match(r.body.error.message, /not a model ONNX Runtime can load/);
  // A model without a file is not served: 404 naming what to do.
  tmp.write('external/mlp.onnx', mlpOnnx(3, { seed: 2 }).bytes);
  const noLr = source.replace('model lr {', 'model lr2 {');
  r = await post(fb.app, '/v1/publish', { source: noLr, path: 'shop.fdl', force: true }, { token: TOKEN });
  assert.ok(r.status === 201 || r.status === 200, JSON.stringify(r.body));
  const p = await predict({ project: 'shop', model: 'lr2', entities: [{ user_id: 'u1' }] });
  assert.equal(p.status, 404);
  assert.match(p.body.error.message, /no ONNX file in Redis: run 'featurebook fit'/);
});

test('a server that is not receiving announcements still serves the newly published model file', async () => {
  const other = await createApp({ dataRoot: tmp.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: () => {} });
  try {
    const source = readFileSync(tmp.path('shop.fdl'), 'utf8').replace('model lr {', 'model lr2 {');
    const first = await predict({ project: 'shop', model: 'mlp', entities: [{ user_id: 'u7' }] });
    assert.equal(first.status, 200);
    fb.ctx.redis!.sub.disconnect(); // this server stops hearing publishes
    for (let i = 0; i < 100 && fb.ctx.registry!.isSubscribed; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(fb.ctx.registry!.isSubscribed, false);
    tmp.write('external/mlp.onnx', mlpOnnx(3, { seed: 123 }).bytes);
    const pub = await post(other.app, '/v1/publish', { source, path: 'shop.fdl', force: true }, { token: TOKEN });
    assert.ok(pub.status === 200 || pub.status === 201, JSON.stringify(pub.body));
    const after = await predict({ project: 'shop', model: 'mlp', entities: [{ user_id: 'u7' }] });
    assert.equal(after.status, 200);
    assert.notEqual(after.body.model_version, first.body.model_version);
    assert.equal(after.body.model_version, await client.hget(new Keys().models('shop'), 'mlp'));
  } finally {
    await other.close();
  }
});

test('a text input is refused: at fit (file:line:col) and at publish (422)', async () => {
  const source = readFileSync(tmp.path('shop.fdl'), 'utf8')
    .replace('  big_30d   = count() over 30d where amount > 80', '  big_30d   = count() over 30d where amount > 80\n  tier      = first(user_id)')
    .replace('inputs u.n_7d, u.spend_30d, u.avg_14d, u.big_30d', 'inputs u.n_7d, u.tier');
  const file = tmp.write('text-input.fdl', source);
  const r = await cli('fit', file, 'lr');
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /text-input\.fdl:\d+:\d+: error: model 'lr': input u\.tier is text; models take numbers/);
  const pub = await post(fb.app, '/v1/publish', { source, path: 'text-input.fdl', force: true }, { token: TOKEN });
  assert.equal(pub.status, 422, JSON.stringify(pub.body));
  assert.match(pub.body.error.message, /input u\.tier is text/);
});
