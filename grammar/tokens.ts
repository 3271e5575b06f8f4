/**
 * FDL tokens: the lexer of the language.
 *
 * Keywords are reserved only where the grammar needs them: declaration and
 * clause keywords are also in the `Identifier` category, so the parser accepts
 * them wherever a name is expected (a column may be called `key`, a feature
 * `ttl`). Only the expression words `and or not in is true false null` are
 * reserved; back-quote them to use them as names.
 *
 * Order matters: Chevrotain takes the first pattern that matches, not the
 * longest, so timestamps and durations come before numbers (which are
 * prefixes of both), and longer keywords before shorter ones.
 */
import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/, label: 'a name' });
export const QuotedIdentifier = createToken({ name: 'QuotedIdentifier', pattern: /`[^`\n\r]+`/, label: 'a name' });

const keywords: TokenType[] = [];
const reservedWords = new Set<TokenType>();

/** A keyword; unless `reserved`, it is also an `Identifier`, so it can name things. */
function kw(word: string, reserved = false): TokenType {
  const t = createToken({
    name: `Kw_${word}`,
    pattern: new RegExp(word),
    label: `'${word}'`,
    longer_alt: Identifier,
    categories: reserved ? [] : [Identifier],
  });
  keywords.push(t);
  if (reserved) reservedWords.add(t);
  return t;
}

// Declarations
export const Project = kw('project');
export const Source = kw('source');
export const Entity = kw('entity');
export const Features = kw('features');
export const TrainingSet = kw('training_set');
export const Model = kw('model');
export const Monitor = kw('monitor');
// Clauses
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
// Expression words: reserved.
export const And = kw('and', true);
export const Or = kw('or', true);
export const Not = kw('not', true);
export const In = kw('in', true);
export const Is = kw('is', true);
export const True = kw('true', true);
export const False = kw('false', true);
export const Null = kw('null', true);

/** The keywords that start a top-level declaration. */
export const declarationKeywords: readonly TokenType[] = [Project, Source, Entity, Features, TrainingSet, Model, Monitor];

/** `2024-05-01`, `2024-05-01T12:30`, `2024-05-01T12:30:00.250Z`: UTC; whether the date is real is checked later. */
export const TimestampLiteral = createToken({
  name: 'TimestampLiteral',
  pattern: /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?/,
  label: 'a timestamp',
});
export const Duration = createToken({ name: 'Duration', pattern: /\d+[smhdw](?![A-Za-z0-9_])/, label: 'a duration' });
/** The lookahead keeps `7days` or `1.5h` from lexing as a number followed by a name. */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?(?![A-Za-z0-9_]|\.\d)/,
  label: 'a number',
});
/**
 * Digits run into letters (`7days`, `1.5h`, `1e5x`). Lexed as one token that
 * the parser accepts wherever a number or duration may stand, so the only
 * error is the precise one `to-ast` reports (invalid-duration/invalid-number).
 */
export const MalformedNumber = createToken({
  name: 'MalformedNumber',
  pattern: /(?:\d|\.\d)[A-Za-z0-9_.]*/,
  categories: [NumberLiteral, Duration],
});
export const StringLiteral = createToken({
  name: 'StringLiteral',
  pattern: /"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*'/,
  label: 'a string',
});
/**
 * An opening quote with no closing quote on its line. It still counts as a
 * string for the parser, so the one error reported is 'unterminated string'.
 */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\n\r]|\\.)*\\?|'(?:[^'\\\n\r]|\\.)*\\?/,
  categories: [StringLiteral],
});

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
export const NotEquals = createToken({ name: 'NotEquals', pattern: /!=/, label: "'!='" });
export const LessEq = createToken({ name: 'LessEq', pattern: /<=/, label: "'<='" });
export const GreaterEq = createToken({ name: 'GreaterEq', pattern: />=/, label: "'>='" });
export const Less = createToken({ name: 'Less', pattern: /</, label: "'<'" });
export const Greater = createToken({ name: 'Greater', pattern: />/, label: "'>'" });
export const Equals = createToken({ name: 'Equals', pattern: /=/, label: "'='" });

/** Comments go to their own group: the parser never sees them, `tokenize` does. */
export const Comment = createToken({ name: 'Comment', pattern: /#[^\n\r]*/, group: 'comments' });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED });

export const keywordTokens: readonly TokenType[] = keywords;

/** The whole vocabulary, in lexing order. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  TimestampLiteral,
  Duration,
  NumberLiteral,
  MalformedNumber,
  StringLiteral,
  UnterminatedString,
  QuotedIdentifier,
  // Longest first: with `longer_alt: Identifier`, `on` tried on "onnx" would yield an Identifier.
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

// ---------------------------------------------------------------- highlighting

export type TokenCategory = 'keyword' | 'identifier' | 'string' | 'number' | 'duration' | 'timestamp' | 'comment' | 'operator' | 'punctuation';

export interface HighlightToken {
  category: TokenCategory;
  /** 0-based offset of the first character. */
  from: number;
  /** 0-based offset just past the last character. */
  to: number;
  text: string;
}

const OPERATORS = new Set([Star, Slash, Percent, Plus, Minus, NotEquals, LessEq, GreaterEq, Less, Greater, Equals]);
const CATEGORY = new Map<TokenType, TokenCategory>([
  [Comment, 'comment'],
  [StringLiteral, 'string'],
  [UnterminatedString, 'string'],
  [NumberLiteral, 'number'],
  [MalformedNumber, 'number'],
  [Duration, 'duration'],
  [TimestampLiteral, 'timestamp'],
  [Identifier, 'identifier'],
  [QuotedIdentifier, 'identifier'],
]);

/**
 * Tokens with a highlighting category, comments included, for editors.
 * Characters the lexer rejects are left out (the diagnostics mark them).
 * A non-reserved keyword used as a name is told apart by its neighbours:
 * `ttl = …`, `count(…)`, `view.owner` are names. This is a cheap heuristic,
 * not a parse (`key key` still shows two keywords).
 */
export function tokenize(text: string): HighlightToken[] {
  const r = fdlLexer.tokenize(text);
  const toks = [...r.tokens, ...((r.groups.comments as IToken[] | undefined) ?? [])].sort((a, b) => a.startOffset - b.startOffset);
  return toks.map((t, i) => {
    const tt = t.tokenType;
    let category: TokenCategory =
      CATEGORY.get(tt) ?? (keywords.includes(tt) ? 'keyword' : OPERATORS.has(tt) ? 'operator' : 'punctuation');
    if (category === 'keyword' && !reservedWords.has(tt)) {
      const next = toks[i + 1]?.tokenType;
      const prev = toks[i - 1]?.tokenType;
      if (next === Equals || next === LParen || next === Dot || prev === Dot) category = 'identifier';
    }
    return { category, from: t.startOffset, to: t.startOffset + t.image.length, text: t.image };
  });
}
