/**
 * FDL tokens: the lexer of the language.
 *
 * Keywords are reserved only where the grammar needs them: declaration and
 * clause keywords are also in the `Identifier` category, so the parser accepts
 * them wherever a name is expected (a column may be called `key` or `time`).
 * Only the expression words `and or not in is true false null` are reserved
 * (back-quote them to use them as names).
 * Durations and timestamps are lexed before numbers, which are prefixes of them.
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });
export const QuotedIdentifier = createToken({ name: 'QuotedIdentifier', pattern: /`[^`\n]*`/ });

/** Keyword categories drive highlighting in the editor. */
const keywords: TokenType[] = [];
/** `reserved` keywords (operators and literals inside expressions) cannot be names; the others can. */
function kw(word: string, reserved = false): TokenType {
  const t = createToken({ name: `Kw_${word}`, pattern: new RegExp(word), longer_alt: Identifier, categories: reserved ? [] : [Identifier] });
  (t as TokenType & { LABEL?: string }).LABEL = `'${word}'`;
  keywords.push(t);
  return t;
}

export const Project = kw('project');
export const Source = kw('source');
export const Entity = kw('entity');
export const Features = kw('features');
export const TrainingSet = kw('training_set');
export const Model = kw('model');
export const Monitor = kw('monitor');
export const Path = kw('path');
export const Format = kw('format');
export const Timestamp = kw('timestamp');
export const Available = kw('available');
export const Column = kw('column');
export const Where = kw('where');
export const Description = kw('description');
export const Key = kw('key');
export const On = kw('on');
export const By = kw('by');
export const Over = kw('over');
export const Ttl = kw('ttl');
export const Refresh = kw('refresh');
export const Every = kw('every');
export const Delay = kw('delay');
export const Owner = kw('owner');
export const Tags = kw('tags');
export const Spine = kw('spine');
export const Label = kw('label');
export const Split = kw('split');
export const Time = kw('time');
export const Fit = kw('fit');
export const Onnx = kw('onnx');
export const Inputs = kw('inputs');
export const Reference = kw('reference');
export const Bins = kw('bins');
export const Warn = kw('warn');
export const Alert = kw('alert');
export const Sustained = kw('sustained');
export const And = kw('and', true);
export const Or = kw('or', true);
export const Not = kw('not', true);
export const In = kw('in', true);
export const Is = kw('is', true);
export const True = kw('true', true);
export const False = kw('false', true);
export const Null = kw('null', true);

export const TimestampLiteral = createToken({
  name: 'TimestampLiteral',
  pattern: /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?/,
  label: 'a timestamp',
});
export const Duration = createToken({ name: 'Duration', pattern: /\d+(?:s|m|h|d|w)(?![A-Za-z0-9_])/, label: 'a duration' });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/, label: 'a number' });
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/,
  label: 'a string',
});
/** An opening quote with no closing quote on its line: lexed so the error is precise. */
export const UnterminatedString = createToken({ name: 'UnterminatedString', pattern: /"(?:[^"\\\n]|\\.)*|'(?:[^'\\\n]|\\.)*/ });

export const LBrace = createToken({ name: 'LBrace', pattern: /\{/, label: "'{'" });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/, label: "'}'" });
export const LParen = createToken({ name: 'LParen', pattern: /\(/, label: "'('" });
export const RParen = createToken({ name: 'RParen', pattern: /\)/, label: "')'" });
export const Comma = createToken({ name: 'Comma', pattern: /,/, label: "','" });
export const Dot = createToken({ name: 'Dot', pattern: /\./, label: "'.'" });
export const Star = createToken({ name: 'Star', pattern: /\*/, label: "'*'" });
export const Slash = createToken({ name: 'Slash', pattern: /\//, label: "'/'" });
export const Percent = createToken({ name: 'Percent', pattern: /%/, label: "'%'" });
export const Plus = createToken({ name: 'Plus', pattern: /\+/, label: "'+'" });
export const Minus = createToken({ name: 'Minus', pattern: /-/, label: "'-'" });
export const NotEquals = createToken({ name: 'NotEquals', pattern: /!=|<>/, label: "'!='" });
export const LessEq = createToken({ name: 'LessEq', pattern: /<=/, label: "'<='" });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: /=>|>=/, label: "'>='" });
export const Less = createToken({ name: 'Less', pattern: /</, label: "'<'" });
export const Greater = createToken({ name: 'Greater', pattern: />/, label: "'>'" });
export const Equals = createToken({ name: 'Equals', pattern: /==?/, label: "'='" });

export const Comment = createToken({ name: 'Comment', pattern: /#[^\n]*/, group: 'comments' });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });

export const keywordTokens: readonly TokenType[] = keywords;

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  TimestampLiteral,
  Duration,
  NumberLiteral,
  StringLiteral,
  UnterminatedString,
  QuotedIdentifier,
  // Longest keywords first, so that `on` does not shadow `onnx`.
  ...[...keywords].sort((a, b) => String(b.PATTERN).length - String(a.PATTERN).length),
  Identifier,
  LBrace,
  RBrace,
  LParen,
  RParen,
  Comma,
  Dot,
  Star,
  Slash,
  Percent,
  Plus,
  Minus,
  NotEquals,
  LessEq,
  GreaterEq,
  Less,
  Greater,
  Equals,
];

export const fdlLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });

export type TokenCategory = 'keyword' | 'identifier' | 'string' | 'number' | 'duration' | 'timestamp' | 'comment' | 'operator' | 'punctuation' | 'error';

export interface HighlightToken {
  category: TokenCategory;
  /** 0-based start offset and exclusive end offset. */
  from: number;
  to: number;
  text: string;
}

const OPERATORS = new Set([Star, Slash, Percent, Plus, Minus, NotEquals, LessEq, GreaterEq, Less, Greater, Equals]);

function categoryOf(t: IToken): TokenCategory {
  const tt = t.tokenType;
  if (tt === Comment) return 'comment';
  if (tt === StringLiteral) return 'string';
  if (tt === UnterminatedString) return 'error';
  if (tt === NumberLiteral) return 'number';
  if (tt === Duration) return 'duration';
  if (tt === TimestampLiteral) return 'timestamp';
  if (tt === Identifier || tt === QuotedIdentifier) return 'identifier';
  if (keywords.includes(tt)) return 'keyword';
  if (OPERATORS.has(tt)) return 'operator';
  return 'punctuation';
}

/** Tokens with a highlighting category, comments included, for editors. */
export function tokenize(text: string): HighlightToken[] {
  const r = fdlLexer.tokenize(text);
  const toks = [...r.tokens, ...((r.groups.comments as IToken[] | undefined) ?? [])];
  toks.sort((a, b) => a.startOffset - b.startOffset);
  return toks.map((t) => ({ category: categoryOf(t), from: t.startOffset, to: (t.endOffset ?? t.startOffset) + 1, text: t.image }));
}
