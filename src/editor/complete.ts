/**
 * Name completion for FDL, independent of any editor: given the text, a
 * cursor offset and what the checker knows (columns of sources, features of
 * blocks), the candidates that fit there. `fdl-editor.ts` adapts it to
 * CodeMirror; tests call it directly.
 * @module
 */
import { keywordTokens, tokenize } from '../../grammar/tokens.js';
import type { Decl, FeaturesDecl, Program } from '../lang/ast.js';
import type { CheckResult } from '../lang/check.js';
import { parse } from '../lang/parse.js';
import { AGGREGATES, FUNCTIONS } from '../lang/functions.js';
import type { FdlType } from '../lang/types.js';

export interface CompletionItem {
  label: string;
  type: 'keyword' | 'function' | 'aggregate' | 'source' | 'entity' | 'view' | 'feature' | 'column' | 'training_set' | 'model';
  detail?: string;
  /** Higher comes first. */
  boost?: number;
}

export interface CompletionContext {
  /** The last checked state of the program, for column and feature names with types. */
  checked?: Pick<CheckResult, 'sourceColumns' | 'featureTypes'>;
  /** Raw columns per source name, where no check result is at hand. */
  schemas?: ReadonlyMap<string, readonly { name: string; type: string }[]>;
}

/** Every keyword of the language, from the lexer's own token list. */
export const keywords: readonly string[] = keywordTokens.map((t) => String(t.name).replace(/^Kw_/, ''));

const DECLARATION_WORDS = ['project', 'source', 'entity', 'features', 'training_set', 'model', 'monitor'];
const CLAUSES: Record<string, string[]> = {
  source: ['path', 'format', 'timestamp', 'available', 'column', 'where', 'description'],
  entity: ['key', 'description'],
  features: ['over', 'where', 'ttl', 'refresh', 'every', 'delay', 'description', 'owner', 'tags'],
  trainingSet: ['spine', 'label', 'features', 'split', 'time', 'description'],
  model: ['fit', 'on', 'onnx', 'inputs', 'description'],
  monitor: ['reference', 'features', 'every', 'bins', 'psi', 'ks', 'mean_shift', 'null_rate', 'warn', 'alert', 'sustained'],
};
const EXPRESSION_WORDS = ['and', 'or', 'not', 'in', 'is', 'null', 'true', 'false', 'if'];

const KIND_OF_KEYWORD: Record<string, Decl['kind']> = {
  source: 'source',
  entity: 'entity',
  features: 'features',
  training_set: 'trainingSet',
  model: 'model',
  monitor: 'monitor',
};

/** What is known of the declaration around the cursor: from the AST, or from tokens where the text does not parse. */
interface Enclosing {
  kind: Decl['kind'];
  name?: string;
  /** features: the source after `on`; training_set: the spine. */
  source?: string;
  decl?: Decl;
}

/**
 * The declaration whose text contains `offset`, if any. Read from tokens
 * (a declaration keyword at brace depth 0 opens one, its closing brace ends
 * it), because half-typed text often does not parse into a declaration.
 */
function enclosing(text: string, offset: number, program: Program): Enclosing | undefined {
  const toks = tokenize(text.slice(0, offset)).filter((t) => t.category !== 'comment');
  let current: Enclosing | undefined;
  let depth = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (depth === 0 && t.category === 'keyword' && KIND_OF_KEYWORD[t.text]) {
      const next = toks[i + 1];
      current = { kind: KIND_OF_KEYWORD[t.text]!, name: next && next.category !== 'punctuation' ? next.text : undefined };
    } else if (t.text === '{') depth++;
    else if (t.text === '}') {
      depth = Math.max(0, depth - 1);
      if (depth === 0) current = undefined;
    } else if (current && (t.text === 'on' || t.text === 'spine') && toks[i + 1]) current.source ??= toks[i + 1]!.text;
  }
  if (!current) return undefined;
  current.decl = program.decls.find((d) => d.kind === current!.kind && d.name.name === current!.name);
  return current;
}

function columnsOf(source: string, ctx: CompletionContext): { name: string; type: string }[] {
  const checked = ctx.checked?.sourceColumns.get(source);
  if (checked) return [...checked].map(([name, t]) => ({ name, type: t }));
  return [...(ctx.schemas?.get(source) ?? [])];
}

function featuresOf(view: string, program: Program, ctx: CompletionContext): { name: string; type: FdlType | 'unknown' }[] {
  const typed = ctx.checked?.featureTypes.get(view);
  if (typed) return [...typed].map(([name, type]) => ({ name, type }));
  const d = program.decls.find((x): x is FeaturesDecl => x.kind === 'features' && x.name.name === view);
  return d ? d.features.map((f) => ({ name: f.name.name, type: 'unknown' as const })) : [];
}

