/**
 * CST → AST: gives the grammar's parse tree its meaning.
 *
 * A `BaseCstVisitor` subclass with one method per grammar rule
 * (`validateVisitor()` checks none is missing). Error recovery can leave
 * children out of the CST, so every method tolerates missing pieces: an
 * incomplete declaration keeps what it has, an incomplete expression is
 * dropped. Value problems the grammar cannot see (a 13th month, a zero-length
 * number) become diagnostics here.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { fdlParser } from '../../grammar/parser.js';
import type * as A from './ast.js';
import { type Diagnostic, diag } from './diagnostics.js';

const BaseVisitor = fdlParser.getBaseCstVisitorConstructor();

type Children = Record<string, CstElement[] | undefined>;

const isToken = (x: CstElement | undefined): x is IToken => !!x && 'image' in x;
const isNode = (x: CstElement | undefined): x is CstNode => !!x && 'children' in x;

/** Span of a token; recovered (inserted) tokens have NaN offsets and are skipped by callers. */
export function tokenSpan(t: IToken): A.Span {
  return {
    startOffset: t.startOffset,
    endOffset: t.endOffset ?? t.startOffset,
    line: t.startLine ?? 1,
    column: t.startColumn ?? 1,
    endLine: t.endLine ?? t.startLine ?? 1,
    endColumn: t.endColumn ?? t.startColumn ?? 1,
  };
}

export function joinSpans(a: A.Span, b: A.Span): A.Span {
  return { startOffset: a.startOffset, line: a.line, column: a.column, endOffset: b.endOffset, endLine: b.endLine, endColumn: b.endColumn };
}

function nodeSpan(n: CstNode): A.Span | undefined {
  const l = n.location;
  if (!l || !Number.isFinite(l.startOffset) || l.startLine === undefined || Number.isNaN(l.startLine)) return undefined;
  return {
    startOffset: l.startOffset,
    endOffset: Number.isFinite(l.endOffset) ? l.endOffset! : l.startOffset,
    line: l.startLine!,
    column: l.startColumn ?? 1,
    endLine: l.endLine && !Number.isNaN(l.endLine) ? l.endLine : l.startLine!,
    endColumn: l.endColumn && !Number.isNaN(l.endColumn) ? l.endColumn : l.startColumn ?? 1,
  };
}

const good = (t: IToken | undefined): t is IToken => !!t && !t.isInsertedInRecovery && Number.isFinite(t.startOffset) && t.startLine !== undefined && !Number.isNaN(t.startLine);

const DURATION_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Unescapes a quoted string's body: \\ \' \" \n \t; any other escaped character stands for itself. */
export function unquote(image: string): string {
  const body = image.slice(1, -1);
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** Parses an FDL timestamp literal (UTC) to epoch ms; NaN when it is not a real date and time. */
export function timestampMs(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?Z?)?$/.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac] = m;
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, frac ? Math.round(parseFloat(frac) * 1000) : 0);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== +y! || back.getUTCMonth() !== +mo! - 1 || back.getUTCDate() !== +d!) return NaN;
  if (+h > 23 || +mi > 59 || +s > 59) return NaN;
  return ms;
}

export class AstBuilder extends BaseVisitor {
  readonly diagnostics: Diagnostic[] = [];

  constructor() {
    super();
    this.validateVisitor();
  }

  // ---------------------------------------------------------------- helpers

  private tok(c: Children, name: string, i = 0): IToken | undefined {
    const t = c[name]?.[i];
    return isToken(t) && good(t) ? t : undefined;
  }

  private toks(c: Children, name: string): IToken[] {
    return (c[name] ?? []).filter(isToken).filter(good);
  }

  private node(c: Children, name: string, i = 0): CstNode | undefined {
    const n = c[name]?.[i];
    return isNode(n) ? n : undefined;
  }

  private nodes(c: Children, name: string): CstNode[] {
    return (c[name] ?? []).filter(isNode);
  }

  private ident(n: CstNode | undefined): A.Ident | undefined {
    return n ? (this.visit(n) as A.Ident | undefined) : undefined;
  }

  private str(t: IToken | undefined): A.StringLit | undefined {
    return t ? { value: unquote(t.image), span: tokenSpan(t) } : undefined;
  }

