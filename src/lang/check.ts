/**
 * The checker: validates a parsed program and infers feature types.
 *
 * It reports unknown and duplicate names (with did-you-mean), wrong arity,
 * aggregate/type mismatches (when source schemas are known), invalid
 * durations, cycles among derived features and keys missing from sources or
 * spines. It never throws on a well-formed AST, and tolerates the partial ASTs
 * that error recovery produces: a missing piece was already reported by the
 * parser, so it is skipped here silently.
 */
import type {
  Decl,
  EntityDecl,
  Expr,
  FeatureSelector,
  FeaturesDecl,
  Ident,
  ModelDecl,
  MonitorDecl,
  Program,
  SourceDecl,
  Span,
  TrainingSetDecl,
} from './ast.js';
import { type Diagnostic, diag, didYouMean } from './diagnostics.js';
import { aggregateNames, functionNames, isAggregate, lookupAggregate, lookupFunction } from './functions.js';
import {
  type FdlType,
  isBoolish,
  isNumeric,
  isOrderable,
  typeOfDuckDb,
  unify,
} from './types.js';

/** Column names and DuckDB types of a source's file, as read by the engine. */
export type SourceSchemas = ReadonlyMap<string, readonly { name: string; type: string }[]>;

export interface CheckOptions {
  /** Raw (file) columns per source name; sources missing here are checked without types. */
  schemas?: SourceSchemas;
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  /** Inferred type of every feature, by view then feature name. */
  featureTypes: Map<string, Map<string, FdlType>>;
  /** Columns (raw plus derived) of every source whose schema is known. */
  sourceColumns: Map<string, Map<string, FdlType>>;
}

export const DRIFT_METRICS = ['psi', 'ks', 'mean_shift', 'null_rate'] as const;
export const TRAINERS = ['logistic'] as const;
const FORMATS = ['csv', 'parquet', 'json'];

type Scope =
  | { kind: 'row'; source: string; columns?: Map<string, FdlType> }
  | { kind: 'derived'; view: string; features: Map<string, FdlType>; columns?: Map<string, FdlType> };

class Checker {
  readonly out: Diagnostic[] = [];
  readonly decls = new Map<string, Decl>();
  readonly sourceColumns = new Map<string, Map<string, FdlType>>();
  readonly featureTypes = new Map<string, Map<string, FdlType>>();

  constructor(
    readonly program: Program,
    readonly opts: CheckOptions,
  ) {}

  report(d: Diagnostic) {
    this.out.push(d);
  }

  run(): CheckResult {
    const p = this.program;
    if (!p.project) this.report(diag('missing-project', { startOffset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 }, {}));
    for (const d of p.decls) {
      const prev = this.decls.get(d.name.name);
      if (prev) {
        this.report(diag('duplicate-name', d.name.span, { kind: 'declaration', name: d.name.name, line: prev.name.span.line }));
        continue;
      }
      this.decls.set(d.name.name, d);
    }
    // Sources first (features need their columns), then feature blocks in dependency-free order.
    for (const d of p.decls) if (d.kind === 'source' && this.decls.get(d.name.name) === d) this.source(d);
    for (const d of p.decls) if (d.kind === 'entity' && this.decls.get(d.name.name) === d) this.entity(d);
    for (const d of p.decls) if (d.kind === 'features' && this.decls.get(d.name.name) === d) this.features(d);
    for (const d of p.decls) if (d.kind === 'trainingSet' && this.decls.get(d.name.name) === d) this.trainingSet(d);
    for (const d of p.decls) if (d.kind === 'model' && this.decls.get(d.name.name) === d) this.model(d);
    for (const d of p.decls) if (d.kind === 'monitor' && this.decls.get(d.name.name) === d) this.monitor(d);
    return { diagnostics: this.out, featureTypes: this.featureTypes, sourceColumns: this.sourceColumns };
  }

  // ---------------------------------------------------------------- lookups

