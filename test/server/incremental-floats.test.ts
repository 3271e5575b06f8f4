/**
 * Incremental materialization at an unchanged as_of rewrites nothing, even
 * for float aggregates whose last digits differ between runs (DuckDB sums in
 * parallel, in no fixed order): packed values are compared with a tolerance.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import { samePacked } from '../../server/online-store/codec.js';
import { RedisHarness } from './redis-harness.js';
import { DataDir, post } from './helpers.js';
import { scale } from '../resilience/scale.js';

const USERS = scale(5000, 20_000);
const EVENTS = 40;
const SOURCE = `project floats
source ev { path "ev.csv" timestamp ts }
entity user { key user_id }
features u on ev by user {
  total = sum(amount)
  mean_7d = avg(amount) over 7d
  sd = stddev(amount)
  n = count()
}
`;

let redis: RedisHarness;
let data: DataDir;
let fb: FeaturebookApp;

before(async () => {
  redis = await RedisHarness.start();
  data = new DataDir();
  const lines = ['user_id,ts,amount'];
  let x = 1;
  const r = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const two = (n: number) => String(n).padStart(2, '0');
  for (let i = 0; i < USERS; i++) for (let j = 0; j < EVENTS; j++) lines.push(`u${i},2024-01-0${1 + (j % 7)} ${two(j % 24)}:${two(j % 60)}:00,${(r() * 1000).toFixed(6)}`);
  data.write('ev.csv', lines.join('\n') + '\n');
  // Several threads: that is what makes float sums come out in a different order between runs.
  fb = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: 'tok', threads: 4, log: () => {} });
  assert.equal((await post(fb.app, '/v1/publish', { source: SOURCE }, { token: 'tok' })).status, 201);
});
after(async () => {
  await fb?.close();
  await redis?.cleanup();
  data?.cleanup();
});

test('samePacked: numbers within 1e-9 relative are the same; anything else differs', () => {
  assert.ok(samePacked('[0.30000000000000004,1,"a",null]', '[0.3,1,"a",null]'));
  assert.ok(samePacked('[123456.78901234567]', '[123456.78901234569]'));
  assert.ok(samePacked('[1e-17]', '[0]'), 'noise around zero');
  assert.ok(!samePacked('[1.000001]', '[1]'));
  assert.ok(!samePacked('[0.001]', '[0]'));
  assert.ok(!samePacked('[1,2]', '[1]'));
  assert.ok(!samePacked('["1"]', '[1]'));
  assert.ok(!samePacked('[null]', '[0]'));
  assert.ok(!samePacked('["NaN"]', '[0]'));
  assert.ok(!samePacked('[true]', '[1]'));
});

test(`incremental at an unchanged as_of rewrites 0 of ${USERS} entities with float aggregates`, async () => {
  const m = (incremental: boolean) => post(fb.app, '/v1/materialize', { project: 'floats', as_of: '2024-01-09', incremental }, { token: 'tok' });
  const full = await m(false);
  assert.equal(full.status, 200, JSON.stringify(full.body));
  assert.equal(full.body.views[0].entities, USERS);
  for (let i = 0; i < 2; i++) {
    const inc = await m(true);
    assert.equal(inc.status, 200);
    assert.equal(inc.body.views[0].mode, 'incremental');
    assert.equal(inc.body.views[0].changed, 0);
    assert.equal(inc.body.views[0].removed, 0);
  }
  // A real change is still seen.
  const later = await post(fb.app, '/v1/materialize', { project: 'floats', as_of: '2024-01-06', incremental: true }, { token: 'tok' });
  assert.equal(later.body.views[0].changed, USERS);
});
