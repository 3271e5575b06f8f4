/**
 * The front end up to the AST: lexical forms, precedence, recovery, error
 * text and position, and the generated grammar docs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from '../src/lang/parse.js';
import { tokenize } from '../grammar/tokens.js';
import { grammarHtml, grammarMarkdown } from '../grammar/generate-docs.js';
import type { BinaryExpr, Expr, FeaturesDecl, SourceDecl, TrainingSetDecl } from '../src/lang/ast.js';

const root = new URL('..', import.meta.url).pathname;
const design = readFileSync(join(root, '../shared/DESIGN.md'), 'utf8');
function join(a: string, b: string) {
  return a.replace(/\/$/, '') + '/' + b;
}
const designExample = /```fdl\n([\s\S]*?)```/.exec(design)?.[1];

/** A compact rendering of an expression, for precedence tests. */
function show(e: Expr): string {
  switch (e.type) {
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'unary':
      return `(${e.op} ${show(e.operand)})`;
    case 'column':
      return e.name;
    case 'featureRef':
      return `${e.view.name}.${e.feature.name}`;
    case 'literal':
      return e.value.kind === 'string' ? `'${e.value.value}'` : 'text' in e.value ? e.value.text : e.value.kind === 'bool' ? String(e.value.value) : 'null';
    case 'call':
      return `${e.callee.name}(${e.args.map(show).join(', ')})`;
    case 'if':
      return `if(${show(e.cond)}, ${show(e.then)}, ${show(e.else)})`;
    case 'in':
      return `(${show(e.operand)} ${e.negated ? 'not in' : 'in'} [${e.list.map(show).join(', ')}])`;
    case 'isNull':
      return `(${show(e.operand)} is ${e.negated ? 'not ' : ''}null)`;
  }
}

function exprOf(src: string): Expr {
  const { program, diagnostics } = parse(`source s { path "x.csv" timestamp t where ${src} }`);
  assert.deepEqual(diagnostics, [], `diagnostics for ${src}`);
  return (program.decls[0] as SourceDecl).where!;
}

test('the DESIGN example parses without diagnostics into the expected AST', () => {
  assert.ok(designExample, 'DESIGN.md has an fdl example');
  const { program, diagnostics } = parse(designExample!);
  assert.deepEqual(diagnostics, []);
  assert.equal(program.project?.name, 'fraud');
  assert.deepEqual(
    program.decls.map((d) => `${d.kind}:${d.name.name}`),
    ['source:transactions', 'source:labels', 'entity:user', 'entity:merchant', 'features:user_spend', 'features:merchant_risk', 'trainingSet:fraud_train', 'model:fraud_lr', 'monitor:fraud_drift'],
  );
  const tx = program.decls[0] as SourceDecl;
  assert.equal(tx.path?.value, 'data/transactions.parquet');
  assert.equal(tx.available?.name, 'ingested_at');
  assert.equal(show(tx.columns[0]!.expr), '(amount * fx_rate)');
  assert.equal(show(tx.where!), "(status != 'test')");
  const us = program.decls[4] as FeaturesDecl;
  assert.deepEqual(us.features.map((f) => f.name.name), ['txn_count_1h', 'spend_7d', 'avg_spend_30d', 'merchants_30d', 'last_country', 'spend_ratio']);
  assert.equal(us.features[0]!.over?.ms, 3_600_000);
  assert.equal(show(us.features[2]!.where!), 'approved');
  assert.equal(us.ttl?.ms, 90 * 86_400_000);
  assert.deepEqual([us.refresh?.every.ms, us.refresh?.delay?.ms], [86_400_000, 7_200_000]);
  assert.equal(us.owner?.value, 'risk-team');
  const ts = program.decls[6] as TrainingSetDecl;
  assert.deepEqual(ts.features.map((s) => `${s.view.name}.${s.feature?.name ?? '*'}`), ['user_spend.*', 'merchant_risk.chargebacks_90d']);
  assert.equal(ts.split?.train.ms, Date.UTC(2024, 4, 1));
  assert.equal(ts.split?.test.ms, Date.UTC(2024, 5, 1));
  // Spans point at the source text.
  const spend = us.features[1]!;
  const line = designExample!.split('\n')[spend.name.span.line - 1]!;
  assert.equal(line.slice(spend.name.span.column - 1, spend.name.span.endColumn), 'spend_7d');
});

