/**
 * Registry routes: publish a project (🔒), list projects, show one.
 * @module
 */
import { isFeaturebookError } from '../../src/errors.js';
import { Hono, type Context } from 'hono';
import { compileObjects } from '../../src/compile/emit-sql.js';
import { online, type ServerContext } from '../context.js';
import { ApiError } from '../errors/index.js';
import { definitionsJson, loadValidSource } from '../projects/index.js';
import { versionOf, type Registry } from './index.js';
import type { ProjectPlan } from '../../src/compile/plan.js';
import type { DataRoot } from '../data-root/index.js';
import { assertName, boolean, object, optional, readJson, string, type Schema } from '../validate/index.js';


/**
 * A version is immutable: publishing text that was published before keeps
 * the stored plan. When that plan cannot be served here (its data paths lie
 * outside this server's data root, e.g. it was published by the CLI from
 * another folder) while the one just compiled can, keeping it would leave
 * every materialization refused: answer 409 saying why and what to do.
 */
async function refuseUnusableStoredCopy(registry: Registry, root: DataRoot, plan: ProjectPlan, source: string): Promise<void> {
  const version = versionOf(source);
  const stored = await registry.load(plan.project, version, { anyPlanVersion: true });
  if (!stored) return;
  const why = (p: ProjectPlan) => {
    for (const s of p.sources) {
      const r = root.check(s.path);
      if (r) return `source '${s.name}' reads '${root.relative(s.path)}': ${r}`;
    }
    return undefined;
  };
  const storedWhy = why(stored.plan);
  if (!storedWhy || why(plan)) return;
  throw new ApiError(
    409,
    'conflict',
    `${plan.project} ${version.slice(0, 12)} is already stored with the same text, published from ${stored.file ? `'${root.relative(stored.file)}'` : 'elsewhere'}, and that stored plan cannot be served here (${storedWhy}); ` +
      `versions never change, so publishing it again keeps it: change the text (a comment will do) to make a new version, or publish from inside the data root in the first place`,
    { field: 'source', details: { version, stored_file: stored.file ? root.relative(stored.file) : null } },
  );
}

export function registryRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  const parseBody = <T>(c: Context, schema: Schema<T>) => readJson(c, schema, ctx.limits.bodyBytes);
  const body = object({
    source: string({ min: 1, max: ctx.limits.sourceChars }),
    path: optional(string({ min: 1, max: 1024 })),
    force: optional(boolean()),
  });

  app.post('/v1/publish', ctx.auth, async (c) => {
    const b = await parseBody(c, body);
    const { registry } = online(ctx);
    const p = await loadValidSource(ctx.root, ctx.engine, b.source, b.path);
    let sql: Record<string, string>;
    try {
      sql = compileObjects(p.plan);
    } catch (err) {
      if (isFeaturebookError(err)) throw new ApiError(422, 'invalid_project', err.message, { field: 'source' });
      throw err;
    }
    await refuseUnusableStoredCopy(registry, ctx.root, p.plan, b.source);
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
    }, [pv.plan.baseDir, ...(pv.file ? [pv.file] : [])]));
  });

  return app;
}
