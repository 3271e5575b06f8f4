/**
 * What materialize refuses: an `as_of` that is not a whole epoch ms or an
 * ISO time between 1970-01-01 and 9999-12-31 (400 naming `as_of`, never SQL
 * text), and flipping a live generation that has entities to one without
 * (409 `empty_generation`) unless forced — over HTTP and on the command line.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import { runMaterialize } from '../../server/commands.js';
import { RedisHarness } from './redis-harness.js';
import { DEMO, DataDir, post, TOKEN, writeDemoData } from './helpers.js';

let redis: RedisHarness;
let data: DataDir;
let fb: FeaturebookApp;
let file: string;

before(async () => {
  redis = await RedisHarness.start();
  data = new DataDir();
  writeDemoData(data);
  file = data.write('demo.fdl', DEMO);
  fb = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: () => {} });
  assert.equal((await post(fb.app, '/v1/publish', { source: DEMO, path: 'demo.fdl' })).status, 201);
});
after(async () => {
  await fb?.close();
  await redis?.cleanup();
  data?.cleanup();
});

const materialize = (body: Record<string, unknown>) => post(fb.app, '/v1/materialize', { project: 'demo', view: 'user_spend', ...body });
const read = () => post(fb.app, '/v1/features', { project: 'demo', features: ['user_spend.n'], entities: [{ user_id: 'u1' }] });

test('as_of out of range, fractional or not a time: 400 naming as_of with a clear message', async () => {
  for (const [as_of, message] of [
    [1e20, /100000000000000000000 is out of range: as_of must be from 1970-01-01 to 9999-12-31/],
    [-1e15, /-1000000000000000 is out of range/],
    [-1, /out of range/],
    [253402300800000, /out of range/],
    [1.5, /1\.5 is not whole epoch milliseconds/],
    ['1969-12-31', /'1969-12-31' is out of range/],
    ['99999999999999999999', /out of range/],
    ['2024-02-30', /'2024-02-30' is not a time/],
    ['soon', /'soon' is not a time: use e\.g\. 2024-06-01/],
  ] as const) {
    const r = await materialize({ as_of });
    assert.equal(r.status, 400, `${as_of}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error.code, 'invalid_body');
    assert.equal(r.body.error.field, 'as_of');
    assert.match(r.body.error.message, message);
    assert.doesNotMatch(r.body.error.message, /NaN|SELECT|TIMESTAMP/);
  }
  assert.equal(await fb.ctx.redis!.main.exists('fb:{demo}:live'), 0, 'nothing was materialized');
  // The edges and the other spellings are accepted.
  for (const as_of of [Date.UTC(2024, 0, 5), String(Date.UTC(2024, 0, 5)), '2024-01-05', '2024-01-05T00:00:00+00:00', '9999-12-31T23:59:59.999Z']) {
    const r = await materialize({ as_of });
    assert.equal(r.status, 200, `${as_of}: ${JSON.stringify(r.body)}`);
  }
});

test('no entities while the live generation has some: 409 empty_generation, live kept; force flips', async () => {
  assert.equal((await materialize({ as_of: '2024-01-05' })).status, 200);
  const live = await fb.ctx.redis!.main.hget('fb:{demo}:live', 'user_spend');
  for (const body of [{ as_of: 0 }, { as_of: '2023-01-01' }, { as_of: '2023-01-01', incremental: true }]) {
    const r = await materialize(body);
    assert.equal(r.status, 409, `${JSON.stringify(body)}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error.code, 'empty_generation');
    assert.equal(r.body.error.field, 'as_of');
    assert.match(r.body.error.message, /found no entities, while the live generation \(as of 2024-01-05T00:00:00\.000Z\) holds 2; it stays live/);
    assert.match(r.body.error.details.hint, /"force": true/);
    assert.deepEqual((await read()).body.rows[0].values, [3]);
  }
  assert.equal(await fb.ctx.redis!.main.hget('fb:{demo}:live', 'user_spend'), live);
  assert.deepEqual(await fb.ctx.redis!.main.keys('fb:{demo}:gen:user_spend:*'), [`fb:{demo}:gen:user_spend:${live!.split('.')[0]}`]);

  const forced = await materialize({ as_of: '2023-01-01', force: true });
  assert.equal(forced.status, 200, JSON.stringify(forced.body));
  assert.equal(forced.body.views[0].entities, 0);
  assert.deepEqual((await read()).body.rows[0].missing, ['user_spend']);
  // Empty to empty needs no force.
  assert.equal((await materialize({ as_of: '2023-01-02' })).status, 200);
});

test('featurebook materialize: --as-of checked the same way; --force for an empty generation', async () => {
  const cli = (...args: string[]) => runMaterialize([file, '--view', 'user_spend', '--redis', redis.url, ...args]);
  assert.equal(await cli('--as-of', '1e20'), 2);
  assert.equal(await cli('--as-of=-1000000000000000'), 2);
  assert.equal(await cli('--as-of', '1.5'), 2);
  assert.equal(await cli('--as-of', '2024-01-05'), 0);
  assert.equal(await cli('--as-of', '2023-01-01'), 1);
  assert.deepEqual((await read()).body.rows[0].values, [3]);
  assert.equal(await cli('--as-of', '2023-01-01', '--force'), 0);
});
