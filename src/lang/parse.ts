/**
 * Source text → AST, with diagnostics. Never throws.
 *
 *   text ─ fdlLexer ─▶ tokens ─ fdlParser (recovering) ─▶ CST ─ AstBuilder ─▶ Program
 *
 * Lexer and parser errors become diagnostics with a line and column
 * (Chevrotain's own messages carry neither: they are computed from tokens
 * here); Chevrotain recovers from syntax errors, so one pass reports every
 * one, and the AST keeps every declaration that could be read.
 */
import { EOF, type ILexingError, type IRecognitionException, type IToken } from 'chevrotain';
import { HINT_SEPARATOR, fdlParser } from '../../grammar/parser.js';
import { LParen, Minus, Not, RParen, UnterminatedString, fdlLexer } from '../../grammar/tokens.js';
import type { Expr, Program, Span } from './ast.js';
import { type Diagnostic, diag } from './diagnostics.js';
import { AstBuilder, tokenSpan } from './to-ast.js';

const START: Span = { startOffset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Line and column (1-based) of a 0-based offset, counting \n, \r\n and \r as line breaks like the lexer does. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** A one-character span at `offset` (which may be just past the end of the text). */
function pointAt(text: string, offset: number): Span {
  const { line, column } = positionAt(text, offset);
  return { startOffset: offset, endOffset: offset, line, column, endLine: line, endColumn: column };
}

/** Characters people reach for from other languages, and what FDL writes instead. */
const CHARACTER_HINTS: Record<string, string> = {
  ';': 'FDL needs no separators: put each clause or feature on its own line',
  '&': "write 'and'",
  '|': "write 'or'",
  '!': "write 'not', or '!=' for not equal",
  '[': 'lists go in parentheses: x in (1, 2)',
  ']': 'lists go in parentheses: x in (1, 2)',
  ':': "a feature is defined with '=': name = expression",
};

function lexError(e: ILexingError, text: string): Diagnostic {
  // The lexer knows the line and column; recomputing them from the text would be quadratic in the number of errors.
  const line = e.line ?? positionAt(text, e.offset).line;
  const column = e.column ?? positionAt(text, e.offset).column;
  const length = Math.max(1, e.length);
  const span: Span = { startOffset: e.offset, endOffset: e.offset + length - 1, line, column, endLine: line, endColumn: column + length - 1 };
  const ch = String.fromCodePoint(text.codePointAt(e.offset) ?? 0x20);
  const d = diag('unexpected-character', span, { char: ch < ' ' ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch });
  const hint = CHARACTER_HINTS[ch];
  if (hint) d.hint = hint;
  return d;
}

/** A parser error at its token; at end of input, just after the last real token (where the missing piece belongs). */
function syntaxError(e: IRecognitionException, text: string, lastToken: IToken | undefined): Diagnostic {
  const t = e.token;
  const atEnd = !t || t.tokenType === EOF || !Number.isFinite(t.startOffset);
  const span = !atEnd ? tokenSpan(t) : lastToken ? pointAt(text, lastToken.startOffset + lastToken.image.length) : START;
  // The parser's message provider words every error "expected X but found Y" (+ hint): the catalogue formats it.
  const [message = '', hint] = e.message.split(HINT_SEPARATOR);
  const m = /^expected ([^]*) but found ([^]*)$/.exec(message);
  const d = diag('syntax-error', span, { expected: m?.[1] ?? 'something else', found: m?.[2] ?? 'something unexpected' });
  if (!m) d.message = message || e.message;
  if (hint) d.hint = hint;
  return d;
}

/**
 * How deep parentheses may nest and how many prefix operators (`-`, `not`) may
 * follow each other: each costs the recursive-descent parser a few stack frames,
 * so these are checked on the tokens, before parsing. Far beyond any real
 * expression, well short of running out of stack.
 */
export const MAX_PARENTHESES = 64;
export const MAX_PREFIXES = 256;
/**
 * How deep an expression's tree may be once built. Every later stage walks it
 * recursively, and DuckDB refuses SQL nested more than 1000 deep (a level here
 * can be two or three there). Long chains of one associative operator are
 * grouped pairwise (see to-ast.ts) and so stay far below it.
 */
export const MAX_EXPRESSION_DEPTH = 256;

/** The first token that nests parentheses or prefix operators too deeply, if any, and what it exceeds. */
function tooDeep(tokens: readonly IToken[]): { token: IToken; what: string; limit: number } | undefined {
  let parentheses = 0;
  let prefixes = 0;
  for (const t of tokens) {
    if (t.tokenType === LParen) parentheses++;
    else if (t.tokenType === RParen) parentheses = Math.max(0, parentheses - 1);
    if (t.tokenType === Minus || t.tokenType === Not) prefixes++;
    else if (t.tokenType !== LParen) prefixes = 0;
    if (parentheses > MAX_PARENTHESES) return { token: t, what: `parentheses nested ${parentheses} deep`, limit: MAX_PARENTHESES };
    if (prefixes > MAX_PREFIXES) return { token: t, what: `${prefixes} '-' or 'not' in a row`, limit: MAX_PREFIXES };
  }
  return undefined;
}

const EXPRESSION_TYPES = new Set(['literal', 'column', 'featureRef', 'unary', 'binary', 'in', 'isNull', 'call', 'if']);
const isExpr = (x: object): x is Expr => EXPRESSION_TYPES.has((x as { type?: unknown }).type as string) && 'span' in x;

/** The first top-level expression whose tree is deeper than MAX_EXPRESSION_DEPTH, and its depth. Iterative: the tree may be very deep. */
function tooDeepTree(program: Program): { expr: Expr; depth: number } | undefined {
  const stack: { value: object; depth: number; top?: Expr }[] = [{ value: program, depth: 0 }];
  let found: { expr: Expr; depth: number } | undefined;
  while (stack.length) {
    const { value, depth, top } = stack.pop()!;
    if (found && top !== found.expr) continue;
    let d = depth;
    let t = top;
    if (isExpr(value)) {
      d = depth + 1;
      t = top ?? value;
      if (d > MAX_EXPRESSION_DEPTH && (!found || d > found.depth)) found = { expr: t, depth: d };
    }
    for (const [k, v] of Object.entries(value)) if (k !== 'span' && v && typeof v === 'object') stack.push({ value: v, depth: d, top: t });
  }
  return found;
}

/**
 * Parses FDL text into a `Program` and the diagnostics found on the way,
 * sorted by position. Never throws: a bug surfaces as an 'internal-error'
 * diagnostic at 1:1.
 */
export function parse(source: string): { program: Program; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  try {
    const text = String(source);
    const lexed = fdlLexer.tokenize(text);
    for (const e of lexed.errors) diagnostics.push(lexError(e, text));
    // An unterminated string stays in the stream (as a string) so that the parser does not pile errors on top.
    for (const t of lexed.tokens) if (t.tokenType === UnterminatedString) diagnostics.push(diag('unterminated-string', tokenSpan(t), {}));

    const deep = tooDeep(lexed.tokens);
    if (deep) {
      // Reported instead of parsing, which could overflow the stack.
      diagnostics.push(diag('too-deeply-nested', tokenSpan(deep.token), { what: deep.what, limit: deep.limit }));
      return { program: { decls: [], span: START }, diagnostics };
    }

    fdlParser.input = lexed.tokens;
    const cst = fdlParser.program();
    const lastToken = lexed.tokens[lexed.tokens.length - 1];
    // Recovery can report a cascade at the same token: the first error there is the useful one. And
    // the token right after characters the lexer dropped is usually only wrong because of them.
    const seen = new Set<number>();
    let i = 0;
    for (const e of lexed.errors) {
      while (i < lexed.tokens.length && lexed.tokens[i]!.startOffset < e.offset + e.length) i++;
      if (i < lexed.tokens.length) seen.add(lexed.tokens[i]!.startOffset);
    }
    for (const e of fdlParser.errors) {
      const at = e.token && Number.isFinite(e.token.startOffset) && e.token.tokenType !== EOF ? e.token.startOffset : -1;
      if (seen.has(at)) continue;
      seen.add(at);
      diagnostics.push(syntaxError(e, text, lastToken));
    }

    const builder = new AstBuilder();
    const program = (builder.visit(cst) as Program | undefined) ?? { decls: [], span: START };
    const end = pointAt(text, Math.max(0, text.length - 1));
    program.span = { ...START, endOffset: end.endOffset, endLine: end.endLine, endColumn: end.endColumn };
    diagnostics.push(...builder.diagnostics);
    const deepTree = tooDeepTree(program);
    if (deepTree) {
      // Reported instead of handing the tree on: checking and compiling it would overflow the stack, or DuckDB's limit.
      const { expr, depth } = deepTree;
      diagnostics.push(diag('too-deeply-nested', pointAt(text, expr.span.startOffset), { what: `${depth} levels of operators and calls`, limit: MAX_EXPRESSION_DEPTH }));
      diagnostics.sort((a, b) => a.span.startOffset - b.span.startOffset);
      return { program: { decls: [], span: program.span }, diagnostics };
    }
    diagnostics.sort((a, b) => a.span.startOffset - b.span.startOffset);
    return { program, diagnostics };
  } catch (err) {
    // Nesting that got past tooDeep() (called from deep in someone else's stack, say) still gets a plain answer.
    if (err instanceof RangeError && /call stack/i.test(err.message)) diagnostics.push(diag('too-deeply-nested', START, { what: 'deeper than can be read', limit: MAX_EXPRESSION_DEPTH }));
    else diagnostics.push(diag('internal-error', START, { message: err instanceof Error ? err.message : String(err) }));
    return { program: { decls: [], span: START }, diagnostics };
  }
}
