/**
 * Bearer-token protection for the routes that change the registry or the
 * online store (🔒 in docs/http-api.md). With no token configured those routes are
 * off: they answer 404 with a message saying how to turn them on.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors/index.js';
import { requestHeader } from '../validate/index.js';

export interface BearerOptions {
  /** The expected token; undefined or empty turns the protected routes off. */
  token: string | undefined;
}

const digest = (s: string) => createHash('sha256').update(s).digest();
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Throws when a configured token holds characters a header cannot carry (checked before anything is opened). */
export function assertValidToken(token: string | undefined): void {
  const t = token?.trim();
  if (t !== undefined && t !== '' && !TOKEN.test(t)) {
    throw new Error('FEATUREBOOK_TOKEN may only hold letters, digits and - . _ ~ + / (and trailing =)');
  }
}

/**
 * Requires `Authorization: Bearer <token>`.
 *
 * @example
 * ```ts
 * app.post('/v1/publish', bearerAuth({ token: process.env.FEATUREBOOK_TOKEN }), handler)
 * ```
 */
export function bearerAuth(opts: BearerOptions): MiddlewareHandler {
  assertValidToken(opts.token);
  const token = opts.token?.trim();
  if (!token) {
    return async (c) => {
      throw new ApiError(404, 'disabled', `${c.req.method} ${c.req.path} is off on this server: start it with FEATUREBOOK_TOKEN set to enable publishing and materialization`);
    };
  }
  const expected = digest(token);
  const challenge = { 'WWW-Authenticate': 'Bearer realm="featurebook"' };
  return async (c, next) => {
    const header = requestHeader(c, 'authorization');
    if (!header) throw new ApiError(401, 'unauthorized', "this route needs 'Authorization: Bearer <token>'", { headers: challenge });
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw new ApiError(401, 'unauthorized', "malformed Authorization header: expected 'Bearer <token>'", { headers: challenge });
    // Compare digests: constant time and independent of the token's length.
    if (!timingSafeEqual(digest(m[1]!), expected)) throw new ApiError(401, 'unauthorized', 'invalid bearer token', { headers: challenge });
    await next();
  };
}