  private duration(t: IToken | undefined): A.DurationLit | undefined {
    if (!t) return undefined;
    const n = Number(t.image.slice(0, -1));
    const ms = n * DURATION_UNITS[t.image.slice(-1)]!;
    if (!Number.isSafeInteger(ms)) {
      this.diagnostics.push(diag('invalid-duration', tokenSpan(t), { text: t.image }));
      return undefined;
    }
    return { text: t.image, ms, span: tokenSpan(t) };
  }

  private timestamp(t: IToken | undefined): A.TimestampLit | undefined {
    if (!t) return undefined;
    const ms = timestampMs(t.image);
    if (!Number.isFinite(ms)) {
      this.diagnostics.push(diag('invalid-timestamp', tokenSpan(t), { text: t.image }));
      return undefined;
    }
    return { text: t.image, ms, span: tokenSpan(t) };
  }

  private number(t: IToken | undefined): { value: number; span: A.Span } | undefined {
    if (!t) return undefined;
    const v = Number(t.image);
    if (!Number.isFinite(v)) {
      this.diagnostics.push(diag('invalid-number', tokenSpan(t), { text: t.image }));
      return undefined;
    }
    return { value: v, span: tokenSpan(t) };
  }

  /** Reports a clause given twice in a declaration (the first one is kept). */
  private once<T>(current: T | undefined, next: T | undefined, keyword: IToken | undefined): T | undefined {
    if (current !== undefined && next !== undefined && keyword) this.diagnostics.push(diag('duplicate-clause', tokenSpan(keyword), { clause: keyword.image }));
    return current ?? next;
  }

  private selectors(n: CstNode | undefined): A.FeatureSelector[] {
    if (!n) return [];
    return this.nodes(n.children, 'selector')
      .map((s) => this.visit(s) as A.FeatureSelector | undefined)
      .filter((x): x is A.FeatureSelector => !!x);
  }

  // ---------------------------------------------------------------- declarations

  program(c: Children): A.Program {
    const decls: A.Decl[] = [];
    let project: A.Ident | undefined;
    for (const d of this.nodes(c, 'declaration')) {
      const r = this.visit(d) as A.Decl | { kind: 'project'; name: A.Ident; keyword?: IToken } | undefined;
      if (!r) continue;
      if (r.kind === 'project') {
        if (project) this.diagnostics.push(diag('duplicate-clause', r.name.span, { clause: 'project' }));
        else project = r.name;
      } else decls.push(r);
    }
    const p: A.Program = { decls, span: { startOffset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 } };
    if (project) p.project = project;
    return p;
  }

  declaration(c: Children) {
    const n = Object.values(c).flat().find(isNode);
    if (!n) return undefined;
    const r = this.visit(n) as { span: A.Span } | undefined;
    const span = nodeSpan(n);
    if (r && span && 'kind' in r && (r as { kind: string }).kind !== 'project') r.span = span;
    return r;
  }

  name(c: Children): A.Ident | undefined {
    const t = this.tok(c, 'Identifier') ?? this.tok(c, 'QuotedIdentifier');
    if (!t) return undefined;
    const quoted = t.tokenType.name === 'QuotedIdentifier';
    return { name: quoted ? t.image.slice(1, -1) : t.image, span: tokenSpan(t) };
  }

  projectDecl(c: Children) {
    const name = this.ident(this.node(c, 'name'));
    return name ? { kind: 'project' as const, name } : undefined;
  }

