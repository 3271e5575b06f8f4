/**
 * The one catalogue of FDL diagnostics.
 *
 * Every problem the front end can report has an entry here: a stable code, a
 * message built from typed parameters, and (where one helps) a hint that
 * says how to fix it. Parser, checker and compiler report through `diag()`
 * so codes and wording stay consistent across the CLI, the HTTP API and the
 * editor.
 */
import type { Span } from './ast.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  span: Span;
  hint?: string;
}

type Formatter<P> = (p: P) => { message: string; hint?: string; severity?: Severity };

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');
const dym = (s: string | undefined) => (s ? `did you mean '${s}'?` : undefined);

/** Message formatters, one per code. Parameters are typed per entry. */
export const MESSAGES = {
  // ---- lexing and parsing
  'unexpected-character': (p: { char: string }) => ({
    message: `unexpected character '${p.char}'`,
    hint: 'identifiers use letters, digits and _; strings go in quotes; comments start with #',
  }),
  'unterminated-string': (_: object) => ({
    message: 'unterminated string',
    hint: 'close the string with the same quote it opened with, on the same line',
  }),
  'syntax-error': (p: { expected: string; found: string }) => ({
    message: `expected ${p.expected} but found ${p.found}`,
  }),
  'invalid-duration': (p: { text: string }) => ({
    message: `invalid duration '${p.text}'`,
    hint: 'write a positive whole number followed by s, m, h, d or w, e.g. 30s, 15m, 1h, 7d, 4w',
  }),
  'invalid-timestamp': (p: { text: string }) => ({
    message: `invalid timestamp '${p.text}'`,
    hint: 'write a UTC date or date-time, e.g. 2024-05-01 or 2024-05-01T12:30:00Z',
  }),
  'invalid-number': (p: { text: string }) => ({
    message: `invalid number '${p.text}'`,
  }),
  'too-deeply-nested': (p: { what: string; limit: number }) => ({
    message: `expression nested too deeply: ${p.what} (the limit is ${p.limit})`,
    hint: 'split it into several columns: define parts as source columns or as features of their own',
  }),

  // ---- names
  'unknown-name': (p: { kind: string; name: string; suggestion?: string; known?: readonly string[] }) => ({
    message: `unknown ${p.kind} '${p.name}'`,
    hint: dym(p.suggestion) ?? (p.known && p.known.length ? `known: ${list(p.known.slice(0, 12))}` : undefined),
  }),
  'duplicate-name': (p: { kind: string; name: string; line: number }) => ({
    message: `duplicate ${p.kind} '${p.name}' (first declared on line ${p.line})`,
    hint: 'rename one of them; names must be unique within their scope',
  }),
  'missing-clause': (p: { decl: string; clause: string; example: string }) => ({
    message: `${p.decl} needs a '${p.clause}' clause`,
    hint: `add e.g. '${p.example}'`,
  }),
  'duplicate-clause': (p: { clause: string }) => ({
    message: `'${p.clause}' is given more than once`,
    hint: 'keep one',
  }),
  'missing-project': (_: object) => ({
    severity: 'warning' as const,
    message: "no 'project' declaration",
    hint: "start the file with e.g. 'project fraud'; the file name is used meanwhile",
  }),

  // ---- expressions
  'unknown-function': (p: { name: string; suggestion?: string }) => ({
    message: `unknown function '${p.name}'`,
    hint: dym(p.suggestion) ?? 'see docs/language.md for the functions FDL supports',
  }),
  'wrong-arity': (p: { name: string; expected: string; got: number }) => ({
    message: `'${p.name}' takes ${p.expected} but was given ${p.got}`,
  }),
  'aggregate-required': (p: { feature: string }) => ({
    message: `feature '${p.feature}' neither aggregates nor derives from other features`,
    hint: "wrap the column in an aggregate, e.g. last(x) or sum(x) over 7d, or build it from this block's features",
  }),
  'nested-aggregate': (p: { name: string }) => ({
    message: `aggregate '${p.name}' cannot be used here`,
    hint: 'an aggregate must be the whole right-hand side of a feature: name = agg(expr) [over d] [where cond]; derive from other features by name',
  }),
  'aggregate-in-derived': (p: { feature: string }) => ({
    message: `'over' and 'where' apply to aggregates only, but '${p.feature}' is derived from other features`,
    hint: 'put the window and filter on the features it is derived from',
  }),
  'mixed-derived': (p: { feature: string; column: string }) => ({
    message: `feature '${p.feature}' mixes a source column ('${p.column}') with other features`,
    hint: 'a derived feature may only use features of its block and literals; aggregate the column in its own feature first',
  }),
  'type-mismatch': (p: { what: string; expected: string; got: string }) => ({
    message: `${p.what} expects ${p.expected} but got ${p.got}`,
  }),
  'cycle': (p: { path: readonly string[] }) => ({
    message: `derived features form a cycle: ${p.path.join(' -> ')}`,
    hint: 'a derived feature cannot depend, directly or indirectly, on itself',
  }),
  'feature-ref-not-allowed': (p: { where: string }) => ({
    message: `'view.feature' references cannot be used in ${p.where}`,
    hint: 'row-level expressions see only the columns of their source',
  }),

  // ---- durations, refresh, split
  'zero-duration': (p: { what: string }) => ({
    message: `${p.what} must be longer than zero`,
  }),
  'delay-too-long': (_: object) => ({
    severity: 'warning' as const,
    message: "refresh 'delay' is not shorter than its period",
    hint: 'features will lag by more than one refresh period; check the values',
  }),
  'split-order': (_: object) => ({
    message: 'split boundaries must be increasing: train end < validation end',
    hint: 'write split time TRAIN_END, VALIDATION_END with the earlier date first',
  }),

  // ---- entities and keys
  'key-missing': (p: { key: string; entity: string; where: string; columns?: readonly string[]; suggestion?: string }) => ({
    message: `${p.where} has no column '${p.key}' (key of entity '${p.entity}')`,
    hint:
      dym(p.suggestion) ??
      (p.columns && p.columns.length ? `its columns: ${list(p.columns.slice(0, 20))}` : "add the key column, e.g. with column KEY = expr"),
  }),
  'unknown-column': (p: { name: string; source: string; suggestion?: string; columns?: readonly string[] }) => ({
    message: `source '${p.source}' has no column '${p.name}'`,
    hint: dym(p.suggestion) ?? (p.columns && p.columns.length ? `its columns: ${list(p.columns.slice(0, 20))}` : undefined),
  }),
  'unknown-feature': (p: { view: string; name: string; suggestion?: string }) => ({
    message: `feature block '${p.view}' has no feature '${p.name}'`,
    hint: dym(p.suggestion),
  }),
  'label-is-feature': (p: { name: string }) => ({
    severity: 'warning' as const,
    message: `label '${p.name}' is also a spine key or time column`,
  }),

  // ---- sources and data
  'unreadable-source': (p: { source: string; path: string; reason: string; hint?: string }) => ({
    message: `cannot read source '${p.source}' at '${p.path}': ${p.reason}`,
    hint: p.hint ?? 'paths resolve relative to the .fdl file; check the file exists and its format',
  }),
  'unknown-format': (p: { format: string }) => ({
    message: `unknown format '${p.format}'`,
    hint: "use csv, parquet or json, or leave 'format' out to infer it from the path",
  }),
  'bad-timestamp-column': (p: { column: string; type: string }) => ({
    message: `column '${p.column}' has type ${p.type}, which is not a time`,
    hint: 'use a TIMESTAMP or DATE column, or derive one: column ts = ...',
  }),

  // ---- models and monitors
  'unknown-algorithm': (p: { name: string }) => ({
    message: `unknown trainer '${p.name}'`,
    hint: "the built-in trainer is 'logistic'",
  }),
  'model-source': (_: object) => ({
    message: "a model needs either 'onnx \"path\"' or 'fit logistic on SET'",
  }),
  'input-not-in-set': (p: { feature: string; set: string }) => ({
    message: `model input '${p.feature}' is not a feature of training set '${p.set}'`,
    hint: 'add it to the training set or remove it from the inputs',
  }),
  'unknown-metric': (p: { name: string; suggestion?: string }) => ({
    message: `unknown drift metric '${p.name}'`,
    hint: dym(p.suggestion) ?? "use psi, ks or mean_shift",
  }),
  'internal-error': (p: { message: string }) => ({
    message: `internal error: ${p.message}`,
    hint: 'this is a bug in featurebook; please report it with the input that caused it',
  }),
} satisfies Record<string, Formatter<never>>;