test('lexical forms: strings, escapes, numbers, durations, timestamps, back-quoted names, comments', () => {
  const { program, diagnostics } = parse(`# comment
project p # trailing
source \`my source\` { path 'a\\'b.csv' timestamp \`event time\` where x = "q\\"\\\\" and y = 1.5e3 and z > 2024-05-01T12:30:00Z and w < 4w }`);
  assert.deepEqual(diagnostics, []);
  const s = program.decls[0] as SourceDecl;
  assert.equal(s.name.name, 'my source');
  assert.equal(s.path?.value, "a'b.csv");
  assert.equal(s.timestamp?.name, 'event time');
  const parts: string[] = [];
  const walk = (e: Expr): unknown => (e.type === 'binary' && e.op === 'and' ? (walk(e.left), walk(e.right)) : parts.push(show(e)));
  walk(s.where!);
  assert.deepEqual(parts, [`(x = 'q"\\')`, '(y = 1.5e3)', '(z > 2024-05-01T12:30:00Z)', '(w < 4w)']);
  const z = ((s.where as BinaryExpr).left as BinaryExpr).right as BinaryExpr;
  assert.equal(z.right.type === 'literal' && z.right.value.kind === 'timestamp' ? z.right.value.ms : 0, Date.UTC(2024, 4, 1, 12, 30));
});

test('clause keywords are usable as names; expression keywords are reserved', () => {
  const { program, diagnostics } = parse(`source source { path "x.csv" timestamp time }
entity key { key key, count }
features ttl on source by key { ttl = count() over 1d  owner = last(owner)  ttl 2d }`);
  assert.deepEqual(diagnostics, []);
  const f = program.decls[2] as FeaturesDecl;
  assert.deepEqual(f.features.map((x) => x.name.name), ['ttl', 'owner']);
  assert.equal(f.ttl?.text, '2d');
  const bad = parse('source s { path "x" timestamp t where and = 1 }');
  assert.ok(bad.diagnostics.length > 0);
});

test('operator precedence and associativity', () => {
  assert.equal(show(exprOf('a + b * c - d')), '((a + (b * c)) - d)');
  assert.equal(show(exprOf('a - b - c')), '((a - b) - c)');
  assert.equal(show(exprOf('a or b and not c = d')), '(a or (b and (not (c = d))))');
  assert.equal(show(exprOf('-a * -3')), '((- a) * -3)');
  assert.equal(show(exprOf('x not in (1, 2) or y is not null')), '((x not in [1, 2]) or (y is not null))');
  assert.equal(show(exprOf('if(a > 1, v.f, coalesce(b, 0)) % 2')), '(if((a > 1), v.f, coalesce(b, 0)) % 2)');
  assert.equal(show(exprOf('(a + b) * c')), '((a + b) * c)');
});

test('composite keys and every declaration kind', () => {
  const { program, diagnostics } = parse(`entity pair { key a, b, c description "three" }
model m { onnx "m.onnx" inputs v.x, v.y }
monitor d { reference t features v.* every 1d bins 20 psi warn 0.1 alert 0.3 sustained 2 ks alert 0.2 }`);
  assert.deepEqual(diagnostics, []);
  const e = program.decls[0]!;
  assert.ok(e.kind === 'entity' && e.keys.map((k) => k.name).join() === 'a,b,c');
  const m = program.decls[2]!;
  assert.ok(m.kind === 'monitor');
  assert.equal(m.bins?.value, 20);
  assert.deepEqual(
    m.thresholds.map((t) => [t.metric.name, t.warn?.value, t.alert?.value, t.sustained?.value]),
    [
      ['psi', 0.1, 0.3, 2],
      ['ks', undefined, 0.2, undefined],
    ],
  );
});

