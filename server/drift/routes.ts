/**
 * GET /v1/drift/:project/:monitor — drift of a published monitor against
 * the prediction logs of the project's models.
 *
 * Query: `from`, `to` (ISO times: only log entries in [from, to)),
 * `limit` (newest entries read per model, default 100000), `permutations`
 * (label shuffles for the no-drift values, 0–100, default 20).
 * @module
 */
import { Hono } from 'hono';
import { parseUtc } from '../../src/compile/emit-sql.js';
import { online, type ServerContext } from '../context.js';
import { ApiError } from '../errors/index.js';
import { assertName } from '../validate/index.js';
import { DriftService, type DriftQuery } from './index.js';


function query(c: { req: { query(name: string): string | undefined } }): DriftQuery {
  const time = (name: 'from' | 'to') => {
    const v = c.req.query(name);
    if (v === undefined || v === '') return undefined;
    const ms = parseUtc(v);
    if (Number.isNaN(ms)) throw new ApiError(400, 'invalid_body', `'${v.slice(0, 60)}' is not a time: use 2024-06-01 or 2024-06-01T12:00:00Z`, { field: name });
    return ms;
  };
  const int = (name: string, def: number, min: number, max: number) => {
    const v = c.req.query(name);
    if (v === undefined || v === '') return def;
    const x = Number(v);
    if (!Number.isInteger(x) || x < min || x > max) throw new ApiError(400, 'invalid_body', `${name} must be a whole number from ${min} to ${max}`, { field: name });
    return x;
  };
  const fromMs = time('from');
  const toMs = time('to');
  if (fromMs !== undefined && toMs !== undefined && fromMs >= toMs) throw new ApiError(400, 'invalid_body', 'from must be before to', { field: 'to' });
  const maxBytes = Number(process.env.FEATUREBOOK_DRIFT_LOG_BYTES) || undefined;
  return {
    ...(fromMs !== undefined ? { fromMs } : {}),
    ...(toMs !== undefined ? { toMs } : {}),
    limit: int('limit', 100_000, 1, 1_000_000),
    permutations: int('permutations', 20, 0, 100),
    ...(maxBytes && maxBytes > 0 ? { maxBytes } : {}),
  };
}

export function driftRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  let service: DriftService | undefined;
  app.get('/v1/drift/:project/:monitor', async (c) => {
    const project = assertName(c.req.param('project'), 'project', 'project');
    const monitor = assertName(c.req.param('monitor'), 'monitor', 'monitor');
    const q = query(c);
    const { registry } = online(ctx);
    service ??= new DriftService(ctx, registry.redis, registry.keys, registry);
    return c.json(await service.report(project, monitor, q));
  });
  return app;
}
