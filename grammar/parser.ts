/**
 * The FDL grammar: a Chevrotain CST parser, the single source of truth for
 * the language's syntax (docs/grammar.md and docs/grammar.html are generated
 * from it). Rules are class properties, so a wrong rule name is a type error;
 * meaning lives in `src/lang/to-ast.ts`. Error recovery is on: one pass
 * reports every syntax error, and the CST keeps what could be parsed.
 */
import { CstParser, EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import { didYouMean } from '../src/lang/diagnostics.js';
import * as T from './tokens.js';

// ---------------------------------------------------------------- error wording

/**
 * Separates a message from its hint in the strings Chevrotain carries around;
 * `parse.ts` splits them again. Positions are added there too, from the token.
 */
export const HINT_SEPARATOR = '\n';

const label = (t: TokenType): string => (t === EOF ? 'end of input' : t.LABEL ?? t.name);

function found(t: IToken | undefined): string {
  if (!t || t.tokenType === EOF) return 'end of input';
  const image = t.image.length > 30 ? `${t.image.slice(0, 30)}…` : t.image;
  return tokenMatcher(t, T.StringLiteral) ? `string ${image}` : `'${image}'`;
}

/** 'a', 'a or b', 'a, b or c' */
function oneOf(words: string[]): string {
  const ws = [...new Set(words)];
  return ws.length <= 1 ? (ws[0] ?? 'something else') : `${ws.slice(0, -1).join(', ')} or ${ws[ws.length - 1]}`;
}

const keywordsOf = (ts: TokenType[]) => ts.map((t) => label(t).replace(/'/g, ''));
const DECLARATIONS = keywordsOf([...T.declarationKeywords]);

/** The clauses each block accepts, for "expected a … clause" messages and did-you-mean. */
const BLOCKS: Record<string, { what: string; clauses: string[] }> = {
  sourceDecl: { what: 'a source clause', clauses: keywordsOf([T.Path, T.Format, T.Timestamp, T.Available, T.Column, T.Where, T.Description]) },
  entityDecl: { what: 'an entity clause', clauses: keywordsOf([T.Key, T.Description]) },
  featuresDecl: { what: "a feature ('name = expression') or a block clause", clauses: keywordsOf([T.Ttl, T.Refresh, T.Description, T.Owner, T.Tags]) },
  trainingSetDecl: { what: 'a training set clause', clauses: keywordsOf([T.Spine, T.Label, T.Features, T.Split, T.Description]) },
  modelDecl: { what: 'a model clause', clauses: keywordsOf([T.Fit, T.Onnx, T.Inputs, T.Description]) },
  monitorDecl: { what: 'a monitor clause', clauses: [...keywordsOf([T.Reference, T.Features, T.Every, T.Bins]), 'a metric such as psi'] },
};
const CLAUSE_RULES: Record<string, string> = {
  sourceClause: 'sourceDecl',
  entityClause: 'entityDecl',
  featureItem: 'featuresDecl',
  trainingSetClause: 'trainingSetDecl',
  modelClause: 'modelDecl',
  monitorClause: 'monitorDecl',
};
const EXPRESSION_RULES = new Set(['expression', 'andExpr', 'notExpr', 'comparison', 'additive', 'multiplicative', 'unary', 'primary', 'nameExpr', 'literal']);

/** Blocks with list clauses (`key a, b`, `features v.x, v.y`), where a missing ',' is a likely slip. */
const LIST_BLOCKS = new Set(['entityDecl', 'trainingSetDecl', 'modelDecl', 'monitorDecl']);
const isName = (t: IToken) => tokenMatcher(t, T.Identifier) || tokenMatcher(t, T.QuotedIdentifier);

const COMPARISON_TOKENS = [T.Equals, T.NotEquals, T.Less, T.LessEq, T.Greater, T.GreaterEq];

const HINTS = new Map<TokenType, string>([
  [T.Duration, 'write a duration as a whole number and a unit: 30s, 15m, 1h, 7d or 4w'],
  [T.StringLiteral, 'put the text in quotes, e.g. "data/events.parquet"'],
  [T.TimestampLiteral, 'write a UTC date such as 2024-05-01 or 2024-05-01T12:30:00Z'],
  [T.NumberLiteral, 'write a number such as 3, 0.25 or 1e-3'],
]);

const withHint = (message: string, hint?: string) => (hint ? `${message}${HINT_SEPARATOR}${hint}` : message);
const dym = (word: string | undefined, candidates: string[]) => {
  const s = word && /^[A-Za-z_]\w*$/.test(word) ? didYouMean(word, candidates) : undefined;
  return s ? `did you mean '${s}'?` : undefined;
};

/**
 * Chevrotain's errors in the user's words: "expected X but found Y", with a
 * hint where one helps. `block` is the declaration being parsed (kept up to
 * date by the parser), so a missing '}' can say which block it would close.
 */
class FdlErrorMessages implements IParserErrorMessageProvider {
  block: string | undefined;

  buildMismatchTokenMessage({ expected, actual, previous, ruleName }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
    if (expected === EOF) return this.notADeclaration(actual);
    if (expected === T.RBrace) {
      const block = BLOCKS[ruleName];
      const startsDeclaration = T.declarationKeywords.some((k) => tokenMatcher(actual, k));
      // Inside a block, something that is not a clause: say what a clause would be.
      if (block && actual.tokenType !== EOF && !startsDeclaration) {
        const hint = COMPARISON_TOKENS.some((op) => tokenMatcher(actual, op))
          ? 'comparisons do not chain: write a < b and b < c'
          : (dym(actual.image, block.clauses) ??
            (LIST_BLOCKS.has(ruleName) && isName(actual) && (isName(previous) || tokenMatcher(previous, T.Star)) ? "separate the items of a list with ','" : undefined));
        return withHint(`expected ${block.what} (${block.clauses.join(', ')}) or '}' but found ${found(actual)}`, hint);
      }
      const closes = this.block ? ` to close '${this.block}'` : '';
      return withHint(`expected '}'${closes} but found ${found(actual)}`, `every '{' needs a matching '}'`);
    }
    let hint = HINTS.get(expected);
    if (expected === T.Equals && tokenMatcher(previous, T.Identifier) && tokenMatcher(actual, T.Identifier)) {
      hint = 'a feature is written name = expression; a block clause starts with ttl, refresh, description, owner or tags';
    }
    return withHint(`expected ${label(expected)} but found ${found(actual)}`, hint);
  }

  buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken }): string {
    return this.notADeclaration(firstRedundant);
  }

  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
    const next = actual[0];
    if (EXPRESSION_RULES.has(ruleName)) {
      const hint =
        next && tokenMatcher(next, T.Equals) && tokenMatcher(previous, T.Equals)
          ? "compare with a single '='"
          : next && tokenMatcher(next, T.Greater) && tokenMatcher(previous, T.Less)
            ? "write 'not equal' as '!='"
            : next && tokenMatcher(next, T.RBrace)
            ? 'an expression is a value, a name, a call such as sum(x), or operators combining them'
            : undefined;
      return withHint(`expected an expression but found ${found(next)}`, hint);
    }
    if (ruleName === 'declaration') return this.notADeclaration(next);
    const block = BLOCKS[CLAUSE_RULES[ruleName] ?? ''];
    if (block) return withHint(`expected ${block.what} (${block.clauses.join(', ')}) but found ${found(next)}`, dym(next?.image, block.clauses));
    const firsts = expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0])).filter((t): t is TokenType => !!t);
    return `expected ${oneOf(firsts.map(label))} but found ${found(next)}`;
  }

  buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; ruleName: string }): string {
    // Only `x in ( … )` repeats inside an expression rule.
    if (EXPRESSION_RULES.has(ruleName)) return `expected an expression but found ${found(actual[0])}`;
    const firsts = expectedIterationPaths.map((path) => path[0]).filter((t): t is TokenType => !!t);
    return `expected ${oneOf(firsts.map(label))} but found ${found(actual[0])}`;
  }

  private notADeclaration(t: IToken | undefined): string {
    return withHint(`expected a declaration (${DECLARATIONS.join(', ')}) but found ${found(t)}`, dym(t?.image, DECLARATIONS));
  }
}

