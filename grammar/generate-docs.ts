/**
 * Generates the grammar reference from the parser itself, so the docs cannot
 * drift from the grammar:
 *
 * - docs/grammar.html: Chevrotain's railroad diagrams. Self-hosted: the
 *   scripts and stylesheet are copied from node_modules/chevrotain/diagrams/
 *   into docs/grammar/ (Chevrotain's default points at a CDN, and the docs
 *   must work offline).
 * - docs/grammar.md: an EBNF-style listing of every rule and token.
 *
 *   npx tsx grammar/generate-docs.ts          # write
 *   npx tsx grammar/generate-docs.ts --check  # exit 1 when the checked-in docs are stale
 *
 * test/parse.test.ts runs the same check.
 */
import { createSyntaxDiagramsCode, type ISerializedGast, type TokenType } from 'chevrotain';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fdlParser } from './parser.js';
import * as T from './tokens.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The files the diagrams page loads, relative to node_modules/chevrotain/diagrams/ and to docs/grammar/. */
export const DIAGRAM_ASSETS = ['diagrams.css', 'vendor/railroad-diagrams.js', 'src/diagrams_builder.js', 'src/diagrams_behavior.js', 'src/main.js'];

/** The serialized GAST, with the few fields this file reads. */
type Gast = ISerializedGast & { name?: string; label?: string; separator?: Gast; definition?: Gast[] };

/** How a terminal is written in the EBNF: keywords and symbols quoted, other tokens in capitals. */
const TERMINAL_NAMES = new Map<TokenType, string>([
  [T.Identifier, 'IDENTIFIER'],
  [T.QuotedIdentifier, 'QUOTED_IDENTIFIER'],
  [T.StringLiteral, 'STRING'],
  [T.NumberLiteral, 'NUMBER'],
  [T.Duration, 'DURATION'],
  [T.TimestampLiteral, 'TIMESTAMP'],
]);
const byName = new Map(T.allTokens.map((t) => [t.name, t]));

function terminal(n: Gast): string {
  const t = byName.get(n.name ?? '');
  return (t && TERMINAL_NAMES.get(t)) ?? n.label ?? n.name ?? '?';
}

const seq = (defs: Gast[] | undefined): string => (defs ?? []).map(ebnf).filter(Boolean).join(' ');

function ebnf(n: Gast): string {
  switch (n.type) {
    case 'Terminal':
      return terminal(n);
    case 'NonTerminal':
      return n.name ?? '?';
    case 'Alternative':
      return seq(n.definition);
    case 'Option':
      return `[ ${seq(n.definition)} ]`;
    case 'Repetition':
      return `{ ${seq(n.definition)} }`;
    case 'RepetitionMandatory':
      return `${seq(n.definition)} { ${seq(n.definition)} }`;
    case 'RepetitionWithSeparator':
    case 'RepetitionMandatoryWithSeparator': {
      const sep = n.separator ? terminal(n.separator) : "','";
      const one = seq(n.definition);
      return n.type === 'RepetitionWithSeparator' ? `[ ${one} { ${sep} ${one} } ]` : `${one} { ${sep} ${one} }`;
    }
    case 'Alternation':
      return `( ${(n.definition ?? []).map(ebnf).join(' | ')} )`;
    default:
      return '';
  }
}

/** The lexical rules, from the token patterns themselves. */
function tokenLines(): string[] {
  const pattern = (t: TokenType) => String(t.PATTERN);
  return [...TERMINAL_NAMES].map(([t, name]) => `${name} = ${pattern(t)} ;`);
}

export function grammarMarkdown(): string {
  const rules = fdlParser.getSerializedGastProductions() as Gast[];
  const lines = rules.map((r) => `${r.name} ::=\n    ${seq(r.definition)} ;`);
  const reserved = T.keywordTokens.filter((t) => !t.CATEGORIES?.includes(T.Identifier)).map((t) => `\`${t.LABEL?.replace(/'/g, '')}\``);
  return `# FDL grammar reference

Generated from \`grammar/parser.ts\` and \`grammar/tokens.ts\` by
\`npx tsx grammar/generate-docs.ts\`; do not edit. Railroad diagrams of the
same rules: [grammar.html](grammar.html). The language itself is described in
[language.md](language.md).

Notation: \`[ x ]\` optional, \`{ x }\` zero or more, \`( a | b )\` one of;
quoted words are keywords or symbols. Comments run from \`#\` to the end of
the line; whitespace separates tokens and is otherwise ignored, so clauses
need no separators. Keywords are also names: wherever \`IDENTIFIER\` is
expected, a keyword such as \`key\` or \`ttl\` is accepted too, except the
reserved words ${reserved.join(', ')} (back-quote them to use them as names).

\`\`\`ebnf
${lines.join('\n\n')}
\`\`\`

## Tokens

\`\`\`ebnf
${tokenLines().join('\n')}
\`\`\`

A \`DURATION\` is a whole number and a unit: \`s\` seconds, \`m\` minutes,
\`h\` hours, \`d\` days, \`w\` weeks. A \`TIMESTAMP\` is always UTC (a trailing
\`Z\` is allowed, other offsets are not). Strings may not span lines; their
escapes are \`\\\\ \\' \\" \\n \\t\`.
`;
}

export function grammarHtml(): string {
  const html = createSyntaxDiagramsCode(fdlParser.getSerializedGastProductions(), { resourceBase: 'grammar/', css: 'grammar/diagrams.css' });
  return html.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<title>FDL grammar</title>');
}

function main(): void {
  const outputs: [string, string][] = [
    [join(root, 'docs/grammar.md'), grammarMarkdown()],
    [join(root, 'docs/grammar.html'), grammarHtml()],
  ];
  const assets = DIAGRAM_ASSETS.map((a) => [join(root, 'node_modules/chevrotain/diagrams', a), join(root, 'docs/grammar', a)] as const);
  if (process.argv.includes('--check')) {
    const stale = [
      ...outputs.filter(([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text).map(([path]) => path),
      ...assets.filter(([from, to]) => !existsSync(to) || !readFileSync(from).equals(readFileSync(to))).map(([, to]) => to),
    ];
    if (stale.length) {
      console.error(`stale: ${stale.join(', ')}\nrun: npx tsx grammar/generate-docs.ts`);
      process.exit(1);
    }
    return;
  }
  for (const [path, text] of outputs) writeFileSync(path, text);
  for (const [from, to] of assets) {
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(from, to);
  }
  console.log('wrote docs/grammar.md, docs/grammar.html and docs/grammar/');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
