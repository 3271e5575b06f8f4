/**
 * The language routes: check FDL, compile it to SQL, build a training set
 * (as JSON rows or an Arrow IPC stream).
 * @module
 */
import { isFeaturebookError } from '../../src/errors.js';
import { Hono, type Context } from 'hono';
import { toArrowIpc } from '../../src/arrow.js';
import { compileObjects } from '../../src/compile/emit-sql.js';
import type { ProjectPlan } from '../../src/compile/plan.js';
import type { QueryResult } from '../../src/engine/engine.js';
import { didYouMean, hasErrors } from '../../src/lang/diagnostics.js';
import { engineReason } from '../../src/project.js';
import { buildTrainingSet } from '../../src/training-set.js';
import { online, type ServerContext } from '../context.js';
import { ApiError } from '../errors/index.js';
import { assertPlanPaths, diagnosticsJson, loadSource, loadValidSource } from '../projects/index.js';
import { assertName, boolean, fail, integer, nameField, object, optional, readJson, string, requestHeader, type Schema } from '../validate/index.js';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';


export function compileRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const parseBody = <T>(c: Context, schema: Schema<T>) => readJson(c, schema, ctx.limits.bodyBytes);
  const source = string({ min: 1, max: ctx.limits.sourceChars });
  const path = optional(string({ min: 1, max: 1024 }));

  const checkBody = object({ source, path, data: optional(boolean()) });
  // Files the operator did not publish are read for a request only with the token: check and
  // compile read data (for column types) only then, and a training set from FDL sent in the request needs it.
  const auth = (c: Context) => ctx.auth(c, async () => {});
  // True with the right token; false without one, or with a wrong one (401/429: the FDL is still checked, without data).
  const authorized = (c: Context) =>
    auth(c).then(
      () => true,
      (err) => {
        if (err instanceof ApiError) return false;
        throw err;
      },
    );
  const skipped = ctx.token
    ? "data checks were skipped (column names and types are not checked against the files): send 'Authorization: Bearer <token>' to check against the data"
    : 'data checks were skipped (column names and types are not checked against the files): this server reads data files for check and compile only with a token (FEATUREBOOK_TOKEN)';
  const compileBody = object({ source, path, object: optional(string({ min: 1, max: 200 })) });
  const trainingSetBody = object(
    {
      project: optional(nameField('project')),
      source: optional(source),
      path,
      limit: optional(integer({ min: 0 })),
    },
    {
      check: (o) => {
        if ((o.project === undefined) === (o.source === undefined)) fail('', "send either 'project' (a published project) or 'source' (FDL text), not both or neither");
        if (o.project !== undefined && o.path !== undefined) fail('path', "only goes with 'source'");
      },
    },
  );

  app.post('/v1/check', async (c) => {
    const body = await parseBody(c, checkBody);
    // `data: false` checks names only, without reading the data for column types.
    // Column types come from the short lane (never behind a training set); without data (or the token), no DuckDB at all.
    const data = body.data !== false && (await authorized(c));
    const p = data
      ? await ctx.engine.run('short', { signal: c.req.raw.signal, what: 'the check' }, (e) => loadSource(ctx.root, e, body.source, body.path))
      : await loadSource(ctx.root, undefined, body.source, body.path);
    return c.json(ctx.root.redactJson({ ok: !hasErrors(p.diagnostics), diagnostics: diagnosticsJson(p.diagnostics), ...(data || body.data === false ? {} : { note: skipped }) }));
  });

  app.post('/v1/compile', async (c) => {
    const body = await parseBody(c, compileBody);
    const data = await authorized(c);
    const p = data
      ? await ctx.engine.run('short', { signal: c.req.raw.signal, what: 'the compile' }, (e) => loadSource(ctx.root, e, body.source, body.path))
      : await loadSource(ctx.root, undefined, body.source, body.path);
    const diagnostics = diagnosticsJson(p.diagnostics);
    const note = data ? {} : { note: skipped };
    if (!p.plan) return c.json(ctx.root.redactJson({ ok: false, sql: {}, diagnostics, ...note }));
    let sql: Record<string, string>;
    try {
      sql = compileObjects(p.plan);
    } catch (err) {
      if (isFeaturebookError(err)) throw new ApiError(422, 'invalid_project', err.message, { field: 'source' });
      throw err;
    }
    if (body.object !== undefined) {
      const one = Object.hasOwn(sql, body.object) ? sql[body.object] : undefined;
      if (one === undefined) {
        const s = didYouMean(body.object, Object.keys(sql));
        throw new ApiError(404, 'not_found', `no source, feature block or training set named '${body.object}'${s ? ` (did you mean '${s}'?)` : ''}`, { field: 'object' });
      }
      sql = { [body.object]: one };
    }
    return c.json(ctx.root.redactJson({ ok: true, sql, diagnostics, ...note }));
  });

  app.post('/v1/training-sets/:name', async (c) => {
    const name = assertName(c.req.param('name'), 'name', 'training set');
    const body = await parseBody(c, trainingSetBody);
    let plan: ProjectPlan;
    if (body.project !== undefined) {
      const pv = await online(ctx).registry.current(body.project);
      if (!pv) throw new ApiError(404, 'not_found', `project '${body.project}' has not been published`, { field: 'project' });
      plan = pv.plan;
    } else {
      // FDL sent in the request may name any file under the data root: only with the token (401, or 404 when the server has none).
      try {
        await auth(c);
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const why = "a training set from FDL sent in 'source' reads data files the operator did not publish";
        const fix = ctx.token ? "send 'Authorization: Bearer <token>'" : 'start the server with FEATUREBOOK_TOKEN and send it';
        throw new ApiError(err.status as 401 | 404, err.code, `${why}: ${fix}, or build a published project with 'project'`, { field: 'source', ...(err.headers ? { headers: err.headers } : {}) });
      }
      plan = (await ctx.engine.run('short', { signal: c.req.raw.signal, what: 'loading the project' }, (e) => loadValidSource(ctx.root, e, body.source!, body.path))).plan;
    }
    const set = plan.trainingSets.find((t) => t.name === name);
    if (!set) {
      const names = plan.trainingSets.map((t) => t.name);
      const s = didYouMean(name, names);
      throw new ApiError(404, 'not_found', `no training set named '${name}'${s ? ` (did you mean '${s}'?)` : names.length ? `; known: ${names.join(', ')}` : ''}`);
    }
    assertPlanPaths(ctx.root, plan);
    let result: QueryResult;
    try {
      // The heavy lane: a few training sets at once (503 `busy` beyond), each under the query time limit
      // and stopped when the client goes away; `limit` goes into the SQL (only the first spine rows are built).
      const opts = body.limit !== undefined ? { limit: body.limit } : {};
      result = await ctx.engine.run('heavy', { signal: c.req.raw.signal, what: `training set '${name}'` }, (e) => buildTrainingSet(e, plan, name, opts));
    } catch (err) {
      if (err instanceof ApiError) throw err;
      throw new ApiError(422, 'query_failed', `building '${name}' failed: ${engineReason(err)}`);
    }
    if (body.limit !== undefined) result = { columns: result.columns, rows: result.rows.slice(0, body.limit) };
    if ((requestHeader(c, 'accept') ?? '').includes(ARROW_STREAM)) {
      return c.body(toArrowIpc(result) as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': ARROW_STREAM });
    }
    if (result.rows.length > ctx.limits.trainingSetRows) {
      throw new ApiError(413, 'body_too_large', `training set '${name}' has ${result.rows.length} rows, more than ${ctx.limits.trainingSetRows} for a JSON answer: ask for 'Accept: ${ARROW_STREAM}' or send a 'limit'`);
    }
    return c.json({ training_set: name, columns: result.columns, rows: result.rows });
  });

  return app;
}
