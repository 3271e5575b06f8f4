/**
 * The online store under load: readers hammering /v1/features during full
 * materializations never see two generations mixed; incremental runs
 * rewrite only what changed; one materialization per view at a time.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import { Keys } from '../../server/redis/index.js';
import { RedisHarness } from './redis-harness.js';
import { DataDir, post } from './helpers.js';

const USERS = 20_000;
const day = (d: number) => `2024-01-0${d} 00:00:00`;

let redis: RedisHarness;
let data: DataDir;
let fb: FeaturebookApp;

/** Every user has an event on day 1 and day 3, so each feature differs between as-of day 2 and day 4. */
function writeEvents(users: number, extra: string[] = []) {
  const lines = ['user_id,ts,amount,tag'];
  for (let i = 0; i < users; i++) {
    lines.push(`u${i},${day(1)},${i % 7},a`);
    lines.push(`u${i},${day(3)},${(i % 5) + 10},b`);
  }
  data.write('ev.csv', [...lines, ...extra].join('\n') + '\n');
}

const SOURCE = `project hammer
source ev { path "ev.csv" timestamp ts }
entity user { key user_id }
features u on ev by user {
  n = count()
  total = sum(amount)
  tag = last(tag)
}
`;

before(async () => {
  redis = await RedisHarness.start();
  data = new DataDir();
  writeEvents(USERS);
  fb = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: 'tok', threads: 1, log: () => {} });
  const p = await post(fb.app, '/v1/publish', { source: SOURCE }, { token: 'tok' });
  assert.equal(p.status, 201);
});
after(async () => {
  await fb?.close();
  await redis?.cleanup();
  data?.cleanup();
});

const materialize = (body: Record<string, unknown>) => post(fb.app, '/v1/materialize', { project: 'hammer', ...body }, { token: 'tok' });

test('readers never see a mix of generations during full materializations', async () => {
  const first = await materialize({ as_of: '2024-01-02' });
  assert.equal(first.status, 200);
  assert.equal(first.body.views[0].entities, USERS);

  let stop = false;
  let materializing = false;
  const seen = { day2: 0, day4: 0, duringWrite: 0 };
  const problems: string[] = [];
  const reader = async (seed: number) => {
    let x = seed;
    while (!stop) {
      const entities = Array.from({ length: 100 }, () => ({ user_id: `u${(x = (x * 1103515245 + 12345) % 2 ** 31) % USERS}` }));
      const during = materializing;
      const r = await post(fb.app, '/v1/features', { project: 'hammer', features: ['u.*'], entities });
      if (r.status !== 200) {
        problems.push(`status ${r.status}: ${JSON.stringify(r.body)}`);
        continue;
      }
      const asOf = new Set(r.body.rows.map((row: { as_of: { u: string } }) => row.as_of.u));
      const n = new Set(r.body.rows.map((row: { values: number[] }) => row.values[0]));
      const tags = new Set(r.body.rows.map((row: { values: unknown[] }) => row.values[2]));
      if (asOf.size !== 1 || n.size !== 1 || tags.size !== 1) {
        problems.push(`mixed answer: as_of ${[...asOf]}, n ${[...n]}, tag ${[...tags]}`);
        continue;
      }
      const [a] = [...asOf] as string[];
      const [count] = [...n] as number[];
      if ((a!.startsWith('2024-01-02') && count !== 1) || (a!.startsWith('2024-01-04') && count !== 2)) problems.push(`as_of ${a} with n ${count}`);
      if (a!.startsWith('2024-01-02')) seen.day2++;
      else seen.day4++;
      if (during && materializing) seen.duringWrite++;
    }
  };
  const readers = [1, 2, 3, 4].map(reader);
  for (const asOf of ['2024-01-04', '2024-01-02', '2024-01-04', '2024-01-02', '2024-01-04']) {
    materializing = true;
    const m = await materialize({ as_of: asOf });
    materializing = false;
    assert.equal(m.status, 200, JSON.stringify(m.body));
    await new Promise((r) => setTimeout(r, 20));
  }
  stop = true;
  await Promise.all(readers);
  assert.deepEqual(problems.slice(0, 5), []);
  assert.ok(seen.day2 > 0 && seen.day4 > 0, JSON.stringify(seen));
  assert.ok(seen.duringWrite > 0, `no read overlapped a materialization: ${JSON.stringify(seen)}`);
  // Only the live generation is left.
  const gens = await fb.ctx.redis!.main.keys(`${new Keys().genPrefix('hammer')}*`);
  assert.equal(gens.length, 1);
});

