/**
 * Bearer-token protection for the routes that change the registry or the
 * online store (🔒 in docs/http-api.md), and the answers' security headers.
 * With no token configured (unset, empty or only whitespace) those routes are
 * off: they answer 404 with a message saying how to turn them on. Failed
 * tokens are rate limited per client address; `/metrics` is open on loopback
 * binds and needs a token elsewhere. docs/http-api.md, "Security".
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../errors/index.js';
import { requestHeader } from '../validate/index.js';

export interface BearerOptions {
  /** The expected token; undefined, empty or whitespace turns the protected routes off. */
  token: string | undefined;
  /** What the token is called in the 404 when it is off (default FEATUREBOOK_TOKEN). */
  setting?: string;
  /** Counts failed tokens per client address; an address over the limit gets 429. */
  limiter?: FailureLimiter;
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Throws when a configured token holds characters a header cannot carry (checked before anything is opened). */
export function assertValidToken(token: string | undefined, setting = 'FEATUREBOOK_TOKEN'): void {
  const t = configuredToken(token);
  if (t !== undefined && !TOKEN.test(t)) {
    throw new Error(`${setting} may only hold letters, digits and - . _ ~ + / (and trailing =)`);
  }
}

/** The token as configured: surrounding whitespace dropped, and nothing left means none. */
export const configuredToken = (raw: string | undefined): string | undefined => raw?.trim() || undefined;

/** Failed token attempts allowed per client address within WINDOW_MS. */
export const MAX_FAILURES = 10;
const WINDOW_MS = 60_000;
/** Addresses remembered at most (the oldest are forgotten first), so that many addresses cannot grow memory without bound. */
const MAX_ADDRESSES = 10_000;

/** Failed token attempts per client address in the last minute. One per app, shared by every 🔒 route. */
export class FailureLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds until `address` may try again, or 0 when it may now. */
  retryAfter(address: string): number {
    const times = this.recent(address);
    return times.length < MAX_FAILURES ? 0 : Math.max(1, Math.ceil((times[0]! + WINDOW_MS - this.now()) / 1000));
  }

  fail(address: string): void {
    const times = this.recent(address);
    times.push(this.now());
    this.failures.delete(address); // re-insert: the Map's order is least recently failed first
    this.failures.set(address, times.slice(-MAX_FAILURES));
    if (this.failures.size > MAX_ADDRESSES) this.failures.delete(this.failures.keys().next().value!);
  }

  private recent(address: string): number[] {
    const t = this.now() - WINDOW_MS;
    return (this.failures.get(address) ?? []).filter((x) => x > t);
  }
}

/** The client's address: the TCP peer under @hono/node-server, else one shared bucket. */
export function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Requires `Authorization: Bearer <token>`. With a `limiter`, an address
 * with MAX_FAILURES wrong or malformed tokens in the last minute gets 429 until
 * the oldest is a minute old, whatever it sends (so guessing cannot go on at
 * full speed); a missing header is no attempt and does not count. Every answer
 * of a protected route is `Cache-Control: no-store`.
 *
 * @example
 * ```ts
 * app.post('/v1/publish', bearerAuth({ token: process.env.FEATUREBOOK_TOKEN }), handler)
 * ```
 */
export function bearerAuth(opts: BearerOptions): MiddlewareHandler {
  const setting = opts.setting ?? 'FEATUREBOOK_TOKEN';
  assertValidToken(opts.token, setting);
  const token = configuredToken(opts.token);
  const noStore = { 'Cache-Control': 'no-store' };
  if (!token) {
    return async (c) => {
      throw new ApiError(404, 'disabled', `${c.req.method} ${c.req.path} is off on this server: start it with ${setting} set to enable it`, { headers: noStore });
    };
  }
  const expected = digest(token);
  const challenge = { ...noStore, 'WWW-Authenticate': 'Bearer realm="featurebook"' };
  const { limiter } = opts;
  return async (c, next) => {
    const header = requestHeader(c, 'authorization');
    if (!header) throw new ApiError(401, 'unauthorized', "this route needs 'Authorization: Bearer <token>'", { headers: challenge });
    const address = clientAddress(c);
    const wait = limiter?.retryAfter(address) ?? 0;
    if (wait > 0) {
      throw new ApiError(429, 'rate_limited', `too many failed tokens from this address (${MAX_FAILURES} in a minute): try again in ${wait} s`, { headers: { ...noStore, 'Retry-After': String(wait) } });
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    // Compare digests: constant time and independent of the token's length.
    if (!m || !timingSafeEqual(digest(m[1]!), expected)) {
      limiter?.fail(address);
      throw new ApiError(401, 'unauthorized', m ? 'invalid bearer token' : "malformed Authorization header: expected 'Bearer <token>'", { headers: challenge });
    }
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  };
}

/**
 * Security headers on every answer: the API answers JSON or text only, so it
 * forbids sniffing, framing, referrers and every kind of embedded content.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  };
}

/** True for an address that only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export const isLoopback = (host: string): boolean => /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i.test(host.trim());

/**
 * Who may read `/metrics`: everyone when the server listens on loopback only
 * (only this machine reaches it); otherwise a bearer token, FEATUREBOOK_METRICS_TOKEN
 * when set, else the 🔒 routes' token.
 */
export function metricsAuth(opts: { listenHost: string | undefined; token: string | undefined; metricsToken: string | undefined; limiter?: FailureLimiter }): MiddlewareHandler {
  if (opts.listenHost === undefined || isLoopback(opts.listenHost)) return async (_c, next) => next();
  const metricsToken = configuredToken(opts.metricsToken);
  const limiter = opts.limiter ? { limiter: opts.limiter } : {};
  return bearerAuth(metricsToken ? { token: metricsToken, setting: 'FEATUREBOOK_METRICS_TOKEN', ...limiter } : { token: opts.token, setting: 'FEATUREBOOK_METRICS_TOKEN (or FEATUREBOOK_TOKEN)', ...limiter });
}