  sourceDecl(c: Children): A.SourceDecl | undefined {
    const name = this.ident(this.node(c, 'name'));
    if (!name) return undefined;
    const d: A.SourceDecl = { kind: 'source', name, columns: [], span: name.span };
    for (const cl of this.nodes(c, 'sourceClause')) {
      const k = cl.children;
      const kwTok = Object.values(k).flat().find(isToken);
      if (k.Kw_path) d.path = this.once(d.path, this.str(this.tok(k, 'StringLiteral')), kwTok);
      else if (k.Kw_format) d.format = this.once(d.format, this.ident(this.node(k, 'name')), kwTok);
      else if (k.Kw_timestamp) d.timestamp = this.once(d.timestamp, this.ident(this.node(k, 'name')), kwTok);
      else if (k.Kw_available) d.available = this.once(d.available, this.ident(this.node(k, 'name')), kwTok);
      else if (k.Kw_column) {
        const cn = this.ident(this.node(k, 'name'));
        const ex = this.expr(this.node(k, 'expression'));
        if (cn && ex) d.columns.push({ name: cn, expr: ex, span: joinSpans(cn.span, ex.span) });
      } else if (k.Kw_where) d.where = this.once(d.where, this.expr(this.node(k, 'expression')), kwTok);
      else if (k.descriptionClause) d.description = this.descriptionOf(this.node(k, 'descriptionClause'));
    }
    return d;
  }

  sourceClause() {
    return undefined; // read by sourceDecl
  }

  descriptionClause(c: Children) {
    return this.str(this.tok(c, 'StringLiteral'));
  }

  private descriptionOf(n: CstNode | undefined): A.StringLit | undefined {
    return n ? (this.visit(n) as A.StringLit | undefined) : undefined;
  }

  entityDecl(c: Children): A.EntityDecl | undefined {
    const name = this.ident(this.node(c, 'name'));
    if (!name) return undefined;
    const d: A.EntityDecl = { kind: 'entity', name, keys: [], span: name.span };
    for (const cl of this.nodes(c, 'entityClause')) {
      const k = cl.children;
      if (k.Kw_key) {
        if (d.keys.length) this.diagnostics.push(diag('duplicate-clause', tokenSpan(k.Kw_key[0] as IToken), { clause: 'key' }));
        else d.keys = this.nodes(k, 'name').map((n) => this.ident(n)).filter((x): x is A.Ident => !!x);
      } else if (k.descriptionClause) d.description = this.descriptionOf(this.node(k, 'descriptionClause'));
    }
    return d;
  }

  entityClause() {
    return undefined;
  }

  featuresDecl(c: Children): A.FeaturesDecl | undefined {
    const names = this.nodes(c, 'name').map((n) => this.ident(n));
    const [name, source, entity] = names;
    if (!name || !source || !entity) return undefined;
    const d: A.FeaturesDecl = { kind: 'features', name, source, entity, features: [], span: name.span };
    for (const item of this.nodes(c, 'featureItem')) {
      const k = item.children;
      const kwTok = Object.values(k).flat().find(isToken);
      if (k.featureDef) {
        const f = this.visit(k.featureDef[0] as CstNode) as A.FeatureDef | undefined;
        if (f) d.features.push(f);
      } else if (k.Kw_ttl) d.ttl = this.once(d.ttl, this.duration(this.tok(k, 'Duration')), kwTok);
      else if (k.Kw_refresh) {
        const every = this.duration(this.tok(k, 'Duration', 0));
        const delay = this.duration(this.tok(k, 'Duration', 1));
        if (every) {
          const r: NonNullable<A.FeaturesDecl['refresh']> = { every, span: joinSpans(tokenSpan(kwTok!), (delay ?? every).span) };
          if (delay) r.delay = delay;
          d.refresh = this.once(d.refresh, r, kwTok);
        }
      } else if (k.descriptionClause) d.description = this.descriptionOf(this.node(k, 'descriptionClause'));
      else if (k.Kw_owner) d.owner = this.once(d.owner, this.str(this.tok(k, 'StringLiteral')), kwTok);
      else if (k.Kw_tags) d.tags = this.toks(k, 'StringLiteral').map((t) => this.str(t)!);
    }
    return d;
  }

  featureItem() {
    return undefined;
  }

  featureDef(c: Children): A.FeatureDef | undefined {
    const name = this.ident(this.node(c, 'name'));
    const exprs = this.nodes(c, 'expression');
    const expr = this.expr(exprs[0]);
    if (!name || !expr) return undefined;
    const f: A.FeatureDef = { name, expr, span: joinSpans(name.span, expr.span) };
    const over = this.duration(this.tok(c, 'Duration'));
    if (over) f.over = over;
    if (c.Kw_where) {
      const w = this.expr(exprs[1]);
      if (w) f.where = w;
    }
    return f;
  }

