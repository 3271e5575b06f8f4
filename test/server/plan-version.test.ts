/**
 * Plans stored by an older Featurebook (another PLAN_VERSION): a server
 * re-plans them from the stored FDL source, or, when that fails, answers 409
 * `stale_plan` naming the project and saying to re-publish; publishing the
 * same text again replaces the stale plan. Real redis-server, real DuckDB.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import { Keys } from '../../server/redis/index.js';
import { Registry } from '../../server/registry/index.js';
import { ApiError } from '../../server/errors/index.js';
import { PLAN_VERSION } from '../../src/compile/plan.js';
import { RedisHarness } from './redis-harness.js';
import { DEMO, DataDir, TOKEN, get, post, writeDemoData } from './helpers.js';

let redis: RedisHarness;
let data: DataDir;
let raw: Redis;
const apps: FeaturebookApp[] = [];
const keys = new Keys();

const start = async () => {
  const fb = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: () => {} });
  apps.push(fb);
  return fb;
};

before(async () => {
  redis = await RedisHarness.start();
  data = new DataDir();
  writeDemoData(data);
  raw = new Redis(redis.url);
});
after(async () => {
  for (const a of apps) await a.close();
  raw?.disconnect();
  await redis?.cleanup();
  data?.cleanup();
});

const span = { startOffset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

/** What a version-1 server stored: AST expressions with spans, no `plan_version` field. */
async function makeStale(version: string, edit: (plan: any) => void = () => {}) {
  const key = keys.version('demo', version);
  const plan = JSON.parse((await raw.hget(key, 'plan'))!);
  plan.planVersion = 1;
  for (const v of plan.views) for (const f of v.features) if (f.arg?.kind === 'column') f.arg = { type: 'column', name: f.arg.name, span };
  edit(plan);
  await raw.hset(key, 'plan', JSON.stringify(plan), 'sql', '{}');
  await raw.hdel(key, 'plan_version');
}

test('a stored plan of plan version 1 is re-planned from its source and served', async () => {
  assert.equal(PLAN_VERSION, 2);
  const fb1 = await start();
  const pub = await post(fb1.app, '/v1/publish', { source: DEMO });
  assert.equal(pub.status, 201);
  const version = pub.body.version as string;
  assert.equal(await raw.hget(keys.version('demo', version), 'plan_version'), String(PLAN_VERSION));
  const before = await get(fb1.app, '/v1/projects/demo');
  await makeStale(version);

  const fb2 = await start(); // a fresh server: nothing cached
  const shown = await get(fb2.app, '/v1/projects/demo');
  assert.equal(shown.status, 200, JSON.stringify(shown.body));
  assert.equal(shown.body.version, version);
  assert.deepEqual(shown.body.definitions, before.body.definitions);
  assert.deepEqual(shown.body.sql, before.body.sql, 'the SQL is compiled again from the re-planned source');

  const m = await post(fb2.app, '/v1/materialize', { project: 'demo', as_of: '2024-01-05' });
  assert.equal(m.status, 200, JSON.stringify(m.body));
  const r = await post(fb2.app, '/v1/features', { project: 'demo', features: ['user_spend.*', 'merchant_risk.m_n'], entities: [{ user_id: 'u1', merchant_id: 'm1' }] });
  assert.equal(r.status, 200);
  assert.deepEqual(r.body.rows[0].values, [3, 35, 'FR', 3]);
});

test('a stale plan that cannot be re-planned here is a 409 naming the project; publishing the text again replaces it', async () => {
  const fb1 = await start();
  const version = (await get(fb1.app, '/v1/projects/demo')).body.version as string;
  // Published from a folder outside this server's data root: re-planning may not read it.
  await makeStale(version, (plan) => (plan.baseDir = '/nonexistent-featurebook-folder'));

  const fb2 = await start();
  const r = await get(fb2.app, '/v1/projects/demo');
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'stale_plan');
  assert.match(r.body.error.message, /project 'demo' version [0-9a-f]{12} was published with plan version 1, and this server reads plan version 2/);
  assert.match(r.body.error.message, /re-planning it from its stored source failed: .*outside/);
  assert.match(r.body.error.message, /Re-publish it: featurebook publish FILE/);
  assert.deepEqual(r.body.error.details, { project: 'demo', version, plan_version: 1, expected_plan_version: 2 });
  const f = await post(fb2.app, '/v1/features', { project: 'demo', features: ['user_spend.n'], entities: [{ user_id: 'u1' }] });
  assert.equal(f.status, 409);
  assert.equal(f.body.error.code, 'stale_plan');

  const again = await post(fb2.app, '/v1/publish', { source: DEMO });
  assert.equal(again.status, 200, JSON.stringify(again.body));
  assert.equal(again.body.version, version);
  assert.equal(again.body.created, false);
  assert.equal(await raw.hget(keys.version('demo', version), 'plan_version'), String(PLAN_VERSION));
  assert.equal(JSON.parse((await raw.hget(keys.version('demo', version), 'plan'))!).planVersion, PLAN_VERSION);
  const fb3 = await start();
  assert.equal((await get(fb3.app, '/v1/projects/demo')).status, 200);
  assert.equal((await get(fb2.app, '/v1/projects/demo')).status, 200);
});

test('a registry that cannot re-plan refuses a stale plan, but still reads it for the breaking-change check', async () => {
  const fb1 = await start();
  const version = (await get(fb1.app, '/v1/projects/demo')).body.version as string;
  await makeStale(version);
  const registry = new Registry(raw, keys); // no migrateWith: e.g. a command-line publish
  await assert.rejects(registry.load('demo', version), (err: unknown) => {
    assert.ok(err instanceof ApiError);
    assert.equal(err.code, 'stale_plan');
    assert.equal(err.status, 409);
    assert.match(err.message, /^project 'demo' version [0-9a-f]{12} was published with plan version 1, and this server reads plan version 2\. Re-publish it: featurebook publish FILE/);
    return true;
  });
  const raw1 = await registry.load('demo', version, { anyPlanVersion: true });
  assert.equal(raw1?.plan.planVersion, 1);
  assert.deepEqual([...raw1!.views.keys()], ['user_spend', 'merchant_risk']);
  registry.close();
});
