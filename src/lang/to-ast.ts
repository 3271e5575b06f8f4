/**
 * CST → AST: gives the grammar's parse tree its meaning.
 *
 * A `BaseCstVisitor` subclass with one method per grammar rule
 * (`validateVisitor()` checks none is missing). Error recovery can leave
 * children out of the CST (or put in tokens that are not in the text), so
 * every method tolerates missing pieces: an incomplete declaration keeps
 * what it has, an incomplete expression or feature is dropped. Problems the
 * grammar cannot see (a 13th month, `7days`, a clause given twice, `if` with
 * two arguments) become diagnostics here.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { fdlParser } from '../../grammar/parser.js';
import { MalformedNumber, QuotedIdentifier, UnterminatedString } from '../../grammar/tokens.js';
import type * as A from './ast.js';
import { type Diagnostic, diag } from './diagnostics.js';

const BaseVisitor = fdlParser.getBaseCstVisitorConstructor();

type Children = Record<string, CstElement[] | undefined>;
type Threshold = A.MonitorDecl['thresholds'][number];
type Num = { value: number; span: A.Span };

const isToken = (x: CstElement | undefined): x is IToken => !!x && 'image' in x;
const isNode = (x: CstElement | undefined): x is CstNode => !!x && 'children' in x;
/** A token that is really in the text: not one that recovery inserted (those have NaN positions). */
const isReal = (t: IToken | undefined): t is IToken => !!t && !t.isInsertedInRecovery && Number.isFinite(t.startOffset) && Number.isFinite(t.startLine);
const byOffset = (a: IToken, b: IToken) => a.startOffset - b.startOffset;

/** Chains longer than this, of one operator from ASSOCIATIVE, are grouped pairwise (docs/language.md, "Operators"). */
export const PAIRWISE_AFTER = 64;
const ASSOCIATIVE: ReadonlySet<A.BinaryOp> = new Set<A.BinaryOp>(['and', 'or', '+', '*']);

const binary = (op: A.BinaryOp, left: A.Expr, right: A.Expr): A.Expr => ({ type: 'binary', op, left, right, span: joinSpans(left.span, right.span) });