  selector(c: Children): A.FeatureSelector | undefined {
    const names = this.nodes(c, 'name').map((n) => this.ident(n));
    const view = names[0];
    if (!view) return undefined;
    if (this.tok(c, 'Star')) return { view, span: joinSpans(view.span, tokenSpan(this.tok(c, 'Star')!)) };
    const feature = names[1];
    if (!feature) return undefined;
    return { view, feature, span: joinSpans(view.span, feature.span) };
  }

  selectorList() {
    return undefined;
  }

  trainingSetDecl(c: Children): A.TrainingSetDecl | undefined {
    const name = this.ident(this.node(c, 'name'));
    if (!name) return undefined;
    const d: A.TrainingSetDecl = { kind: 'trainingSet', name, labels: [], features: [], span: name.span };
    for (const cl of this.nodes(c, 'trainingSetClause')) {
      const k = cl.children;
      const kwTok = Object.values(k).flat().find(isToken);
      if (k.Kw_spine) d.spine = this.once(d.spine, this.ident(this.node(k, 'name')), kwTok);
      else if (k.Kw_label) d.labels.push(...this.nodes(k, 'name').map((n) => this.ident(n)).filter((x): x is A.Ident => !!x));
      else if (k.Kw_features) d.features.push(...this.selectors(this.node(k, 'selectorList')));
      else if (k.Kw_split) {
        const a = this.timestamp(this.tok(k, 'TimestampLiteral', 0));
        const b = this.timestamp(this.tok(k, 'TimestampLiteral', 1));
        if (a && b) d.split = this.once(d.split, { train: a, test: b, span: joinSpans(tokenSpan(kwTok!), b.span) }, kwTok);
      } else if (k.descriptionClause) d.description = this.descriptionOf(this.node(k, 'descriptionClause'));
    }
    return d;
  }

  trainingSetClause() {
    return undefined;
  }

  modelDecl(c: Children): A.ModelDecl | undefined {
    const name = this.ident(this.node(c, 'name'));
    if (!name) return undefined;
    const d: A.ModelDecl = { kind: 'model', name, inputs: [], span: name.span };
    for (const cl of this.nodes(c, 'modelClause')) {
      const k = cl.children;
      const kwTok = Object.values(k).flat().find(isToken);
      if (k.Kw_fit) {
        const [algorithm, trainingSet] = this.nodes(k, 'name').map((n) => this.ident(n));
        if (algorithm && trainingSet) d.fit = this.once(d.fit, { algorithm, trainingSet, span: joinSpans(algorithm.span, trainingSet.span) }, kwTok);
      } else if (k.Kw_onnx) d.onnx = this.once(d.onnx, this.str(this.tok(k, 'StringLiteral')), kwTok);
      else if (k.Kw_inputs) d.inputs.push(...this.selectors(this.node(k, 'selectorList')));
      else if (k.descriptionClause) d.description = this.descriptionOf(this.node(k, 'descriptionClause'));
    }
    return d;
  }

  modelClause() {
    return undefined;
  }

  monitorDecl(c: Children): A.MonitorDecl | undefined {
    const name = this.ident(this.node(c, 'name'));
    if (!name) return undefined;
    const d: A.MonitorDecl = { kind: 'monitor', name, features: [], thresholds: [], span: name.span };
    for (const cl of this.nodes(c, 'monitorClause')) {
      const k = cl.children;
      const kwTok = Object.values(k).flat().find(isToken);
      if (k.Kw_reference) d.reference = this.once(d.reference, this.ident(this.node(k, 'name')), kwTok);
      else if (k.Kw_features) d.features.push(...this.selectors(this.node(k, 'selectorList')));
      else if (k.Kw_every) d.every = this.once(d.every, this.duration(this.tok(k, 'Duration')), kwTok);
      else if (k.Kw_bins) d.bins = this.once(d.bins, this.number(this.tok(k, 'NumberLiteral')), kwTok);
      else if (k.thresholdClause) {
        const t = this.visit(k.thresholdClause[0] as CstNode) as A.MonitorDecl['thresholds'][number] | undefined;
        if (t) d.thresholds.push(t);
      }
    }
    return d;
  }

  monitorClause() {
    return undefined;
  }

