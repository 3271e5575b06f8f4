/**
 * Hostile input against a real server on loopback (real DuckDB, real
 * redis-server): a bounded loop of huge bodies, bad JSON, odd names,
 * prototype keys, forged Host headers, path traversal and dotfiles, sent
 * without the token. Every answer must be a JSON 4xx (never a 5xx), no
 * answer may carry a secret from a dotfile or an absolute server path, and
 * the server must still serve afterwards.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../server/http.js';
import { RedisHarness } from '../server/redis-harness.js';
import { DEMO, DataDir, TOKEN, rawRequest, writeDemoData } from '../server/helpers.js';
import { NAME_RULE } from '../../server/validate/index.js';
import { scale } from './scale.js';

const SECONDS = scale(5, 30);
const SECRET = 'hunter2-secret-value';

let redis: RedisHarness;
let data: DataDir;
let server: RunningServer;

before(async () => {
  redis = await RedisHarness.start();
  data = new DataDir();
  writeDemoData(data);
  data.write('.env', `API_KEY=${SECRET}\n`);
  data.write('data/.secret.csv', `user_id,ts\n${SECRET},2024-01-01\n`);
  server = await startServer({ host: '127.0.0.1', port: 0, dataRoot: data.dir, redisUrl: redis.url, token: TOKEN, threads: 1, log: () => {}, limits: { bodyBytes: 256 * 1024 } });
  const pub = await rawRequest(server.port, { method: 'POST', path: '/v1/publish', body: JSON.stringify({ source: DEMO }), headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(pub.status, 201, JSON.stringify(pub.body));
});
after(async () => {
  await server?.close();
  await redis?.cleanup();
  data?.cleanup();
});

const ODD = ['__proto__', 'constructor', 'toString', 'my proj}{x', '`a`', '../../etc', '%00', 'a'.repeat(5000), '', ' ', 'ü', '{x}', 'demo\n'];
const PATHS = ['.env', '../../../../etc/passwd', '/etc/passwd', 'data/.secret.csv', 'data/*', 'data/**/*', 'data/../.env', 'file:///etc/passwd', 'http://127.0.0.1:1/x.csv', 'data/\u0000x.csv'];
const FDL = (path: string) => DEMO.replace('project demo', 'project hostile').replace('"data/labels.csv"', JSON.stringify(path) + ' format csv');

/** The i-th hostile request: method, path, body and headers (the Host among them). */
function hostile(i: number, port: number): { method: string; path: string; body?: string; headers?: Record<string, string>; host?: string } {
  const odd = ODD[i % ODD.length]!;
  const file = PATHS[i % PATHS.length]!;
  const k = encodeURIComponent(odd);
  switch (i % 16) {
    case 0:
      return { method: 'POST', path: '/v1/check', body: JSON.stringify({ source: 'x'.repeat(300 * 1024) }) };
    case 1:
      return { method: 'POST', path: '/v1/features', body: '{"project": "demo", "features": [' };
    case 2:
      return { method: 'POST', path: '/v1/features', body: JSON.stringify({ project: odd, features: ['user_spend.n'], entities: [{ user_id: 'u1' }] }) };
    case 3:
      return { method: 'POST', path: '/v1/compile', body: JSON.stringify({ source: DEMO, object: odd }) };
    case 4:
      return { method: 'POST', path: '/v1/check', body: `{"source": "project x", "${odd.replace(/["\\\n]/g, '')}": 1}` };
    case 5:
      return { method: 'GET', path: '/health', host: ['evil.example', `rebind.example:${port}`, 'localhost:1', '[::2]', 'a b', 'x'.repeat(300)][i % 6]! };
    case 6:
      return { method: 'POST', path: '/v1/training-sets/train', body: JSON.stringify({ source: FDL(file) }) };
    case 7:
      return { method: 'POST', path: '/v1/training-sets/train', body: JSON.stringify({ source: FDL(file) }), headers: { authorization: `Bearer ${TOKEN}` } };
    case 8:
      return { method: 'POST', path: '/v1/check', body: JSON.stringify({ source: FDL(file), path: ['.x/p.fdl', '../p.fdl', '/abs.fdl', 'ok.fdl'][i % 4] }) };
    case 9:
      return { method: 'POST', path: '/v1/check', body: JSON.stringify({ source: FDL(file) }), headers: { authorization: `Bearer ${TOKEN}` } };
    case 10:
      return { method: 'POST', path: '/v1/predict', body: JSON.stringify({ project: 'demo', model: 'lr', entities: [{ user_id: 'u1', [odd || 'x']: 'y'.repeat(1000) }] }) };
    case 11:
      return { method: 'GET', path: `/v1/projects/${k}` };
    case 12:
      return { method: 'GET', path: `/v1/drift/${k}/${k}?limit=${['-1', '1e9', 'x', '5'][i % 4]}` };
    case 13:
      return { method: 'POST', path: `/v1/training-sets/${k}`, body: JSON.stringify({ project: 'demo' }) };
    case 14:
      return { method: 'POST', path: '/v1/features', body: JSON.stringify({ project: 'demo', features: ['user_spend.n'], entities: [JSON.parse(`{"__proto__": {"user_id": "u1"}, "constructor": 1}`)] }) };
    default:
      return { method: 'POST', path: '/v1/publish', body: JSON.stringify({ source: DEMO.replace('project demo', `project \`${odd.replace(/[`\n]/g, '')}\``) }), headers: { authorization: `Bearer ${TOKEN}` } };
  }
}

