/**
 * The plan: Featurebook's named intermediate representation.
 *
 * `planProject` turns a checked AST into a `ProjectPlan`; SQL emission
 * (`emit-sql.ts`), the registry and the online store see only this. A plan is
 * plain JSON (it is stored with each published version), holds absolute
 * paths and resolved names, and records every feature's type. Expressions
 * are lowered (`lowerExpr`) to `PlanExpr`: no spans, names bound to columns
 * or features, every node typed, calls carrying their registry signature.
 *
 * Stage: compile, after the checker. May import: the AST and checker
 * results (`src/lang/ast.ts`, `check.ts`), `types.ts`, the function registry
 * and `src/errors.ts`. Only this module reads the AST in `src/compile/`.
 */
import type { BinaryOp, Expr, FeatureSelector, FeaturesDecl, Program, SourceDecl } from '../lang/ast.js';
import { collectNames, formatFromPath, type CheckResult } from '../lang/check.js';
import { type AggregateFn, isAggregate, lookupFunction } from '../lang/functions.js';
import { FeaturebookError } from '../errors.js';
import { type FdlType, binaryType, literalType, unaryType, unify } from '../lang/types.js';

/**
 * Version of the plan's JSON shape, stored with every published definition.
 * 2: expressions are span-free, typed IR nodes (`PlanExpr`), no longer AST.
 */
export const PLAN_VERSION = 2;

// ---------------------------------------------------------------- expressions

/**
 * A resolved expression: no spans, every name bound, every node typed.
 * Times and durations are epoch / length milliseconds.
 */
export type PlanExpr = LiteralNode | ColumnNode | FeatureNode | UnaryNode | BinaryNode | InNode | IsNullNode | CallNode | IfNode;

export interface LiteralNode {
  kind: 'literal';
  /** `integer` and `number` hold a number, `string` a string, `bool` a boolean, `time`/`duration` milliseconds, `null` null. */
  type: FdlType;
  value: number | string | boolean | null;
  /** The source text of a number literal too large for a double (value is null); SQL emission refuses it. */
  outOfRange?: string;
}

/** A column of the source row (raw or derived). */
export interface ColumnNode {
  kind: 'column';
  name: string;
  type: FdlType;
}

/** A feature of the same view (a derived feature's input). */
export interface FeatureNode {
  kind: 'feature';
  view: string;
  feature: string;
  type: FdlType;
}

export interface UnaryNode {
  kind: 'unary';
  op: '-' | 'not';
  operand: PlanExpr;
  type: FdlType;
}

export interface BinaryNode {
  kind: 'binary';
  op: BinaryOp;
  left: PlanExpr;
  right: PlanExpr;
  type: FdlType;
}

export interface InNode {
  kind: 'in';
  operand: PlanExpr;
  list: PlanExpr[];
  negated: boolean;
  type: 'bool';
}

export interface IsNullNode {
  kind: 'isNull';
  operand: PlanExpr;
  negated: boolean;
  type: 'bool';
}

/** A registered scalar function (`src/lang/functions.ts`), with the signature it was resolved to. */
export interface CallNode {
  kind: 'call';
  /** The registry's (lower-case) name. */
  fn: string;
  args: PlanExpr[];
  sig: { args: FdlType[]; result: FdlType };
  type: FdlType;
}

export interface IfNode {
  kind: 'if';
  cond: PlanExpr;
  then: PlanExpr;
  else: PlanExpr;
  type: FdlType;
}

export interface SourcePlan {
  name: string;
  /** Absolute path (or glob) of the data, resolved against the .fdl file's folder. */
  path: string;
  format: 'csv' | 'parquet' | 'json';
  timestamp: string;
  available?: string;
  /** Derived row-level columns, in declaration order. */
  columns: { name: string; expr: PlanExpr; type: FdlType }[];
  where?: PlanExpr;
  description?: string;
  /**
   * The file's schema is known and has no column named `file_row_number`, so a
   * Parquet scan of it may add that column (a spine keeps its order with it).
   */
  rowNumberable?: boolean;
}

export interface EntityPlan {
  name: string;
  keys: string[];
}

export interface AggregateFeature {
  kind: 'aggregate';
  name: string;
  fn: AggregateFn;
  /** Absent for count(). */
  arg?: PlanExpr;
  /** Window length; absent = lifetime (a block's ttl is already applied here). */
  windowMs?: number;
  where?: PlanExpr;
  type: FdlType;
}

