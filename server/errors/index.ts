/**
 * The server's one error shape: `{error: {code, message, field?}}` with a 4xx
 * or 5xx status. Handlers throw `ApiError` (an `HTTPException`); `onError`
 * turns anything thrown into that shape, so no stack trace reaches a client.
 * @module
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCode =
  | 'invalid_json'
  | 'invalid_body'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'unauthorized'
  | 'rate_limited'
  | 'disabled'
  | 'not_found'
  | 'conflict'
  | 'empty_generation'
  | 'breaking_change'
  | 'stale_plan'
  | 'invalid_project'
  | 'path_not_allowed'
  | 'query_failed'
  | 'redis_unavailable'
  | 'redis_out_of_memory'
  | 'redis_not_configured'
  | 'method_not_allowed'
  | 'busy'
  | 'query_timeout'
  | 'cancelled'
  | 'host_not_allowed'
  | 'internal';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; details?: unknown };
}

/**
 * An error with a status, a stable code and a message meant for the client.
 *
 * @example
 * ```ts
 * throw new ApiError(400, 'invalid_body', "expected a string", { field: 'source' })
 * ```
 */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: unknown;
  readonly headers: Record<string, string> | undefined;
  constructor(
    status: ContentfulStatusCode,
    code: ErrorCode,
    message: string,
    extra: { field?: string; details?: unknown; headers?: Record<string, string> } = {},
  ) {
    super(status, { message });
    this.code = code;
    this.field = extra.field;
    this.details = extra.details;
    this.headers = extra.headers;
  }

  body(): ErrorBody {
    const e: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.field !== undefined) e.field = this.field;
    if (this.details !== undefined) e.details = this.details;
    return { error: e };
  }
}

/** Redis could not be reached (or timed out); the server keeps retrying in the background. */
export class RedisUnavailableError extends ApiError {
  constructor(message = 'Redis is unavailable; the server retries in the background — try again shortly') {
    super(503, 'redis_unavailable', message, { headers: { 'Retry-After': '1' } });
  }
}

/** Redis refused a write: it reached `maxmemory` and its policy evicts nothing (`noeviction`). Nothing was changed. */
export class RedisOutOfMemoryError extends ApiError {
  constructor() {
    super(
      503,
      'redis_out_of_memory',
      "Redis is out of memory (it reached 'maxmemory' and evicts nothing), so nothing was written; what is live stays live",
      { headers: { 'Retry-After': '5' }, details: { hint: "give Redis more memory (CONFIG SET maxmemory), or free some (e.g. lower --predlog-max-len, drop unused projects); reads keep working" } },
    );
  }
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid_body',
  401: 'unauthorized',
  403: 'disabled',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'body_too_large',
  415: 'unsupported_media_type',
  503: 'redis_unavailable',
};

/** `redact`: rewrites the answer's text (server paths → paths relative to the data root). */
export function errorResponse(c: Context, err: ApiError, redact?: <T>(v: T) => T): Response {
  if (err.headers) for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
  const body = err.body();
  return c.json(redact ? redact(body) : body, err.status as ContentfulStatusCode);
}

/**
 * Hono `onError`: ApiError as is; other HTTPExceptions (from Hono's own
 * middleware) keep their status with a code derived from it; anything else
 * is a 500 whose details go to the log only. `redact` rewrites every error
 * answer (the app passes `DataRoot.redactJson`: no absolute server paths).
 */
export function onError(log: (line: string) => void = (l) => process.stderr.write(l + '\n'), redact?: <T>(v: T) => T): ErrorHandler {
  return (err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err, redact);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'invalid_body');
      const message = err.message || (status === 401 ? 'missing or invalid bearer token' : `request failed with status ${status}`);
      return errorResponse(c, new ApiError(status, code, message), redact);
    }
    log(`featurebook serve: internal error on ${c.req.method} ${c.req.path}: ${(err as Error)?.stack ?? String(err)}`);
    return errorResponse(c, new ApiError(500, 'internal', 'internal server error; the details are in the server log'));
  };
}

export const notFound: NotFoundHandler = (c) =>
  errorResponse(c, new ApiError(404, 'not_found', `no route ${c.req.method} ${c.req.path}; see docs/http-api.md`));