export type DiagnosticCode = keyof typeof MESSAGES;
type ParamsOf<C extends DiagnosticCode> = Parameters<(typeof MESSAGES)[C]>[0];

/** Builds a diagnostic from its catalogue entry. */
export function diag<C extends DiagnosticCode>(code: C, span: Span, params: ParamsOf<C>, severity?: Severity): Diagnostic {
  const f = MESSAGES[code] as Formatter<ParamsOf<C>>;
  const out = f(params);
  const d: Diagnostic = { severity: severity ?? out.severity ?? 'error', code, message: out.message, span };
  if (out.hint) d.hint = out.hint;
  return d;
}

export const hasErrors = (ds: readonly Diagnostic[]) => ds.some((d) => d.severity === 'error');

/** Levenshtein distance, for did-you-mean. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (!m) return n;
  if (!n) return m;
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[n]!;
}

/** The closest candidate to `name`, if it is close enough to be a likely typo. */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    // Ties go to the candidate with the same first letter (cnt -> count, not ln).
    const d = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase()) - (c[0]?.toLowerCase() === lower[0] ? 0.5 : 0);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.ceil(name.length / 2.5));
  return bestD <= limit ? best : undefined;
}

/** `FILE:LINE:COL: error: message` plus an indented hint, gcc style. */
export function formatDiagnostic(d: Diagnostic, file: string, source?: string): string {
  let s = `${file}:${d.span.line}:${d.span.column}: ${d.severity}: ${d.message} [${d.code}]`;
  if (source !== undefined) {
    const line = source.split(/\r?\n/)[d.span.line - 1];
    if (line !== undefined && line.length < 400) {
      const width = d.span.endLine === d.span.line ? Math.max(1, d.span.endColumn - d.span.column + 1) : 1;
      s += `\n    ${line}\n    ${' '.repeat(Math.max(0, d.span.column - 1))}${'^'.repeat(Math.min(width, 200))}`;
    }
  }
  if (d.hint) s += `\n    hint: ${d.hint}`;
  return s;
}
