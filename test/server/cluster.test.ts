/**
 * Two real server processes on one real redis-server: the CLI verbs, a
 * publish through one server reaching the other without restart, and both
 * riding out Redis going away and coming back.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { RedisHarness } from './redis-harness.js';
import { DEMO, DataDir, TOKEN, eventually, writeDemoData } from './helpers.js';
import { call, startServerProcess, stopServerProcess, type ServerProc } from '../resilience/servers.js';

const root = new URL('../..', import.meta.url).pathname;

type Proc = ServerProc;
const startServer = (redisUrl: string, dataRoot: string) => startServerProcess({ redisUrl, dataRoot, token: TOKEN });
const stopServer = stopServerProcess;

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((done) => child.once('exit', (code) => done({ code, out, err })));
}

let redis: RedisHarness;
let data: DataDir;
let a: Proc;
let b: Proc;
let file: string;

before(async () => {
  redis = await RedisHarness.start();
  data = new DataDir();
  writeDemoData(data);
  file = data.write('demo.fdl', DEMO);
  [a, b] = await Promise.all([startServer(redis.url, data.dir), startServer(redis.url, data.dir)]);
});
after(async () => {
  const codes = await Promise.all([stopServer(a), stopServer(b)]);
  await redis?.cleanup();
  data?.cleanup();
  assert.deepEqual(codes, [0, 0], 'servers stop cleanly on SIGTERM');
});

test('CLI: publish and materialize a file, read through a server', async () => {
  const usage = await cli(['publish']);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /missing FILE/);
  const noRedis = await cli(['publish', file], { REDIS_URL: '' });
  assert.equal(noRedis.code, 2);
  assert.match(noRedis.err, /missing --redis URL/);
  const missing = await cli(['publish', data.dir + '/nope.fdl', '--redis', redis.url]);
  assert.equal(missing.code, 1);
  assert.match(missing.err, /cannot read .*nope\.fdl': no such file/);
  const broken = data.write('broken.fdl', DEMO.replace('count()', 'count('));
  const bad = await cli(['publish', broken, '--redis', redis.url]);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /broken\.fdl:\d+:\d+: error: /);
  assert.doesNotMatch(bad.err, /\n\s+at /, 'no stack trace');

  const pub = await cli(['publish', file, '--redis', redis.url]);
  assert.equal(pub.code, 0, pub.err);
  const version = /published demo version ([0-9a-f]{64})/.exec(pub.out)?.[1];
  assert.ok(version, pub.out);
  const mat = await cli(['materialize', file, '--as-of', '2024-01-05', '--redis', redis.url]);
  assert.equal(mat.code, 0, mat.err);
  assert.match(mat.out, /user_spend: 2 entities, 6 values as of 2024-01-05T00:00:00\.000Z/);
  assert.match(mat.out, /merchant_risk: 2 entities, 2 values/);
  const one = await cli(['materialize', file, '--view', 'user_spnd', '--redis', redis.url]);
  assert.equal(one.code, 1);
  assert.match(one.err, /did you mean 'user_spend'/);

  const f = await call(b.url, 'POST', '/v1/features', { project: 'demo', features: ['user_spend.n'], entities: [{ user_id: 'u1' }] });
  assert.equal(f.status, 200);
  assert.deepEqual(f.body.rows, [{ values: [3], as_of: { user_spend: '2024-01-05T00:00:00.000Z' } }]);
  assert.equal(f.body.version, version);
});

test('body limit on a real socket: declared length and chunked bodies', async () => {
  const big = JSON.stringify({ source: 'x'.repeat(2 << 20) });
  const declared = await fetch(`${a.url}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
  assert.equal(declared.status, 413);
  assert.equal(((await declared.json()) as any).error.code, 'body_too_large');
  const chunks = new ReadableStream({
    start(c) {
      for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode(i === 0 ? '{"source":"' : 'x'.repeat(64 * 1024)));
      c.close();
    },
  });
  const chunked = await fetch(`${a.url}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
  assert.equal(chunked.status, 413);
  // The server is fine afterwards.
  assert.equal((await call(a.url, 'POST', '/v1/check', { source: DEMO })).body.ok, true);
});

test('a publish through one server reaches the other without restart', async () => {
  const before = await call(b.url, 'GET', '/v1/projects/demo');
  assert.equal(before.status, 200);
  const v1 = before.body.version;
  // B now holds v1 in memory and trusts it while subscribed: only the announcement can move it.
  const next = DEMO.replace('  ttl 90d', '  max_amount = max(amount)\n  ttl 90d');
  const pub = await call(a.url, 'POST', '/v1/publish', { source: next }, TOKEN);
  assert.equal(pub.status, 201, JSON.stringify(pub.body));
  assert.notEqual(pub.body.version, v1);
  await eventually(async () => (await call(b.url, 'GET', '/v1/projects/demo')).body.version === pub.body.version, 5000, 'B to reload');
  const metrics = await (await fetch(`${b.url}/metrics`)).text();
  assert.match(metrics, /featurebook_registry_reloads_total\{project="demo"\} [1-9]/);
  const m = await call(a.url, 'POST', '/v1/materialize', { project: 'demo', view: 'user_spend', as_of: '2024-01-05' }, TOKEN);
  assert.equal(m.status, 200);
  const f = await call(b.url, 'POST', '/v1/features', { project: 'demo', features: ['user_spend.max_amount'], entities: [{ user_id: 'u1' }] });
  assert.deepEqual(f.body.rows[0].values, [20]);
});

test('Redis going away: 503 with a clear error, then recovery by itself', async () => {
  await redis.stop();
  await eventually(async () => (await call(a.url, 'GET', '/health')).body.redis === 'down', 5000, 'A to notice');
  const h = await call(a.url, 'GET', '/health');
  assert.deepEqual(h.body, { status: 'degraded', redis: 'down', version: h.body.version });
  const t0 = Date.now();
  const f = await call(a.url, 'POST', '/v1/features', { project: 'demo', features: ['user_spend.n'], entities: [{ user_id: 'u1' }] });
  assert.equal(f.status, 503);
  assert.equal(f.body.error.code, 'redis_unavailable');
  assert.match(f.body.error.message, /Redis is unavailable/);
  assert.ok(Date.now() - t0 < 1000, 'fails fast');
  for (const [method, path, body] of [
    ['GET', '/v1/projects/demo', undefined],
    ['POST', '/v1/publish', { source: DEMO }],
    ['POST', '/v1/materialize', { project: 'demo' }],
  ] as const) {
    const r = await call(b.url, method, path, body, TOKEN);
    assert.equal(r.status, 503, `${method} ${path}: ${JSON.stringify(r.body)}`);
  }
  // What does not need Redis keeps working.
  const c = await call(a.url, 'POST', '/v1/check', { source: DEMO });
  assert.equal(c.body.ok, true);

  await redis.restart(); // empty: persistence is off
  await Promise.all(
    [a, b].map((s) => eventually(async () => (await call(s.url, 'GET', '/health')).body.redis === 'up', 10_000, 'Redis to be back')),
  );
  assert.equal((await call(a.url, 'GET', '/v1/projects/demo')).status, 404);
  const p1 = await call(a.url, 'POST', '/v1/publish', { source: DEMO }, TOKEN);
  assert.equal(p1.status, 201);
  await eventually(async () => (await call(b.url, 'GET', '/v1/projects/demo')).body.version === p1.body.version, 5000, 'B to see v1');
  // B resubscribed after the outage: a second publish still reaches it.
  const p2 = await call(a.url, 'POST', '/v1/publish', { source: DEMO + '\n# v2\n' }, TOKEN);
  assert.equal(p2.status, 201);
  await eventually(async () => (await call(b.url, 'GET', '/v1/projects/demo')).body.version === p2.body.version, 5000, 'B to reload after the outage');
  const m = await call(b.url, 'POST', '/v1/materialize', { project: 'demo', as_of: '2024-01-05' }, TOKEN);
  assert.equal(m.status, 200);
  const f2 = await call(a.url, 'POST', '/v1/features', { project: 'demo', features: ['user_spend.n'], entities: [{ user_id: 'u1' }] });
  assert.deepEqual(f2.body.rows[0].values, [3]);
});
