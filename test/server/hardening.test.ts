/**
 * Regression tests for the defects found by probing the server with hostile
 * input (issue "Hardening"): each test is one repro, run against the real
 * app on real DuckDB and a real redis-server.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import { MAX_CACHED_CURRENT } from '../../server/registry/index.js';
import { RedisHarness } from './redis-harness.js';
import { DEMO, DataDir, TOKEN, post } from './helpers.js';
import { writeDemoData } from './helpers.js';

let redis: RedisHarness;
let data: DataDir;
let fb: FeaturebookApp;
const logs: string[] = [];

before(async () => {
  redis = await RedisHarness.start();
  data = new DataDir();
  writeDemoData(data);
  fb = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: (l) => logs.push(l) });
  const r = await post(fb.app, '/v1/publish', { source: DEMO });
  assert.equal(r.status, 201, JSON.stringify(r.body));
});
after(async () => {
  await fb?.close();
  await redis?.cleanup();
  data?.cleanup();
});

describe('unknown project names (negative cache)', () => {
  test(`the cache of never-published names holds at most ${MAX_CACHED_CURRENT} names`, async () => {
    const registry = fb.ctx.registry!;
    assert.ok(registry.isSubscribed);
    const n = MAX_CACHED_CURRENT + 2000;
    for (let i = 0; i < n; i += 500) await Promise.all(Array.from({ length: Math.min(500, n - i) }, (_, j) => registry.current(`never_${i + j}`)));
    assert.equal(registry.cachedCurrent, MAX_CACHED_CURRENT);
    // Published projects still resolve after their names were pushed out of the cache.
    const r = await post(fb.app, '/v1/features', { project: 'demo', features: ['user_spend.n'], entities: [{ user_id: 'u1' }] }, { token: null });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal((await post(fb.app, '/v1/features', { project: 'never_1', features: ['x.y'], entities: [{ k: 1 }] }, { token: null })).status, 404);
    assert.ok(registry.cachedCurrent <= MAX_CACHED_CURRENT);
  });
});

describe('no prototype lookups on user input', () => {
  for (const object of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
    test(`/v1/compile with object '${object}' is 404`, async () => {
      const r = await post(fb.app, '/v1/compile', { source: DEMO, object });
      assert.equal(r.status, 404, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'not_found');
      assert.equal(r.body.error.field, 'object');
    });

  test('prototype keys in bodies are unknown fields (400), not silently accepted', async () => {
    for (const k of ['__proto__', 'constructor', 'toString']) {
      const r = await post(fb.app, '/v1/check', `{"source": "project x", "${k}": 1}`);
      assert.equal(r.status, 400, `${k}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.field, k);
    }
  });

  test("an entity's prototype keys are not its key values", async () => {
    const r = await post(fb.app, '/v1/features', JSON.stringify({ project: 'demo', features: ['user_spend.n'], entities: [JSON.parse('{"__proto__": {"user_id": "u1"}}')] }), { token: null });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.match(r.body.error.message, /__proto__/);
  });
});
