/**
 * Training and serving agree (semantics rule 9), as a property: for random
 * events and a random time T, what /v1/features serves after materializing
 * as of T equals, cell by cell, the training set built for a spine of every
 * (key, T) — with refresh set aside, as rule 9 says.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import type { ProjectPlan } from '../../src/compile/plan.js';
import { buildTrainingSet } from '../../src/training-set.js';
import { RedisHarness } from './redis-harness.js';
import { DataDir, post } from './helpers.js';

const BASE = Date.UTC(2024, 2, 1);
const HOUR = 3600_000;
const USERS = ['u0', 'u1', 'u2', 'u3'];
const SHOPS = ['s0', 's1'];

const SOURCE = `project parity
source ev { path "ev.csv" timestamp ts available avail }
source ev2 { path "ev2.csv" timestamp ts }
source spine { path "spine.csv" timestamp t }
entity user { key user_id }
entity pair { key user_id, shop }

features a on ev by user {
  n      = count()
  n_amt  = count(amount) over 2d
  s_1d   = sum(amount) over 1d
  avg_3d = avg(amount) over 3d where amount > 0
  mn     = min(amount) over 7d
  mx     = max(amount)
  cd     = count_distinct(cat) over 7d
  fst    = first(cat)
  lst    = last(cat)
  sd     = stddev(amount) over 5d
  ratio  = s_1d / n
  ttl 6d
}

features b on ev2 by user {
  k = count() over 12h
  v = variance(amount)
  last_seen = last(ts)
  refresh every 1d delay 2h
}

features c on ev2 by pair {
  pn = count()
  ps = sum(amount) over 2d
}

training_set s { spine spine features a.*, b.*, c.* }
`;

interface Event {
  user: string;
  shop: string;
  hour: number;
  delay: number;
  amount: number | null;
  cat: string | null;
}

const ts = (hour: number) => new Date(BASE + hour * HOUR).toISOString().replace('T', ' ').replace('.000Z', '');

/** Writes both event files; an anchor row long before keeps every column's type inferable. */
function writeEvents(data: DataDir, ev: Event[], ev2: Event[]) {
  const anchor: Event = { user: 'u0', shop: 's0', hour: -24 * 30, delay: 0, amount: 1, cat: 'a' };
  const csv = (rows: Event[], avail: boolean) =>
    [
      `user_id,shop,ts,${avail ? 'avail,' : ''}amount,cat`,
      ...[anchor, ...rows].map((e) => `${e.user},${e.shop},${ts(e.hour)},${avail ? ts(e.hour + e.delay) + ',' : ''}${e.amount ?? ''},${e.cat ?? ''}`),
    ].join('\n') + '\n';
  data.write('ev.csv', csv(ev, true));
  data.write('ev2.csv', csv(ev2, false));
}

let redis: RedisHarness;
let data: DataDir;
let fb: FeaturebookApp;
let plan: ProjectPlan;

before(async () => {
  redis = await RedisHarness.start();
  data = new DataDir();
  writeEvents(data, [], []);
  data.write('spine.csv', `user_id,shop,t\nu0,s0,${ts(0)}\n`);
  fb = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: 'tok', threads: 1, log: () => {} });
  const p = await post(fb.app, '/v1/publish', { source: SOURCE }, { token: 'tok' });
  assert.equal(p.status, 201, JSON.stringify(p.body));
  plan = (await fb.ctx.registry!.current('parity'))!.plan;
});
after(async () => {
  await fb?.close();
  await redis?.cleanup();
  data?.cleanup();
});

const event = fc.record({
  user: fc.constantFrom(...USERS),
  shop: fc.constantFrom(...SHOPS),
  // Whole hours over ten days: ties are common, on purpose (rule 5).
  hour: fc.integer({ min: 0, max: 240 }),
  delay: fc.integer({ min: 0, max: 48 }),
  amount: fc.option(fc.integer({ min: -5, max: 20 }), { freq: 5 }),
  cat: fc.option(fc.constantFrom('a', 'b', 'c'), { freq: 5 }),
});

