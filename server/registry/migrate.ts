/**
 * Plans stored by an older Featurebook: a published version keeps its FDL
 * source, so a plan of another `PLAN_VERSION` is re-planned from that source
 * (against the same folder, data paths confined to the data root) when it is
 * loaded. When that fails the version cannot be served here, and the answer
 * says so and how to fix it.
 * @module
 */
import { compileObjects } from '../../src/compile/emit-sql.js';
import { joinPath, PLAN_VERSION, type ProjectPlan } from '../../src/compile/plan.js';
import type { Engine } from '../../src/engine/engine.js';
import { formatDiagnostic, hasErrors } from '../../src/lang/diagnostics.js';
import { loadProject } from '../../src/project.js';
import type { DataRoot } from '../data-root/index.js';
import { ApiError } from '../errors/index.js';

/** What a stored version holds that re-planning needs. */
export interface StoredVersion {
  project: string;
  version: string;
  source: string;
  /** As stored: of any shape, since it came from another version of the code. */
  plan: unknown;
}

export type Replan = (stored: StoredVersion) => Promise<{ plan: ProjectPlan; sql: Record<string, string> }>;

/** The plan version a stored plan declares (1 for a plan too old or too broken to say). */
export function storedPlanVersion(plan: unknown): number {
  const v = (plan as { planVersion?: unknown } | null)?.planVersion;
  return typeof v === 'number' ? v : 1;
}

/** 409 for a stored version whose plan this server cannot read or re-plan. */
export function stalePlanError(stored: StoredVersion, reason?: string): ApiError {
  const from = storedPlanVersion(stored.plan);
  return new ApiError(
    409,
    'stale_plan',
    `project '${stored.project}' version ${stored.version.slice(0, 12)} was published with plan version ${from}, and this server reads plan version ${PLAN_VERSION}` +
      `${reason ? `; re-planning it from its stored source failed: ${reason}` : ''}. Re-publish it: featurebook publish FILE (or POST /v1/publish)`,
    { details: { project: stored.project, version: stored.version, plan_version: from, expected_plan_version: PLAN_VERSION } },
  );
}

/** Re-plans stored sources with `engine`, reading data only inside `root`. */
export function replanner(root: DataRoot, engine: Engine): Replan {
  return async (stored) => {
    const baseDir = (stored.plan as { baseDir?: unknown } | null)?.baseDir;
    if (typeof baseDir !== 'string' || !baseDir.startsWith('/')) throw stalePlanError(stored, 'the stored plan names no folder to read its sources from');
    // The project name: the source's `project` line, else the file's base name — the stored name either way.
    const p = await loadProject(stored.source, { file: joinPath(baseDir, `${stored.project}.fdl`), engine, checkPath: (abs) => root.check(abs) });
    if (!p.plan || hasErrors(p.diagnostics)) {
      const first = p.diagnostics.find((d) => d.severity === 'error');
      throw stalePlanError(stored, first ? formatDiagnostic(first, `${stored.project}.fdl`) : 'it has errors');
    }
    if (p.plan.project !== stored.project) throw stalePlanError(stored, `it now plans as project '${p.plan.project}'`);
    return { plan: p.plan, sql: compileObjects(p.plan) };
  };
}
