/**
 * The FDL abstract syntax tree.
 *
 * Produced by `to-ast.ts` from the Chevrotain CST; consumed by `check.ts` and
 * `plan.ts`. Every node carries the span of source text it came from, so that
 * every diagnostic can point at a line and column.
 */

/** 1-based line/column, 0-based offset; `end*` is inclusive of the last character. */
export interface Span {
  startOffset: number;
  endOffset: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Ident {
  name: string;
  span: Span;
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | LiteralExpr
  | ColumnExpr
  | FeatureRefExpr
  | UnaryExpr
  | BinaryExpr
  | InExpr
  | IsNullExpr
  | CallExpr
  | IfExpr;

export type LiteralValue =
  | { kind: 'number'; value: number; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  /** ISO-8601 UTC timestamp literal such as 2024-05-01 or 2024-05-01T12:30:00Z; `ms` is epoch milliseconds. */
  | { kind: 'timestamp'; text: string; ms: number }
  /** Duration literal such as 7d; `ms` is its length in milliseconds. */
  | { kind: 'duration'; text: string; ms: number };

export interface LiteralExpr {
  type: 'literal';
  value: LiteralValue;
  span: Span;
}

/** A bare identifier: a column of the source (or, in a feature block, a sibling feature). */
export interface ColumnExpr {
  type: 'column';
  name: string;
  span: Span;
}

/** `view.feature` */
export interface FeatureRefExpr {
  type: 'featureRef';
  view: Ident;
  feature: Ident;
  span: Span;
}

export interface UnaryExpr {
  type: 'unary';
  op: '-' | 'not';
  operand: Expr;
  span: Span;
}

export type BinaryOp =
  | '*' | '/' | '%'
  | '+' | '-'
  | '=' | '!=' | '<' | '<=' | '>' | '>='
  | 'and' | 'or';

export interface BinaryExpr {
  type: 'binary';
  op: BinaryOp;
  left: Expr;
  right: Expr;
  span: Span;
}

export interface InExpr {
  type: 'in';
  operand: Expr;
  list: Expr[];
  negated: boolean;
  span: Span;
}

export interface IsNullExpr {
  type: 'isNull';
  operand: Expr;
  negated: boolean;
  span: Span;
}

/** A function or aggregate call: `sum(x)`, `count()`, `coalesce(a, b)`. */
export interface CallExpr {
  type: 'call';
  callee: Ident;
  args: Expr[];
  span: Span;
}

export interface IfExpr {
  type: 'if';
  cond: Expr;
  then: Expr;
  else: Expr;
  span: Span;
}

// ---------------------------------------------------------------- declarations

export interface Program {
  project?: Ident;
  decls: Decl[];
  span: Span;
}

export type Decl =
  | SourceDecl
  | EntityDecl
  | FeaturesDecl
  | TrainingSetDecl
  | ModelDecl
  | MonitorDecl;

export interface StringLit {
  value: string;
  span: Span;
}

export interface DurationLit {
  text: string;
  ms: number;
  span: Span;
}

export interface TimestampLit {
  text: string;
  ms: number;
  span: Span;
}

export interface SourceDecl {
  kind: 'source';
  name: Ident;
  path?: StringLit;
  /** `format csv|parquet|json`; default from the path's extension. */
  format?: Ident;
  timestamp?: Ident;
  available?: Ident;
  columns: { name: Ident; expr: Expr; span: Span }[];
  where?: Expr;
  description?: StringLit;
  span: Span;
}

export interface EntityDecl {
  kind: 'entity';
  name: Ident;
  keys: Ident[];
  description?: StringLit;
  span: Span;
}

/** One `name = expr [over DURATION] [where EXPR]` line of a feature block. */
export interface FeatureDef {
  name: Ident;
  expr: Expr;
  over?: DurationLit;
  where?: Expr;
  span: Span;
}

export interface FeaturesDecl {
  kind: 'features';
  name: Ident;
  source: Ident;
  entity: Ident;
  features: FeatureDef[];
  ttl?: DurationLit;
  refresh?: { every: DurationLit; delay?: DurationLit; span: Span };
  description?: StringLit;
  owner?: StringLit;
  /** `tags "a", "b"` */
  tags?: StringLit[];
  span: Span;
}

/** `view.feature` or `view.*` in a list of features. */
export interface FeatureSelector {
  view: Ident;
  /** undefined for `view.*` */
  feature?: Ident;
  span: Span;
}

export interface TrainingSetDecl {
  kind: 'trainingSet';
  name: Ident;
  spine?: Ident;
  labels: Ident[];
  features: FeatureSelector[];
  split?: { train: TimestampLit; test: TimestampLit; span: Span };
  description?: StringLit;
  span: Span;
}

export interface ModelDecl {
  kind: 'model';
  name: Ident;
  onnx?: StringLit;
  fit?: { algorithm: Ident; trainingSet: Ident; span: Span };
  inputs: FeatureSelector[];
  description?: StringLit;
  span: Span;
}

export interface MonitorDecl {
  kind: 'monitor';
  name: Ident;
  reference?: Ident;
  features: FeatureSelector[];
  every?: DurationLit;
  /** `psi warn 0.1 alert 0.25 sustained 3`, `ks alert 0.2`, `mean_shift warn 2 alert 3` */
  thresholds: {
    metric: Ident;
    warn?: { value: number; span: Span };
    alert?: { value: number; span: Span };
    sustained?: { value: number; span: Span };
    span: Span;
  }[];
  /** `bins 10` */
  bins?: { value: number; span: Span };
  span: Span;
}
