/**
 * GET /v1/drift/:project/:monitor on a real redis-server and real DuckDB:
 * prediction-log entries are written with XADD in the documented format
 * (independently of /v1/predict), and the answer must equal the library's
 * drift of the same rows against the same reference. Features no model logs
 * are reported as not available; the frozen reference summary is stored per
 * version; bad input gets 4xx JSON.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { generateFraudData } from '../../examples/fraud/generate.js';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import { Keys } from '../../server/redis/index.js';
import { frozenKey } from '../../server/drift/index.js';
import { NodeEngine } from '../../src/engine/node.js';
import { loadProject } from '../../src/project.js';
import { computeDrift, type DriftReport } from '../../src/drift/compute.js';
import { prepareMonitor } from '../../src/drift/monitor.js';
import { RedisHarness } from './redis-harness.js';
import { DataDir, get, post, TOKEN } from './helpers.js';

const root = new URL('../..', import.meta.url).pathname;
const LOGGED = ['user_spend.spend_7d', 'user_spend.txn_count_1h', 'user_spend.countries_7d', 'merchant_risk.chargebacks_90d'];

let redis: RedisHarness;
let client: Redis;
let data: DataDir;
let fb: FeaturebookApp;
let source: string;
let expected: DriftReport;

before(async () => {
  redis = await RedisHarness.start();
  client = new Redis(redis.url, { lazyConnect: false, maxRetriesPerRequest: 1 });
  data = new DataDir();
  await generateFraudData({ users: 400, seed: 5, outDir: join(data.dir, 'fraud/data') });
  source = readFileSync(join(root, 'examples/fraud/fraud.fdl'), 'utf8');
  data.write('fraud/fraud.fdl', source);
  fb = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: TOKEN, threads: 2, log: () => {} });
  const p = await post(fb.app, '/v1/publish', { source, path: 'fraud/fraud.fdl' });
  assert.equal(p.status, 201, JSON.stringify(p.body));

  // The validation and test rows of the training set, logged as a model would log them.
  const engine = await NodeEngine.create({ threads: 2 });
  const file = join(data.dir, 'fraud/fraud.fdl');
  const project = await loadProject(source, { file, engine });
  const run = await prepareMonitor(engine, project.plan!, 'fraud_drift');
  const rows = (await engine.query(`SELECT * FROM __fb_drift_set WHERE split <> 'train' ORDER BY label_ts, user_id, merchant_id`)).rows;
  const key = new Keys().predlog('fraud', 'fraud_lr');
  const pipe = client.pipeline();
  for (const r of rows) {
    const features = Object.fromEntries(LOGGED.map((f) => [f, r[f.replace('.', '__')] ?? null]));
    pipe.xadd(key, 'MAXLEN', '~', 100000, '*', 'ts', (r.label_ts as Date).toISOString(), 'entity', JSON.stringify({ user_id: r.user_id, merchant_id: r.merchant_id }), 'features', JSON.stringify(features), 'score', '0.25', 'model_version', 'abc', 'as_of', '{}');
  }
  pipe.xadd(key, '*', 'ts', 'not a time', 'features', '{}');
  pipe.xadd(key, '*', 'ts', '2024-07-01T00:00:00Z', 'features', '{broken');
  await pipe.exec();

  // The same rows through the library: the features that are logged, against the same reference.
  const logged = run.features.filter((f) => LOGGED.includes(f.feature));
  expected = await computeDrift(engine, {
    monitor: 'fraud_drift',
    features: logged,
    reference: run.reference,
    current: `(SELECT * FROM __fb_drift_set WHERE split <> 'train')`,
    time: run.time,
    everyMs: run.monitor.everyMs!,
    bins: run.monitor.bins,
    thresholds: run.monitor.thresholds,
    permutations: 0,
  });
  await engine.close();
});
after(async () => {
  client?.disconnect();
  await fb?.close();
  await redis?.cleanup();
  data?.cleanup();
});

describe('GET /v1/drift/:project/:monitor', () => {
  let body: any;
  before(async () => {
    const r = await get(fb.app, '/v1/drift/fraud/fraud_drift?permutations=0');
    assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 500));
    body = r.body;
  });

  test('equals the library on the logged rows; unlogged features are listed as not available', () => {
    assert.equal(body.project, 'fraud');
    assert.equal(body.monitor, 'fraud_drift');
    assert.match(body.version, /^[0-9a-f]{64}$/);
    assert.equal(body.log.skipped, 2);
    assert.equal(body.log.entries, expected.current.rows);
    assert.deepEqual(body.log.models.map((m: { model: string }) => m.model), ['fraud_lr']);
    assert.equal(body.reference.rows, expected.reference.rows);
    assert.deepEqual(body.windows.map((w: DriftReport['windows'][number]) => [w.start, w.rows]), expected.windows.map((w) => [w.start, w.rows]));
    body.windows.forEach((w: DriftReport['windows'][number], i: number) => {
      assert.deepEqual(w.features.map((f) => f.feature), ['user_spend.txn_count_1h', 'user_spend.spend_7d', 'user_spend.countries_7d']);
      w.features.forEach((f, j) => {
        const e = expected.windows[i]!.features[j]!;
        for (const k of ['psi', 'ks', 'ks_pvalue', 'mean_shift', 'null_rate_current'] as const) {
          const a = f[k];
          const b = e[k];
          assert.ok(a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9), `${w.start} ${f.feature} ${k}: ${a} vs ${b}`);
        }
        assert.equal(f.status, e.status);
      });
    });
    const na = body.not_available.map((x: { feature: string }) => x.feature);
    assert.equal(na.length, 14);
    assert.ok(na.includes('user_spend.last_country') && !na.includes('user_spend.spend_7d'));
    assert.match(body.not_available[0].reason, /not in the prediction log of any model of fraud \(fraud_lr\)/);
  });

  test('the reference summary is frozen in Redis for the published version', async () => {
    const stored = await client.get(frozenKey(new Keys(), 'fraud', 'fraud_drift', body.version));
    assert.ok(stored);
    const frozen = JSON.parse(stored);
    const spend = frozen.features.find((f: { feature: string }) => f.feature === 'user_spend.spend_7d');
    assert.equal(spend.edges.length, 9);
    assert.deepEqual(spend.edges, body.features.find((f: { feature: string }) => f.feature === 'user_spend.spend_7d').edges);
    assert.equal(frozen.features.length, 17, 'every monitored feature is frozen, logged or not');
  });

  test('from/to select log entries by ts; permutations give the no-drift values', async () => {
    const r = await get(fb.app, '/v1/drift/fraud/fraud_drift?from=2024-07-04&to=2024-08-01&permutations=5');
    assert.equal(r.status, 200);
    assert.ok(r.body.windows.length >= 4 && r.body.windows.length <= 5);
    assert.ok(r.body.windows.every((w: { start: string; end: string }) => Date.parse(w.end) > Date.UTC(2024, 6, 4) && Date.parse(w.start) < Date.UTC(2024, 7, 1)));
    const f = r.body.windows[1].features[1];
    assert.ok(f.psi_expected > 0 && f.ks_expected > 0, JSON.stringify(f));
  });

  test('the log is read a page at a time and never past FEATUREBOOK_DRIFT_LOG_BYTES', async () => {
    const all = body.log.models[0].entries;
    assert.ok(body.log.bytes > 0 && body.log.truncated === undefined, JSON.stringify(body.log));
    process.env.FEATUREBOOK_DRIFT_LOG_BYTES = String(Math.floor(body.log.bytes / 3));
    try {
      const r = await get(fb.app, '/v1/drift/fraud/fraud_drift?permutations=0');
      assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 300));
      assert.ok(r.body.log.bytes <= body.log.bytes / 3 + 1, JSON.stringify(r.body.log));
      assert.ok(r.body.log.models[0].entries > 0 && r.body.log.models[0].entries < all / 2, JSON.stringify(r.body.log));
      assert.match(r.body.log.truncated, /FEATUREBOOK_DRIFT_LOG_BYTES/);
    } finally {
      delete process.env.FEATUREBOOK_DRIFT_LOG_BYTES;
    }
    // A limit is honoured across pages: more entries than one page, newest first.
    const r = await get(fb.app, `/v1/drift/fraud/fraud_drift?permutations=0&limit=${all - 1}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.log.models[0].entries, all - 1);
  });
});

describe('bad input', () => {
  test('4xx JSON, never a 500', async () => {
    const cases: [string, number, RegExp][] = [
      ['/v1/drift/nope/fraud_drift', 404, /project 'nope' has not been published/],
      ['/v1/drift/fraud/fraud_drif', 404, /no monitor named 'fraud_drif' \(did you mean 'fraud_drift'\?\)/],
      ['/v1/drift/fraud/a-b', 400, /not a monitor name/],
      ["/v1/drift/fr'aud/x", 400, /not a project name/],
      ['/v1/drift/fraud/fraud_drift?from=yesterday', 400, /not a time/],
      ['/v1/drift/fraud/fraud_drift?from=2024-08-01&to=2024-07-01', 400, /from must be before to/],
      ['/v1/drift/fraud/fraud_drift?permutations=1000', 400, /permutations must be a whole number from 0 to 100/],
      ['/v1/drift/fraud/fraud_drift?limit=0', 400, /limit/],
    ];
    for (const [path, status, message] of cases) {
      const r = await get(fb.app, path);
      assert.equal(r.status, status, `${path}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.error.message, message, path);
    }
  });

  test('a project whose models log nothing: no windows, every feature not available', async () => {
    const other = source.replace('project fraud', 'project quiet');
    data.write('quiet/fraud.fdl', other);
    const p = await post(fb.app, '/v1/publish', { source: other, path: 'fraud/quiet.fdl' });
    assert.equal(p.status, 201, JSON.stringify(p.body));
    const r = await get(fb.app, '/v1/drift/quiet/fraud_drift?permutations=0');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.windows, []);
    assert.equal(r.body.not_available.length, 17);
  });

  test('without Redis: 503', async () => {
    const bare = await createApp({ dataRoot: data.dir, redisUrl: undefined, log: () => {} });
    try {
      const r = await get(bare.app, '/v1/drift/fraud/fraud_drift');
      assert.equal(r.status, 503);
      assert.equal(r.body.error.code, 'redis_not_configured');
    } finally {
      await bare.close();
    }
  });
});
