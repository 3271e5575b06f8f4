/**
 * Every route of docs/http-api.md through the real app, on real DuckDB and a real
 * redis-server: answers, auth, validation, limits, confinement.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tableFromIPC } from 'apache-arrow';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import { Registry } from '../../server/registry/index.js';
import { Keys } from '../../server/redis/index.js';
import { RedisHarness } from './redis-harness.js';
import { DEMO, DataDir, TOKEN, get, post, writeDemoData } from './helpers.js';

let redis: RedisHarness;
let data: DataDir;
let fb: FeaturebookApp;
const logs: string[] = [];

before(async () => {
  redis = await RedisHarness.start();
  data = new DataDir();
  writeDemoData(data);
  fb = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: (l) => logs.push(l), limits: { bodyBytes: 64 * 1024, entities: 50 } });
});
after(async () => {
  await fb?.close();
  await redis?.cleanup();
  data?.cleanup();
});

describe('health, metrics, unknown routes', () => {
  test('GET /health', async () => {
    const r = await get(fb.app, '/health');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { status: 'ok', redis: 'up', version: r.body.version });
    assert.match(r.body.version, /^\d+\.\d+\.\d+/);
  });

  test('unknown route: JSON 404', async () => {
    const r = await get(fb.app, '/v2/nothing');
    assert.equal(r.status, 404);
    assert.equal(r.body.error.code, 'not_found');
  });

  test('GET /metrics is Prometheus text', async () => {
    await get(fb.app, '/health');
    const r = await fb.app.request('/metrics');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type')!, /^text\/plain; version=0\.0\.4/);
    const text = await r.text();
    assert.match(text, /# TYPE featurebook_http_requests_total counter/);
    assert.match(text, /featurebook_http_requests_total\{route="\/health",method="GET",status="200"\} \d+/);
    assert.match(text, /featurebook_http_request_duration_seconds_bucket\{route="\/health",method="GET",le="\+Inf"\} \d+/);
    assert.match(text, /featurebook_redis_up 1/);
  });
});

describe('check and compile', () => {
  test('POST /v1/check: ok, and diagnostics with positions', async () => {
    const ok = await post(fb.app, '/v1/check', { source: DEMO });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body, { ok: true, diagnostics: [] });
    const bad = await post(fb.app, '/v1/check', { source: DEMO.replace('sum(amount)', 'sum(amout)') });
    assert.equal(bad.status, 200);
    assert.equal(bad.body.ok, false);
    const d = bad.body.diagnostics[0];
    assert.equal(d.severity, 'error');
    assert.equal(typeof d.code, 'string');
    assert.equal(d.line, 11);
    assert.ok(d.column > 0 && d.endLine >= d.line && d.endColumn >= 1);
    assert.match(d.hint ?? '', /amount/);
  });

  test('POST /v1/check: a source outside the data root is a diagnostic, not a read', async () => {
    const r = await post(fb.app, '/v1/check', { source: DEMO.replace('"data/tx.csv"', '"../../../etc/passwd"') });
    assert.equal(r.body.ok, false);
    assert.match(JSON.stringify(r.body.diagnostics), /outside the server's data root/);
    const abs = await post(fb.app, '/v1/check', { source: DEMO.replace('"data/tx.csv"', '"/etc/passwd"') });
    assert.match(JSON.stringify(abs.body.diagnostics), /outside the server's data root/);
  });

  test('POST /v1/compile: every object, one object, unknown object', async () => {
    const all = await post(fb.app, '/v1/compile', { source: DEMO });
    assert.equal(all.status, 200);
    assert.deepEqual(Object.keys(all.body.sql).sort(), ['labels', 'merchant_risk', 'train', 'tx', 'user_spend']);
    assert.match(all.body.sql.train, /^WITH/);
    const one = await post(fb.app, '/v1/compile', { source: DEMO, object: 'user_spend' });
    assert.deepEqual(Object.keys(one.body.sql), ['user_spend']);
    const unknown = await post(fb.app, '/v1/compile', { source: DEMO, object: 'user_spnd' });
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error.message, /did you mean 'user_spend'/);
    const bad = await post(fb.app, '/v1/compile', { source: 'project x\nfeatures' });
    assert.equal(bad.status, 200);
    assert.equal(bad.body.ok, false);
    assert.deepEqual(bad.body.sql, {});
    assert.ok(bad.body.diagnostics.length > 0);
  });
});

describe('training sets', () => {
  test('JSON rows from a source', async () => {
    const r = await post(fb.app, '/v1/training-sets/train', { source: DEMO });
    assert.equal(r.status, 200);
    assert.deepEqual(
      r.body.columns.map((c: { name: string }) => c.name),
      ['user_id', 'merchant_id', 'ts', 'is_fraud', 'user_spend__n', 'user_spend__spend_7d', 'user_spend__last_country', 'merchant_risk__m_n'],
    );
    assert.deepEqual(r.body.rows[0], {
      user_id: 'u1',
      merchant_id: 'm1',
      ts: '2024-01-05T00:00:00.000Z',
      is_fraud: 0,
      user_spend__n: 3,
      user_spend__spend_7d: 35,
      user_spend__last_country: 'FR',
      merchant_risk__m_n: 3,
    });
    assert.equal(r.body.rows.length, 3);
    const limited = await post(fb.app, '/v1/training-sets/train', { source: DEMO, limit: 1 });
    assert.equal(limited.body.rows.length, 1);
  });

  test('Arrow IPC stream on request', async () => {
    const r = await fb.app.request('/v1/training-sets/train', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/vnd.apache.arrow.stream', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ source: DEMO }),
    });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await r.arrayBuffer()));
    assert.equal(table.numRows, 3);
    assert.equal(table.schema.fields.length, 8);
    assert.equal(table.getChild('user_id')!.get(0), 'u1');
    assert.equal(Number(table.getChild('user_spend__n')!.get(0)), 3);
  });

  test('unknown set, both or neither of project/source, unpublished project', async () => {
    const unknown = await post(fb.app, '/v1/training-sets/trian', { source: DEMO });
    assert.equal(unknown.status, 404);
    assert.match(unknown.body.error.message, /did you mean 'train'/);
    const both = await post(fb.app, '/v1/training-sets/train', { source: DEMO, project: 'demo' });
    assert.equal(both.status, 400);
    const neither = await post(fb.app, '/v1/training-sets/train', {});
    assert.equal(neither.status, 400);
    const unpublished = await post(fb.app, '/v1/training-sets/train', { project: 'nope' });
    assert.equal(unpublished.status, 404);
    assert.match(unpublished.body.error.message, /has not been published/);
    const invalid = await post(fb.app, '/v1/training-sets/train', { source: DEMO.replace('count()', 'count(') });
    assert.equal(invalid.status, 422);
    assert.equal(invalid.body.error.code, 'invalid_project');
    assert.ok(invalid.body.error.details.length > 0);
  });
});

describe('publish, projects, materialize, features', () => {
  let version: string;

  test('publish needs the token', async () => {
    const none = await post(fb.app, '/v1/publish', { source: DEMO }, { token: null });
    assert.equal(none.status, 401);
    const wrong = await post(fb.app, '/v1/publish', { source: DEMO }, { token: 'nope' });
    assert.equal(wrong.status, 401);
  });

  test('publish stores an immutable version named by the content hash', async () => {
    const r = await post(fb.app, '/v1/publish', { source: DEMO });
    assert.equal(r.status, 201);
    assert.equal(r.body.project, 'demo');
    assert.match(r.body.version, /^[0-9a-f]{64}$/);
    assert.equal(r.body.created, true);
    version = r.body.version;
    // The same source again, with cosmetic whitespace changes: the same version, not created again.
    const again = await post(fb.app, '/v1/publish', { source: DEMO.replaceAll('\n', '   \r\n') + '\n\n' });
    assert.equal(again.status, 200);
    assert.equal(again.body.version, version);
    assert.equal(again.body.created, false);
  });

  test('GET /v1/projects/:project shows the current version, definitions and SQL', async () => {
    const r = await get(fb.app, '/v1/projects/demo');
    assert.equal(r.status, 200);
    assert.equal(r.body.version, version);
    assert.equal(r.body.source, DEMO);
    assert.deepEqual(
      r.body.definitions.views.map((v: { name: string }) => v.name),
      ['user_spend', 'merchant_risk'],
    );
    assert.deepEqual(r.body.definitions.views[0].features[1], { name: 'spend_7d', type: r.body.definitions.views[0].features[1].type, kind: 'aggregate', fn: 'sum', window_ms: 7 * 864e5 });
    assert.equal(r.body.definitions.views[0].ttl_ms, 90 * 864e5);
    assert.deepEqual(r.body.definitions.models[0].inputs, ['user_spend.spend_7d', 'user_spend.n']);
    assert.match(r.body.sql.train, /^WITH/);
    assert.deepEqual(r.body.versions.map((v: { version: string }) => v.version), [version]);
    const list = await get(fb.app, '/v1/projects');
    assert.deepEqual(list.body, { projects: [{ project: 'demo', version }] });
    const missing = await get(fb.app, '/v1/projects/nope');
    assert.equal(missing.status, 404);
  });

  test('a published project builds its training sets', async () => {
    const r = await post(fb.app, '/v1/training-sets/train', { project: 'demo' });
    assert.equal(r.status, 200);
    assert.equal(r.body.rows.length, 3);
  });

  test('materialize needs the token and checks its body', async () => {
    assert.equal((await post(fb.app, '/v1/materialize', { project: 'demo' }, { token: null })).status, 401);
    const badTime = await post(fb.app, '/v1/materialize', { project: 'demo', as_of: 'yesterday' });
    assert.equal(badTime.status, 400);
    assert.equal(badTime.body.error.field, 'as_of');
    const badView = await post(fb.app, '/v1/materialize', { project: 'demo', view: 'user_spnd' });
    assert.equal(badView.status, 404);
    assert.match(badView.body.error.message, /did you mean 'user_spend'/);
    const unpublished = await post(fb.app, '/v1/materialize', { project: 'nope' });
    assert.equal(unpublished.status, 404);
  });

  test('materialize as of a time, then read features across views', async () => {
    const m = await post(fb.app, '/v1/materialize', { project: 'demo', as_of: '2024-01-05' });
    assert.equal(m.status, 200);
    assert.equal(m.body.as_of, '2024-01-05T00:00:00.000Z');
    assert.deepEqual(
      m.body.views.map((v: { view: string; entities: number; values: number }) => [v.view, v.entities, v.values]),
      [
        ['user_spend', 2, 6],
        ['merchant_risk', 2, 2],
      ],
    );
    assert.ok(m.body.views.every((v: { seconds: number }) => v.seconds >= 0));

    const r = await post(fb.app, '/v1/features', {
      project: 'demo',
      features: ['user_spend.*', 'merchant_risk.m_n'],
      entities: [
        { user_id: 'u1', merchant_id: 'm1' },
        { user_id: 'u2', merchant_id: 'm2' },
        { user_id: 'u3', merchant_id: 'm9' },
      ],
    });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.features, ['user_spend.n', 'user_spend.spend_7d', 'user_spend.last_country', 'merchant_risk.m_n']);
    const at = '2024-01-05T00:00:00.000Z';
    assert.deepEqual(r.body.rows, [
      { values: [3, 35, 'FR', 3], as_of: { user_spend: at, merchant_risk: at } },
      { values: [1, 7.5, 'US', 1], as_of: { user_spend: at, merchant_risk: at } },
      // u3's only event is after the as-of time; m9 does not exist.
      { values: [null, null, null, null], as_of: { user_spend: null, merchant_risk: null }, missing: ['user_spend', 'merchant_risk'] },
    ]);
  });

  test('features: order as asked, duplicates once, numbers as keys', async () => {
    const r = await post(fb.app, '/v1/features', { project: 'demo', features: ['merchant_risk.m_n', 'user_spend.n', 'user_spend.n'], entities: [{ user_id: 'u1', merchant_id: 'm1' }] });
    assert.deepEqual(r.body.features, ['merchant_risk.m_n', 'user_spend.n']);
    assert.deepEqual(r.body.rows[0].values, [3, 3]);
  });

  test('features: interleaved views and partial blocks pick the right values', async () => {
    const r = await post(fb.app, '/v1/features', {
      project: 'demo',
      features: ['user_spend.last_country', 'merchant_risk.m_n', 'user_spend.n'],
      entities: [{ user_id: 'u1', merchant_id: 'm1' }, { user_id: 'u2', merchant_id: 'nope' }],
    });
    assert.deepEqual(r.body.features, ['user_spend.last_country', 'merchant_risk.m_n', 'user_spend.n']);
    assert.deepEqual(r.body.rows[0].values, ['FR', 3, 3]);
    assert.deepEqual(r.body.rows[1].values, ['US', null, 1]);
    assert.deepEqual(r.body.rows[1].missing, ['merchant_risk']);
    const partial = await post(fb.app, '/v1/features', { project: 'demo', features: ['user_spend.spend_7d', 'user_spend.n'], entities: [{ user_id: 'u1' }] });
    assert.deepEqual(partial.body.rows[0].values, [35, 3]);
  });

  test('features: bad requests are 400s naming the field', async () => {
    const cases: [unknown, string | undefined, RegExp][] = [
      [{ project: 'demo', features: ['user_spend.nn'], entities: [{ user_id: 'u1' }] }, 'features[0]', /did you mean 'n'/],
      [{ project: 'demo', features: ['user_spnd.n'], entities: [{ user_id: 'u1' }] }, 'features[0]', /did you mean 'user_spend'/],
      [{ project: 'demo', features: ['user_spend'], entities: [{ user_id: 'u1' }] }, 'features[0]', /view\.feature/],
      [{ project: 'demo', features: ['user_spend.n'], entities: [{ merchant_id: 'm1' }] }, 'entities[0].user_id', /missing key 'user_id'/],
      [{ project: 'demo', features: ['user_spend.n'], entities: [] }, 'entities', /must not be empty/],
      [{ project: 'demo', features: ['user_spend.n'], entities: Array.from({ length: 51 }, () => ({ user_id: 'u1' })) }, 'entities', /at most 50/],
      [{ project: 'demo', features: ['user_spend.n'], entities: [{ user_id: { x: 1 } }] }, 'entities[0].user_id', /string or a number/],
      [{ project: '../x', features: ['user_spend.n'], entities: [{ user_id: 'u1' }] }, 'project', /project name/],
    ];
    for (const [body, field, message] of cases) {
      const r = await post(fb.app, '/v1/features', body);
      assert.equal(r.status, 400, JSON.stringify(body).slice(0, 100));
      assert.equal(r.body.error.code, 'invalid_body');
      assert.equal(r.body.error.field, field);
      assert.match(r.body.error.message, message);
    }
    const unknownProject = await post(fb.app, '/v1/features', { project: 'nope', features: ['a.b'], entities: [{ k: 1 }] });
    assert.equal(unknownProject.status, 404);
  });

  test('generations: the old one is removed, expiry follows the ttl', async () => {
    const k = new Keys();
    const r = fb.ctx.redis!.main;
    const before = await r.keys(`${k.genPrefix('demo')}*`);
    assert.equal(before.length, 2);
    const m = await post(fb.app, '/v1/materialize', { project: 'demo', as_of: '2024-01-06', view: 'user_spend' });
    assert.equal(m.status, 200);
    const after = (await r.keys(`${k.genPrefix('demo')}*`)).sort();
    assert.equal(after.length, 2);
    const gen = m.body.views[0].generation;
    assert.ok(after.includes(k.gen('demo', 'user_spend', gen)));
    assert.ok(!before.includes(k.gen('demo', 'user_spend', gen)));
    const ttl = await r.pttl(k.gen('demo', 'user_spend', gen));
    assert.ok(ttl > 89 * 864e5 && ttl <= 90 * 864e5, `pttl ${ttl}`);
    // merchant_risk has no ttl: no expiry.
    const mr = after.find((x) => x.includes(':merchant_risk:'))!;
    assert.equal(await r.pttl(mr), -1);
    const f = await post(fb.app, '/v1/features', { project: 'demo', features: ['user_spend.n'], entities: [{ user_id: 'u1' }] });
    assert.deepEqual(f.body.rows[0], { values: [3], as_of: { user_spend: '2024-01-06T00:00:00.000Z' } });
  });

  test('a breaking publish is refused (409) unless forced', async () => {
    const removed = DEMO.replace('  spend_7d = sum(amount) over 7d\n', '').replace('inputs user_spend.spend_7d, user_spend.n', 'inputs user_spend.n');
    const r = await post(fb.app, '/v1/publish', { source: removed });
    assert.equal(r.status, 409);
    assert.equal(r.body.error.code, 'breaking_change');
    assert.match(r.body.error.message, /feature 'user_spend\.spend_7d' would be removed but model lr, training set train uses it/);
    assert.deepEqual(r.body.error.details, [{ feature: 'user_spend.spend_7d', used_by: ['model lr', 'training set train'], change: 'removed' }]);
    const retyped = DEMO.replace("last_country = last(country)", 'last_country = count()');
    const r2 = await post(fb.app, '/v1/publish', { source: retyped });
    assert.equal(r2.status, 409);
    assert.match(r2.body.error.message, /'user_spend\.last_country' would change type from string to integer/);
    // Still the old version.
    assert.equal((await get(fb.app, '/v1/projects/demo')).body.version, version);
    // Adding a feature is fine.
    const added = DEMO.replace('  ttl 90d', '  max_amount = max(amount)\n  ttl 90d');
    const ok = await post(fb.app, '/v1/publish', { source: added });
    assert.equal(ok.status, 201);
    const forced = await post(fb.app, '/v1/publish', { source: removed, force: true });
    assert.equal(forced.status, 201);
    assert.equal(forced.body.previous, ok.body.version);
    // Back to the first version: it exists already, so it is reused as it was.
    const back = await post(fb.app, '/v1/publish', { source: DEMO, force: true });
    assert.equal(back.status, 200);
    assert.equal(back.body.version, version);
    const versions = (await get(fb.app, '/v1/projects/demo')).body.versions;
    assert.equal(versions.length, 3);
  });

  test('a published plan reading outside the data root is refused at materialization (403)', async () => {
    // As if published by the CLI from another machine's folder.
    const good = fb.ctx.registry!;
    const pv = (await good.current('demo'))!;
    const plan = structuredClone(pv.plan);
    plan.project = 'elsewhere';
    plan.sources[0]!.path = '/etc/passwd';
    const reg = new Registry(fb.ctx.redis!.main, new Keys());
    await reg.publish({ source: pv.source + '\n# elsewhere', plan, sql: {} });
    const r = await post(fb.app, '/v1/materialize', { project: 'elsewhere' });
    assert.equal(r.status, 403);
    assert.equal(r.body.error.code, 'path_not_allowed');
    assert.match(r.body.error.message, /source 'tx' reads '(\.\.\/)+etc\/passwd': the path is outside the server's data root/);
    const t = await post(fb.app, '/v1/training-sets/train', { project: 'elsewhere' });
    assert.equal(t.status, 403);
  });
});

describe('bad input never gets a 500', () => {
  test('content type, malformed JSON, size limit', async () => {
    const text = await fb.app.request('/v1/check', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'project x' });
    assert.equal(text.status, 415);
    assert.equal(((await text.json()) as { error: { code: string } }).error.code, 'unsupported_media_type');
    const malformed = await post(fb.app, '/v1/check', '{"source": ');
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.code, 'invalid_json');
    const big = await post(fb.app, '/v1/check', { source: 'x'.repeat(70 * 1024) });
    assert.equal(big.status, 413);
    assert.equal(big.body.error.code, 'body_too_large');
  });

  test('random bodies on every POST route', async () => {
    const routes = ['/v1/check', '/v1/compile', '/v1/training-sets/train', '/v1/publish', '/v1/materialize', '/v1/features'];
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ project: fc.oneof(fc.constant('demo'), fc.string()), features: fc.array(fc.oneof(fc.string(), fc.constantFrom('user_spend.*', 'user_spend.n', 'a.b'))), entities: fc.array(fc.dictionary(fc.string(), fc.jsonValue())) }, { requiredKeys: [] }),
      fc.record({ source: fc.oneof(fc.string(), fc.constant(DEMO.slice(0, 200))), object: fc.string(), path: fc.string(), limit: fc.jsonValue() }, { requiredKeys: [] }),
      fc.record({ project: fc.constantFrom('demo', 'nope'), view: fc.string(), as_of: fc.oneof(fc.string(), fc.double(), fc.integer()), incremental: fc.jsonValue() }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, async (route, b) => {
        const r = await post(fb.app, route, b);
        assert.ok(r.status < 500, `${route} ${JSON.stringify(b).slice(0, 200)} → ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        if (r.status >= 400) assert.equal(typeof r.body.error?.message, 'string');
      }),
      { numRuns: 150, seed: 42 },
    );
    assert.deepEqual(logs.filter((l) => /internal error/.test(l)), []);
  });
});

describe('a server without Redis or token', () => {
  test('online routes answer 503, protected routes are off, the rest works', async () => {
    const bare = await createApp({ dataRoot: data.dir, redisUrl: undefined, token: undefined, threads: 1, log: () => {} });
    try {
      const h = await get(bare.app, '/health');
      assert.deepEqual(h.body, { status: 'ok', redis: 'down', version: h.body.version, redis_configured: false });
      const f = await post(bare.app, '/v1/features', { project: 'demo', features: ['a.b'], entities: [{ k: 1 }] });
      assert.equal(f.status, 503);
      assert.equal(f.body.error.code, 'redis_not_configured');
      const p = await post(bare.app, '/v1/publish', { source: DEMO });
      assert.equal(p.status, 404);
      assert.equal(p.body.error.code, 'disabled');
      const m = await post(bare.app, '/v1/materialize', { project: 'demo' });
      assert.equal(m.status, 404);
      const c = await post(bare.app, '/v1/check', { source: DEMO });
      assert.equal(c.body.ok, true);
    } finally {
      await bare.close();
    }
  });
});
