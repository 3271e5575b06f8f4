/**
 * Generates the grammar reference from the parser itself, so the docs cannot
 * drift from the grammar: docs/grammar.html (Chevrotain's railroad diagrams,
 * with their scripts copied into docs/grammar/ — self-hosted, no network) and
 * docs/grammar.md (an EBNF-style listing of every rule).
 *
 *   npx tsx grammar/generate-docs.ts          # write
 *   npx tsx grammar/generate-docs.ts --check  # exit 1 when the checked-in docs are stale
 */
import { createSyntaxDiagramsCode, type ISerializedGast } from 'chevrotain';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fdlParser } from './parser.js';

const root = new URL('..', import.meta.url).pathname;
const ASSETS = ['diagrams.css', 'vendor/railroad-diagrams.js', 'src/diagrams_builder.js', 'src/diagrams_behavior.js', 'src/main.js'];

type Node = ISerializedGast & { definition?: Node[]; name?: string; label?: string; pattern?: string; terminalLabel?: string; nonTerminalName?: string; idx?: number };

function terminal(n: Node): string {
  const label = n.label ?? n.terminalLabel ?? n.name ?? '?';
  if (label.startsWith("'")) return label;
  if (n.name?.startsWith('Kw_')) return `'${n.name.slice(3)}'`;
  return label.startsWith('a ') || label.startsWith('an ') ? label.replace(/^an? /, '').toUpperCase().replace(/ /g, '_') : label;
}

function seq(defs: Node[] | undefined): string {
  return (defs ?? []).map(ebnf).filter(Boolean).join(' ');
}

function ebnf(n: Node): string {
  switch (n.type) {
    case 'Terminal':
      return terminal(n);
    case 'NonTerminal':
      return n.name ?? n.nonTerminalName ?? '?';
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
      const sep = n.separator ? terminal(n.separator as Node) : ',';
      const one = seq(n.definition);
      return n.type === 'RepetitionWithSeparator' ? `[ ${one} { ${sep} ${one} } ]` : `${one} { ${sep} ${one} }`;
    }
    case 'Alternation':
      return `( ${(n.definition ?? []).map(ebnf).join(' | ')} )`;
    default:
      return '';
  }
}

export function grammarMarkdown(): string {
  const rules = fdlParser.getSerializedGastProductions() as Node[];
  const lines = rules.map((r) => `${r.name} ::=\n    ${seq(r.definition)} ;`);
  return `# FDL grammar reference

Generated from \`grammar/parser.ts\` by \`npx tsx grammar/generate-docs.ts\`; do not edit.
Railroad diagrams of the same rules: [grammar.html](grammar.html). The language
itself is described in [language.md](language.md).

Notation: \`[ x ]\` optional, \`{ x }\` zero or more, \`( a | b )\` one of,
quoted words are keywords or symbols; NAME is an identifier (or a back-quoted
name; Identifier and QuotedIdentifier below), STRING, NUMBER, DURATION (\`7d\`) and TIMESTAMP (\`2024-05-01\`) are literals.
Comments run from \`#\` to the end of the line.

\`\`\`ebnf
${lines.join('\n\n')}
\`\`\`
`;
}

export function grammarHtml(): string {
  const html = createSyntaxDiagramsCode(fdlParser.getSerializedGastProductions(), { resourceBase: 'grammar/', css: 'grammar/diagrams.css' });
  return html.replace('<title>', '<title>FDL grammar — ').replace(/<head>/, '<head>\n<meta charset="utf-8">');
}

function main() {
  const check = process.argv.includes('--check');
  const md = grammarMarkdown();
  const html = grammarHtml();
  const mdPath = join(root, 'docs/grammar.md');
  const htmlPath = join(root, 'docs/grammar.html');
  if (check) {
    const stale = [mdPath, htmlPath].filter((p, i) => !existsSync(p) || readFileSync(p, 'utf8') !== [md, html][i]);
    if (stale.length) {
      console.error(`stale: ${stale.join(', ')} — run npx tsx grammar/generate-docs.ts`);
      process.exit(1);
    }
    return;
  }
  writeFileSync(mdPath, md);
  writeFileSync(htmlPath, html);
  const chevrotainDir = join(root, 'node_modules/chevrotain');
  for (const a of ASSETS) {
    const to = join(root, 'docs/grammar', a);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(chevrotainDir, 'diagrams', a), to);
  }
  console.log('wrote docs/grammar.md, docs/grammar.html and docs/grammar/');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main();