export interface DerivedFeature {
  kind: 'derived';
  name: string;
  /** Reads features of the same view only (`FeatureNode`s). */
  expr: PlanExpr;
  /** Features of the same view this one reads (directly). */
  dependsOn: string[];
  type: FdlType;
}

export type FeaturePlan = AggregateFeature | DerivedFeature;

export interface ViewPlan {
  name: string;
  source: string;
  entity: string;
  keys: string[];
  /** In declaration order; derived features after those they depend on is NOT guaranteed: use `dependsOn`. */
  features: FeaturePlan[];
  ttlMs?: number;
  refresh?: { everyMs: number; delayMs: number };
  description?: string;
  owner?: string;
  tags?: string[];
}

export interface FeatureRef {
  view: string;
  feature: string;
}

export interface TrainingSetPlan {
  name: string;
  spine: string;
  /** Key columns the spine provides: the keys of every entity used, in order of first use. */
  keys: string[];
  /** The spine's time column. */
  time: string;
  labels: string[];
  features: FeatureRef[];
  split?: { trainEndMs: number; validationEndMs: number };
  description?: string;
}

export interface ModelPlan {
  name: string;
  onnx?: string;
  fit?: { algorithm: string; trainingSet: string };
  inputs: FeatureRef[];
  description?: string;
}

export interface ThresholdPlan {
  warn?: number;
  alert?: number;
  sustained: number;
}

export interface MonitorPlan {
  name: string;
  reference: string;
  features: FeatureRef[];
  everyMs?: number;
  bins: number;
  thresholds: Record<string, ThresholdPlan>;
}

export interface ProjectPlan {
  planVersion: number;
  project: string;
  baseDir: string;
  sources: SourcePlan[];
  entities: EntityPlan[];
  views: ViewPlan[];
  trainingSets: TrainingSetPlan[];
  models: ModelPlan[];
  monitors: MonitorPlan[];
}

/** Default drift thresholds (docs/language.md example values). */
export const DEFAULT_THRESHOLDS: Record<string, ThresholdPlan> = {
  psi: { warn: 0.1, alert: 0.25, sustained: 1 },
  ks: { warn: 0.1, alert: 0.2, sustained: 1 },
  mean_shift: { warn: 2, alert: 3, sustained: 1 },
  null_rate: { warn: 0.05, alert: 0.1, sustained: 1 },
};

export interface PlanOptions {
  /** Folder that relative source paths resolve against (the .fdl file's folder). */
  baseDir: string;
  /** Project name when the file has no `project` line. */
  defaultProject?: string;
  /** Joins a base folder and a relative path; defaults to POSIX joining. */
  resolvePath?: (baseDir: string, path: string) => string;
}

/** Joins POSIX paths, keeping absolute and URL paths as they are. */
export function joinPath(base: string, p: string): string {
  if (p.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(p)) return p;
  const parts = (base.replace(/\/+$/, '') + '/' + p).split('/');
  const out: string[] = [];
  for (const x of parts) {
    if (x === '..') {
      if (out.length > 1) out.pop();
    } else if (x !== '.' && !(x === '' && out.length > 0)) out.push(x);
  }
  return out.join('/') || '/';
}

