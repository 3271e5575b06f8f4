/**
 * The FDL grammar: a Chevrotain CST parser, the single source of truth for
 * the language's syntax (docs/grammar.md and docs/grammar.html are generated
 * from it). Rules are class properties, so a wrong rule name is a type error;
 * meaning lives in `src/lang/to-ast.ts`. Error recovery is on: one pass
 * reports every syntax error, and the CST keeps what could be parsed.
 */
import { CstParser, EOF, type IToken, type TokenType, type IParserErrorMessageProvider } from 'chevrotain';
import * as T from './tokens.js';

const tokenLabel = (t: TokenType): string => {
  if (t === EOF) return 'end of input';
  const l = (t as TokenType & { LABEL?: string }).LABEL;
  if (l) return l;
  if (t === T.Identifier) return 'a name';
  return t.name;
};

const found = (t: IToken): string =>
  t.tokenType === EOF ? 'end of input' : t.tokenType === T.StringLiteral ? `string ${t.image}` : `'${t.image.length > 30 ? t.image.slice(0, 30) + '…' : t.image}'`;

/** Human wording for Chevrotain's errors; positions are added by `parse.ts`. */
export const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${tokenLabel(expected)} but found ${found(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `expected a declaration (source, entity, features, training_set, model, monitor) but found ${found(firstRedundant)}`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    return `expected ${RULE_WORDS[ruleName] ?? ruleName} but found ${found(actual[0]!)}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    return `expected ${RULE_WORDS[ruleName] ?? ruleName} but found ${found(actual[0]!)}`;
  },
};

const RULE_WORDS: Record<string, string> = {
  declaration: 'a declaration (source, entity, features, training_set, model, monitor)',
  sourceClause: 'a source clause (path, format, timestamp, available, column, where, description)',
  entityClause: "an entity clause ('key' or 'description')",
  featureItem: "a feature ('name = aggregate(...)') or a block clause (ttl, refresh, description, owner, tags)",
  trainingSetClause: 'a training set clause (spine, label, features, split, description)',
  modelClause: 'a model clause (fit, onnx, inputs, description)',
  monitorClause: 'a monitor clause (reference, features, every, bins, or a metric such as psi)',
  primary: 'an expression',
  atomic: 'an expression',
  literal: 'a value',
  name: 'a name',
  selector: "a feature ('view.feature' or 'view.*')",
  comparisonOp: 'a comparison',
};

export class FdlParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: errorMessages, nodeLocationTracking: 'full' });
    this.performSelfAnalysis();
  }

  program = this.RULE('program', () => {
    this.MANY(() => this.SUBRULE(this.declaration));
  });

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

  name = this.RULE('name', () => {
    this.OR([{ ALT: () => this.CONSUME(T.Identifier) }, { ALT: () => this.CONSUME(T.QuotedIdentifier) }]);
  });

  projectDecl = this.RULE('projectDecl', () => {
    this.CONSUME(T.Project);
    this.SUBRULE(this.name);
  });

  // ---------------------------------------------------------------- source

  sourceDecl = this.RULE('sourceDecl', () => {
    this.CONSUME(T.Source);
    this.SUBRULE(this.name);
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
    this.CONSUME(T.Entity);
    this.SUBRULE(this.name);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.entityClause));
    this.CONSUME(T.RBrace);
  });

  entityClause = this.RULE('entityClause', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Key);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.name) });
        },
      },
      { ALT: () => this.SUBRULE(this.descriptionClause) },
    ]);
  });

  // ---------------------------------------------------------------- features

  featuresDecl = this.RULE('featuresDecl', () => {
    this.CONSUME(T.Features);
    this.SUBRULE(this.name);
    this.CONSUME(T.On);
    this.SUBRULE1(this.name);
    this.CONSUME(T.By);
    this.SUBRULE2(this.name);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.featureItem));
    this.CONSUME(T.RBrace);
  });

  featureItem = this.RULE('featureItem', () => {
    this.OR([
      // A feature may be named like a clause keyword (`ttl = ...`): the '=' decides.
      { GATE: () => this.LA(2).tokenType === T.Equals, ALT: () => this.SUBRULE(this.featureDef) },
      { ALT: () => { this.CONSUME(T.Ttl); this.CONSUME(T.Duration); } },
      {
        ALT: () => {
          this.CONSUME(T.Refresh);
          this.CONSUME(T.Every);
          this.CONSUME1(T.Duration);
          this.OPTION(() => {
            this.CONSUME(T.Delay);
            this.CONSUME2(T.Duration);
          });
        },
      },
      { ALT: () => this.SUBRULE(this.descriptionClause) },
      { ALT: () => { this.CONSUME(T.Owner); this.CONSUME(T.StringLiteral); } },
      { ALT: () => { this.CONSUME(T.Tags); this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME1(T.StringLiteral) }); } },
    ]);
  });

  featureDef = this.RULE('featureDef', () => {
    this.SUBRULE(this.name);
    this.CONSUME(T.Equals);
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.CONSUME(T.Over);
      this.CONSUME(T.Duration);
    });
    this.OPTION1(() => {
      this.CONSUME(T.Where);
      this.SUBRULE1(this.expression);
    });
  });

  // ---------------------------------------------------------------- training sets, models, monitors

  selector = this.RULE('selector', () => {
    this.SUBRULE(this.name);
    this.CONSUME(T.Dot);
    this.OR([{ ALT: () => this.CONSUME(T.Star) }, { ALT: () => this.SUBRULE1(this.name) }]);
  });

  selectorList = this.RULE('selectorList', () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.selector) });
  });

  trainingSetDecl = this.RULE('trainingSetDecl', () => {
    this.CONSUME(T.TrainingSet);
    this.SUBRULE(this.name);
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
    this.CONSUME(T.Model);
    this.SUBRULE(this.name);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.modelClause));
    this.CONSUME(T.RBrace);
  });

  modelClause = this.RULE('modelClause', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Fit);
          this.SUBRULE(this.name);
          this.CONSUME(T.On);
          this.SUBRULE1(this.name);
        },
      },
      { ALT: () => { this.CONSUME(T.Onnx); this.CONSUME(T.StringLiteral); } },
      { ALT: () => { this.CONSUME(T.Inputs); this.SUBRULE(this.selectorList); } },
      { ALT: () => this.SUBRULE(this.descriptionClause) },
    ]);
  });

  monitorDecl = this.RULE('monitorDecl', () => {
    this.CONSUME(T.Monitor);
    this.SUBRULE(this.name);
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.monitorClause));
    this.CONSUME(T.RBrace);
  });

  monitorClause = this.RULE('monitorClause', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Reference); this.SUBRULE(this.name); } },
      { ALT: () => { this.CONSUME(T.Features); this.SUBRULE(this.selectorList); } },
      { ALT: () => { this.CONSUME(T.Every); this.CONSUME(T.Duration); } },
      { ALT: () => { this.CONSUME(T.Bins); this.CONSUME(T.NumberLiteral); } },
      { ALT: () => this.SUBRULE(this.thresholdClause) },
    ]);
  });

  /** `psi warn 0.1 alert 0.25 sustained 3` — any metric name; the checker validates it. */
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

  // ---------------------------------------------------------------- expressions (lowest precedence first)

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
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  comparison = this.RULE('comparison', () => {
    this.SUBRULE(this.additive);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.SUBRULE(this.comparisonOp);
            this.SUBRULE1(this.additive);
          },
        },
        {
          ALT: () => {
            this.OPTION1(() => this.CONSUME(T.Not));
            this.CONSUME(T.In);
            this.CONSUME(T.LParen);
            this.MANY_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.expression) });
            this.CONSUME(T.RParen);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Is);
            this.OPTION2(() => this.CONSUME1(T.Not));
            this.CONSUME(T.Null);
          },
        },
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
      {
        ALT: () => {
          this.CONSUME(T.Minus);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.literal) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.nameExpr) },
    ]);
  });

  /** A column, `view.feature`, or a call `f(args)`. */
  nameExpr = this.RULE('nameExpr', () => {
    this.SUBRULE(this.name);
    this.OPTION(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Dot);
            this.SUBRULE1(this.name);
          },
        },
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

/** The one parser instance (Chevrotain parsers are reusable: set `input`, call a rule). */
export const fdlParser = new FdlParser();