  /** Resolves a reference to a declaration of the given kind, reporting unknown names. */
  lookup<K extends Decl['kind']>(ref: Ident, kind: K, label: string): Extract<Decl, { kind: K }> | undefined {
    const d = this.decls.get(ref.name);
    if (d && d.kind === kind) return d as Extract<Decl, { kind: K }>;
    const candidates = [...this.decls.values()].filter((x) => x.kind === kind).map((x) => x.name.name);
    const suggestion = didYouMean(ref.name, candidates);
    const article = (w: string) => (/^[aeiou]/.test(w) ? `an ${w}` : `a ${w}`);
    const hint = d ? `'${ref.name}' is ${article(kindLabel(d.kind))}, not ${article(label)}` : undefined;
    const dg = diag('unknown-name', ref.span, { kind: label, name: ref.name, suggestion, known: candidates });
    if (hint && !suggestion) dg.hint = hint;
    this.report(dg);
    return undefined;
  }

  // ---------------------------------------------------------------- sources

  source(d: SourceDecl) {
    if (!d.path) this.report(diag('missing-clause', d.name.span, { decl: `source '${d.name.name}'`, clause: 'path', example: 'path "data/events.parquet"' }));
    if (!d.timestamp) this.report(diag('missing-clause', d.name.span, { decl: `source '${d.name.name}'`, clause: 'timestamp', example: 'timestamp ts' }));
    if (d.format && !FORMATS.includes(d.format.name.toLowerCase())) this.report(diag('unknown-format', d.format.span, { format: d.format.name }));
    else if (!d.format && d.path && !formatFromPath(d.path.value))
      this.report(
        diag('missing-clause', d.path.span, { decl: `source '${d.name.name}'`, clause: 'format', example: 'format csv' }),
      );

    const schema = this.opts.schemas?.get(d.name.name);
    const columns = schema ? new Map(schema.map((c) => [c.name, typeOfDuckDb(c.type)] as const)) : undefined;
    const seen = new Map<string, Ident>();
    for (const c of d.columns) {
      const scope: Scope = { kind: 'row', source: d.name.name, columns };
      const t = this.expr(c.expr, scope);
      if (columns?.has(c.name.name) || seen.has(c.name.name)) {
        const line = seen.get(c.name.name)?.span.line ?? d.span.line;
        const dg = diag('duplicate-name', c.name.span, { kind: 'column', name: c.name.name, line });
        dg.hint = columns?.has(c.name.name) ? `the source already has a column '${c.name.name}'; give the derived column a new name` : dg.hint;
        this.report(dg);
        continue;
      }
      seen.set(c.name.name, c.name);
      columns?.set(c.name.name, t);
    }
    if (columns) this.sourceColumns.set(d.name.name, columns);
    const checkTime = (id: Ident | undefined) => {
      if (!id || !columns) return;
      const t = columns.get(id.name);
      if (t === undefined) {
        this.report(diag('unknown-column', id.span, { name: id.name, source: d.name.name, suggestion: didYouMean(id.name, columns.keys()), columns: [...columns.keys()] }));
      } else if (t !== 'time' && t !== 'string' && t !== 'unknown' && t !== 'null') {
        const raw = schema?.find((c) => c.name === id.name)?.type ?? t;
        this.report(diag('bad-timestamp-column', id.span, { column: id.name, type: raw }));
      }
    };
    checkTime(d.timestamp);
    checkTime(d.available);
    if (d.where) {
      const t = this.expr(d.where, { kind: 'row', source: d.name.name, columns });
      if (!isBoolish(t)) this.report(diag('type-mismatch', d.where.span, { what: 'where', expected: 'a true/false condition', got: t }));
    }
  }

  entity(d: EntityDecl) {
    if (d.keys.length === 0) this.report(diag('missing-clause', d.name.span, { decl: `entity '${d.name.name}'`, clause: 'key', example: 'key user_id' }));
    const seen = new Map<string, Ident>();
    for (const k of d.keys) {
      const prev = seen.get(k.name);
      if (prev) this.report(diag('duplicate-name', k.span, { kind: 'key', name: k.name, line: prev.span.line }));
      seen.set(k.name, k);
    }
  }

  /** Reports keys of `entity` that `columns` lacks. */
  keysIn(entity: EntityDecl, columns: Map<string, FdlType> | undefined, where: string, span: Span) {
    if (!columns) return;
    for (const k of entity.keys) {
      if (!columns.has(k.name))
        this.report(
          diag('key-missing', span, {
            key: k.name,
            entity: entity.name.name,
            where,
            columns: [...columns.keys()],
            suggestion: didYouMean(k.name, columns.keys()),
          }),
        );
    }
  }

  // ---------------------------------------------------------------- feature blocks