/** Plans a program the checker accepted (no error diagnostics). */
export function planProject(program: Program, checked: CheckResult, opts: PlanOptions): ProjectPlan {
  const resolve = opts.resolvePath ?? joinPath;
  const decls = program.decls;
  const entities = new Map<string, EntityPlan>();
  for (const d of decls) if (d.kind === 'entity') entities.set(d.name.name, { name: d.name.name, keys: d.keys.map((k) => k.name) });
  const viewDecls = new Map<string, FeaturesDecl>();
  for (const d of decls) if (d.kind === 'features') viewDecls.set(d.name.name, d);

  const sources = decls.filter((d): d is SourceDecl => d.kind === 'source').map((d) => planSource(d, opts.baseDir, resolve, checked.sourceColumns.get(d.name.name)));
  const views = [...viewDecls.values()].map((d) => planView(d, entities, checked.featureTypes.get(d.name.name), checked.sourceColumns.get(d.source.name)));

  const select = (sel: readonly FeatureSelector[]): FeatureRef[] => {
    const out: FeatureRef[] = [];
    const seen = new Set<string>();
    for (const s of sel) {
      const v = viewDecls.get(s.view.name);
      if (!v) continue;
      const names = s.feature ? [s.feature.name] : v.features.map((f) => f.name.name);
      for (const n of names) {
        if (seen.has(`${v.name.name}.${n}`)) continue;
        seen.add(`${v.name.name}.${n}`);
        out.push({ view: v.name.name, feature: n });
      }
    }
    return out;
  };

  const trainingSets: TrainingSetPlan[] = [];
  for (const d of decls) {
    if (d.kind !== 'trainingSet') continue;
    const features = select(d.features);
    const keys: string[] = [];
    for (const f of features) {
      const v = views.find((x) => x.name === f.view)!;
      for (const k of v.keys) if (!keys.includes(k)) keys.push(k);
    }
    const spine = sources.find((s) => s.name === d.spine?.name);
    const t: TrainingSetPlan = { name: d.name.name, spine: d.spine!.name, keys, time: spine!.timestamp, labels: d.labels.map((l) => l.name), features };
    if (d.split) t.split = { trainEndMs: d.split.train.ms, validationEndMs: d.split.test.ms };
    if (d.description) t.description = d.description.value;
    trainingSets.push(t);
  }

  const models: ModelPlan[] = [];
  for (const d of decls) {
    if (d.kind !== 'model') continue;
    const m: ModelPlan = { name: d.name.name, inputs: select(d.inputs) };
    if (d.onnx) m.onnx = resolve(opts.baseDir, d.onnx.value);
    if (d.fit) m.fit = { algorithm: d.fit.algorithm.name, trainingSet: d.fit.trainingSet.name };
    if (d.description) m.description = d.description.value;
    models.push(m);
  }

  const monitors: MonitorPlan[] = [];
  for (const d of decls) {
    if (d.kind !== 'monitor') continue;
    const thresholds: Record<string, ThresholdPlan> = {};
    for (const [k, v] of Object.entries(DEFAULT_THRESHOLDS)) thresholds[k] = { ...v };
    for (const t of d.thresholds) {
      const cur: ThresholdPlan = { sustained: t.sustained?.value ?? 1 };
      if (t.warn) cur.warn = t.warn.value;
      if (t.alert) cur.alert = t.alert.value;
      if (!t.warn && !t.alert) Object.assign(cur, { warn: thresholds[t.metric.name]?.warn, alert: thresholds[t.metric.name]?.alert });
      thresholds[t.metric.name] = cur;
    }
    const m: MonitorPlan = { name: d.name.name, reference: d.reference!.name, features: select(d.features), bins: d.bins?.value ?? 10, thresholds };
    if (d.every) m.everyMs = d.every.ms;
    monitors.push(m);
  }

  return {
    planVersion: PLAN_VERSION,
    project: program.project?.name ?? opts.defaultProject ?? 'project',
    baseDir: opts.baseDir,
    sources,
    entities: [...entities.values()],
    views,
    trainingSets,
    models,
    monitors,
  };
}

/** How a lowered expression's names resolve: source columns, or (in a derived feature) the view's features. */
type Names = { kind: 'row'; columns: ReadonlyMap<string, FdlType> | undefined } | { kind: 'derived'; view: string; features: ReadonlyMap<string, FdlType> | undefined };

