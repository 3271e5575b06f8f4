/**
 * Registry routes: publish a project (🔒), list projects, show one.
 * @module
 */
import { Hono, type Context } from 'hono';
import { compileObjects, EmitError } from '../../src/compile/emit-sql.js';
import { bearerAuth } from '../auth/index.js';
import { online, type ServerContext } from '../context.js';
import { ApiError } from '../errors/index.js';
import { definitionsJson, loadValidSource } from '../projects/index.js';
import { assertName, boolean, object, optional, readJson, string, type Schema } from '../validate/index.js';


export function registryRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const parseBody = <T>(c: Context, schema: Schema<T>) => readJson(c, schema, ctx.limits.bodyBytes);
  const body = object({
    source: string({ min: 1, max: ctx.limits.sourceChars }),
    path: optional(string({ min: 1, max: 1024 })),
    force: optional(boolean()),
  });

  app.post('/v1/publish', bearerAuth({ token: ctx.token }), async (c) => {
    const b = await parseBody(c, body);
    const { registry } = online(ctx);
    const p = await loadValidSource(ctx.root, ctx.engine, b.source, b.path);
    let sql: Record<string, string>;
    try {
      sql = compileObjects(p.plan);
    } catch (err) {
      if (err instanceof EmitError) throw new ApiError(422, 'invalid_project', err.message, { field: 'source' });
      throw err;
    }
    const r = await registry.publish({ source: b.source, plan: p.plan, sql, file: b.path ?? 'project.fdl', force: b.force ?? false });
    ctx.metrics.publishes.inc({ project: r.project, outcome: r.created ? 'created' : 'existing' });
    ctx.log(`featurebook serve: published ${r.project} ${r.version.slice(0, 12)}${r.previous ? ` (was ${r.previous.slice(0, 12)})` : ''}`);
    return c.json(r, r.created ? 201 : 200);
  });

  app.get('/v1/projects', async (c) => {
    const { registry } = online(ctx);
    const names = await registry.projects();
    const projects = [];
    for (const n of names) projects.push({ project: n, version: (await registry.current(n))?.version ?? null });
    return c.json({ projects });
  });

  app.get('/v1/projects/:project', async (c) => {
    const name = assertName(c.req.param('project'), 'project', 'project');
    const { registry, store } = online(ctx);
    const pv = await registry.current(name);
    if (!pv) throw new ApiError(404, 'not_found', `project '${name}' has not been published`);
    const [versions, live] = await Promise.all([registry.versions(name), store.live(name)]);
    return c.json(ctx.root.redactJson({
      project: pv.project,
      version: pv.version,
      published_at: pv.publishedAt,
      ...(pv.file ? { file: pv.file } : {}),
      source: pv.source,
      definitions: definitionsJson(pv.plan),
      sql: pv.sql,
      versions,
      materialized: live,
    }));
  });

  return app;
}