/**
 * Candidates at `offset` in `text`, and where the word they replace starts.
 * After `view.` only that block's features (and `*`); inside a block its
 * clause keywords, and in expressions the columns of the block's source,
 * aggregates, functions and sibling features; everywhere the declared names.
 */
export function completionsAt(text: string, offset: number, ctx: CompletionContext = {}): { from: number; items: CompletionItem[] } {
  const before = text.slice(0, offset);
  const word = /[A-Za-z_][A-Za-z0-9_]*$/.exec(before)?.[0] ?? '';
  const from = offset - word.length;
  // Inside a number or a duration (`7d`, `1.5e3`, `30`): nothing. The word regex would take the `d` of `7d` for a name.
  if (/[0-9.]$/.test(text.slice(0, from)) && /(^|[^A-Za-z0-9_])[0-9][0-9A-Za-z_.]*$/.test(before)) return { from, items: [] };
  // Inside a comment or a string: nothing.
  const line = before.slice(before.lastIndexOf('\n') + 1);
  if (/#/.test(line.replace(/"[^"]*"|'[^']*'/g, '')) || (line.split('"').length % 2 === 0) || (line.split("'").length % 2 === 0)) return { from, items: [] };

  const { program } = parse(text);
  const items: CompletionItem[] = [];
  const dotted = /([A-Za-z_][A-Za-z0-9_]*)\.$/.exec(text.slice(0, from));
  if (dotted) {
    for (const f of featuresOf(dotted[1]!, program, ctx)) items.push({ label: f.name, type: 'feature', detail: f.type === 'unknown' ? undefined : f.type, boost: 2 });
    if (items.length) items.push({ label: '*', type: 'feature', detail: 'every feature' });
    return { from, items };
  }

  const encl = enclosing(text, offset, program);
  const names = (kind: Decl['kind']) => program.decls.filter((d) => d.kind === kind).map((d) => d.name.name);
  if (!encl) {
    for (const k of DECLARATION_WORDS) items.push({ label: k, type: 'keyword', boost: 2 });
  } else {
    const decl = encl.decl;
    for (const k of CLAUSES[encl.kind] ?? []) items.push({ label: k, type: 'keyword', boost: 1 });
    if (encl.kind === 'source' && encl.name) {
      for (const c of columnsOf(encl.name, ctx)) items.push({ label: c.name, type: 'column', detail: c.type, boost: 2 });
      for (const f of Object.keys(FUNCTIONS)) items.push({ label: f, type: 'function' });
      for (const k of EXPRESSION_WORDS) items.push({ label: k, type: 'keyword' });
    }
    if (encl.kind === 'features') {
      const src = decl?.kind === 'features' ? decl.source?.name : encl.source;
      if (src) for (const c of columnsOf(src, ctx)) items.push({ label: c.name, type: 'column', detail: `${src} · ${c.type}`, boost: 2 });
      if (decl?.kind === 'features') for (const f of decl.features) if (f.name.span.startOffset !== from) items.push({ label: f.name.name, type: 'feature', detail: decl.name.name, boost: 1 });
      for (const a of AGGREGATES) items.push({ label: a, type: 'aggregate', detail: 'aggregate', boost: 1 });
      for (const f of Object.keys(FUNCTIONS)) items.push({ label: f, type: 'function' });
      for (const k of EXPRESSION_WORDS) items.push({ label: k, type: 'keyword' });
      // `on SOURCE by ENTITY` on the header line.
      for (const s of names('source')) items.push({ label: s, type: 'source' });
      for (const e of names('entity')) items.push({ label: e, type: 'entity' });
    }
    if (encl.kind === 'trainingSet' || encl.kind === 'monitor' || encl.kind === 'model') {
      for (const v of names('features')) items.push({ label: v, type: 'view', boost: 2 });
      if (encl.kind === 'trainingSet') for (const s of names('source')) items.push({ label: s, type: 'source', boost: 1 });
      if (encl.kind !== 'trainingSet') for (const t of names('trainingSet')) items.push({ label: t, type: 'training_set', boost: 1 });
      const spine = decl?.kind === 'trainingSet' ? decl.spine?.name : encl.kind === 'trainingSet' ? encl.source : undefined;
      if (spine) for (const c of columnsOf(spine, ctx)) items.push({ label: c.name, type: 'column', detail: `${spine} · ${c.type}` });
    }
  }
  // Declared names are always offered, below the ones that fit the context.
  const seen = new Set(items.map((i) => i.label));
  const add = (label: string, type: CompletionItem['type']) => {
    if (!seen.has(label)) {
      seen.add(label);
      items.push({ label, type, boost: -1 });
    }
  };
  for (const d of program.decls) {
    const type = d.kind === 'features' ? 'view' : d.kind === 'trainingSet' ? 'training_set' : d.kind;
    add(d.name.name, type as CompletionItem['type']);
  }
  return { from, items };
}