/** Lowers a checked AST expression to a typed, span-free `PlanExpr`. */
export function lowerExpr(e: Expr, names: Names): PlanExpr {
  const go = (x: Expr) => lowerExpr(x, names);
  switch (e.type) {
    case 'literal': {
      const v = e.value;
      const type = literalType(v);
      switch (v.kind) {
        case 'number':
          return Number.isFinite(v.value) ? { kind: 'literal', type, value: v.value } : { kind: 'literal', type, value: null, outOfRange: v.text };
        case 'string':
        case 'bool':
          return { kind: 'literal', type, value: v.value };
        case 'null':
          return { kind: 'literal', type, value: null };
        case 'timestamp':
        case 'duration':
          return { kind: 'literal', type, value: v.ms };
      }
      break;
    }
    case 'column':
      return names.kind === 'row'
        ? { kind: 'column', name: e.name, type: names.columns?.get(e.name) ?? 'unknown' }
        : { kind: 'feature', view: names.view, feature: e.name, type: names.features?.get(e.name) ?? 'unknown' };
    case 'featureRef':
      return { kind: 'feature', view: e.view.name, feature: e.feature.name, type: (names.kind === 'derived' ? names.features?.get(e.feature.name) : undefined) ?? 'unknown' };
    case 'unary': {
      const operand = go(e.operand);
      return { kind: 'unary', op: e.op, operand, type: unaryType(e.op, operand.type) };
    }
    case 'binary': {
      const left = go(e.left);
      const right = go(e.right);
      return { kind: 'binary', op: e.op, left, right, type: binaryType(e.op, left.type, right.type) };
    }
    case 'in':
      return { kind: 'in', operand: go(e.operand), list: e.list.map(go), negated: e.negated, type: 'bool' };
    case 'isNull':
      return { kind: 'isNull', operand: go(e.operand), negated: e.negated, type: 'bool' };
    case 'if': {
      const cond = go(e.cond);
      const then = go(e.then);
      const els = go(e.else);
      return { kind: 'if', cond, then, else: els, type: unify(then.type, els.type) };
    }
    case 'call': {
      const f = lookupFunction(e.callee.name);
      if (!f) throw new FeaturebookError('unknown_function', `unknown function '${e.callee.name}'`, { kind: 'input', span: e.callee.span, hint: 'check the program before planning it' });
      const args = e.args.map(go);
      const types = args.map((a) => a.type);
      const result = f.result(types);
      return { kind: 'call', fn: f.name, args, sig: { args: types, result }, type: result };
    }
  }
  throw new FeaturebookError('internal', `cannot plan expression of type ${(e as Expr).type}`, { kind: 'internal' });
}

function planSource(d: SourceDecl, baseDir: string, resolve: (b: string, p: string) => string, columns: Map<string, FdlType> | undefined): SourcePlan {
  const row: Names = { kind: 'row', columns };
  const path = d.path!.value;
  const s: SourcePlan = {
    name: d.name.name,
    path: resolve(baseDir, path),
    format: (d.format?.name.toLowerCase() as SourcePlan['format'] | undefined) ?? formatFromPath(path)!,
    timestamp: d.timestamp!.name,
    columns: d.columns.map((c) => {
      const expr = lowerExpr(c.expr, row);
      return { name: c.name.name, expr, type: columns?.get(c.name.name) ?? expr.type };
    }),
  };
  if (d.available) s.available = d.available.name;
  if (d.where) s.where = lowerExpr(d.where, row);
  if (columns && !columns.has('file_row_number')) s.rowNumberable = true;
  return s;
}

function planView(d: FeaturesDecl, entities: Map<string, EntityPlan>, types: Map<string, FdlType> | undefined, columns: Map<string, FdlType> | undefined): ViewPlan {
  const names = new Set(d.features.map((f) => f.name.name));
  const row: Names = { kind: 'row', columns };
  const derived: Names = { kind: 'derived', view: d.name.name, features: types };
  const features: FeaturePlan[] = d.features.map((f) => {
    const type = types?.get(f.name.name) ?? 'unknown';
    const e = f.expr;
    if (e.type === 'call' && isAggregate(e.callee.name)) {
      const a: AggregateFeature = { kind: 'aggregate', name: f.name.name, fn: e.callee.name, type };
      if (e.args[0]) a.arg = lowerExpr(e.args[0], row);
      const windowMs = f.over?.ms ?? d.ttl?.ms;
      if (windowMs !== undefined) a.windowMs = windowMs;
      if (f.where) a.where = lowerExpr(f.where, row);
      return a;
    }
    const deps = [...new Set(collectNames(e).map((n) => n.name))].filter((n) => names.has(n));
    return { kind: 'derived', name: f.name.name, expr: lowerExpr(e, derived), dependsOn: deps, type };
  });
  const v: ViewPlan = { name: d.name.name, source: d.source.name, entity: d.entity.name, keys: entities.get(d.entity.name)?.keys ?? [], features };
  if (d.ttl) v.ttlMs = d.ttl.ms;
  if (d.refresh) v.refresh = { everyMs: d.refresh.every.ms, delayMs: d.refresh.delay?.ms ?? 0 };
  if (d.description) v.description = d.description.value;
  if (d.owner) v.owner = d.owner.value;
  if (d.tags) v.tags = d.tags.map((t) => t.value);
  return v;
}