  features(d: FeaturesDecl) {
    const types = new Map<string, FdlType>();
    this.featureTypes.set(d.name.name, types);
    const src = this.lookup(d.source, 'source', 'source');
    const entity = this.lookup(d.entity, 'entity', 'entity');
    const columns = src ? this.sourceColumns.get(src.name.name) : undefined;
    if (src && entity) this.keysIn(entity, columns, `source '${src.name.name}'`, d.source.span);

    const positive = (x: { ms: number; span: Span } | undefined, what: string) => {
      if (x && !(x.ms > 0)) this.report(diag('zero-duration', x.span, { what }));
    };
    positive(d.ttl, 'ttl');
    if (d.refresh) {
      positive(d.refresh.every, "refresh 'every'");
      if (d.refresh.delay && d.refresh.every.ms > 0 && d.refresh.delay.ms >= d.refresh.every.ms) this.report(diag('delay-too-long', d.refresh.delay.span, {}));
    }

    // Names first, so derived features can refer to features declared later.
    const byName = new Map<string, (typeof d.features)[number]>();
    for (const f of d.features) {
      const prev = byName.get(f.name.name);
      if (prev) {
        this.report(diag('duplicate-name', f.name.span, { kind: 'feature', name: f.name.name, line: prev.name.span.line }));
        continue;
      }
      byName.set(f.name.name, f);
    }
    const derived = new Map<string, { deps: Ident[] }>();
    for (const f of byName.values()) {
      positive(f.over, "'over'");
      const e = f.expr;
      if (e.type === 'call' && isAggregate(e.callee.name)) {
        const t = this.aggregate(e.callee, e.args, e.span, { kind: 'row', source: d.source.name, columns });
        if (f.where) {
          const wt = this.expr(f.where, { kind: 'row', source: d.source.name, columns });
          if (!isBoolish(wt)) this.report(diag('type-mismatch', f.where.span, { what: 'where', expected: 'a true/false condition', got: wt }));
        }
        types.set(f.name.name, t);
      } else {
        const deps = collectNames(e, [], d.name.name);
        derived.set(f.name.name, { deps });
        if (f.over || f.where) this.report(diag('aggregate-in-derived', (f.over ?? f.where)!.span, { feature: f.name.name }));
      }
    }
    // Derived features: reject columns and aggregates, find cycles, then infer types in dependency order.
    const notDerived = new Set<string>();
    for (const [name, { deps }] of derived) {
      const f = byName.get(name)!;
      // An aggregate nested in an expression is reported (once, precisely) by expr() below.
      if (containsAggregate(f.expr)) continue;
      const hasFeature = deps.some((n) => byName.has(n.name));
      for (const n of deps) {
        if (byName.has(n.name)) continue;
        if (columns?.has(n.name) || (!columns && !hasFeature)) {
          this.report(
            hasFeature
              ? diag('mixed-derived', n.span, { feature: name, column: n.name })
              : diag('aggregate-required', f.expr.span, { feature: name }),
          );
          if (!hasFeature) {
            notDerived.add(name);
            break;
          }
        } else {
          this.report(
            diag('unknown-name', n.span, {
              kind: 'feature',
              name: n.name,
              suggestion: didYouMean(n.name, [...byName.keys(), ...(columns?.keys() ?? [])]),
            }),
          );
        }
      }
    }
    const order = this.derivedOrder(d, derived, byName);
    for (const name of order) {
      if (notDerived.has(name)) continue;
      const f = byName.get(name)!;
      const t = this.expr(f.expr, { kind: 'derived', view: d.name.name, features: types, columns });
      types.set(name, t);
    }
  }

  /** Topological order of derived features; reports cycles. */
  derivedOrder(d: FeaturesDecl, derived: Map<string, { deps: Ident[] }>, byName: Map<string, unknown>): string[] {
    const order: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (name: string, at: Span) => {
      const s = state.get(name);
      if (s === 'done') return;
      if (s === 'visiting') {
        const path = [...stack.slice(stack.indexOf(name)), name];
        this.report(diag('cycle', at, { path }));
        return;
      }
      state.set(name, 'visiting');
      stack.push(name);
      for (const dep of derived.get(name)?.deps ?? []) if (derived.has(dep.name) && byName.has(dep.name)) visit(dep.name, dep.span);
      stack.pop();
      state.set(name, 'done');
      order.push(name);
    };
    for (const f of d.features) if (derived.has(f.name.name)) visit(f.name.name, f.name.span);
    return order;
  }

