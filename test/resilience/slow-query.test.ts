/**
 * Resilience: slow queries beside small requests. A real
 * server on loopback with a deliberately slow training set
 * (`count_distinct … over 3650d` on every spine row): more training sets than
 * the heavy lane holds, clients that go away mid-query, and a bounded loop of
 * small requests (check with and without data, compile, health) throughout.
 *
 * Expected: small requests all 200 and never queued behind the training sets;
 * training sets 200, 503 `busy` or 504 `query_timeout`, nothing else; every
 * abandoned query stopped; `limit: 1` cheap; DuckDB's memory limit held.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../server/http.js';
import { DataDir, DEMO, eventually, TOKEN } from '../server/helpers.js';
import { SLOW_SET, writeSlowProject } from '../server/slow-project.js';
import { FULL, scale } from './scale.js';

const ROWS = scale(300_000, 2_000_000);
const TIMEOUT_MS = scale(2000, 8000);
const SMALL = scale(60, 400);
const ABANDON = scale(3, 10);

let data: DataDir;
let slow: string;
let s: RunningServer;
const logs: string[] = [];

before(async () => {
  data = new DataDir();
  slow = await writeSlowProject(data, { rows: ROWS });
  s = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataRoot: data.dir,
    token: TOKEN,
    log: (l) => logs.push(l),
    engine: { queryTimeoutMs: TIMEOUT_MS, queryConcurrency: 2, memoryLimit: '1GB' },
  });
});
after(async () => {
  await s?.close();
  data?.cleanup();
});

const send = (path: string, body: unknown, signal?: AbortSignal) =>
  fetch(`${s.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/vnd.apache.arrow.stream', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });

test(`slow training sets (${ROWS} spine rows) beside ${SMALL} small requests${FULL ? ' (full)' : ''}`, async () => {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    // More training sets than the lane holds: some run (and time out or finish), the rest are 503 busy.
    const heavy = Array.from({ length: 4 }, () => send(`/v1/training-sets/${SLOW_SET}`, { source: slow }).then(async (r) => ({ status: r.status, body: await r.text() })));
    await eventually(async () => s.app.ctx.engine.busy().heavy === 2, 10_000, 'two training sets to run');

    const small = [
      () => send('/v1/check', { source: slow }),
      () => send('/v1/check', { source: slow, data: false }),
      () => send('/v1/compile', { source: DEMO, object: 'train' }),
      () => fetch(`${s.url}/health`),
    ];
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < SMALL; i++) {
      const t0 = performance.now();
      const r = await small[i % small.length]!();
      await r.arrayBuffer();
      latencies.push(performance.now() - t0);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    const done = await Promise.all(heavy);
    latencies.sort((a, b) => a - b);
    const p50 = latencies[Math.floor(latencies.length / 2)]!;
    const max = latencies[latencies.length - 1]!;
    const heavyStatuses = done.map((d) => d.status);
    console.log(`small requests: ${JSON.stringify(Object.fromEntries(statuses))}, p50 ${p50.toFixed(0)} ms, max ${max.toFixed(0)} ms; training sets: ${heavyStatuses.join(', ')}`);
    assert.deepEqual([...statuses.keys()], [200], 'every small request answered 200');
    // Small requests share the CPU with the training sets but never wait for one to end.
    assert.ok(max < TIMEOUT_MS, `slowest small request ${max.toFixed(0)} ms`);
    for (const d of done) {
      assert.ok([200, 503, 504].includes(d.status), `training set answered ${d.status}: ${d.body.slice(0, 200)}`);
      if (d.status !== 200) assert.match(d.body, d.status === 503 ? /"code":"busy"/ : /"code":"query_timeout"/);
    }
    assert.ok(heavyStatuses.filter((x) => x === 503).length >= 2, 'the lane held two; the others were told busy');

    // Clients that go away: each query stops, the lane empties long before the time limit.
    for (let i = 0; i < ABANDON; i++) {
      const ac = new AbortController();
      const req = send(`/v1/training-sets/${SLOW_SET}`, { source: slow }, ac.signal).catch(() => 'aborted');
      await eventually(async () => s.app.ctx.engine.busy().heavy === 1, 10_000, 'the training set to start');
      await new Promise((r) => setTimeout(r, 100 + 50 * i));
      const t0 = Date.now();
      ac.abort();
      assert.equal(await req, 'aborted');
      await eventually(async () => s.app.ctx.engine.busy().heavy === 0, TIMEOUT_MS, 'the abandoned query to stop');
      assert.ok(Date.now() - t0 < Math.min(1500, TIMEOUT_MS), `stopped ${Date.now() - t0} ms after the client left`);
    }
    assert.equal(logs.filter((l) => /\(the client went away\)/.test(l)).length, ABANDON);

    // limit 1: the spine is cut first, so the slow set is cheap.
    const t0 = Date.now();
    const one = await fetch(`${s.url}/v1/training-sets/${SLOW_SET}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ source: slow, limit: 1 }) });
    const body = (await one.json()) as { rows: unknown[] };
    console.log(`limit 1: ${one.status} in ${Date.now() - t0} ms; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
    assert.equal(one.status, 200);
    assert.equal(body.rows.length, 1);
  } finally {
    clearInterval(sampler);
  }
  // DuckDB's 1 GB limit (plus the Node heap and the test's own data) bounds the process.
  assert.ok(peak < 2.5 * 2 ** 30, `peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB`);
});
