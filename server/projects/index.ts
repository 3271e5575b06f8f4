/**
 * FDL sent in a request, loaded on the server: relative source paths resolve
 * against a file under the data root and every data path is confined to it.
 * Also the JSON forms of diagnostics and of a plan's definitions.
 * @module
 */
import type { ProjectPlan } from '../../src/compile/plan.js';
import type { Engine } from '../../src/engine/engine.js';
import { hasErrors, type Diagnostic } from '../../src/lang/diagnostics.js';
import { loadProject, type LoadedProject } from '../../src/project.js';
import type { DataRoot } from '../data-root/index.js';
import { ApiError } from '../errors/index.js';

export interface DiagnosticJson {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  hint?: string;
}

export function diagnosticsJson(ds: readonly Diagnostic[]): DiagnosticJson[] {
  return [...ds]
    .sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column)
    .map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      line: d.span.line,
      column: d.span.column,
      endLine: d.span.endLine,
      endColumn: d.span.endColumn,
      ...(d.hint ? { hint: d.hint } : {}),
    }));
}

/** Loads FDL text as if it were the file `path` (default `project.fdl`) under the data root. */
export async function loadSource(root: DataRoot, engine: Engine | undefined, source: string, path?: string): Promise<LoadedProject & { file: string }> {
  const file = root.sourceFile(path);
  const p = await loadProject(source, { file, ...(engine ? { engine } : {}), checkPath: (abs) => root.check(abs) });
  return { ...p, file };
}

/** Like `loadSource`, but a project with errors is a 422 carrying its diagnostics. */
export async function loadValidSource(root: DataRoot, engine: Engine, source: string, path?: string): Promise<LoadedProject & { file: string; plan: ProjectPlan }> {
  const p = await loadSource(root, engine, source, path);
  if (!p.plan || hasErrors(p.diagnostics)) {
    const errors = p.diagnostics.filter((d) => d.severity === 'error');
    const first = errors[0];
    throw new ApiError(422, 'invalid_project', `the project has ${errors.length} error${errors.length === 1 ? '' : 's'}${first ? `; first: ${first.span.line}:${first.span.column}: ${first.message}` : ''}`, {
      field: 'source',
      details: diagnosticsJson(p.diagnostics),
    });
  }
  return p as LoadedProject & { file: string; plan: ProjectPlan };
}

/** Refuses (403) a plan whose sources (those of `sources`, default all) read outside the data root. */
export function assertPlanPaths(root: DataRoot, plan: ProjectPlan, sources?: Iterable<string>): void {
  const want = sources ? new Set(sources) : undefined;
  for (const s of plan.sources) if (!want || want.has(s.name)) root.assert(s.path, `source '${s.name}' reads '${root.relative(s.path)}'`);
}

/** Sources that feature blocks `views` read. */
export const sourcesOf = (plan: ProjectPlan, views: Iterable<string>) => {
  const vs = new Set(views);
  return plan.views.filter((v) => vs.has(v.name)).map((v) => v.source);
};

const ref = (f: { view: string; feature: string }) => `${f.view}.${f.feature}`;

/** A plan's definitions as the HTTP API shows them. */
export function definitionsJson(plan: ProjectPlan) {
  return {
    sources: plan.sources.map((s) => ({
      name: s.name,
      path: s.path,
      format: s.format,
      timestamp: s.timestamp,
      ...(s.available ? { available: s.available } : {}),
      columns: s.columns.map((c) => c.name),
      ...(s.description ? { description: s.description } : {}),
    })),
    entities: plan.entities.map((e) => ({ name: e.name, keys: e.keys })),
    views: plan.views.map((v) => ({
      name: v.name,
      source: v.source,
      entity: v.entity,
      keys: v.keys,
      features: v.features.map((f) => ({ name: f.name, type: f.type, kind: f.kind, ...(f.kind === 'aggregate' ? { fn: f.fn, ...(f.windowMs ? { window_ms: f.windowMs } : {}) } : {}) })),
      ...(v.ttlMs ? { ttl_ms: v.ttlMs } : {}),
      ...(v.refresh ? { refresh: { every_ms: v.refresh.everyMs, delay_ms: v.refresh.delayMs } } : {}),
      ...(v.description ? { description: v.description } : {}),
      ...(v.owner ? { owner: v.owner } : {}),
    })),
    training_sets: plan.trainingSets.map((t) => ({
      name: t.name,
      spine: t.spine,
      keys: t.keys,
      time: t.time,
      labels: t.labels,
      features: t.features.map(ref),
      ...(t.split ? { split: { train_end: new Date(t.split.trainEndMs).toISOString(), validation_end: new Date(t.split.validationEndMs).toISOString() } } : {}),
    })),
    models: plan.models.map((m) => ({
      name: m.name,
      inputs: m.inputs.map(ref),
      ...(m.fit ? { fit: { algorithm: m.fit.algorithm, training_set: m.fit.trainingSet } } : {}),
      ...(m.onnx ? { onnx: m.onnx } : {}),
    })),
    monitors: plan.monitors.map((m) => ({ name: m.name, reference: m.reference, features: m.features.map(ref), ...(m.everyMs ? { every_ms: m.everyMs } : {}) })),
  };
}
