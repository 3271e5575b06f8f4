/** Shared bits of the server tests: a temp data root with a small project, and request helpers. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { request } from 'node:http';
import type { Hono } from 'hono';

export const TOKEN = 'test-token-123';

export class DataDir {
  readonly dir = mkdtempSync(join(tmpdir(), 'featurebook-data-'));
  write(rel: string, text: string | Uint8Array) {
    const p = join(this.dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
    return p;
  }
  cleanup() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Events of two users and two merchants, a spine of labels. */
export function writeDemoData(d: DataDir) {
  d.write(
    'data/tx.csv',
    [
      'user_id,merchant_id,ts,amount,country',
      'u1,m1,2024-01-01 00:00:00,10,FR',
      'u1,m2,2024-01-02 00:00:00,20,DE',
      'u1,m1,2024-01-04 12:00:00,5,FR',
      'u2,m1,2024-01-03 00:00:00,7.5,US',
      'u3,m2,2024-02-01 00:00:00,1,US',
    ].join('\n') + '\n',
  );
  d.write('data/labels.csv', ['user_id,merchant_id,ts,is_fraud', 'u1,m1,2024-01-05 00:00:00,0', 'u2,m1,2024-01-05 00:00:00,1', 'u9,m2,2024-01-05 00:00:00,0'].join('\n') + '\n');
}

export const DEMO = `project demo

source tx { path "data/tx.csv" timestamp ts }
source labels { path "data/labels.csv" timestamp ts }

entity user { key user_id }
entity merchant { key merchant_id }

features user_spend on tx by user {
  n        = count()
  spend_7d = sum(amount) over 7d
  last_country = last(country)
  ttl 90d
}

features merchant_risk on tx by merchant {
  m_n = count() over 30d
}

training_set train {
  spine labels
  label is_fraud
  features user_spend.*, merchant_risk.m_n
}

model lr {
  fit logistic on train
  inputs user_spend.spend_7d, user_spend.n
}
`;

export interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** POSTs JSON to an in-process app (or any fetch-like). */
export async function post<T = any>(app: Pick<Hono, 'request'>, path: string, body: unknown, opts: { token?: string | null; headers?: Record<string, string> } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  const token = opts.token === undefined ? TOKEN : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await app.request(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, body: parsed as T, headers: r.headers };
}

export async function get<T = any>(app: Pick<Hono, 'request'>, path: string): Promise<Answer<T>> {
  const r = await app.request(path);
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, body: parsed as T, headers: r.headers };
}

/** Polls `fn` until it returns a truthy value or `ms` pass. */
export async function eventually<T>(fn: () => Promise<T>, ms = 5000, what = 'condition'): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A raw HTTP request with any Host header (fetch would not send a forged one). */
export function rawRequest(port: number, opts: { method?: string; path: string; host?: string; body?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { ...(opts.host !== undefined ? { host: opts.host } : {}), ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...opts.headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          /* not JSON */
        }
        done({ status: res.statusCode!, body });
      });
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}