test(`hostile requests for ${SECONDS} s: only 4xx, nothing leaked, the server alive`, async () => {
  const counts = { '2xx': 0, '4xx': 0, '5xx': 0 } as Record<string, number>;
  const byStatus = new Map<number, number>();
  const until = Date.now() + SECONDS * 1000;
  let i = 0;
  const worker = async () => {
    while (Date.now() < until && i < scale(4000, 40000)) {
      const req = hostile(i++, server.port);
      const r = await rawRequest(server.port, req);
      byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
      const klass = `${Math.floor(r.status / 100)}xx`;
      counts[klass] = (counts[klass] ?? 0) + 1;
      const text = typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
      assert.ok(r.status < 500, `${req.method} ${req.path} → ${r.status}: ${text.slice(0, 300)}`);
      assert.ok(!text.includes(SECRET) && !text.includes('API_KEY'), `leaked a dotfile: ${req.method} ${req.path}: ${text.slice(0, 300)}`);
      assert.ok(!text.includes(data.dir), `absolute server path in ${req.method} ${req.path}: ${text.slice(0, 300)}`);
      if (r.status >= 400) assert.equal(typeof r.body?.error?.code, 'string', `${req.method} ${req.path} → ${r.status} without a JSON error: ${text.slice(0, 200)}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  const summary = [...byStatus].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(', ');
  process.stderr.write(`hostile input: ${i} requests in ${SECONDS} s — ${summary}\n`);
  assert.equal(counts['5xx'], 0);
  assert.ok(counts['4xx']! > i / 2, summary);
  // Still serving, and serving right.
  const health = await rawRequest(server.port, { path: '/health' });
  assert.equal(health.status, 200);
  assert.equal(health.body.redis, 'up');
  const f = await rawRequest(server.port, { method: 'POST', path: '/v1/features', body: JSON.stringify({ project: 'demo', features: ['user_spend.n'], entities: [{ user_id: 'u1' }] }) });
  assert.equal(f.status, 200, JSON.stringify(f.body));
  // What publish accepted follows the one name rule (a `__proto__` project is a name like any other).
  for (const p of await server.app.ctx.registry!.projects()) {
    assert.match(p, NAME_RULE);
    const page = await rawRequest(server.port, { path: `/v1/projects/${p}` });
    assert.equal(page.status, 200, `${p}: ${JSON.stringify(page.body).slice(0, 200)}`);
    assert.equal(page.body.project, p);
  }
});
