/**
 * Regression tests for the defects found by probing the server with hostile
 * input: each test is one repro, run against the real
 * app on real DuckDB and a real redis-server.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../server/http.js';
import { createApp, type FeaturebookApp } from '../../server/app.js';
import { compileObjects } from '../../src/compile/emit-sql.js';
import { loadProject } from '../../src/project.js';
import { Keys } from '../../server/redis/index.js';
import { MAX_CACHED_CURRENT, Registry } from '../../server/registry/index.js';
import { RedisHarness } from './redis-harness.js';
import { DEMO, DataDir, TOKEN, eventually, post, rawRequest, writeDemoData } from './helpers.js';
import { mlpOnnx, projectFiles, T } from '../model/fixture.js';

let redis: RedisHarness;
let data: DataDir;
let fb: FeaturebookApp;
const logs: string[] = [];

before(async () => {
  redis = await RedisHarness.start();
  data = new DataDir();
  writeDemoData(data);
  fb = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: (l) => logs.push(l) });
  const r = await post(fb.app, '/v1/publish', { source: DEMO });
  assert.equal(r.status, 201, JSON.stringify(r.body));
});
after(async () => {
  await fb?.close();
  await redis?.cleanup();
  data?.cleanup();
});

describe('unknown project names (negative cache)', () => {
  test(`the cache of never-published names holds at most ${MAX_CACHED_CURRENT} names`, async () => {
    const registry = fb.ctx.registry!;
    assert.ok(registry.isSubscribed);
    const n = MAX_CACHED_CURRENT + 2000;
    for (let i = 0; i < n; i += 500) await Promise.all(Array.from({ length: Math.min(500, n - i) }, (_, j) => registry.current(`never_${i + j}`)));
    assert.equal(registry.cachedCurrent, MAX_CACHED_CURRENT);
    // Published projects still resolve after their names were pushed out of the cache.
    const r = await post(fb.app, '/v1/features', { project: 'demo', features: ['user_spend.n'], entities: [{ user_id: 'u1' }] }, { token: null });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal((await post(fb.app, '/v1/features', { project: 'never_1', features: ['x.y'], entities: [{ k: 1 }] }, { token: null })).status, 404);
    assert.ok(registry.cachedCurrent <= MAX_CACHED_CURRENT);
  });
});

describe('no prototype lookups on user input', () => {
  for (const object of ['__proto__', 'constructor', 'toString', 'hasOwnProperty'])
    test(`/v1/compile with object '${object}' is 404`, async () => {
      const r = await post(fb.app, '/v1/compile', { source: DEMO, object });
      assert.equal(r.status, 404, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'not_found');
      assert.equal(r.body.error.field, 'object');
    });

  test('prototype keys in bodies are unknown fields (400), not silently accepted', async () => {
    for (const k of ['__proto__', 'constructor', 'toString']) {
      const r = await post(fb.app, '/v1/check', `{"source": "project x", "${k}": 1}`);
      assert.equal(r.status, 400, `${k}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.field, k);
    }
  });

  test("an entity's prototype keys are not its key values", async () => {
    const r = await post(fb.app, '/v1/features', JSON.stringify({ project: 'demo', features: ['user_spend.n'], entities: [JSON.parse('{"__proto__": {"user_id": "u1"}}')] }), { token: null });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.match(r.body.error.message, /__proto__/);
  });
});

describe('one name rule for publish and every route', () => {
  test('publish refuses a back-quoted project name no route accepts (422 naming it), and writes nothing', async () => {
    const r = await post(fb.app, '/v1/publish', { source: DEMO.replace('project demo', 'project `my proj}{x`') });
    assert.equal(r.status, 422, JSON.stringify(r.body));
    assert.equal(r.body.error.code, 'invalid_project');
    assert.equal(r.body.error.field, 'source');
    assert.match(r.body.error.message, /project name 'my proj\}\{x'/);
    assert.deepEqual((await fb.ctx.registry!.projects()).filter((p) => p !== 'demo'), []);
  });

  test('publish refuses odd feature block, training set and model names too', async () => {
    for (const [from, to, kind] of [
      ['features user_spend on', 'features `user spend` on', 'feature block'],
      ['training_set train {', 'training_set `tr/ain` {', 'training set'],
      ['model lr {', 'model `l{r}` {', 'model'],
    ] as const) {
      let src = DEMO.replace(from, to);
      if (kind === 'feature block') src = src.replaceAll('user_spend.', '`user spend`.');
      if (kind === 'training set') src = src.replace('on train', 'on `tr/ain`');
      const r = await post(fb.app, '/v1/publish', { source: src });
      assert.equal(r.status, 422, `${kind}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.error.message, new RegExp(`^${kind} name`), JSON.stringify(r.body));
    }
  });

  test('routes refuse the same names with 400 naming the field', async () => {
    const bad = 'my proj}{x';
    const answers = [
      await post(fb.app, '/v1/features', { project: bad, features: ['a.b'], entities: [{ k: 1 }] }, { token: null }),
      await post(fb.app, '/v1/predict', { project: bad, model: 'lr', entities: [{ k: 1 }] }, { token: null }),
      await post(fb.app, '/v1/materialize', { project: 'demo', view: 'user spend' }),
      await post(fb.app, `/v1/training-sets/${encodeURIComponent(bad)}`, { project: 'demo' }, { token: null }),
    ];
    for (const r of answers) {
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assert.ok(['project', 'view', 'name'].includes(r.body.error.field), JSON.stringify(r.body));
    }
    const proj = await fb.app.request(`/v1/projects/${encodeURIComponent(bad)}`);
    assert.equal(proj.status, 400);
  });
});

describe('no absolute server paths in answers', () => {
  const leaks = (body: unknown) => {
    const text = JSON.stringify(body);
    return text.includes(data.dir) || /"\/(tmp|home|srv|var|etc|root)\//.test(text);
  };

  test('a training set on a missing file: DuckDB\'s "No files found" names the path relative to the data root', async () => {
    const r = await post(fb.app, '/v1/training-sets/train', { source: DEMO.replace('data/labels.csv', 'data/nothing_here.csv') });
    assert.ok(r.status >= 400 && r.status < 500, JSON.stringify(r.body));
    assert.ok(!leaks(r.body), JSON.stringify(r.body));
    assert.match(JSON.stringify(r.body), /data\/nothing_here\.csv/);
  });

  test('403 for a path outside the root shows it relative to the root', async () => {
    const src = DEMO.replace('project demo', 'project elsewhere_p').replace('"data/tx.csv"', '"/etc/passwd" format csv');
    const r = await post(fb.app, '/v1/training-sets/train', { source: src });
    assert.ok(r.status === 403 || r.status === 422, JSON.stringify(r.body));
    assert.ok(!JSON.stringify(r.body).includes(data.dir), JSON.stringify(r.body));
  });

  test('check, compile and the project page show data paths relative to the root', async () => {
    const check = await post(fb.app, '/v1/check', { source: DEMO.replace('data/tx.csv', 'data/missing.csv') });
    assert.equal(check.status, 200);
    assert.ok(!leaks(check.body), JSON.stringify(check.body));
    const compiled = await post(fb.app, '/v1/compile', { source: DEMO, object: 'user_spend' });
    assert.equal(compiled.status, 200);
    assert.match(compiled.body.sql.user_spend, /'data\/tx\.csv'/);
    assert.ok(!leaks(compiled.body), compiled.body.sql.user_spend);
    const page = await fb.app.request('/v1/projects/demo');
    const body = await page.json();
    assert.equal(page.status, 200);
    assert.equal(body.definitions.sources[0].path, 'data/tx.csv');
    assert.ok(!leaks(body));
  });
});

describe('re-publishing identical text', () => {
  test('whose stored plan cannot be served here is a 409 saying why and how to fix it', async () => {
    // Published by the CLI from a folder outside the data root: the stored plan reads there.
    const outside = new DataDir();
    try {
      writeDemoData(outside);
      const source = DEMO.replace('project demo', 'project from_cli');
      const p = await loadProject(source, { file: outside.dir + '/project.fdl' });
      assert.ok(p.plan);
      await new Registry(fb.ctx.redis!.main, new Keys()).publish({ source, plan: p.plan, sql: compileObjects(p.plan), file: outside.dir + '/project.fdl' });
      const m = await post(fb.app, '/v1/materialize', { project: 'from_cli' });
      assert.equal(m.status, 403);
      const again = await post(fb.app, '/v1/publish', { source });
      assert.equal(again.status, 409, JSON.stringify(again.body));
      assert.equal(again.body.error.code, 'conflict');
      assert.match(again.body.error.message, /already stored with the same text/);
      assert.match(again.body.error.message, /outside the server's data root/);
      assert.match(again.body.error.message, /change the text \(a comment will do\)/);
      assert.ok(!JSON.stringify(again.body).includes(outside.dir), 'no absolute paths');
      const page = await (await fb.app.request('/v1/projects/from_cli')).json();
      assert.equal(page.file, `../${outside.dir.split('/').pop()}/project.fdl`);
      assert.ok(!JSON.stringify(page).includes(outside.dir), 'the project page shows no absolute paths');
      // The suggested fix works.
      const changed = await post(fb.app, '/v1/publish', { source: source + '# published from the data root\n' });
      assert.equal(changed.status, 201, JSON.stringify(changed.body));
      assert.equal((await post(fb.app, '/v1/materialize', { project: 'from_cli' })).status, 200);
    } finally {
      outside.cleanup();
    }
  });

  test('whose stored plan is fine answers 200 as before', async () => {
    const r = await post(fb.app, '/v1/publish', { source: DEMO });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.created, false);
  });
});

describe('/v1/predict and the prediction log are bounded', () => {
  const ENTRY = 2048;
  const MAX_BYTES = 200_000;
  let small: FeaturebookApp;
  const key = new Keys().predlog('shop', 'mlp');
  const predict = (body: unknown) => post(small.app, '/v1/predict', body, { token: null });
  const xlen = () => fb.ctx.redis!.main.xlen(key);

  before(async () => {
    for (const [p, text] of Object.entries(projectFiles())) data.write(`shop/${p}`, text);
    data.write('shop/external/mlp.onnx', mlpOnnx(3, { seed: 2 }).bytes);
    small = await createApp({ dataRoot: data.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: (l) => logs.push(l), predlogEntryBytes: ENTRY, predlogMaxBytes: MAX_BYTES });
    const pub = await post(small.app, '/v1/publish', { source: projectFiles()['shop.fdl'], path: 'shop/shop.fdl' });
    assert.equal(pub.status, 201, JSON.stringify(pub.body));
    const m = await post(small.app, '/v1/materialize', { project: 'shop', view: 'u', as_of: T });
    assert.equal(m.status, 200, JSON.stringify(m.body));
    assert.equal((await predict({ project: 'shop', model: 'mlp', entities: [{ user_id: 'u1' }] })).status, 200);
    await eventually(async () => (await xlen()) === 1, 5000, 'the first log entry');
  });
  after(async () => {
    await small?.close();
  });

  test('entities accept only the keys of the model: an extra field is 400 naming it, and nothing is logged', async () => {
    const r = await predict({ project: 'shop', model: 'mlp', entities: [{ user_id: 'u1' }, { user_id: 'u2', pad: 'x'.repeat(100_000) }] });
    assert.equal(r.status, 400, JSON.stringify(r.body).slice(0, 300));
    assert.equal(r.body.error.field, 'entities[1].pad');
    assert.match(r.body.error.message, /keyed by user_id/);
    const proto = await predict(JSON.parse('{"project": "shop", "model": "mlp", "entities": [{"user_id": "u1", "__proto__": "x"}]}'));
    assert.equal(proto.status, 400);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(await xlen(), 1);
  });

  test('an entry larger than --predlog-entry-bytes is answered but not logged, and counted in /metrics', async () => {
    const r = await predict({ project: 'shop', model: 'mlp', entities: [{ user_id: 'y'.repeat(ENTRY) }, { user_id: 'u3' }] });
    assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 300));
    assert.equal(r.body.predictions.length, 2);
    await eventually(async () => (await xlen()) === 2, 5000, 'the small entry logged');
    const metrics = await (await small.app.request('/metrics')).text();
    assert.match(metrics, /^featurebook_predlog_dropped_total\{reason="too_large"\} 1$/m);
  });

  test('the log stays near --predlog-max-bytes however much is sent', async () => {
    const entities = Array.from({ length: 200 }, (_, i) => ({ user_id: `u${i}-${'z'.repeat(1500)}` }));
    for (let i = 0; i < 10; i++) assert.equal((await predict({ project: 'shop', model: 'mlp', entities })).status, 200);
    await eventually(async () => (await xlen()) < 2000, 5000, 'trimmed');
    await new Promise((r) => setTimeout(r, 200));
    const len = await xlen();
    const bytes = Number(await fb.ctx.redis!.main.call('MEMORY', 'USAGE', key));
    logs.push(`predlog after 2000 entries of ~1.7 KB: ${len} entries, ${bytes} bytes`);
    assert.ok(len > 0 && len < 300, `length ${len} (2000 appended)`);
    assert.ok(bytes < 2 * MAX_BYTES, `stream uses ${bytes} bytes (cap ${MAX_BYTES})`);
  });
});

describe('unpublished files are not readable without the token', () => {
  const SECRET = 'SECRET_KEY=hunter2';
  const envSource = DEMO.replace('project demo', 'project leak').replace('"data/labels.csv"', '".env" format csv');
  before(() => {
    data.write('.env', SECRET + '\nOTHER=1\n');
    data.write('data/.hidden/x.csv', 'user_id,ts\nu1,2024-01-01\n');
    data.write('data/.env.csv', SECRET + '\n');
    symlinkSync(join(data.dir, '.env'), join(data.dir, 'data/env-link.csv'));
  });

  test('a training set from FDL sent in the request needs the token (401), and names the way out', async () => {
    const r = await post(fb.app, '/v1/training-sets/train', { source: envSource }, { token: null });
    assert.equal(r.status, 401, JSON.stringify(r.body));
    assert.equal(r.body.error.field, 'source');
    assert.match(r.body.error.message, /Authorization: Bearer/);
    assert.match(r.body.error.message, /'project'/);
    assert.ok(!JSON.stringify(r.body).includes('hunter2'));
    const wrong = await post(fb.app, '/v1/training-sets/train', { source: DEMO }, { token: 'wrong-token' });
    assert.equal(wrong.status, 401);
    // A published project needs no token.
    assert.equal((await post(fb.app, '/v1/training-sets/train', { project: 'demo' }, { token: null })).status, 200);
  });

  test('without a configured token, training sets from request FDL are off (404 disabled)', async () => {
    const bare = await createApp({ dataRoot: data.dir, redisUrl: undefined, token: undefined, threads: 1, log: () => {} });
    try {
      const r = await post(bare.app, '/v1/training-sets/train', { source: DEMO }, { token: null });
      assert.equal(r.status, 404, JSON.stringify(r.body));
      assert.equal(r.body.error.code, 'disabled');
      assert.match(r.body.error.message, /FEATUREBOOK_TOKEN/);
      const check = await post(bare.app, '/v1/check', { source: envSource }, { token: null });
      assert.equal(check.status, 200);
      assert.match(check.body.note, /data checks were skipped/);
    } finally {
      await bare.close();
    }
  });

  test('hidden files are never read, even with the token: direct, in a hidden folder, by glob, through a symlink', async () => {
    const cases = [
      ['".env" format csv', /'\.env' is hidden/],
      ['"data/.hidden/x.csv"', /'\.hidden' is hidden/],
      ['"data/*.csv"', /hidden file '\.env\.csv'/],
      ['"data/env-link.csv"', /hidden file or folder \('\.env'\) through a symlink/],
    ] as const;
    for (const [path, why] of cases) {
      const src = DEMO.replace('project demo', 'project leak').replace('"data/labels.csv"', path);
      for (const route of ['/v1/training-sets/train', '/v1/check']) {
        const r = await post(fb.app, route, { source: src });
        const text = JSON.stringify(r.body);
        assert.ok(!text.includes('hunter2') && !text.includes('SECRET_KEY'), `${route} ${path}: ${text}`);
        assert.match(text, why, `${route} ${path}: ${text}`);
        assert.match(text, /never read on this server/);
      }
    }
  });

  test('/v1/check and /v1/compile without the token read no data, say so, and echo nothing from files', async () => {
    const check = await post(fb.app, '/v1/check', { source: envSource }, { token: null });
    assert.equal(check.status, 200, JSON.stringify(check.body));
    assert.match(check.body.note, /data checks were skipped.*Authorization: Bearer/);
    assert.ok(!JSON.stringify(check.body).includes('hunter2'));
    // A missing file is not even looked at.
    const missing = await post(fb.app, '/v1/check', { source: DEMO.replace('data/tx.csv', 'data/absent.csv') }, { token: null });
    assert.equal(missing.body.ok, true, JSON.stringify(missing.body));
    const compiled = await post(fb.app, '/v1/compile', { source: envSource, object: 'user_spend' }, { token: null });
    assert.equal(compiled.status, 200, JSON.stringify(compiled.body));
    assert.match(compiled.body.note, /data checks were skipped/);
    // With the token, the data is checked as before (and no note).
    const authed = await post(fb.app, '/v1/check', { source: DEMO.replace('data/tx.csv', 'data/absent.csv') });
    assert.equal(authed.body.ok, false);
    assert.equal(authed.body.note, undefined);
  });
});

describe('the Host header must be one of the server\'s names', () => {
  test('a forged Host is 421 host_not_allowed; loopback names and configured ones are served', async () => {
    const s = await startServer({ host: '127.0.0.1', port: 0, dataRoot: data.dir, redisUrl: undefined, log: () => {}, allowedHosts: ['features.internal'] });
    try {
      const forged = await rawRequest(s.port, { path: '/health', host: 'evil.example' });
      assert.equal(forged.status, 421);
      assert.equal(forged.body.error.code, 'host_not_allowed');
      assert.match(forged.body.error.message, /--allowed-hosts/);
      const rebinding = await rawRequest(s.port, { path: '/v1/check', method: 'POST', host: `attacker.example:${s.port}`, body: JSON.stringify({ source: 'project x' }) });
      assert.equal(rebinding.status, 421);
      assert.equal((await rawRequest(s.port, { path: '/health', host: `localhost:${s.port}` })).status, 200);
      assert.equal((await rawRequest(s.port, { path: '/health', host: `127.0.0.1:${s.port}` })).status, 200);
      assert.equal((await rawRequest(s.port, { path: '/health', host: `[::1]:${s.port}` })).status, 200);
      assert.equal((await rawRequest(s.port, { path: '/health', host: 'FEATURES.internal' })).status, 200);
      assert.equal((await rawRequest(s.port, { path: '/health', host: `localhost:${s.port + 1}` })).status, 421, 'another port');
      assert.equal((await fetch(`${s.url}/health`)).status, 200);
    } finally {
      await s.close();
    }
  });

  test("'*' turns the check off; a malformed name is refused at start", async () => {
    const s = await startServer({ host: '127.0.0.1', port: 0, dataRoot: data.dir, redisUrl: undefined, log: () => {}, allowedHosts: ['*'] });
    try {
      assert.equal((await rawRequest(s.port, { path: '/health', host: 'anything.example' })).status, 200);
    } finally {
      await s.close();
    }
    await assert.rejects(startServer({ host: '127.0.0.1', port: 0, dataRoot: data.dir, redisUrl: undefined, allowedHosts: ['bad host/x'] }), /is not a host name/);
  });
});

describe('prototype names inside FDL', () => {
  test("a feature block named __proto__ compiles, publishes and is found like any other name", async () => {
    const src = DEMO.replace('project demo', 'project protos').replaceAll('merchant_risk', '__proto__');
    const all = await post(fb.app, '/v1/compile', { source: src });
    assert.equal(all.status, 200, JSON.stringify(all.body).slice(0, 300));
    assert.ok(Object.hasOwn(all.body.sql, '__proto__'), Object.keys(all.body.sql).join(', '));
    const one = await post(fb.app, '/v1/compile', { source: src, object: '__proto__' });
    assert.equal(one.status, 200);
    assert.match(one.body.sql.__proto__, /merchant_id/);
    assert.equal((await post(fb.app, '/v1/compile', { source: src, object: 'constructor' })).status, 404);
  });
});
