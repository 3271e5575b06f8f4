/**
 * Redis faults under bounded load: `kill -9` and a restart without
 * persistence (every key lost, generation numbers handed out again from 1),
 * and `CLIENT PAUSE` (Redis hangs). Readers count every answer: 200s with
 * the right values, 503s, 404s, and anything else — wrong values and other
 * 5xx must stay at zero.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import { connect } from '../../server/redis/index.js';
import { RedisHarness } from '../server/redis-harness.js';
import { DataDir, eventually, get, post } from '../server/helpers.js';
import { scale } from './scale.js';

const TOKEN = 'tok';
const SOURCE = (order: 'count-first' | 'spend-first') => `project shop
source tx { path "tx.csv" timestamp ts }
entity user { key user_id }
features user_spend on tx by user {
${order === 'count-first' ? '  txn_count_24h = count() over 24h\n  spend_7d = sum(amount) over 7d' : '  spend_7d = sum(amount) over 7d\n  txn_count_24h = count() over 24h'}
}
`;

let redis: RedisHarness;
let data: DataDir;
let fb: FeaturebookApp;

before(async () => {
  redis = await RedisHarness.start();
  data = new DataDir();
  data.write(
    'tx.csv',
    ['user_id,ts,amount', 'u1,2024-01-01 00:00:00,10', 'u1,2024-01-02 12:00:00,20', 'u1,2024-01-04 10:00:00,5', 'u1,2024-01-04 20:00:00,7', 'u2,2024-01-02 06:00:00,3'].join('\n') + '\n',
  );
  fb = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: () => {} });
});
after(async () => {
  await fb?.close();
  await redis?.cleanup();
  data?.cleanup();
});

const publish = (order: 'count-first' | 'spend-first') => post(fb.app, '/v1/publish', { source: SOURCE(order) }, { token: TOKEN });
const materialize = (as_of: string) => post(fb.app, '/v1/materialize', { project: 'shop', view: 'user_spend', as_of }, { token: TOKEN });
const read = () => post(fb.app, '/v1/features', { project: 'shop', features: ['user_spend.txn_count_24h', 'user_spend.spend_7d'], entities: [{ user_id: 'u1' }] });
const backUp = () => eventually(async () => (await get(fb.app, '/health')).body.redis === 'up', 10_000, 'Redis to be back');

test('after Redis lost its data, a reused generation number is never decoded with old metadata', async () => {
  assert.ok([200, 201].includes((await publish('count-first')).status));
  const m1 = await materialize('2024-01-03');
  assert.equal(m1.status, 200, JSON.stringify(m1.body));
  assert.equal(m1.body.views[0].generation, 1);
  const r1 = await read();
  assert.deepEqual(r1.body.rows[0].values, [1, 30]);
  assert.equal(r1.body.rows[0].as_of.user_spend, '2024-01-03T00:00:00.000Z');

  await redis.kill();
  await redis.start(); // same port, empty
  await backUp();
  const p = await publish('spend-first');
  assert.equal(p.status, 201, JSON.stringify(p.body));
  const m2 = await materialize('2024-01-05');
  assert.equal(m2.status, 200, JSON.stringify(m2.body));
  assert.equal(m2.body.views[0].generation, 1, 'the counter started again: the same number as before');

  const r2 = await read();
  assert.equal(r2.status, 200);
  assert.deepEqual(r2.body.rows[0].values, [2, 42], 'txn_count_24h, spend_7d as of 2024-01-05 (not swapped, not the old ones)');
  assert.equal(r2.body.rows[0].as_of.user_spend, '2024-01-05T00:00:00.000Z');

  // The same answer as a freshly started server's.
  const fresh = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: () => {} });
  try {
    const r3 = await post(fresh.app, '/v1/features', { project: 'shop', features: ['user_spend.txn_count_24h', 'user_spend.spend_7d'], entities: [{ user_id: 'u1' }] });
    assert.deepEqual(r3.body.rows, r2.body.rows);
  } finally {
    await fresh.close();
  }

  // A lost counter (evicted, deleted) never hands out the live generation's number again.
  await fb.ctx.redis!.main.del('fb:{shop}:gen-counter');
  const m3 = await materialize('2024-01-05');
  assert.equal(m3.body.views[0].generation, 2);
  assert.deepEqual((await read()).body.rows[0].values, [2, 42]);
});

test('readers during kill -9, restart and CLIENT PAUSE: 503s, 404s and misses, never a wrong value or another 5xx', async (t) => {
  const rounds = scale(1, 4);
  const counts = { ok: 0, unavailable: 0, unpublished: 0, unmaterialized: 0, wrong: 0, other: 0 };
  const others: string[] = [];
  // Each round publishes the block with its features in the other order, so stale metadata would swap values.
  let order: 'count-first' | 'spend-first' = 'count-first';
  const ready = async () => {
    await backUp();
    assert.ok([200, 201].includes((await publish(order)).status));
    assert.equal((await materialize('2024-01-05')).status, 200);
  };
  await ready();
  let stop = false;
  const reader = async () => {
    while (!stop) {
      const r = await read();
      if (r.status === 200) {
        const row = r.body.rows[0];
        if (JSON.stringify(row.values) === '[2,42]' && row.as_of.user_spend === '2024-01-05T00:00:00.000Z') counts.ok++;
        // Published again, not materialized yet.
        else if (JSON.stringify(row) === '{"values":[null,null],"as_of":{"user_spend":null},"missing":["user_spend"]}') counts.unmaterialized++;
        else {
          counts.wrong++;
          others.push(JSON.stringify(row));
        }
      } else if (r.status === 503 && r.body.error?.code === 'redis_unavailable') counts.unavailable++;
      else if (r.status === 404 && r.body.error?.code === 'not_found') counts.unpublished++;
      else {
        counts.other++;
        others.push(`${r.status} ${JSON.stringify(r.body)}`);
      }
      await new Promise((done) => setTimeout(done, 2));
    }
  };
  const readers = Array.from({ length: 4 }, reader);
  const admin = connect(redis.url, { name: 'test-admin' });
  try {
    for (let i = 0; i < rounds; i++) {
      await new Promise((done) => setTimeout(done, 100));
      await redis.kill();
      await new Promise((done) => setTimeout(done, 200));
      await redis.start();
      order = order === 'count-first' ? 'spend-first' : 'count-first';
      await ready();
      await eventually(async () => admin.status === 'ready', 10_000, 'the admin connection');
      await admin.call('CLIENT', 'PAUSE', '800', 'ALL');
      await new Promise((done) => setTimeout(done, 900));
    }
    await new Promise((done) => setTimeout(done, 100));
  } finally {
    stop = true;
    await Promise.all(readers);
    admin.disconnect();
  }
  t.diagnostic(`answers: ${JSON.stringify(counts)}`);
  assert.deepEqual(others.slice(0, 5), []);
  assert.equal(counts.wrong, 0);
  assert.equal(counts.other, 0);
  assert.ok(counts.ok > 0 && counts.unavailable + counts.unpublished > 0, JSON.stringify(counts));
  assert.deepEqual((await read()).body.rows[0].values, [2, 42]);
});

test('/health says "down" within about a second while Redis hangs (CLIENT PAUSE), "up" after', async () => {
  await backUp();
  const admin = connect(redis.url, { name: 'test-admin' });
  try {
    await eventually(async () => admin.status === 'ready', 5000, 'the admin connection');
    await admin.call('CLIENT', 'PAUSE', '2500', 'ALL');
    const t0 = Date.now();
    const [h1, h2] = await Promise.all([get(fb.app, '/health'), get(fb.app, '/health')]);
    const took = Date.now() - t0;
    for (const h of [h1, h2]) {
      assert.equal(h.status, 200);
      assert.equal(h.body.redis, 'down');
      assert.equal(h.body.status, 'degraded');
    }
    assert.ok(took >= 900 && took < 2000, `answered in ${took} ms`);
    await eventually(async () => (await get(fb.app, '/health')).body.redis === 'up', 5000, 'Redis to answer again');
  } finally {
    admin.disconnect();
  }
});