  aggregate(callee: Ident, args: Expr[], span: Span, scope: Scope): FdlType {
    const ar = lookupAggregate(callee.name)!;
    const fn = ar.name;
    if (args.length < ar.min || args.length > ar.max) {
      this.report(diag('wrong-arity', span, { name: fn, expected: arityText(ar.min, ar.max), got: args.length }));
      return 'unknown';
    }
    const arg = args[0] ? this.expr(args[0], scope) : 'integer';
    const need = (ok: boolean, expected: string) => {
      if (!ok) this.report(diag('type-mismatch', args[0]!.span, { what: `${fn}()`, expected, got: typeName(arg) }));
    };
    if (args[0]) {
      if (ar.arg === 'number') need(isNumeric(arg), 'a number');
      if (ar.arg === 'orderable') need(isOrderable(arg), 'a number, string or time');
    }
    return ar.result(arg);
  }

  // ---------------------------------------------------------------- expressions

  expr(e: Expr, scope: Scope): FdlType {
    switch (e.type) {
      case 'literal': {
        const v = e.value;
        return v.kind === 'number'
          ? Number.isInteger(v.value) && !/[.eE]/.test(v.text)
            ? 'integer'
            : 'number'
          : v.kind === 'string'
            ? 'string'
            : v.kind === 'bool'
              ? 'bool'
              : v.kind === 'null'
                ? 'null'
                : v.kind === 'timestamp'
                  ? 'time'
                  : 'duration';
      }
      case 'column': {
        if (scope.kind === 'derived') {
          const t = scope.features.get(e.name);
          return t ?? 'unknown'; // unknown names were reported by features()
        }
        if (!scope.columns) return 'unknown';
        const t = scope.columns.get(e.name);
        if (t === undefined) {
          this.report(
            diag('unknown-column', e.span, {
              name: e.name,
              source: scope.source,
              suggestion: didYouMean(e.name, scope.columns.keys()),
              columns: [...scope.columns.keys()],
            }),
          );
          return 'unknown';
        }
        return t;
      }
      case 'featureRef': {
        if (scope.kind !== 'derived') {
          this.report(diag('feature-ref-not-allowed', e.span, { where: 'row-level expressions (columns, where, aggregate arguments)' }));
          return 'unknown';
        }
        if (e.view.name !== scope.view) {
          this.report(diag('feature-ref-not-allowed', e.span, { where: `derived features of '${scope.view}' (only its own features)` }));
          return 'unknown';
        }
        const t = scope.features.get(e.feature.name);
        if (t === undefined) {
          this.report(diag('unknown-feature', e.feature.span, { view: e.view.name, name: e.feature.name, suggestion: didYouMean(e.feature.name, scope.features.keys()) }));
          return 'unknown';
        }
        return t;
      }
      case 'unary': {
        const t = this.expr(e.operand, scope);
        if (e.op === '-') {
          if (!isNumeric(t) && t !== 'duration') this.report(diag('type-mismatch', e.operand.span, { what: "unary '-'", expected: 'a number', got: typeName(t) }));
          return t === 'duration' ? t : t === 'integer' ? 'integer' : t === 'null' ? 'null' : 'number';
        }
        if (!isBoolish(t)) this.report(diag('type-mismatch', e.operand.span, { what: "'not'", expected: 'a true/false value', got: typeName(t) }));
        return 'bool';
      }
      case 'binary': {
        const l = this.expr(e.left, scope);
        const r = this.expr(e.right, scope);
        switch (e.op) {
          case 'and':
          case 'or':
            for (const [t, x] of [[l, e.left], [r, e.right]] as const)
              if (!isBoolish(t)) this.report(diag('type-mismatch', x.span, { what: `'${e.op}'`, expected: 'a true/false value', got: typeName(t) }));
            return 'bool';
          case '=':
          case '!=':
          case '<':
          case '<=':
          case '>':
          case '>=':
            if (!comparable(l, r)) this.report(diag('type-mismatch', e.span, { what: `'${e.op}'`, expected: 'operands of the same kind', got: `${typeName(l)} and ${typeName(r)}` }));
            return 'bool';
          case '+':
          case '-':
          case '*':
          case '/':
          case '%':
            if ((e.op === '+' || e.op === '-') && l === 'time' && r === 'duration') return 'time';
            if (e.op === '-' && l === 'time' && r === 'time') return 'duration';
            for (const [t, x] of [[l, e.left], [r, e.right]] as const)
              if (!isNumeric(t)) this.report(diag('type-mismatch', x.span, { what: `'${e.op}'`, expected: 'a number', got: typeName(t) }));
            if (e.op === '/') return 'number';
            return unify(l, r) === 'integer' ? 'integer' : 'number';
        }
        return 'unknown';
      }
      case 'in': {
        const t = this.expr(e.operand, scope);
        for (const x of e.list) {
          const u = this.expr(x, scope);
          if (!comparable(t, u)) this.report(diag('type-mismatch', x.span, { what: "'in'", expected: typeName(t), got: typeName(u) }));
        }
        return 'bool';
      }
      case 'isNull':
        this.expr(e.operand, scope);
        return 'bool';
      case 'if': {
        const c = this.expr(e.cond, scope);
        if (!isBoolish(c)) this.report(diag('type-mismatch', e.cond.span, { what: 'if()', expected: 'a true/false condition', got: typeName(c) }));
        const a = this.expr(e.then, scope);
        const b = this.expr(e.else, scope);
        const u = unify(a, b);
        if (u === 'unknown' && a !== 'unknown' && b !== 'unknown')
          this.report(diag('type-mismatch', e.else.span, { what: 'if()', expected: typeName(a), got: typeName(b) }));
        return u;
      }
      case 'call': {
        const name = e.callee.name;
        if (isAggregate(name)) {
          this.report(diag('nested-aggregate', e.callee.span, { name }));
          for (const a of e.args) this.expr(a, scope);
          return 'unknown';
        }
        const sig = lookupFunction(name);
        if (!sig) {
          this.report(diag('unknown-function', e.callee.span, { name, suggestion: didYouMean(name, [...functionNames(), ...aggregateNames(), 'if']) }));
          for (const a of e.args) this.expr(a, scope);
          return 'unknown';
        }
        if (e.args.length < sig.min || e.args.length > sig.max) {
          this.report(diag('wrong-arity', e.span, { name, expected: arityText(sig.min, sig.max), got: e.args.length }));
        }
        const ts = e.args.map((a) => this.expr(a, scope));
        ts.forEach((t, i) => {
          const ok =
            sig.args === 'any' ||
            t === 'unknown' ||
            t === 'null' ||
            (sig.args === 'number' && isNumeric(t)) ||
            (sig.args === 'string' && t === 'string') ||
            (sig.args === 'time' && t === 'time');
          if (!ok) this.report(diag('type-mismatch', e.args[i]!.span, { what: `${name}()`, expected: `a ${sig.args}`, got: typeName(t) }));
        });
        return sig.result(ts);
      }
    }
  }