function same(served: unknown, trained: unknown): boolean {
  const t = trained instanceof Date ? trained.toISOString() : trained;
  if (typeof served === 'number' && typeof t === 'number' && !(Number.isInteger(served) && Number.isInteger(t))) {
    // Floating sums may differ in the last digits with summation order (window vs join strategy).
    return Math.abs(served - t) <= 1e-9 * Math.max(1, Math.abs(served), Math.abs(t));
  }
  return served === t;
}

test('serving equals training for a spine at the materialization time', async () => {
  // Rule 9: materialization ignores refresh, so compare with the plan without it.
  const asOfPlan = structuredClone(plan);
  for (const v of asOfPlan.views) delete v.refresh;
  const features = asOfPlan.views.flatMap((v) => v.features.map((f) => `${v.name}.${f.name}`));
  let compared = 0;
  let present = 0;

  await fc.assert(
    fc.asyncProperty(fc.array(event, { maxLength: 40 }), fc.array(event, { maxLength: 30 }), fc.integer({ min: 0, max: 264 }), fc.integer({ min: 0, max: 59 }), async (ev, ev2, hour, minute) => {
      writeEvents(data, ev, ev2);
      const T = BASE + hour * HOUR + minute * 60_000;
      const pairs = USERS.flatMap((u) => SHOPS.map((s) => ({ user_id: u, shop: s })));
      data.write('spine.csv', ['user_id,shop,t', ...pairs.map((p) => `${p.user_id},${p.shop},${new Date(T).toISOString().replace('T', ' ').replace('Z', '')}`)].join('\n') + '\n');

      const m = await post(fb.app, '/v1/materialize', { project: 'parity', as_of: T }, { token: 'tok' });
      assert.equal(m.status, 200, JSON.stringify(m.body));
      const served = await post(fb.app, '/v1/features', { project: 'parity', features: features.map((f) => f.split('.')[0] + '.*').filter((x, i, a) => a.indexOf(x) === i), entities: pairs });
      assert.equal(served.status, 200, JSON.stringify(served.body));
      assert.deepEqual(served.body.features, features);
      const trained = await buildTrainingSet(fb.ctx.engine, asOfPlan, 's');
      assert.equal(trained.rows.length, pairs.length);

      // Which keys have a visible row at T, per view (rule 1: available strictly before T).
      const visible = (rows: Event[], avail: boolean, key: (e: Event) => string) => {
        const s = new Set<string>(['u0', 'u0|s0']);
        for (const e of rows) if (BASE + (e.hour + (avail ? e.delay : 0)) * HOUR < T) s.add(key(e));
        return s;
      };
      const seenA = visible(ev, true, (e) => e.user);
      const seenB = visible(ev2, false, (e) => e.user);
      const seenC = visible(ev2, false, (e) => `${e.user}|${e.shop}`);

      pairs.forEach((p, j) => {
        const row = served.body.rows[j];
        const t = trained.rows[j]!;
        assert.equal(t.user_id, p.user_id);
        assert.equal(t.shop, p.shop);
        const expectMissing = [
          ...(seenA.has(p.user_id) ? [] : ['a']),
          ...(seenB.has(p.user_id) ? [] : ['b']),
          ...(seenC.has(`${p.user_id}|${p.shop}`) ? [] : ['c']),
        ];
        assert.deepEqual(row.missing ?? [], expectMissing, `missing views for ${JSON.stringify(p)}`);
        features.forEach((f, i) => {
          const view = f.split('.')[0]!;
          if (expectMissing.includes(view)) {
            assert.equal(row.values[i], null);
            assert.equal(row.as_of[view], null);
            return;
          }
          assert.equal(row.as_of[view], new Date(T).toISOString());
          const col = f.replace('.', '__');
          assert.ok(same(row.values[i], t[col]), `${f} for ${JSON.stringify(p)} at ${new Date(T).toISOString()}: served ${JSON.stringify(row.values[i])}, training set ${JSON.stringify(t[col])}`);
          compared++;
          if (row.values[i] !== null) present++;
        });
      });
    }),
    { numRuns: 30, seed: 20240301, endOnFailure: true },
  );
  assert.ok(compared > 500 && present > 200, `compared ${compared} cells, ${present} non-null`);
});
