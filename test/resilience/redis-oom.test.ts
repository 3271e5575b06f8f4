/**
 * Redis out of memory (`maxmemory` reached, `maxmemory-policy noeviction`):
 * materialize, publish and drift answer 503 `redis_out_of_memory` with a
 * hint, the live generation keeps serving, predict still answers and counts
 * the log entries it could not write in /metrics, and nothing logs a stack.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import { RedisHarness } from '../server/redis-harness.js';
import { eventually, get, post } from '../server/helpers.js';
import { mlpOnnx, PROJECT, projectFiles, T, TempDir } from '../model/fixture.js';
import { scale } from './scale.js';

const TOKEN = 'tok';
const SOURCE = `${PROJECT}
monitor m {
  reference train
  features u.*
  every 7d
  bins 5
}
`;

let redis: RedisHarness;
let admin: Redis;
let tmp: TempDir;
let fb: FeaturebookApp;
const logs: string[] = [];

before(async () => {
  tmp = new TempDir();
  for (const [p, text] of Object.entries(projectFiles())) tmp.write(p, text);
  tmp.write('shop.fdl', SOURCE);
  tmp.write('external/mlp.onnx', mlpOnnx(3, { seed: 2 }).bytes);
  redis = await RedisHarness.start();
  admin = new Redis(redis.url);
  await admin.config('SET', 'maxmemory-policy', 'noeviction');
  fb = await createApp({ dataRoot: tmp.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: (l) => logs.push(l) });
  const p = await post(fb.app, '/v1/publish', { source: SOURCE, path: 'shop.fdl' }, { token: TOKEN });
  assert.equal(p.status, 201, JSON.stringify(p.body));
  const m = await post(fb.app, '/v1/materialize', { project: 'shop', as_of: T }, { token: TOKEN });
  assert.equal(m.status, 200, JSON.stringify(m.body));
});
after(async () => {
  admin?.disconnect();
  await fb?.close();
  await redis?.cleanup();
  tmp?.cleanup();
});

const features = () => post(fb.app, '/v1/features', { project: 'shop', features: ['u.*'], entities: [{ user_id: 'u1' }, { user_id: 'u2' }] });
const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await admin.info('memory'))![1]);
const dropped = async () => Number(/^featurebook_predlog_dropped_total\{reason="redis_oom"\} (\d+)$/m.exec((await get(fb.app, '/metrics')).body)?.[1] ?? 0);

function assertOom(r: { status: number; body: any; headers: Headers }, what: string) {
  assert.equal(r.status, 503, `${what}: ${JSON.stringify(r.body)}`);
  assert.equal(r.body.error.code, 'redis_out_of_memory', what);
  assert.match(r.body.error.message, /Redis is out of memory/);
  assert.match(r.body.error.details.hint, /maxmemory/);
  assert.ok(r.headers.get('retry-after'));
}

test('out of memory: 503 redis_out_of_memory on materialize, publish and drift; the live generation keeps serving', async () => {
  const before = await features();
  assert.equal(before.status, 200);
  const live = await admin.hgetall('fb:{shop}:live');
  // Room for a few commands, not for a generation: the run fails part way through its writes.
  await admin.config('SET', 'maxmemory', String((await usedMemory()) + 4096));
  try {
    for (let i = 0; i < scale(2, 10); i++) {
      assertOom(await post(fb.app, '/v1/materialize', { project: 'shop', as_of: '2024-02-25' }, { token: TOKEN }), 'materialize');
      assertOom(await post(fb.app, '/v1/materialize', { project: 'shop', as_of: '2024-02-25', incremental: true }, { token: TOKEN }), 'incremental materialize');
      assertOom(await post(fb.app, '/v1/publish', { source: SOURCE + `\n# edit ${i}\n`, path: 'shop.fdl' }, { token: TOKEN }), 'publish');
      assertOom(await get(fb.app, '/v1/drift/shop/m?permutations=0'), 'drift');
      const r = await features();
      assert.equal(r.status, 200);
      assert.deepEqual(r.body, before.body, 'the live generation still serves the same values');
    }
    assert.deepEqual(await admin.hgetall('fb:{shop}:live'), live, 'live pointers and metadata unchanged');
    const gens = await admin.keys('fb:{shop}:gen:*');
    assert.equal(gens.length, 1, `only the live generation is left: ${gens}`);
  } finally {
    await admin.config('SET', 'maxmemory', '0');
  }
  assert.equal((await post(fb.app, '/v1/materialize', { project: 'shop', as_of: '2024-02-25' }, { token: TOKEN })).status, 200, 'works again with memory');
  assert.equal((await get(fb.app, '/v1/drift/shop/m?permutations=0')).status, 200);
  assert.deepEqual(logs.filter((l) => /internal error|\n\s+at /.test(l)), [], 'no stack traces in the log');
});

test('out of memory: predict answers 200 and counts the dropped log entries in /metrics', async () => {
  const predict = () => post(fb.app, '/v1/predict', { project: 'shop', model: 'mlp', entities: [{ user_id: 'u1' }, { user_id: 'u2' }, { user_id: 'u3' }] });
  assert.equal((await predict()).status, 200);
  const logged = await admin.xlen('fb:{shop}:predlog:mlp');
  const before = await dropped();
  await admin.config('SET', 'maxmemory', String((await usedMemory()) - 1024));
  const n = scale(3, 20);
  try {
    for (let i = 0; i < n; i++) {
      const r = await predict();
      assert.equal(r.status, 200, JSON.stringify(r.body));
      assert.equal(r.body.predictions.length, 3);
    }
    await eventually(async () => (await dropped()) === before + 3 * n, 5000, 'the dropped entries to be counted');
  } finally {
    await admin.config('SET', 'maxmemory', '0');
  }
  assert.equal(await admin.xlen('fb:{shop}:predlog:mlp'), logged, 'nothing was appended');
  const notes = logs.filter((l) => /prediction log/.test(l));
  assert.ok(notes.length >= 1 && notes.length <= 2, `throttled: ${notes.length} log lines for ${n} requests`);
  assert.match(notes[0]!, /out of memory.*featurebook_predlog_dropped_total/);
  assert.deepEqual(logs.filter((l) => /\n\s+at /.test(l)), []);
});