  // ---------------------------------------------------------------- selections

  /** Resolves `view.feature` / `view.*` selectors to [view, feature] pairs. */
  selectors(sel: readonly FeatureSelector[]): { view: string; feature: string; span: Span }[] {
    const out: { view: string; feature: string; span: Span }[] = [];
    for (const s of sel) {
      const v = this.lookup(s.view, 'features', 'feature block');
      if (!v) continue;
      const names = v.features.map((f) => f.name.name);
      if (!s.feature) {
        for (const n of new Set(names)) out.push({ view: v.name.name, feature: n, span: s.span });
      } else if (!names.includes(s.feature.name)) {
        this.report(diag('unknown-feature', s.feature.span, { view: v.name.name, name: s.feature.name, suggestion: didYouMean(s.feature.name, names) }));
      } else out.push({ view: v.name.name, feature: s.feature.name, span: s.span });
    }
    return out;
  }

  trainingSet(d: TrainingSetDecl) {
    const spine = d.spine ? this.lookup(d.spine, 'source', 'source') : undefined;
    if (!d.spine) this.report(diag('missing-clause', d.name.span, { decl: `training set '${d.name.name}'`, clause: 'spine', example: 'spine labels' }));
    if (d.features.length === 0) this.report(diag('missing-clause', d.name.span, { decl: `training set '${d.name.name}'`, clause: 'features', example: 'features user_spend.*' }));
    const columns = spine ? this.sourceColumns.get(spine.name.name) : undefined;
    const picked = this.selectors(d.features);
    const seen = new Map<string, Span>();
    for (const p of picked) {
      const k = `${p.view}.${p.feature}`;
      const prev = seen.get(k);
      if (prev && prev !== p.span) this.report(diag('duplicate-name', p.span, { kind: 'feature in training set', name: k, line: prev.line }, 'warning'));
      seen.set(k, p.span);
    }
    const entities = new Set<string>();
    for (const p of picked) {
      const v = this.decls.get(p.view) as FeaturesDecl;
      const ent = this.decls.get(v.entity.name);
      if (ent?.kind === 'entity' && !entities.has(ent.name.name)) {
        entities.add(ent.name.name);
        if (spine) this.keysIn(ent, columns, `spine source '${spine.name.name}'`, d.spine!.span);
      }
    }
    for (const l of d.labels) {
      if (columns && !columns.has(l.name))
        this.report(diag('unknown-column', l.span, { name: l.name, source: spine!.name.name, suggestion: didYouMean(l.name, columns.keys()), columns: [...columns.keys()] }));
      if (spine?.timestamp?.name === l.name) this.report(diag('label-is-feature', l.span, { name: l.name }));
    }
    if (d.split && !(d.split.train.ms < d.split.test.ms)) this.report(diag('split-order', d.split.span, {}));
  }