  thresholdClause(c: Children): A.MonitorDecl['thresholds'][number] | undefined {
    const metric = this.ident(this.node(c, 'name'));
    if (!metric) return undefined;
    const t: A.MonitorDecl['thresholds'][number] = { metric, span: metric.span };
    // Pair each keyword with the number that follows it, in source order.
    const toks = Object.values(c)
      .flat()
      .filter(isToken)
      .filter(good)
      .sort((a, b) => a.startOffset - b.startOffset);
    for (let i = 0; i < toks.length; i++) {
      const kw = toks[i]!;
      const num = toks[i + 1];
      if (!num || num.tokenType.name !== 'NumberLiteral') continue;
      const v = this.number(num);
      if (!v) continue;
      if (kw.tokenType.name === 'Kw_warn') t.warn = v;
      else if (kw.tokenType.name === 'Kw_alert') t.alert = v;
      else if (kw.tokenType.name === 'Kw_sustained') t.sustained = v;
      t.span = joinSpans(t.span, v.span);
    }
    return t;
  }

  // ---------------------------------------------------------------- expressions

  private expr(n: CstNode | undefined): A.Expr | undefined {
    return n ? (this.visit(n) as A.Expr | undefined) : undefined;
  }

  /** Folds `first (op next)*` left-associatively; `ops` are the operator tokens in order. */
  private fold(operands: (A.Expr | undefined)[], ops: IToken[], make: (op: string) => A.BinaryOp): A.Expr | undefined {
    if (operands.some((x) => !x)) return undefined;
    let e = operands[0]!;
    for (let i = 1; i < operands.length; i++) {
      const r = operands[i]!;
      e = { type: 'binary', op: make(ops[i - 1]!.image.toLowerCase()), left: e, right: r, span: joinSpans(e.span, r.span) };
    }
    return e;
  }

  expression(c: Children) {
    return this.fold(this.nodes(c, 'andExpr').map((n) => this.expr(n)), this.toks(c, 'Kw_or'), () => 'or');
  }

  andExpr(c: Children) {
    return this.fold(this.nodes(c, 'notExpr').map((n) => this.expr(n)), this.toks(c, 'Kw_and'), () => 'and');
  }

  notExpr(c: Children): A.Expr | undefined {
    const inner = this.node(c, 'notExpr');
    if (inner) {
      const operand = this.expr(inner);
      const kw = this.tok(c, 'Kw_not');
      if (!operand || !kw) return undefined;
      return { type: 'unary', op: 'not', operand, span: joinSpans(tokenSpan(kw), operand.span) };
    }
    return this.expr(this.node(c, 'comparison'));
  }