test('recovery: three separate errors are all reported at their positions', () => {
  const text = [
    'source a { path "x.csv" timestamp }', // 1: missing name after timestamp
    'entity u { key user_id }',
    'features f on a by u {',
    '  n = count() over',                  // 4: missing duration
    '  m = sum(x) over 7d',
    '}',
    'training_set t { spine a features f.n split time 2024-01-01 }', // 7: missing second date
  ].join('\n');
  const { program, diagnostics } = parse(text);
  assert.equal(diagnostics.length, 3, JSON.stringify(diagnostics, null, 1));
  assert.deepEqual(
    diagnostics.map((d) => [d.span.line, d.span.column]),
    [
      [1, 35],
      [5, 3],
      [7, 61],
    ],
  );
  assert.match(diagnostics[0]!.message, /expected a name but found '\}'/);
  assert.match(diagnostics[1]!.message, /expected a duration but found 'm'/);
  // What could be read is kept.
  assert.ok(program.decls.some((d) => d.kind === 'entity'));
});

test('lexer errors and bad literals name the line, column and problem', () => {
  const a = parse('source s {\n  path "x.csv" timestamp t ~ \n}');
  assert.equal(a.diagnostics[0]?.code, 'unexpected-character');
  assert.deepEqual([a.diagnostics[0]!.span.line, a.diagnostics[0]!.span.column], [2, 28]);
  const b = parse('source s { path "x.csv\n timestamp t }');
  assert.equal(b.diagnostics[0]?.code, 'unterminated-string');
  assert.deepEqual([b.diagnostics[0]!.span.line, b.diagnostics[0]!.span.column], [1, 17]);
  const c = parse('training_set t { spine s features v.x split time 2024-13-45, 2024-02-30 }');
  assert.deepEqual(c.diagnostics.map((d) => d.code), ['invalid-timestamp', 'invalid-timestamp']);
  const d = parse('features f on s by u { n = count() over 99999999999999w }');
  assert.equal(d.diagnostics[0]?.code, 'invalid-duration');
  const e = parse('source s {');
  assert.match(e.diagnostics[0]!.message, /found end of input/);
  assert.equal(e.diagnostics[0]!.span.line, 1);
  assert.ok(e.diagnostics[0]!.hint);
});

test('tokenize gives editors categories and offsets, comments included', () => {
  const toks = tokenize('features f on s by u { n = count() over 7d } # c');
  const cats = toks.map((t) => `${t.category}:${t.text}`);
  assert.deepEqual(cats.slice(0, 3), ['keyword:features', 'identifier:f', 'keyword:on']);
  assert.ok(cats.includes('duration:7d'));
  assert.equal(toks[toks.length - 1]!.category, 'comment');
  assert.equal(toks[1]!.from, 9);
});

test('parse never throws on random bytes', () => {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < 2000; i++) {
    const s = Array.from({ length: Math.floor(rand() * 120) }, () => String.fromCharCode(Math.floor(rand() * 0x80 + (rand() < 0.05 ? 0x2000 : 0)))).join('');
    const r = parse(s);
    for (const d of r.diagnostics) assert.ok(d.span.line >= 1 && d.span.column >= 1);
  }
});

test('the checked-in grammar docs are generated from the current grammar and self-hosted', () => {
  assert.equal(readFileSync(join(root, 'docs/grammar.md'), 'utf8'), grammarMarkdown());
  const html = readFileSync(join(root, 'docs/grammar.html'), 'utf8');
  assert.equal(html, grammarHtml());
  assert.doesNotMatch(html, /https?:\/\//);
});
