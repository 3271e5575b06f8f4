/** Bearer auth: routes off without a token, 401 without or with a wrong one, through with the right one. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { bearerAuth } from '../../server/auth/index.js';
import { onError } from '../../server/errors/index.js';

const appWith = (token: string | undefined) => {
  const app = new Hono();
  app.onError(onError(() => {}));
  app.post('/x', bearerAuth({ token }), (c) => c.json({ ok: true }));
  return app;
};

test('no token configured: the route is off (404 with a clear message)', async () => {
  for (const token of [undefined, '']) {
    const r = await appWith(token).request('/x', { method: 'POST', headers: { authorization: 'Bearer anything' } });
    assert.equal(r.status, 404);
    const b = (await r.json()) as { error: { code: string; message: string } };
    assert.equal(b.error.code, 'disabled');
    assert.match(b.error.message, /FEATUREBOOK_TOKEN/);
  }
});

test('missing, malformed or wrong token: 401 with a challenge', async () => {
  const app = appWith('s3cret-token');
  for (const h of [undefined, 'Basic abc', 'Bearer', 'Bearer wrong', 'Bearer s3cret-token2', 'Bearer s3cret-toke']) {
    const r = await app.request('/x', { method: 'POST', headers: h ? { authorization: h } : {} });
    assert.equal(r.status, 401, String(h));
    assert.equal(r.headers.get('www-authenticate'), 'Bearer realm="featurebook"');
    const b = (await r.json()) as { error: { code: string } };
    assert.equal(b.error.code, 'unauthorized');
  }
});

test('the right token passes', async () => {
  const r = await appWith('s3cret-token').request('/x', { method: 'POST', headers: { authorization: 'Bearer s3cret-token' } });
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { ok: true });
});

test('a token with characters a header cannot carry is refused at creation', () => {
  assert.throws(() => bearerAuth({ token: 'has space' }), /FEATUREBOOK_TOKEN/);
});
