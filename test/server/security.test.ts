/**
 * The server's deliberate security choices (docs/http-api.md, "Security"):
 * failed tokens rate limited per client address, security headers on every
 * answer, /metrics open on loopback only, a whitespace-only token is no token
 * and the log says so. Against a real server on a loopback port.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createApp } from '../../server/app.js';
import { FailureLimiter, MAX_FAILURES } from '../../server/auth/index.js';
import { startServer, type RunningServer } from '../../server/http.js';
import { DEMO, DataDir, TOKEN, get, post, writeDemoData } from './helpers.js';

let data: DataDir;
let s: RunningServer;

before(async () => {
  data = new DataDir();
  writeDemoData(data);
  s = await startServer({ host: '127.0.0.1', port: 0, dataRoot: data.dir, redisUrl: undefined, token: TOKEN, threads: 1, log: () => {} });
});
after(async () => {
  await s?.close();
  data?.cleanup();
});

const publish = (authorization?: string) =>
  fetch(`${s.url}/v1/publish`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify({ source: DEMO }) });

describe('failed tokens', () => {
  test(`${MAX_FAILURES} wrong tokens from one address, then 429 rate_limited with Retry-After, even for the right token`, async () => {
    // A missing header is not an attempt: it never counts.
    for (let i = 0; i < 3 * MAX_FAILURES; i++) assert.equal((await publish()).status, 401);
    for (let i = 0; i < MAX_FAILURES; i++) {
      const r = await publish(`Bearer wrong-${i}`);
      assert.equal(r.status, 401, `attempt ${i + 1}`);
      assert.equal(r.headers.get('cache-control'), 'no-store');
    }
    for (const h of ['Bearer wrong-again', 'Bearer not a token', `Bearer ${TOKEN}`]) {
      const r = await publish(h);
      assert.equal(r.status, 429, h);
      const retry = Number(r.headers.get('retry-after'));
      assert.ok(retry >= 1 && retry <= 60, `Retry-After ${retry}`);
      const b = (await r.json()) as { error: { code: string; message: string } };
      assert.equal(b.error.code, 'rate_limited');
      assert.match(b.error.message, /too many failed tokens .* try again in \d+ s/);
    }
    // The unauthenticated routes are not affected.
    assert.equal((await fetch(`${s.url}/health`)).status, 200);
  });

  test('the limiter forgets failures after a minute and remembers a bounded number of addresses', () => {
    let now = 1_000_000;
    const l = new FailureLimiter(() => now);
    for (let i = 0; i < MAX_FAILURES; i++) l.fail('10.0.0.1');
    assert.ok(l.retryAfter('10.0.0.1') > 0);
    assert.equal(l.retryAfter('10.0.0.2'), 0, 'another address is not limited');
    now += 30_000;
    assert.equal(l.retryAfter('10.0.0.1'), 30);
    now += 30_001;
    assert.equal(l.retryAfter('10.0.0.1'), 0);
    for (let i = 0; i < 10_050; i++) l.fail(`a${i}`);
    assert.ok((l as unknown as { failures: Map<string, number[]> }).failures.size <= 10_000);
  });
});

describe('security headers', () => {
  const expected = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" };
  const check = (h: Headers, what: string) => {
    for (const [k, v] of Object.entries(expected)) assert.equal(h.get(k), v, `${what}: ${k}`);
  };
  test('on answers, errors, unknown routes and /metrics', async () => {
    check((await fetch(`${s.url}/health`)).headers, '/health');
    check((await fetch(`${s.url}/nope`)).headers, '404');
    check((await fetch(`${s.url}/v1/check`, { method: 'POST', body: '{bad', headers: { 'content-type': 'application/json' } })).headers, '400');
    check((await fetch(`${s.url}/metrics`)).headers, '/metrics');
  });
  test('on the 421 of a forged Host', async () => {
    const r = await new Promise<{ status: number; headers: Headers }>((done, fail) => {
      const req = request({ host: '127.0.0.1', port: s.port, path: '/health', headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        const headers = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
        done({ status: res.statusCode!, headers });
      });
      req.on('error', fail);
      req.end();
    });
    assert.equal(r.status, 421);
    check(r.headers, '421');
  });
});

describe('/metrics access', () => {
  test('open when the server listens on loopback', async () => {
    const r = await fetch(`${s.url}/metrics`);
    assert.equal(r.status, 200);
    assert.match(await r.text(), /featurebook_http_requests_total/);
  });
  test('off loopback it needs the token (FEATUREBOOK_METRICS_TOKEN when set, else FEATUREBOOK_TOKEN)', async () => {
    const fb = await createApp({ dataRoot: data.dir, redisUrl: undefined, token: TOKEN, listenHost: '0.0.0.0', metricsToken: undefined, threads: 1, log: () => {} });
    try {
      assert.equal((await get(fb.app, '/metrics')).status, 401);
      const ok = await fb.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('cache-control'), 'no-store');
      assert.equal((await get(fb.app, '/health')).status, 200, '/health stays open');
    } finally {
      await fb.close();
    }
    const own = await createApp({ dataRoot: data.dir, redisUrl: undefined, token: TOKEN, listenHost: '10.1.2.3', metricsToken: 'scrape-only', threads: 1, log: () => {} });
    try {
      assert.equal((await own.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status, 401);
      assert.equal((await own.app.request('/metrics', { headers: { authorization: 'Bearer scrape-only' } })).status, 200);
    } finally {
      await own.close();
    }
    const none = await createApp({ dataRoot: data.dir, redisUrl: undefined, token: undefined, listenHost: '0.0.0.0', metricsToken: undefined, threads: 1, log: () => {} });
    try {
      const r = await get(none.app, '/metrics');
      assert.equal(r.status, 404);
      assert.match(r.body.error.message, /FEATUREBOOK_METRICS_TOKEN/);
    } finally {
      await none.close();
    }
  });
});

describe('a whitespace-only token', () => {
  test('turns the protected routes off, as no token does', async () => {
    const fb = await createApp({ dataRoot: data.dir, redisUrl: undefined, token: ' \t ', threads: 1, log: () => {} });
    try {
      const r = await post(fb.app, '/v1/publish', { source: DEMO }, { token: 'anything' });
      assert.equal(r.status, 404);
      assert.equal(r.body.error.code, 'disabled');
    } finally {
      await fb.close();
    }
  });

  test("serve's log says the routes are off because the token is only whitespace (not that they need it)", async () => {
    const root = new URL('../..', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--data-root', data.dir], {
      cwd: root,
      env: { ...process.env, FEATUREBOOK_TOKEN: '   ', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    try {
      await new Promise<void>((done, fail) => {
        const t = setTimeout(() => fail(new Error(`no startup line:\n${out}`)), 30_000);
        const on = (d: Buffer) => {
          out += d;
          if (/publish and materialize/.test(out)) {
            clearTimeout(t);
            done();
          }
        };
        child.stdout.on('data', on);
        child.stderr.on('data', on);
        child.once('exit', (code) => fail(new Error(`exited ${code}:\n${out}`)));
      });
      assert.match(out, /publish and materialize are off \(FEATUREBOOK_TOKEN is only whitespace\)/);
      assert.doesNotMatch(out, /need the bearer token/);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
