/**
 * The server's DuckDB lanes (server/engine): a query time limit (504), a
 * query stopped when its client goes away (499 in logs and metrics), a full
 * heavy lane answering 503 `busy`, and checks that never wait behind a
 * training set — through the real app on real DuckDB, over real sockets
 * where a disconnect matters.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, type AppOptions, type FeaturebookApp } from '../../server/app.js';
import { startServer, type RunningServer } from '../../server/http.js';
import { ServerEngine, parseMemoryLimit } from '../../server/engine/index.js';
import { DataDir, DEMO, eventually, post, TOKEN, writeDemoData } from './helpers.js';
import { SLOW_SET, writeSlowProject } from './slow-project.js';

let data: DataDir;
let slow: string;

before(async () => {
  data = new DataDir();
  writeDemoData(data);
  // Several seconds of work for the full training set (count_distinct over 3650d on every row): a
  // query that stops within a second or two was interrupted, it did not finish.
  slow = await writeSlowProject(data, { rows: 1_000_000 });
});
after(() => data?.cleanup());

const app = (engine: AppOptions['engine'], logs: string[] = []) =>
  createApp({ dataRoot: data.dir, token: TOKEN, threads: 2, log: (l) => logs.push(l), engine });

describe('query timeout', () => {
  let fb: FeaturebookApp;
  const logs: string[] = [];
  before(async () => (fb = await app({ queryTimeoutMs: 300 }, logs)));
  after(() => fb?.close());

  test('a training set past the limit is stopped: 504 query_timeout with a hint, and the lane is free again', async () => {
    const t0 = Date.now();
    const r = await post(fb.app, `/v1/training-sets/${SLOW_SET}`, { source: slow });
    assert.equal(r.status, 504, JSON.stringify(r.body));
    assert.equal(r.body.error.code, 'query_timeout');
    assert.match(r.body.error.message, /0\.3s.*'limit'.*--query-timeout/);
    assert.ok(Date.now() - t0 < 2500, `stopped after ${Date.now() - t0} ms`);
    assert.deepEqual(fb.ctx.engine.busy(), { short: 0, heavy: 0 });
    assert.ok(logs.some((l) => /stopped training set 'slow' after [\d.]+s \(the 0\.3s query timeout\)/.test(l)), logs.join('\n'));
    // The same connection serves the next request normally.
    const ok = await post(fb.app, '/v1/training-sets/train', { source: DEMO });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.rows.length, 3);
  });

  test('with limit 1 the same training set fits in the limit (the limit is pushed into the SQL)', async () => {
    const r = await post(fb.app, `/v1/training-sets/${SLOW_SET}`, { source: slow, limit: 1 });
    // The plan is cheap, but a loaded machine may still need more than 0.3 s: accept only those two answers.
    assert.ok(r.status === 200 || r.status === 504, `status ${r.status}`);
    if (r.status === 200) assert.equal(r.body.rows.length, 1);
  });
});

describe('busy and short lanes', () => {
  let fb: FeaturebookApp;
  before(async () => (fb = await app({ queryConcurrency: 1, queryTimeoutMs: 60_000 })));
  after(() => fb?.close());

  test('a full heavy lane answers 503 busy with Retry-After; /v1/check and /v1/compile do not wait', async () => {
    const ac = new AbortController();
    const heavy = fb.app.request(`/v1/training-sets/${SLOW_SET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/vnd.apache.arrow.stream', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ source: slow }),
      signal: ac.signal,
    });
    await eventually(async () => fb.ctx.engine.busy().heavy === 1, 10_000, 'the training set to start');
    const busy = await post(fb.app, `/v1/training-sets/${SLOW_SET}`, { source: slow, limit: 1 });
    assert.equal(busy.status, 503);
    assert.equal(busy.body.error.code, 'busy');
    assert.equal(busy.headers.get('retry-after'), '2');
    assert.match(busy.body.error.message, /--query-concurrency/);

    const t0 = Date.now();
    const check = await post(fb.app, '/v1/check', { source: slow });
    const noData = await post(fb.app, '/v1/check', { source: slow, data: false });
    const compile = await post(fb.app, '/v1/compile', { source: DEMO, object: 'train' });
    const small = Date.now();
    assert.equal(check.status, 200);
    assert.equal(check.body.ok, true, JSON.stringify(check.body));
    assert.equal(noData.status, 200);
    assert.equal(compile.status, 200);
    assert.equal(fb.ctx.engine.busy().heavy, 1, 'the training set was still running while the small requests were answered');
    assert.ok(small - t0 < 3000, `small requests took ${small - t0} ms`);
    // Stopping the training set (its request's signal) frees the lane.
    const t1 = Date.now();
    ac.abort();
    const r = await heavy;
    assert.ok(Date.now() - t1 < 2000, `stopped ${Date.now() - t1} ms after the abort`);
    assert.equal(r.status, 499);
    assert.equal(((await r.json()) as { error: { code: string } }).error.code, 'cancelled');
    assert.equal(fb.ctx.engine.busy().heavy, 0);
  });
});

describe('client disconnect', () => {
  let s: RunningServer;
  const logs: string[] = [];
  before(async () => {
    s = await startServer({ host: '127.0.0.1', port: 0, dataRoot: data.dir, token: TOKEN, threads: 2, log: (l) => logs.push(l), engine: { queryTimeoutMs: 120_000 } });
  });
  after(() => s?.close());

  test('the query stops when the client goes away: 499 cancelled in the log and the metrics, lane free', async () => {
    const ac = new AbortController();
    const req = fetch(`${s.url}/v1/training-sets/${SLOW_SET}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/vnd.apache.arrow.stream', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ source: slow }),
      signal: ac.signal,
    });
    await eventually(async () => s.app.ctx.engine.busy().heavy === 1, 10_000, 'the training set to start');
    // Past the quick statistics query, into the long one: only DuckDB's interrupt ends that early.
    await new Promise((r) => setTimeout(r, 1000));
    const t0 = Date.now();
    ac.abort();
    await assert.rejects(req);
    await eventually(async () => s.app.ctx.engine.busy().heavy === 0, 5000, 'the query to stop');
    assert.ok(Date.now() - t0 < 1500, `stopped ${Date.now() - t0} ms after the disconnect`);
    assert.ok(logs.some((l) => /stopped training set 'slow' after [\d.]+s \(the client went away\)/.test(l)), logs.join('\n'));
    const metrics = await (await fetch(`${s.url}/metrics`)).text();
    assert.match(metrics, /featurebook_http_requests_total\{route="\/v1\/training-sets\/:name",method="POST",status="499"\} 1/);
    // The next training set runs normally.
    const ok = await post({ request: (p: string, init?: RequestInit) => fetch(`${s.url}${p}`, init) } as never, '/v1/training-sets/train', { source: DEMO });
    assert.equal(ok.status, 200);
  });
});

describe('ServerEngine', () => {
  test('every lane is UTC, and an interrupt while idle does not stop the next statement', async () => {
    const e = await ServerEngine.create({ memoryLimit: '256MiB' });
    try {
      for (const lane of ['short', 'heavy'] as const) {
        const r = await e.run(lane, {}, (x) => x.query(`SELECT current_setting('TimeZone') AS tz, current_setting('memory_limit') AS m, current_setting('temp_directory') AS t`));
        assert.equal(r.rows[0]!.tz, 'UTC');
        assert.equal(r.rows[0]!.m, '256.0 MiB');
        assert.match(String(r.rows[0]!.t), /featurebook-duckdb-spill-/);
      }
      const main = await e.query(`SELECT current_setting('TimeZone') AS tz`);
      assert.equal(main.rows[0]!.tz, 'UTC');
      const ac = new AbortController();
      ac.abort();
      await assert.rejects(e.run('heavy', { signal: ac.signal }, (x) => x.query('SELECT 1')));
      const r = await e.run('heavy', {}, (x) => x.query('SELECT 42 AS x'));
      assert.equal(r.rows[0]!.x, 42);
    } finally {
      await e.close();
    }
  });

  test('a query over the memory limit spills or fails cleanly, and the server lives on', async () => {
    const e = await ServerEngine.create({ memoryLimit: '64MiB', threads: 1 });
    try {
      const r = await e
        .run('heavy', {}, (x) => x.query(`SELECT count(*) AS n FROM (SELECT i, string_agg(i::VARCHAR, ',') AS s FROM range(3000000) t(i) GROUP BY i)`))
        .then(
          (x) => Number(x.rows[0]!.n),
          (err: Error) => err.message,
        );
      assert.ok(r === 3_000_000 || /Out of Memory/i.test(String(r)), String(r));
      assert.equal((await e.run('short', {}, (x) => x.query('SELECT 1 AS one'))).rows[0]!.one, 1);
    } finally {
      await e.close();
    }
  });

  test('memory sizes: sizes and shares of the memory, nothing else', () => {
    assert.equal(parseMemoryLimit('4GB'), '4GB');
    assert.equal(parseMemoryLimit('512 MiB'), '512 MiB');
    assert.match(parseMemoryLimit('25%')!, /^\d+MiB$/);
    for (const bad of ['', '4', '4XB', '0%', '101%', "1GB'; SET x=1", '-1GB']) assert.equal(parseMemoryLimit(bad), undefined, bad);
  });
});
