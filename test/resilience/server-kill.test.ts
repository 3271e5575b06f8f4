/**
 * Server processes killed with SIGKILL mid-materialize: the lock they held
 * is taken over at once by the next run (its holder's Redis connection is
 * gone), the live generation kept serving meanwhile, and what the dead run
 * half wrote never goes live. And a server that cannot start exits at once.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import { RedisHarness } from '../server/redis-harness.js';
import { DataDir, post } from '../server/helpers.js';
import { call, killServerProcess, startServerProcess, stopServerProcess, type ServerProc } from './servers.js';
import { scale } from './scale.js';

const TOKEN = 'tok';
const USERS = scale(60_000, 200_000);
const SOURCE = `project big
source ev { path "ev.csv" timestamp ts }
entity user { key user_id }
features u on ev by user {
  n = count()
  total = sum(amount)
}
`;

let redis: RedisHarness;
let admin: Redis;
let data: DataDir;
let fb: FeaturebookApp;
const procs: ServerProc[] = [];

before(async () => {
  redis = await RedisHarness.start();
  admin = new Redis(redis.url);
  data = new DataDir();
  const lines = ['user_id,ts,amount'];
  for (let i = 0; i < USERS; i++) lines.push(`u${i},2024-01-01 00:00:00,${i % 9}`, `u${i},2024-01-03 00:00:00,1`);
  data.write('ev.csv', lines.join('\n') + '\n');
  fb = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: () => {} });
  assert.equal((await post(fb.app, '/v1/publish', { source: SOURCE }, { token: TOKEN })).status, 201);
  assert.equal((await post(fb.app, '/v1/materialize', { project: 'big', as_of: '2024-01-02' }, { token: TOKEN })).status, 200);
});
after(async () => {
  for (const p of procs) await stopServerProcess(p);
  admin?.disconnect();
  await fb?.close();
  await redis?.cleanup();
  data?.cleanup();
});

const read = () => post(fb.app, '/v1/features', { project: 'big', features: ['u.n'], entities: [{ user_id: 'u7' }] });

test('kill -9 mid-materialize: the next materialize succeeds at once; the live generation never changed', async (t) => {
  for (let round = 0; round < scale(1, 3); round++) {
    const s = await startServerProcess({ redisUrl: redis.url, dataRoot: data.dir, token: TOKEN });
    procs.push(s);
    const live = await admin.hget('fb:{big}:live', 'u');
    const running = call(s.url, 'POST', '/v1/materialize', { project: 'big', as_of: '2024-01-04' }, TOKEN).catch(() => undefined);
    // Kill it while it holds the lock.
    const until = Date.now() + 20_000;
    while (!(await admin.exists('fb:{big}:lock:u'))) {
      assert.ok(Date.now() < until, 'the run never took its lock');
      await new Promise((done) => setTimeout(done, 5));
    }
    await killServerProcess(s);
    await running;
    assert.equal(await admin.exists('fb:{big}:lock:u'), 1, 'the dead run left its lock behind');
    assert.equal(await admin.hget('fb:{big}:live', 'u'), live, 'the dead run did not flip');
    assert.deepEqual((await read()).body.rows[0].values, [1]);

    const t0 = Date.now();
    const m = await post(fb.app, '/v1/materialize', { project: 'big', as_of: round % 2 ? '2024-01-02' : '2024-01-04' }, { token: TOKEN });
    assert.equal(m.status, 200, JSON.stringify(m.body));
    assert.ok(Date.now() - t0 < 10_000, `took ${Date.now() - t0} ms`);
    t.diagnostic(`round ${round}: materialize after the kill took ${Date.now() - t0} ms`);
    assert.deepEqual((await read()).body.rows[0].values, [round % 2 ? 1 : 2]);
    // Only the live generation is left once the dead run's staging hash is gone (it expires by itself).
    const gens = (await admin.keys('fb:{big}:gen:*')).sort();
    assert.ok(gens.length <= 2, String(gens));
    // Back to as of day 2 for the next round.
    if (round % 2 === 0) assert.equal((await post(fb.app, '/v1/materialize', { project: 'big', as_of: '2024-01-02' }, { token: TOKEN })).status, 200);
  }
});

test('a lock held by a live run is still refused (409), and its lease is renewed', async () => {
  await admin.set('fb:{big}:lock:u', 'x', 'PX', 60_000);
  // A token without a client id: not breakable, only the lease frees it.
  const r = await post(fb.app, '/v1/materialize', { project: 'big', as_of: '2024-01-02' }, { token: TOKEN });
  assert.equal(r.status, 409);
  assert.equal(r.body.error.code, 'conflict');
  await admin.del('fb:{big}:lock:u');
  // A holder whose connection is alive: refused too.
  const id = await admin.client('ID');
  await admin.set('fb:{big}:lock:u', `${id}:abc`, 'PX', 60_000);
  assert.equal((await post(fb.app, '/v1/materialize', { project: 'big', as_of: '2024-01-02' }, { token: TOKEN })).status, 409);
  await admin.del('fb:{big}:lock:u');
  // While a run works, its lock has a short lease (not 30 minutes).
  const running = post(fb.app, '/v1/materialize', { project: 'big', as_of: '2024-01-02' }, { token: TOKEN });
  let ttl = -2;
  while (ttl === -2) ttl = await admin.pttl('fb:{big}:lock:u');
  assert.ok(ttl > 0 && ttl <= 20_000, `lease ${ttl} ms`);
  assert.equal((await running).status, 200);
  assert.equal(await admin.exists('fb:{big}:lock:u'), 0, 'released');
});

test('a run whose lock was taken over does not flip (409), and the live generation stays', async () => {
  const live = await admin.hget('fb:{big}:live', 'u');
  const running = post(fb.app, '/v1/materialize', { project: 'big', as_of: '2024-01-04' }, { token: TOKEN });
  while (!(await admin.exists('fb:{big}:lock:u'))) await new Promise((done) => setTimeout(done, 2));
  await admin.set('fb:{big}:lock:u', 'someone-else', 'PX', 60_000);
  const r = await running;
  assert.equal(r.status, 409, JSON.stringify(r.body));
  assert.match(r.body.error.message, /lost its lock/);
  assert.equal(await admin.hget('fb:{big}:live', 'u'), live);
  assert.equal(await admin.get('fb:{big}:lock:u'), 'someone-else', 'the other holder keeps it');
  await admin.del('fb:{big}:lock:u');
});

test('serve with an invalid token and --redis exits 1 at once, before opening Redis connections', async () => {
  const root = new URL('../..', import.meta.url).pathname;
  const t0 = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve', '--port', '0', '--redis', redis.url, '--data-root', data.dir], {
    cwd: root,
    env: { ...process.env, FEATUREBOOK_TOKEN: 'not a token!' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  // Connections of this file's own app are there already; any other one named featurebook* is the child's.
  const ids = async () => new Set(String(await admin.client('LIST')).split('\n').filter((l) => / name=featurebook/.test(l)).map((l) => /^id=(\d+)/.exec(l)![1]!));
  const mine = await ids();
  let opened = false;
  const watch = setInterval(() => {
    ids().then((now) => (opened ||= [...now].some((id) => !mine.has(id))), () => {});
  }, 20);
  const code = await new Promise<number | null>((done) => {
    const t = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (c) => {
      clearTimeout(t);
      done(c);
    });
  });
  clearInterval(watch);
  assert.equal(code, 1, `exit code (stderr: ${err})`);
  assert.ok(Date.now() - t0 < 15_000, `took ${Date.now() - t0} ms`);
  assert.match(err, /FEATUREBOOK_TOKEN may only hold letters, digits/);
  assert.doesNotMatch(err, /\n\s+at /);
  assert.equal(opened, false, 'no Redis connection was opened');
});