  comparison(c: Children): A.Expr | undefined {
    const sides = this.nodes(c, 'additive').map((n) => this.expr(n));
    const left = sides[0];
    if (!left) return undefined;
    const opNode = this.node(c, 'comparisonOp');
    if (opNode) {
      const right = sides[1];
      const opTok = Object.values(opNode.children).flat().find(isToken);
      if (!right || !opTok) return undefined;
      const op = ({ '=': '=', '==': '=', '!=': '!=', '<>': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=', '=>': '>=' } as const)[opTok.image as '='];
      return { type: 'binary', op: op ?? '=', left, right, span: joinSpans(left.span, right.span) };
    }
    if (c.Kw_in) {
      const list = this.nodes(c, 'expression').map((n) => this.expr(n));
      const close = this.tok(c, 'RParen');
      if (list.some((x) => !x) || !close) return undefined;
      return { type: 'in', operand: left, list: list as A.Expr[], negated: !!c.Kw_not, span: joinSpans(left.span, tokenSpan(close)) };
    }
    if (c.Kw_is) {
      const nul = this.tok(c, 'Kw_null');
      if (!nul) return undefined;
      return { type: 'isNull', operand: left, negated: !!c.Kw_not, span: joinSpans(left.span, tokenSpan(nul)) };
    }
    return left;
  }

  comparisonOp() {
    return undefined;
  }

  additive(c: Children) {
    const ops = [...this.toks(c, 'Plus'), ...this.toks(c, 'Minus')].sort((a, b) => a.startOffset - b.startOffset);
    return this.fold(this.nodes(c, 'multiplicative').map((n) => this.expr(n)), ops, (o) => o as A.BinaryOp);
  }

  multiplicative(c: Children) {
    const ops = [...this.toks(c, 'Star'), ...this.toks(c, 'Slash'), ...this.toks(c, 'Percent')].sort((a, b) => a.startOffset - b.startOffset);
    return this.fold(this.nodes(c, 'unary').map((n) => this.expr(n)), ops, (o) => o as A.BinaryOp);
  }

  unary(c: Children): A.Expr | undefined {
    const inner = this.node(c, 'unary');
    if (inner) {
      const operand = this.expr(inner);
      const minus = this.tok(c, 'Minus');
      if (!operand || !minus) return undefined;
      // Fold `-<number>` into a literal so that e.g. `-3` stays a constant.
      if (operand.type === 'literal' && operand.value.kind === 'number') {
        return { type: 'literal', value: { kind: 'number', value: -operand.value.value, text: '-' + operand.value.text }, span: joinSpans(tokenSpan(minus), operand.span) };
      }
      return { type: 'unary', op: '-', operand, span: joinSpans(tokenSpan(minus), operand.span) };
    }
    return this.expr(this.node(c, 'primary'));
  }

  primary(c: Children): A.Expr | undefined {
    const n = this.node(c, 'literal') ?? this.node(c, 'nameExpr') ?? this.node(c, 'expression');
    const e = this.expr(n);
    if (e && c.LParen && c.expression) {
      // Parenthesized: widen the span to the parentheses.
      const open = this.tok(c, 'LParen');
      const close = this.tok(c, 'RParen');
      if (open && close) return { ...e, span: joinSpans(tokenSpan(open), tokenSpan(close)) };
    }
    return e;
  }

  nameExpr(c: Children): A.Expr | undefined {
    const names = this.nodes(c, 'name').map((n) => this.ident(n));
    const first = names[0];
    if (!first) return undefined;
    if (c.Dot) {
      const second = names[1];
      if (!second) return undefined;
      return { type: 'featureRef', view: first, feature: second, span: joinSpans(first.span, second.span) };
    }
    if (c.LParen) {
      const close = this.tok(c, 'RParen');
      const args = this.nodes(c, 'expression').map((n) => this.expr(n));
      if (!close || args.some((x) => !x)) return undefined;
      const span = joinSpans(first.span, tokenSpan(close));
      if (first.name.toLowerCase() === 'if') {
        if (args.length !== 3) {
          this.diagnostics.push(diag('wrong-arity', span, { name: 'if', expected: '3 arguments (condition, then, else)', got: args.length }));
          return undefined;
        }
        return { type: 'if', cond: args[0]!, then: args[1]!, else: args[2]!, span };
      }
      return { type: 'call', callee: first, args: args as A.Expr[], span };
    }
    return { type: 'column', name: first.name, span: first.span };
  }

  literal(c: Children): A.Expr | undefined {
    const t = Object.values(c).flat().find(isToken);
    if (!t || !good(t)) return undefined;
    const span = tokenSpan(t);
    switch (t.tokenType.name) {
      case 'NumberLiteral': {
        const v = this.number(t);
        return v ? { type: 'literal', value: { kind: 'number', value: v.value, text: t.image }, span } : undefined;
      }
      case 'StringLiteral':
        return { type: 'literal', value: { kind: 'string', value: unquote(t.image) }, span };
      case 'Duration': {
        const d = this.duration(t);
        return d ? { type: 'literal', value: { kind: 'duration', text: d.text, ms: d.ms }, span } : undefined;
      }
      case 'TimestampLiteral': {
        const ts = this.timestamp(t);
        return ts ? { type: 'literal', value: { kind: 'timestamp', text: ts.text, ms: ts.ms }, span } : undefined;
      }
      case 'Kw_true':
        return { type: 'literal', value: { kind: 'bool', value: true }, span };
      case 'Kw_false':
        return { type: 'literal', value: { kind: 'bool', value: false }, span };
      case 'Kw_null':
        return { type: 'literal', value: { kind: 'null' }, span };
    }
    return undefined;
  }
}