/** `xs[0] op xs[1] op …` as a balanced tree, built bottom-up (no recursion): depth log2(n). */
function pairwise(xs: A.Expr[], op: A.BinaryOp): A.Expr {
  let level = xs;
  while (level.length > 1) {
    const next: A.Expr[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? binary(op, level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}

/** Span of a token (1-based line/column, end inclusive). */
export function tokenSpan(t: IToken): A.Span {
  const line = t.startLine ?? 1;
  const column = t.startColumn ?? 1;
  return {
    startOffset: t.startOffset,
    endOffset: t.endOffset ?? t.startOffset + t.image.length - 1,
    line,
    column,
    endLine: t.endLine ?? line,
    endColumn: t.endColumn ?? column + t.image.length - 1,
  };
}

/** From the start of `a` to the end of `b`. */
export function joinSpans(a: A.Span, b: A.Span): A.Span {
  return { startOffset: a.startOffset, line: a.line, column: a.column, endOffset: b.endOffset, endLine: b.endLine, endColumn: b.endColumn };
}

/** Every real token under a CST node, in source order. */
function tokensOf(n: CstNode): IToken[] {
  const out: IToken[] = [];
  const walk = (c: Children) => {
    for (const xs of Object.values(c)) for (const x of xs ?? []) isToken(x) ? isReal(x) && out.push(x) : isNode(x) && walk(x.children);
  };
  walk(n.children);
  return out.sort(byOffset);
}

/** Span of a CST node from its first to its last real token (CST locations can include recovered tokens). */
function nodeSpan(n: CstNode): A.Span | undefined {
  const ts = tokensOf(n);
  const first = ts[0];
  const last = ts[ts.length - 1];
  return first && last ? joinSpans(tokenSpan(first), tokenSpan(last)) : undefined;
}

const DURATION_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * Unescapes a quoted string: \\ \' \" \n \t; any other escaped character
 * stands for itself. An unterminated string (reported by `parse`) has no
 * closing quote to drop.
 */
export function unquote(image: string, closed = true): string {
  const body = image.slice(1, closed ? -1 : undefined);
  return body.replace(/\\(.?)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/** An FDL timestamp literal (always UTC) as epoch ms; NaN when it is not a real date and time. */
export function timestampMs(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?Z?)?$/.exec(text);
  if (!m) return NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac] = m;
  if (+h > 23 || +mi > 59 || +s > 59) return NaN;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(+y!, +mo! - 1, +d!);
  if (date.getUTCFullYear() !== +y! || date.getUTCMonth() !== +mo! - 1 || date.getUTCDate() !== +d!) return NaN;
  return date.getTime() + ((+h * 60 + +mi) * 60 + +s) * 1000 + (frac ? Math.floor(Number(frac) * 1000) : 0);
}

/** A duration literal (`7d`) in ms; NaN when it is not one or too long to count in ms exactly. */
export function durationMs(text: string): number {
  const m = /^(\d+)([smhdw])$/.exec(text);
  const ms = m ? Number(m[1]) * DURATION_UNITS[m[2]!]! : NaN;
  return Number.isSafeInteger(ms) ? ms : NaN;
}

const COMPARISON_OPS: Record<string, A.BinaryOp> = { '=': '=', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

export class AstBuilder extends BaseVisitor {
  readonly diagnostics: Diagnostic[] = [];

  constructor() {
    super();
    this.validateVisitor();
  }

  // ---------------------------------------------------------------- CST access, tolerant of missing children

  private tok(c: Children, name: string, i = 0): IToken | undefined {
    const t = c[name]?.[i];
    return isToken(t) && isReal(t) ? t : undefined;
  }

  private toks(c: Children, name: string): IToken[] {
    return (c[name] ?? []).filter(isToken).filter(isReal);
  }

  private node(c: Children, name: string, i = 0): CstNode | undefined {
    const n = c[name]?.[i];
    return isNode(n) ? n : undefined;
  }

  private nodes(c: Children, name: string): CstNode[] {
    return (c[name] ?? []).filter(isNode);
  }

  /** The keyword that starts a clause (for duplicate-clause reports). */
  private keyword(c: Children): IToken | undefined {
    const kws = Object.entries(c)
      .filter(([k]) => k.startsWith('Kw_'))
      .flatMap(([, xs]) => (xs ?? []).filter(isToken).filter(isReal));
    const inner = this.node(c, 'descriptionClause');
    if (inner) kws.push(...this.toks(inner.children, 'Kw_description'));
    return kws.sort(byOffset)[0];
  }

  // ---------------------------------------------------------------- values

  private ident(n: CstNode | undefined): A.Ident | undefined {
    return n ? (this.visit(n) as A.Ident | undefined) : undefined;
  }

  private idents(ns: CstNode[]): A.Ident[] {
    return ns.map((n) => this.ident(n)).filter((x): x is A.Ident => !!x);
  }

  private str(t: IToken | undefined): A.StringLit | undefined {
    return t ? { value: unquote(t.image, t.tokenType !== UnterminatedString), span: tokenSpan(t) } : undefined;
  }

  private duration(t: IToken | undefined): A.DurationLit | undefined {
    if (!t) return undefined;
    const ms = durationMs(t.image);
    if (!Number.isFinite(ms)) {
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

  private number(t: IToken | undefined): Num | undefined {
    if (!t) return undefined;
    const value = Number(t.image);
    if (t.tokenType === MalformedNumber || !Number.isFinite(value)) {
      this.diagnostics.push(diag('invalid-number', tokenSpan(t), { text: t.image }));
      return undefined;
    }
    return { value, span: tokenSpan(t) };
  }

  /** Keeps the first of a single-valued clause and reports any later one at its keyword. */
  private once<T>(current: T | undefined, next: T | undefined, keyword: IToken | undefined): T | undefined {
    if (current !== undefined && next !== undefined && keyword) this.diagnostics.push(diag('duplicate-clause', tokenSpan(keyword), { clause: keyword.image }));
    return current ?? next;
  }

  private description(c: Children): A.StringLit | undefined {
    const n = this.node(c, 'descriptionClause');
    return n ? (this.visit(n) as A.StringLit | undefined) : undefined;
  }

  private selectors(n: CstNode | undefined): A.FeatureSelector[] {
    if (!n) return [];
    return this.nodes(n.children, 'selector')
      .map((s) => this.visit(s) as A.FeatureSelector | undefined)
      .filter((x): x is A.FeatureSelector => !!x);
  }

  /** The clause nodes of a block, each with its children and the keyword that starts it. */
  private clauses(c: Children, rule: string): { k: Children; kw: IToken | undefined }[] {
    return this.nodes(c, rule).map((n) => ({ k: n.children, kw: this.keyword(n.children) }));
  }

  // ---------------------------------------------------------------- declarations

  program(c: Children): A.Program {
    const decls: A.Decl[] = [];
    let project: A.Ident | undefined;
    for (const n of this.nodes(c, 'declaration')) {
      const inner = Object.values(n.children).flat().find(isNode);
      if (!inner) continue;
      if (inner.name === 'projectDecl') {
        const name = this.ident(this.node(inner.children, 'name'));
        project = this.once(project, name, this.tok(inner.children, 'Kw_project'));
        continue;
      }
      const d = this.visit(inner) as A.Decl | undefined;
      const span = nodeSpan(inner);
      if (!d) continue;
      if (span) d.span = span;
      decls.push(d);
    }
    const p: A.Program = { decls, span: { startOffset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 } };
    if (project) p.project = project;
    return p;
  }

  /** Read by `program`, which needs to tell `project` apart from the others. */
  declaration() {
    return undefined;
  }

  name(c: Children): A.Ident | undefined {
    const t = this.tok(c, 'Identifier') ?? this.tok(c, 'QuotedIdentifier');
    if (!t) return undefined;
    return { name: t.tokenType === QuotedIdentifier ? t.image.slice(1, -1) : t.image, span: tokenSpan(t) };
  }

  projectDecl() {
    return undefined; // read by program
  }

  sourceDecl(c: Children): A.SourceDecl | undefined {
    const name = this.ident(this.node(c, 'name'));
    if (!name) return undefined;
    const d: A.SourceDecl = { kind: 'source', name, columns: [], span: name.span };
    for (const { k, kw } of this.clauses(c, 'sourceClause')) {
      if (k.Kw_path) d.path = this.once(d.path, this.str(this.tok(k, 'StringLiteral')), kw);
      else if (k.Kw_format) d.format = this.once(d.format, this.ident(this.node(k, 'name')), kw);
      else if (k.Kw_timestamp) d.timestamp = this.once(d.timestamp, this.ident(this.node(k, 'name')), kw);
      else if (k.Kw_available) d.available = this.once(d.available, this.ident(this.node(k, 'name')), kw);
      else if (k.Kw_column) {
        const column = this.ident(this.node(k, 'name'));
        const expr = this.expr(this.node(k, 'expression'));
        if (column && expr) d.columns.push({ name: column, expr, span: joinSpans(kw ? tokenSpan(kw) : column.span, expr.span) });
      } else if (k.Kw_where) d.where = this.once(d.where, this.expr(this.node(k, 'expression')), kw);
      else if (k.descriptionClause) d.description = this.once(d.description, this.description(k), kw);
    }
    return d;
  }

  sourceClause() {
    return undefined; // read by sourceDecl
  }

  descriptionClause(c: Children): A.StringLit | undefined {
    return this.str(this.tok(c, 'StringLiteral'));
  }

  entityDecl(c: Children): A.EntityDecl | undefined {
    const name = this.ident(this.node(c, 'name'));
    if (!name) return undefined;
    const d: A.EntityDecl = { kind: 'entity', name, keys: [], span: name.span };
    for (const { k, kw } of this.clauses(c, 'entityClause')) {
      if (k.Kw_key) {
        const keys = this.idents(this.nodes(k, 'name'));
        d.keys = this.once(d.keys.length ? d.keys : undefined, keys.length ? keys : undefined, kw) ?? [];
      } else if (k.descriptionClause) d.description = this.once(d.description, this.description(k), kw);
    }
    return d;
  }

  entityClause() {
    return undefined; // read by entityDecl
  }

  featuresDecl(c: Children): A.FeaturesDecl | undefined {
    const [name, source, entity] = this.nodes(c, 'name').map((n) => this.ident(n));
    if (!name || !source || !entity) return undefined;
    const d: A.FeaturesDecl = { kind: 'features', name, source, entity, features: [], span: name.span };
    for (const { k, kw } of this.clauses(c, 'featureItem')) {
      const def = this.node(k, 'featureDef');
      if (def) {
        const f = this.visit(def) as A.FeatureDef | undefined;
        if (f) d.features.push(f);
      } else if (k.Kw_ttl) d.ttl = this.once(d.ttl, this.duration(this.tok(k, 'Duration')), kw);
      else if (k.Kw_refresh) {
        const every = this.duration(this.tok(k, 'Duration', 0));
        const delay = this.duration(this.tok(k, 'Duration', 1));
        if (every && kw) {
          const r: NonNullable<A.FeaturesDecl['refresh']> = { every, span: joinSpans(tokenSpan(kw), (delay ?? every).span) };
          if (delay) r.delay = delay;
          d.refresh = this.once(d.refresh, r, kw);
        }
      } else if (k.descriptionClause) d.description = this.once(d.description, this.description(k), kw);
      else if (k.Kw_owner) d.owner = this.once(d.owner, this.str(this.tok(k, 'StringLiteral')), kw);
      else if (k.Kw_tags) {
        const tags = this.toks(k, 'StringLiteral').map((t) => this.str(t)!);
        d.tags = this.once(d.tags, tags.length ? tags : undefined, kw);
      }
    }
    return d;
  }

  featureItem() {
    return undefined; // read by featuresDecl
  }

  featureDef(c: Children): A.FeatureDef | undefined {
    const name = this.ident(this.node(c, 'name'));
    const [valueNode, whereNode] = this.nodes(c, 'expression');
    const expr = this.expr(valueNode);
    if (!name || !expr) return undefined;
    const f: A.FeatureDef = { name, expr, span: joinSpans(name.span, expr.span) };
    const over = this.duration(this.tok(c, 'Duration'));
    if (over) {
      f.over = over;
      f.span = joinSpans(f.span, over.span);
    }
    // `where` with a broken condition drops the feature: without its filter it would mean something else.
    if (this.tok(c, 'Kw_where')) {
      const where = this.expr(whereNode);
      if (!where) return undefined;
      f.where = where;
      f.span = joinSpans(f.span, where.span);
    }
    return f;
  }

  selector(c: Children): A.FeatureSelector | undefined {
    const [view, feature] = this.nodes(c, 'name').map((n) => this.ident(n));
    if (!view) return undefined;
    const star = this.tok(c, 'Star');
    if (star) return { view, span: joinSpans(view.span, tokenSpan(star)) };
    return feature ? { view, feature, span: joinSpans(view.span, feature.span) } : undefined;
  }

  selectorList() {
    return undefined; // read by selectors()
  }

  trainingSetDecl(c: Children): A.TrainingSetDecl | undefined {
    const name = this.ident(this.node(c, 'name'));
    if (!name) return undefined;
    const d: A.TrainingSetDecl = { kind: 'trainingSet', name, labels: [], features: [], span: name.span };
    for (const { k, kw } of this.clauses(c, 'trainingSetClause')) {
      if (k.Kw_spine) d.spine = this.once(d.spine, this.ident(this.node(k, 'name')), kw);
      // `label` and `features` may be repeated: they add to the list.
      else if (k.Kw_label) d.labels.push(...this.idents(this.nodes(k, 'name')));
      else if (k.Kw_features) d.features.push(...this.selectors(this.node(k, 'selectorList')));
      else if (k.Kw_split) {
        const train = this.timestamp(this.tok(k, 'TimestampLiteral', 0));
        const test = this.timestamp(this.tok(k, 'TimestampLiteral', 1));
        if (train && test && kw) d.split = this.once(d.split, { train, test, span: joinSpans(tokenSpan(kw), test.span) }, kw);
      } else if (k.descriptionClause) d.description = this.once(d.description, this.description(k), kw);
    }
    return d;
  }

  trainingSetClause() {
    return undefined; // read by trainingSetDecl
  }

  modelDecl(c: Children): A.ModelDecl | undefined {
    const name = this.ident(this.node(c, 'name'));
    if (!name) return undefined;
    const d: A.ModelDecl = { kind: 'model', name, inputs: [], span: name.span };
    for (const { k, kw } of this.clauses(c, 'modelClause')) {
      if (k.Kw_fit) {
        const [algorithm, trainingSet] = this.nodes(k, 'name').map((n) => this.ident(n));
        if (algorithm && trainingSet && kw) d.fit = this.once(d.fit, { algorithm, trainingSet, span: joinSpans(tokenSpan(kw), trainingSet.span) }, kw);
      } else if (k.Kw_onnx) d.onnx = this.once(d.onnx, this.str(this.tok(k, 'StringLiteral')), kw);
      else if (k.Kw_inputs) d.inputs.push(...this.selectors(this.node(k, 'selectorList')));
      else if (k.descriptionClause) d.description = this.once(d.description, this.description(k), kw);
    }
    return d;
  }

  modelClause() {
    return undefined; // read by modelDecl
  }

  monitorDecl(c: Children): A.MonitorDecl | undefined {
    const name = this.ident(this.node(c, 'name'));
    if (!name) return undefined;
    const d: A.MonitorDecl = { kind: 'monitor', name, features: [], thresholds: [], span: name.span };
    for (const { k, kw } of this.clauses(c, 'monitorClause')) {
      const threshold = this.node(k, 'thresholdClause');
      if (threshold) {
        const t = this.visit(threshold) as Threshold | undefined;
        if (t) d.thresholds.push(t);
      } else if (k.Kw_reference) d.reference = this.once(d.reference, this.ident(this.node(k, 'name')), kw);
      else if (k.Kw_features) d.features.push(...this.selectors(this.node(k, 'selectorList')));
      else if (k.Kw_every) d.every = this.once(d.every, this.duration(this.tok(k, 'Duration')), kw);
      else if (k.Kw_bins) d.bins = this.once(d.bins, this.number(this.tok(k, 'NumberLiteral')), kw);
    }
    return d;
  }

  monitorClause() {
    return undefined; // read by monitorDecl
  }

  thresholdClause(c: Children): Threshold | undefined {
    const metric = this.ident(this.node(c, 'name'));
    if (!metric) return undefined;
    const t: Threshold = { metric, span: metric.span };
    // Pair each keyword with the number right after it, in source order.
    const toks = [...this.toks(c, 'Kw_warn'), ...this.toks(c, 'Kw_alert'), ...this.toks(c, 'Kw_sustained'), ...this.toks(c, 'NumberLiteral')].sort(byOffset);
    toks.forEach((kw, i) => {
      const next = toks[i + 1];
      if (!kw.tokenType.name.startsWith('Kw_') || !next || next.tokenType.name.startsWith('Kw_')) return;
      const v = this.number(next);
      if (!v) return;
      const which = kw.image as 'warn' | 'alert' | 'sustained';
      if (t[which]) this.diagnostics.push(diag('duplicate-clause', tokenSpan(kw), { clause: kw.image }));
      else t[which] = v;
      t.span = joinSpans(t.span, v.span);
    });
    return t;
  }

  // ---------------------------------------------------------------- expressions

  private expr(n: CstNode | undefined): A.Expr | undefined {
    return n ? (this.visit(n) as A.Expr | undefined) : undefined;
  }

  /**
   * Folds `e0 op1 e1 op2 e2 …` left-associatively; undefined when any piece is missing.
   * A long chain of one associative operator is grouped pairwise instead, so that
   * `1 + 1 + …` with thousands of terms nests a dozen levels deep, not thousands.
   */
  private fold(operandNodes: CstNode[], ops: IToken[]): A.Expr | undefined {
    const operands = operandNodes.map((n) => this.expr(n));
    if (!operands.length || operands.some((x) => !x) || ops.length !== operands.length - 1) return undefined;
    const op = ops[0]?.image as A.BinaryOp | undefined;
    if (op && operands.length > PAIRWISE_AFTER && ASSOCIATIVE.has(op) && ops.every((t) => t.image === op)) return pairwise(operands as A.Expr[], op);
    return (operands as A.Expr[]).reduce((left, right, i) => binary(ops[i - 1]!.image as A.BinaryOp, left, right));
  }

  expression(c: Children) {
    return this.fold(this.nodes(c, 'andExpr'), this.toks(c, 'Kw_or'));
  }

  andExpr(c: Children) {
    return this.fold(this.nodes(c, 'notExpr'), this.toks(c, 'Kw_and'));
  }

  notExpr(c: Children): A.Expr | undefined {
    const inner = this.node(c, 'notExpr');
    if (!inner) return this.expr(this.node(c, 'comparison'));
    const operand = this.expr(inner);
    const not = this.tok(c, 'Kw_not');
    return operand && not ? { type: 'unary', op: 'not', operand, span: joinSpans(tokenSpan(not), operand.span) } : undefined;
  }

  comparison(c: Children): A.Expr | undefined {
    const [left, right] = this.nodes(c, 'additive').map((n) => this.expr(n));
    if (!left) return undefined;
    const opNode = this.node(c, 'comparisonOp');
    if (opNode) {
      const opTok = tokensOf(opNode)[0];
      const op = opTok && COMPARISON_OPS[opTok.image];
      return right && op ? binary(op, left, right) : undefined;
    }
    if (c.Kw_in) {
      const list = this.nodes(c, 'expression').map((n) => this.expr(n));
      const close = this.tok(c, 'RParen');
      if (!close || !list.length || list.some((x) => !x)) return undefined;
      return { type: 'in', operand: left, list: list as A.Expr[], negated: !!this.tok(c, 'Kw_not'), span: joinSpans(left.span, tokenSpan(close)) };
    }
    if (c.Kw_is) {
      const nul = this.tok(c, 'Kw_null');
      return nul ? { type: 'isNull', operand: left, negated: !!this.tok(c, 'Kw_not'), span: joinSpans(left.span, tokenSpan(nul)) } : undefined;
    }
    return left;
  }

  comparisonOp() {
    return undefined; // read by comparison
  }

  additive(c: Children) {
    return this.fold(this.nodes(c, 'multiplicative'), [...this.toks(c, 'Plus'), ...this.toks(c, 'Minus')].sort(byOffset));
  }

  multiplicative(c: Children) {
    return this.fold(this.nodes(c, 'unary'), [...this.toks(c, 'Star'), ...this.toks(c, 'Slash'), ...this.toks(c, 'Percent')].sort(byOffset));
  }

  unary(c: Children): A.Expr | undefined {
    const inner = this.node(c, 'unary');
    if (!inner) return this.expr(this.node(c, 'primary'));
    const operand = this.expr(inner);
    const minus = this.tok(c, 'Minus');
    if (!operand || !minus) return undefined;
    const span = joinSpans(tokenSpan(minus), operand.span);
    // `-3` is a number, not an operation on one: constants stay constants for the checker.
    if (operand.type === 'literal' && operand.value.kind === 'number') {
      return { type: 'literal', value: { kind: 'number', value: -operand.value.value, text: `-${operand.value.text}` }, span };
    }
    return { type: 'unary', op: '-', operand, span };
  }

  primary(c: Children): A.Expr | undefined {
    const inner = this.node(c, 'expression');
    if (!inner) return this.expr(this.node(c, 'literal') ?? this.node(c, 'nameExpr'));
    // Parenthesized: the same expression, its span widened to the parentheses.
    const e = this.expr(inner);
    const open = this.tok(c, 'LParen');
    const close = this.tok(c, 'RParen');
    return e && open && close ? { ...e, span: joinSpans(tokenSpan(open), tokenSpan(close)) } : undefined;
  }

  nameExpr(c: Children): A.Expr | undefined {
    const [first, second] = this.nodes(c, 'name').map((n) => this.ident(n));
    if (!first) return undefined;
    if (c.Dot) return second ? { type: 'featureRef', view: first, feature: second, span: joinSpans(first.span, second.span) } : undefined;
    if (!c.LParen) return { type: 'column', name: first.name, span: first.span };
    const close = this.tok(c, 'RParen');
    const args = this.nodes(c, 'expression').map((n) => this.expr(n));
    if (!close || args.some((x) => !x)) return undefined;
    const span = joinSpans(first.span, tokenSpan(close));
    if (first.name === 'if') {
      if (args.length !== 3) {
        this.diagnostics.push(diag('wrong-arity', span, { name: 'if', expected: '3 arguments (condition, then, else)', got: args.length }));
        return undefined;
      }
      return { type: 'if', cond: args[0]!, then: args[1]!, else: args[2]!, span };
    }
    return { type: 'call', callee: first, args: args as A.Expr[], span };
  }

  literal(c: Children): A.Expr | undefined {
    const t = Object.values(c).flat().find(isToken);
    if (!isReal(t)) return undefined;
    const span = tokenSpan(t);
    const lit = (value: A.LiteralValue): A.LiteralExpr => ({ type: 'literal', value, span });
    switch (t.tokenType.name) {
      case 'NumberLiteral': {
        const v = this.number(t);
        return v && lit({ kind: 'number', value: v.value, text: t.image });
      }
      case 'StringLiteral':
      case 'UnterminatedString':
        return lit({ kind: 'string', value: this.str(t)!.value });
      case 'Duration': {
        const d = this.duration(t);
        return d && lit({ kind: 'duration', text: d.text, ms: d.ms });
      }
      case 'TimestampLiteral': {
        const ts = this.timestamp(t);
        return ts && lit({ kind: 'timestamp', text: ts.text, ms: ts.ms });
      }
      case 'MalformedNumber':
        // `7days` and `1.5h` were meant as durations, `1e5x` as a number.
        if (/^\d+(\.\d+)?[A-Za-z]+$/.test(t.image)) this.duration(t);
        else this.number(t);
        return undefined;
      case 'Kw_true':
        return lit({ kind: 'bool', value: true });
      case 'Kw_false':
        return lit({ kind: 'bool', value: false });
      case 'Kw_null':
        return lit({ kind: 'null' });
    }
    return undefined;
  }
}