// ---------------------------------------------------------------- the grammar

export class FdlParser extends CstParser {
  private readonly messages: FdlErrorMessages;

  constructor() {
    const messages = new FdlErrorMessages();
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messages, nodeLocationTracking: 'full' });
    this.messages = messages;
    this.performSelfAnalysis();
  }

  /** Remembers the declaration being parsed ('source transactions'), for error messages only. */
  private enterBlock(keyword: IToken): void {
    const name = this.LA(0);
    this.messages.block = name !== keyword && (tokenMatcher(name, T.Identifier) || tokenMatcher(name, T.QuotedIdentifier)) ? `${keyword.image} ${name.image}` : keyword.image;
  }

  program = this.RULE('program', () => {
    this.ACTION(() => (this.messages.block = undefined));
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  /** `project` is a declaration too, so it may come anywhere; to-ast reports a second one. */
  declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.projectDecl) },
      { ALT: () => this.SUBRULE(this.sourceDecl) },
      { ALT: () => this.SUBRULE(this.entityDecl) },
      { ALT: () => this.SUBRULE(this.featuresDecl) },
      { ALT: () => this.SUBRULE(this.trainingSetDecl) },
      { ALT: () => this.SUBRULE(this.modelDecl) },
      { ALT: () => this.SUBRULE(this.monitorDecl) },
    ]);
  });

  /** Any identifier, including non-reserved keywords (their category is Identifier), or a back-quoted name. */
  name = this.RULE('name', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.QuotedIdentifier) }]);
  });

  projectDecl = this.RULE('projectDecl', () => {
    this.CONSUME(T.Project);
    this.SUBRULE(this.name);
  });

  // ---------------------------------------------------------------- source

  sourceDecl = this.RULE('sourceDecl', () => {
    const kw = this.CONSUME(T.Source);
    this.SUBRULE(this.name);
    this.ACTION(() => this.enterBlock(kw));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.sourceClause));
    this.CONSUME(T.RBrace);
  });

  sourceClause = this.RULE('sourceClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Path); this.CONSUME(T.StringLiteral); } },
      { ALT: () => { this.CONSUME(T.Format); this.SUBRULE(this.name); } },
      { ALT: () => { this.CONSUME(T.Timestamp); this.SUBRULE1(this.name); } },
      { ALT: () => { this.CONSUME(T.Available); this.SUBRULE2(this.name); } },
      { ALT: () => { this.CONSUME(T.Column); this.SUBRULE3(this.name); this.CONSUME(T.Equals); this.SUBRULE(this.expression); } },
      { ALT: () => { this.CONSUME(T.Where); this.SUBRULE1(this.expression); } },
      { ALT: () => this.SUBRULE(this.descriptionClause) },
    ]);
  });

  descriptionClause = this.RULE('descriptionClause', () => {
    this.CONSUME(T.Description);
    this.CONSUME(T.StringLiteral);
  });

  // ---------------------------------------------------------------- entity

  entityDecl = this.RULE('entityDecl', () => {
    const kw = this.CONSUME(T.Entity);
    this.SUBRULE(this.name);
    this.ACTION(() => this.enterBlock(kw));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.entityClause));
    this.CONSUME(T.RBrace);
  });

  entityClause = this.RULE('entityClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Key); this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.name) }); } },
      { ALT: () => this.SUBRULE(this.descriptionClause) },
    ]);
  });

  // ---------------------------------------------------------------- features

  featuresDecl = this.RULE('featuresDecl', () => {
    const kw = this.CONSUME(T.Features);
    this.SUBRULE(this.name);
    this.ACTION(() => this.enterBlock(kw));
    this.CONSUME(T.On);
    this.SUBRULE1(this.name);
    this.CONSUME(T.By);
    this.SUBRULE2(this.name);
    this.CONSUME(T.LBrace);
    this.MANY({ GATE: this.notDeclaration, DEF: () => this.SUBRULE(this.featureItem) });
    this.CONSUME(T.RBrace);
  });

  /** True unless the next item is `keyword = …`, i.e. a feature named like a clause keyword (`ttl = …`). */
  private readonly notFeature = () => this.LA(2).tokenType !== T.Equals;

  /**
   * False at the start of the next declaration (`model m`, `features v on`),
   * so a block missing its '}' ends there, and says so, instead of taking
   * `model m` for an item of the block. `model = …` is a feature, and in a
   * monitor `features v.*` is a clause.
   */
  private readonly notDeclaration = () => {
    const t = this.LA(1).tokenType;
    if (!T.declarationKeywords.includes(t) || this.LA(2).tokenType === T.Equals) return true;
    return t === T.Features && this.LA(3).tokenType !== T.On;
  };

  /**
   * Clause keywords are tried first, one token of lookahead, each gated on
   * "not followed by '='"; anything else that starts with a name is a
   * feature. So `n count()` reads as a feature missing its '=' (and says so),
   * not as an unknown item.
   */
  featureItem = this.RULE('featureItem', () => {
    this.OR({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: this.notFeature, ALT: () => { this.CONSUME(T.Ttl); this.CONSUME(T.Duration); } },
        {
          GATE: this.notFeature,
          ALT: () => {
            this.CONSUME(T.Refresh);
            this.CONSUME(T.Every);
            this.CONSUME1(T.Duration);
            this.OPTION({ GATE: this.notFeature, DEF: () => { this.CONSUME(T.Delay); this.CONSUME2(T.Duration); } });
          },
        },
        { GATE: this.notFeature, ALT: () => this.SUBRULE(this.descriptionClause) },
        { GATE: this.notFeature, ALT: () => { this.CONSUME(T.Owner); this.CONSUME1(T.StringLiteral); } },
        { GATE: this.notFeature, ALT: () => { this.CONSUME(T.Tags); this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME2(T.StringLiteral) }); } },
        { GATE: this.notDeclaration, ALT: () => this.SUBRULE(this.featureDef) },
      ],
    });
  });

  /** The optional parts are gated so that a next feature named `over` or `where` is not swallowed. */
  featureDef = this.RULE('featureDef', () => {
    this.SUBRULE(this.name);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.OPTION({ GATE: this.notFeature, DEF: () => { this.CONSUME(T.Over); this.CONSUME(T.Duration); } });
    this.OPTION1({ GATE: this.notFeature, DEF: () => { this.CONSUME(T.Where); this.SUBRULE1(this.expression); } });
  });

  // ---------------------------------------------------------------- training sets, models, monitors

  /** `view.feature` or `view.*` */
  selector = this.RULE('selector', () => {
    this.SUBRULE(this.name);
    this.CONSUME(T.Dot);
    this.OR([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.SUBRULE1(this.name) }]);
  });

  selectorList = this.RULE('selectorList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.selector) });
  });

  trainingSetDecl = this.RULE('trainingSetDecl', () => {
    const kw = this.CONSUME(T.TrainingSet);
    this.SUBRULE(this.name);
    this.ACTION(() => this.enterBlock(kw));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.trainingSetClause));
    this.CONSUME(T.RBrace);
  });

  trainingSetClause = this.RULE('trainingSetClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Spine); this.SUBRULE(this.name); } },
      { ALT: () => { this.CONSUME(T.Label); this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE1(this.name) }); } },
      { ALT: () => { this.CONSUME(T.Features); this.SUBRULE(this.selectorList); } },
      {
        ALT: () => {
          this.CONSUME(T.Split);
          this.CONSUME(T.Time);
          this.CONSUME(T.TimestampLiteral);
          this.CONSUME(T.Comma);
          this.CONSUME1(T.TimestampLiteral);
        },
      },
      { ALT: () => this.SUBRULE(this.descriptionClause) },
    ]);
  });

  modelDecl = this.RULE('modelDecl', () => {
    const kw = this.CONSUME(T.Model);
    this.SUBRULE(this.name);
    this.ACTION(() => this.enterBlock(kw));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.modelClause));
    this.CONSUME(T.RBrace);
  });

  modelClause = this.RULE('modelClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Fit); this.SUBRULE(this.name); this.CONSUME(T.On); this.SUBRULE1(this.name); } },
      { ALT: () => { this.CONSUME(T.Onnx); this.CONSUME(T.StringLiteral); } },
      { ALT: () => { this.CONSUME(T.Inputs); this.SUBRULE(this.selectorList); } },
      { ALT: () => this.SUBRULE(this.descriptionClause) },
    ]);
  });

  monitorDecl = this.RULE('monitorDecl', () => {
    const kw = this.CONSUME(T.Monitor);
    this.SUBRULE(this.name);
    this.ACTION(() => this.enterBlock(kw));
    this.CONSUME(T.LBrace);
    this.MANY({ GATE: this.notDeclaration, DEF: () => this.SUBRULE(this.monitorClause) });
    this.CONSUME(T.RBrace);
  });

  /** Keyword clauses first; any other name starts a threshold (`psi warn 0.1`), so `psi }` says what a threshold needs. */
  monitorClause = this.RULE('monitorClause', () => {
    this.OR({
      MAX_LOOKAHEAD: 1,
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => { this.CONSUME(T.Reference); this.SUBRULE(this.name); } },
        { ALT: () => { this.CONSUME(T.Features); this.SUBRULE(this.selectorList); } },
        { ALT: () => { this.CONSUME(T.Every); this.CONSUME(T.Duration); } },
        { ALT: () => { this.CONSUME(T.Bins); this.CONSUME(T.NumberLiteral); } },
        { GATE: this.notDeclaration, ALT: () => this.SUBRULE(this.thresholdClause) },
      ],
    });
  });

  /** `psi warn 0.1 alert 0.25 sustained 3`: any metric name; the checker validates it. */
  thresholdClause = this.RULE('thresholdClause', () => {
    this.SUBRULE(this.name);
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => { this.CONSUME(T.Warn); this.CONSUME(T.NumberLiteral); } },
        { ALT: () => { this.CONSUME(T.Alert); this.CONSUME1(T.NumberLiteral); } },
        { ALT: () => { this.CONSUME(T.Sustained); this.CONSUME2(T.NumberLiteral); } },
      ]);
    });
  });

  // ---------------------------------------------------------------- expressions, lowest precedence first

  expression = this.RULE('expression', () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE1(this.andExpr);
    });
  });

  andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE1(this.notExpr);
    });
  });

  notExpr = this.RULE('notExpr', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Not); this.SUBRULE(this.notExpr); } },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  /** At most one comparison: `a < b < c` is an error, not `(a < b) < c`. */
  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive);
    this.OPTION(() => {
      this.OR([
        { ALT: () => { this.SUBRULE(this.comparisonOp); this.SUBRULE1(this.additive); } },
        {
          ALT: () => {
            this.OPTION1(() => this.CONSUME(T.Not));
            this.CONSUME(T.In);
            this.CONSUME(T.LParen);
            this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
            this.CONSUME(T.RParen);
          },
        },
        { ALT: () => { this.CONSUME(T.Is); this.OPTION2(() => this.CONSUME1(T.Not)); this.CONSUME(T.Null); } },
      ]);
    });
  });

  comparisonOp = this.RULE('comparisonOp', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Equals) },
      { ALT: () => this.CONSUME(T.NotEquals) },
      { ALT: () => this.CONSUME(T.LessEq) },
      { ALT: () => this.CONSUME(T.GreaterEq) },
      { ALT: () => this.CONSUME(T.Less) },
      { ALT: () => this.CONSUME(T.Greater) },
    ]);
  });

  additive = this.RULE('additive', () => {
    this.SUBRULE(this.multiplicative);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Plus) }, { ALT: () => this.CONSUME(T.Minus) }]);
      this.SUBRULE1(this.multiplicative);
    });
  });

  multiplicative = this.RULE('multiplicative', () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.CONSUME(T.Slash) }, { ALT: () => this.CONSUME(T.Percent) }]);
      this.SUBRULE1(this.unary);
    });
  });

  unary = this.RULE('unary', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Minus); this.SUBRULE(this.unary); } },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.literal) },
      { ALT: () => { this.CONSUME(T.LParen); this.SUBRULE(this.expression); this.CONSUME(T.RParen); } },
      { ALT: () => this.SUBRULE(this.nameExpr) },
    ]);
  });

  /** A column, `view.feature`, or a call `f(args)` — `if(c, a, b)` included; to-ast tells them apart. */
  nameExpr = this.RULE('nameExpr', () => {
    this.SUBRULE(this.name);
    this.OPTION(() => {
      this.OR([
        { ALT: () => { this.CONSUME(T.Dot); this.SUBRULE1(this.name); } },
        {
          ALT: () => {
            this.CONSUME(T.LParen);
            this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
            this.CONSUME(T.RParen);
          },
        },
      ]);
    });
  });

  literal = this.RULE('literal', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.Duration) },
      { ALT: () => this.CONSUME(T.TimestampLiteral) },
      { ALT: () => this.CONSUME(T.True) },
      { ALT: () => this.CONSUME(T.False) },
      { ALT: () => this.CONSUME(T.Null) },
    ]);
  });
}

/** The one parser instance: Chevrotain parsers are reusable (set `input`, call a rule) and costly to build. */
export const fdlParser = new FdlParser();
