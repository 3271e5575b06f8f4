/**
 * Source text → AST with diagnostics. Never throws: lexer and parser errors
 * (Chevrotain recovers and reports every one) become diagnostics with a line
 * and column, and the AST keeps every declaration that could be read.
 */
import { EOF, type IRecognitionException, type ILexingError, type IToken } from 'chevrotain';
import { fdlLexer } from '../../grammar/tokens.js';
import { fdlParser } from '../../grammar/parser.js';
import type { Program, Span } from './ast.js';
import { type Diagnostic, diag } from './diagnostics.js';
import { AstBuilder, tokenSpan } from './to-ast.js';

const EMPTY: Program = { decls: [], span: { startOffset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 } };

/** The position just after the last character of `text` (for errors at end of input). */
function endOf(text: string): Span {
  const lines = text.split('\n');
  const line = lines.length;
  const column = lines[line - 1]!.length + 1;
  return { startOffset: text.length, endOffset: text.length, line, column, endLine: line, endColumn: column };
}

function lexError(e: ILexingError, text: string): Diagnostic {
  const line = e.line ?? 1;
  const column = e.column ?? 1;
  const span: Span = { startOffset: e.offset, endOffset: e.offset + Math.max(0, e.length - 1), line, column, endLine: line, endColumn: column + Math.max(0, e.length - 1) };
  const ch = text.slice(e.offset, e.offset + 1) || ' ';
  return diag('unexpected-character', span, { char: ch === '\u0000' ? '\\0' : ch });
}

function parseError(e: IRecognitionException, text: string, lastToken: IToken | undefined): Diagnostic {
  const t = e.token;
  const atEnd = !t || t.tokenType === EOF || !Number.isFinite(t.startOffset);
  const span = atEnd ? endOf(text) : tokenSpan(t);
  if (atEnd && lastToken && e.message.includes('end of input')) {
    // Point just after the last real token, where the missing piece belongs.
    const s = tokenSpan(lastToken);
    span.line = s.endLine;
    span.column = s.endColumn + 1;
    span.endLine = s.endLine;
    span.endColumn = s.endColumn + 1;
    span.startOffset = span.endOffset = s.endOffset + 1;
  }
  const d = diag('syntax-error', span, { expected: '', found: '' });
  d.message = e.message;
  const hint = hintFor(e.message);
  if (hint) d.hint = hint;
  return d;
}

function hintFor(message: string): string | undefined {
  if (/found end of input/.test(message) && /'\}'/.test(message)) return "a '{' was opened but not closed with '}'";
  if (/expected a duration/.test(message)) return 'write a duration such as 30s, 15m, 1h, 7d or 4w';
  if (/expected a string/.test(message)) return 'put the text in quotes, e.g. "data/events.parquet"';
  if (/expected a timestamp/.test(message)) return 'write a UTC date such as 2024-05-01';
  if (/found '==?'/.test(message) && /declaration/.test(message)) return "features are defined inside a block: features NAME on SOURCE by ENTITY { name = ... }";
  return undefined;
}

/** Parses FDL text. */
export function parse(text: string): { program: Program; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  try {
    const lexed = fdlLexer.tokenize(text);
    for (const e of lexed.errors) diagnostics.push(lexError(e, text));
    // An unterminated string is lexed as its own token so the message can say so.
    const tokens = lexed.tokens.filter((t) => {
      if (t.tokenType.name !== 'UnterminatedString') return true;
      diagnostics.push(diag('unterminated-string', tokenSpan(t), {}));
      return false;
    });
    fdlParser.input = tokens;
    const cst = fdlParser.program();
    const seen = new Set<number>();
    const last = tokens[tokens.length - 1];
    for (const e of fdlParser.errors) {
      // One error per token: recovery can report the same spot more than once.
      const at = e.token && Number.isFinite(e.token.startOffset) ? e.token.startOffset : -1;
      if (seen.has(at)) continue;
      seen.add(at);
      diagnostics.push(parseError(e, text, last));
    }
    const builder = new AstBuilder();
    const program = (builder.visit(cst) as Program | undefined) ?? EMPTY;
    if (text.length) program.span = { ...endOf(text), startOffset: 0, line: 1, column: 1 };
    diagnostics.push(...builder.diagnostics);
    return { program, diagnostics };
  } catch (err) {
    diagnostics.push(diag('internal-error', EMPTY.span, { message: err instanceof Error ? err.message : String(err) }));
    return { program: { ...EMPTY, decls: [] }, diagnostics };
  }
}