  model(d: ModelDecl) {
    if (!!d.onnx === !!d.fit) {
      this.report(diag('model-source', d.name.span, {}));
    }
    const inputs = this.selectors(d.inputs);
    if (d.fit) {
      if (!(TRAINERS as readonly string[]).includes(d.fit.algorithm.name)) this.report(diag('unknown-algorithm', d.fit.algorithm.span, { name: d.fit.algorithm.name }));
      const set = this.lookup(d.fit.trainingSet, 'trainingSet', 'training set');
      if (set) {
        if (set.labels.length !== 1)
          this.report(diag('missing-clause', d.fit.trainingSet.span, { decl: `training set '${set.name.name}' (used to fit '${d.name.name}')`, clause: 'label', example: 'label is_fraud' }));
        const inSet = new Set(this.selectorsQuiet(set.features).map((p) => `${p.view}.${p.feature}`));
        for (const i of inputs)
          if (!inSet.has(`${i.view}.${i.feature}`)) this.report(diag('input-not-in-set', i.span, { feature: `${i.view}.${i.feature}`, set: set.name.name }));
      }
    }
    if (d.inputs.length === 0) this.report(diag('missing-clause', d.name.span, { decl: `model '${d.name.name}'`, clause: 'inputs', example: 'inputs user_spend.spend_7d' }));
  }

  /** Like `selectors` but without reporting (the owner of the list reports). */
  selectorsQuiet(sel: readonly FeatureSelector[]) {
    const saved = this.out.length;
    const r = this.selectors(sel);
    this.out.length = saved;
    return r;
  }

  monitor(d: MonitorDecl) {
    if (!d.reference) this.report(diag('missing-clause', d.name.span, { decl: `monitor '${d.name.name}'`, clause: 'reference', example: 'reference fraud_train' }));
    else this.lookup(d.reference, 'trainingSet', 'training set');
    if (d.features.length === 0) this.report(diag('missing-clause', d.name.span, { decl: `monitor '${d.name.name}'`, clause: 'features', example: 'features user_spend.*' }));
    this.selectors(d.features);
    if (d.every && !(d.every.ms > 0)) this.report(diag('zero-duration', d.every.span, { what: "'every'" }));
    if (d.bins && !(Number.isInteger(d.bins.value) && d.bins.value >= 2 && d.bins.value <= 1000))
      this.report(diag('type-mismatch', d.bins.span, { what: "'bins'", expected: 'a whole number from 2 to 1000', got: String(d.bins.value) }));
    const seen = new Set<string>();
    for (const t of d.thresholds) {
      const m = t.metric.name;
      if (!(DRIFT_METRICS as readonly string[]).includes(m)) {
        this.report(diag('unknown-metric', t.metric.span, { name: m, suggestion: didYouMean(m, DRIFT_METRICS) }));
        continue;
      }
      if (seen.has(m)) this.report(diag('duplicate-clause', t.metric.span, { clause: m }));
      seen.add(m);
      if (t.warn && t.alert && !(t.warn.value < t.alert.value))
        this.report(diag('type-mismatch', t.alert.span, { what: `'${m} alert'`, expected: `a value above warn (${t.warn.value})`, got: String(t.alert.value) }));
      if (t.sustained && !(Number.isInteger(t.sustained.value) && t.sustained.value >= 1))
        this.report(diag('type-mismatch', t.sustained.span, { what: "'sustained'", expected: 'a whole number of windows, 1 or more', got: String(t.sustained.value) }));
    }
  }
}