test('one materialization of a view at a time (409 for the second)', async () => {
  const [a, b] = await Promise.all([materialize({ as_of: '2024-01-04' }), new Promise((r) => setTimeout(r, 5)).then(() => materialize({ as_of: '2024-01-04' }))]);
  const statuses = [a.status, b.status].sort();
  assert.deepEqual(statuses, [200, 409]);
  const refused = a.status === 409 ? a : b;
  assert.equal(refused.body.error.code, 'conflict');
  assert.match(refused.body.error.message, /being materialized already/);
});

test('incremental: rewrites only entities whose values changed, adds new ones, removes gone ones', async () => {
  const full = await materialize({ as_of: '2024-01-04' });
  assert.equal(full.status, 200);
  const gen = full.body.views[0].generation;
  // 50 users get a new event on day 5, one new user appears, u0's rows vanish.
  const extra = Array.from({ length: 50 }, (_, i) => `u${i + 1},2024-01-05 00:00:00,1,c`);
  extra.push('new_user,2024-01-05 00:00:00,3,z');
  writeEvents(USERS, extra);
  const lines = data.write('ev.csv', (await import('node:fs')).readFileSync(`${data.dir}/ev.csv`, 'utf8').split('\n').filter((l) => !l.startsWith('u0,')).join('\n'));
  assert.ok(lines);
  const inc = await materialize({ as_of: '2024-01-06', incremental: true });
  assert.equal(inc.status, 200, JSON.stringify(inc.body));
  const v = inc.body.views[0];
  assert.equal(v.mode, 'incremental');
  assert.equal(v.generation, gen, 'incremental runs keep the live generation');
  assert.equal(v.changed, 51);
  assert.equal(v.removed, 1);
  assert.equal(v.entities, USERS);
  // What is served equals a full materialization at the same time.
  const entities = [{ user_id: 'u0' }, { user_id: 'u1' }, { user_id: 'u50' }, { user_id: 'u51' }, { user_id: 'new_user' }, { user_id: `u${USERS - 1}` }];
  const afterInc = await post(fb.app, '/v1/features', { project: 'hammer', features: ['u.*'], entities });
  const again = await materialize({ as_of: '2024-01-06' });
  assert.equal(again.body.views[0].mode, 'full');
  const afterFull = await post(fb.app, '/v1/features', { project: 'hammer', features: ['u.*'], entities });
  assert.deepEqual(afterInc.body.rows, afterFull.body.rows);
  assert.deepEqual(afterInc.body.rows[1].values, [3, 1 + 11 + 1, 'c']);
  assert.deepEqual(afterInc.body.rows[0].missing, ['u']);
  assert.equal(afterInc.body.rows[1].as_of.u, '2024-01-06T00:00:00.000Z');
  // Nothing changed since: an incremental run writes nothing.
  const idle = await materialize({ as_of: '2024-01-06', incremental: true });
  assert.equal(idle.body.views[0].changed, 0);
  assert.equal(idle.body.views[0].removed, 0);
});

test('incremental without a compatible live generation runs in full and says why', async () => {
  const changed = SOURCE.replace('  tag = last(tag)\n', '  tag = last(tag)\n  mx = max(amount)\n');
  assert.equal((await post(fb.app, '/v1/publish', { source: changed }, { token: 'tok' })).status, 201);
  const r = await materialize({ as_of: '2024-01-06', incremental: true });
  assert.equal(r.body.views[0].mode, 'full');
  assert.match(r.body.views[0].note, /feature block changed/);
});
