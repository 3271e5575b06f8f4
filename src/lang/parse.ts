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
import { UnterminatedString, fdlLexer } from '../../grammar/tokens.js';
import type { Program, Span } from './ast.js';
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

function lexError(e: ILexingError, text: string): Diagnostic {
  const start = pointAt(text, e.offset);
  const length = Math.max(1, e.length);
  const span: Span = { ...start, endOffset: e.offset + length - 1, endColumn: start.column + length - 1 };
  const ch = String.fromCodePoint(text.codePointAt(e.offset) ?? 0x20);
  return diag('unexpected-character', span, { char: ch < ' ' ? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}` : ch });
}

/** A parser error at its token; at end of input, just after the last real token (where the missing piece belongs). */
function syntaxError(e: IRecognitionException, text: string, lastToken: IToken | undefined): Diagnostic {
  const t = e.token;
  const atEnd = !t || t.tokenType === EOF || !Number.isFinite(t.startOffset);
  const span = !atEnd ? tokenSpan(t) : lastToken ? pointAt(text, lastToken.startOffset + lastToken.image.length) : START;
  const [message = e.message, ...hint] = e.message.split(HINT_SEPARATOR);
  const d = diag('syntax-error', span, { expected: '', found: '' });
  d.message = message;
  if (hint.length) d.hint = hint.join(' ');
  return d;
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

    fdlParser.input = lexed.tokens;
    const cst = fdlParser.program();
    const lastToken = lexed.tokens[lexed.tokens.length - 1];
    const seen = new Set<number>();
    for (const e of fdlParser.errors) {
      // Recovery can report a cascade at the same token: the first error there is the useful one.
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
    diagnostics.sort((a, b) => a.span.startOffset - b.span.startOffset);
    return { program, diagnostics };
  } catch (err) {
    diagnostics.push(diag('internal-error', START, { message: err instanceof Error ? err.message : String(err) }));
    return { program: { decls: [], span: START }, diagnostics };
  }
}