// ---------------------------------------------------------------- helpers

const kindLabel = (k: Decl['kind']) =>
  ({ source: 'source', entity: 'entity', features: 'feature block', trainingSet: 'training set', model: 'model', monitor: 'monitor' })[k];

const arityText = (min: number, max: number) =>
  min === max ? `${min} argument${min === 1 ? '' : 's'}` : max > 8 ? `at least ${min} argument${min === 1 ? '' : 's'}` : `${min} to ${max} arguments`;

function typeName(t: FdlType): string {
  return t === 'integer' || t === 'number' ? 'a number' : t === 'bool' ? 'true/false' : t === 'time' ? 'a time' : t === 'null' ? 'null' : t === 'duration' ? 'a duration' : t === 'string' ? 'a string' : 'a value';
}

function comparable(a: FdlType, b: FdlType): boolean {
  if (a === 'unknown' || b === 'unknown' || a === 'null' || b === 'null') return true;
  if (isNumeric(a) && isNumeric(b)) return true;
  if ((a === 'time' && b === 'string') || (a === 'string' && b === 'time')) return true;
  return a === b;
}

function containsAggregate(e: Expr): boolean {
  switch (e.type) {
    case 'call':
      return isAggregate(e.callee.name) || e.args.some(containsAggregate);
    case 'unary':
      return containsAggregate(e.operand);
    case 'binary':
      return containsAggregate(e.left) || containsAggregate(e.right);
    case 'in':
      return containsAggregate(e.operand) || e.list.some(containsAggregate);
    case 'isNull':
      return containsAggregate(e.operand);
    case 'if':
      return containsAggregate(e.cond) || containsAggregate(e.then) || containsAggregate(e.else);
    default:
      return false;
  }
}

/** Bare names an expression uses (outside `view.feature` references). */
export function collectNames(e: Expr, out: Ident[] = [], ownView?: string): Ident[] {
  switch (e.type) {
    case 'column':
      out.push({ name: e.name, span: e.span });
      break;
    case 'featureRef':
      // `view.feature` names a feature of `ownView` (others are reported where they are typed).
      if (ownView === undefined || e.view.name === ownView) out.push({ name: e.feature.name, span: e.feature.span });
      break;
    case 'unary':
      collectNames(e.operand, out, ownView);
      break;
    case 'binary':
      collectNames(e.left, out, ownView);
      collectNames(e.right, out, ownView);
      break;
    case 'in':
      collectNames(e.operand, out, ownView);
      e.list.forEach((x) => collectNames(x, out, ownView));
      break;
    case 'isNull':
      collectNames(e.operand, out, ownView);
      break;
    case 'call':
      e.args.forEach((x) => collectNames(x, out, ownView));
      break;
    case 'if':
      collectNames(e.cond, out, ownView);
      collectNames(e.then, out, ownView);
      collectNames(e.else, out, ownView);
      break;
    case 'literal':
      break;
  }
  return out;
}

/** The format a path implies, if any. */
export function formatFromPath(path: string): 'csv' | 'parquet' | 'json' | undefined {
  const p = path.toLowerCase().replace(/\.(gz|zst)$/, '');
  if (p.endsWith('.csv') || p.endsWith('.tsv')) return 'csv';
  if (p.endsWith('.parquet')) return 'parquet';
  if (p.endsWith('.json') || p.endsWith('.ndjson') || p.endsWith('.jsonl')) return 'json';
  return undefined;
}

/** Checks a parsed program. Never throws: an unexpected failure becomes an 'internal-error' diagnostic. */
export function check(program: Program, opts: CheckOptions = {}): CheckResult {
  const c = new Checker(program, opts);
  try {
    return c.run();
  } catch (err) {
    c.out.push(diag('internal-error', program.span, { message: err instanceof Error ? err.message : String(err) }));
    return { diagnostics: c.out, featureTypes: c.featureTypes, sourceColumns: c.sourceColumns };
  }
}
