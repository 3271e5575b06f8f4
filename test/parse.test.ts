/**
 * The FDL front end up to the AST (grammar/tokens.ts, grammar/parser.ts,
 * src/lang/to-ast.ts, src/lang/parse.ts): lexical forms, names, precedence,
 * every declaration, error text and position, recovery, robustness on
 * random and mutated input, and the generated grammar docs.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from '../src/lang/parse.js';
import { tokenize } from '../grammar/tokens.js';
import { DIAGRAM_ASSETS, grammarHtml, grammarMarkdown } from '../grammar/generate-docs.js';
import type { Diagnostic } from '../src/lang/diagnostics.js';
import type { Decl, EntityDecl, Expr, FeaturesDecl, ModelDecl, MonitorDecl, Program, SourceDecl, Span, TrainingSetDecl } from '../src/lang/ast.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The example of DESIGN.md §2, verbatim: the contract the parser is held to. */
const DESIGN_EXAMPLE = `# Fraud detection
project fraud

source transactions {
  path "data/transactions.parquet"     # file or glob; csv, parquet, json; relative to this file
  timestamp ts                         # event time (required)
  available ingested_at                # optional: when the row became known; default = timestamp
  column amount_usd = amount * fx_rate # derived row-level column
  where status != 'test'               # optional row filter
}

source labels {
  path "data/labels.csv"
  timestamp label_ts
}

entity user { key user_id }
entity merchant { key merchant_id }

features user_spend on transactions by user {
  txn_count_1h  = count() over 1h
  spend_7d      = sum(amount_usd) over 7d
  avg_spend_30d = avg(amount_usd) over 30d where approved
  merchants_30d = count_distinct(merchant_id) over 30d
  last_country  = last(country)
  spend_ratio   = spend_7d / avg_spend_30d      # derived from this block's features
  ttl 90d
  refresh every 1d delay 2h
  description "Spending behaviour of the card holder"
  owner "risk-team"
}

features merchant_risk on transactions by merchant {
  chargebacks_90d = count() over 90d where is_chargeback
}

training_set fraud_train {
  spine labels                          # one output row per spine row, in spine order
  label is_fraud
  features user_spend.*, merchant_risk.chargebacks_90d
  split time 2024-05-01, 2024-06-01     # train < 2024-05-01 <= validation < 2024-06-01 <= test
}

model fraud_lr {
  fit logistic on fraud_train           # built-in trainer, writes ONNX; or: onnx "models/fraud.onnx"
  inputs user_spend.spend_7d, user_spend.txn_count_1h, merchant_risk.chargebacks_90d
}

monitor fraud_drift {
  reference fraud_train                 # its train split is the reference distribution
  features user_spend.*
  every 1d
  psi warn 0.1 alert 0.25 sustained 3
  ks alert 0.2
}
`;

// ---------------------------------------------------------------- helpers

/** A compact rendering of an expression: binary operations fully parenthesized. */
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
      switch (e.value.kind) {
        case 'string':
          return JSON.stringify(e.value.value);
        case 'bool':
          return String(e.value.value);
        case 'null':
          return 'null';
        default:
          return e.value.text;
      }
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

/** Parses and asserts there are no diagnostics. */
function ok(text: string): Program {
  const { program, diagnostics } = parse(text);
  assert.deepEqual(diagnostics.map((d) => `${d.span.line}:${d.span.column} ${d.message}`), [], `diagnostics for:\n${text}`);
  return program;
}

/** The `where` expression of a one-line source. */
function expr(src: string): Expr {
  return (ok(`source s { where ${src} }`).decls[0] as SourceDecl).where!;
}

const where = (src: string) => show(expr(src));

function decl<K extends Decl['kind']>(p: Program, kind: K, name: string): Extract<Decl, { kind: K }> {
  const d = p.decls.find((x) => x.kind === kind && x.name.name === name);
  assert.ok(d, `${kind} ${name}`);
  return d as Extract<Decl, { kind: K }>;
}

/** The source text a span covers (end inclusive). */
const textOf = (text: string, s: Span) => text.slice(s.startOffset, s.endOffset + 1);

/** Offsets where each line starts, for the last text asked about (the fuzz tests ask many times about one text). */
let lineStarts: { text: string; starts: number[] } = { text: '', starts: [0] };

/** Line and column of an offset, computed independently of the parser. */
function lineCol(text: string, offset: number): [number, number] {
  if (lineStarts.text !== text) lineStarts = { text, starts: [0, ...[...text.matchAll(/\r\n|\r|\n/g)].map((m) => m.index! + m[0].length)] };
  const { starts } = lineStarts;
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return [line + 1, offset - starts[line]! + 1];
}

/** A span is well formed and its line/column agree with its offsets. */
function assertSpan(text: string, s: Span, what: string): void {
  assert.ok(s.line >= 1 && s.column >= 1 && s.endLine >= s.line, `${what}: ${JSON.stringify(s)}`);
  assert.ok(s.startOffset >= 0 && s.endOffset >= s.startOffset && s.startOffset <= text.length, `${what}: ${JSON.stringify(s)}`);
  assert.deepEqual([s.line, s.column], lineCol(text, s.startOffset), `${what} start`);
}

/** Visits every object with a `span` in the AST. */
function eachSpan(node: unknown, f: (s: Span, path: string) => void, path = 'program'): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((x, i) => eachSpan(x, f, `${path}[${i}]`));
  const o = node as Record<string, unknown>;
  if (o.span) f(o.span as Span, path);
  for (const [k, v] of Object.entries(o)) if (k !== 'span') eachSpan(v, f, `${path}.${k}`);
}

const where1 = (d: Diagnostic) => `${d.span.line}:${d.span.column}`;

// ---------------------------------------------------------------- the DESIGN example

test('the DESIGN example parses without diagnostics into the expected AST', () => {
  const p = ok(DESIGN_EXAMPLE);
  assert.equal(p.project?.name, 'fraud');
  assert.deepEqual(
    p.decls.map((d) => `${d.kind} ${d.name.name}`),
    ['source transactions', 'source labels', 'entity user', 'entity merchant', 'features user_spend', 'features merchant_risk', 'trainingSet fraud_train', 'model fraud_lr', 'monitor fraud_drift'],
  );

  const tx = decl(p, 'source', 'transactions');
  assert.equal(tx.path?.value, 'data/transactions.parquet');
  assert.equal(tx.timestamp?.name, 'ts');
  assert.equal(tx.available?.name, 'ingested_at');
  assert.equal(tx.format, undefined);
  assert.deepEqual(tx.columns.map((c) => `${c.name.name} = ${show(c.expr)}`), ['amount_usd = (amount * fx_rate)']);
  assert.equal(show(tx.where!), '(status != "test")');
  assert.equal(decl(p, 'source', 'labels').timestamp?.name, 'label_ts');
  assert.deepEqual(decl(p, 'entity', 'user').keys.map((k) => k.name), ['user_id']);

  const us = decl(p, 'features', 'user_spend');
  assert.deepEqual([us.source.name, us.entity.name], ['transactions', 'user']);
  assert.deepEqual(
    us.features.map((f) => [f.name.name, show(f.expr), f.over?.ms, f.where && show(f.where)]),
    [
      ['txn_count_1h', 'count()', 3_600_000, undefined],
      ['spend_7d', 'sum(amount_usd)', 7 * 86_400_000, undefined],
      ['avg_spend_30d', 'avg(amount_usd)', 30 * 86_400_000, 'approved'],
      ['merchants_30d', 'count_distinct(merchant_id)', 30 * 86_400_000, undefined],
      ['last_country', 'last(country)', undefined, undefined],
      ['spend_ratio', '(spend_7d / avg_spend_30d)', undefined, undefined],
    ],
  );
  assert.deepEqual([us.ttl?.text, us.ttl?.ms], ['90d', 90 * 86_400_000]);
  assert.deepEqual([us.refresh?.every.ms, us.refresh?.delay?.ms], [86_400_000, 7_200_000]);
  assert.equal(us.description?.value, 'Spending behaviour of the card holder');
  assert.equal(us.owner?.value, 'risk-team');
  assert.equal(us.tags, undefined);
  const mr = decl(p, 'features', 'merchant_risk');
  assert.equal(show(mr.features[0]!.where!), 'is_chargeback');

  const ts = decl(p, 'trainingSet', 'fraud_train');
  assert.equal(ts.spine?.name, 'labels');
  assert.deepEqual(ts.labels.map((l) => l.name), ['is_fraud']);
  assert.deepEqual(ts.features.map((s) => `${s.view.name}.${s.feature?.name ?? '*'}`), ['user_spend.*', 'merchant_risk.chargebacks_90d']);
  assert.deepEqual([ts.split?.train.ms, ts.split?.test.ms], [Date.UTC(2024, 4, 1), Date.UTC(2024, 5, 1)]);
  assert.deepEqual([ts.split?.train.text, ts.split?.test.text], ['2024-05-01', '2024-06-01']);

  const m = decl(p, 'model', 'fraud_lr');
  assert.deepEqual([m.fit?.algorithm.name, m.fit?.trainingSet.name, m.onnx], ['logistic', 'fraud_train', undefined]);
  assert.deepEqual(m.inputs.map((s) => `${s.view.name}.${s.feature?.name}`), ['user_spend.spend_7d', 'user_spend.txn_count_1h', 'merchant_risk.chargebacks_90d']);

  const mon = decl(p, 'monitor', 'fraud_drift');
  assert.equal(mon.reference?.name, 'fraud_train');
  assert.deepEqual(mon.features.map((s) => [s.view.name, s.feature]), [['user_spend', undefined]]);
  assert.equal(mon.every?.ms, 86_400_000);
  assert.equal(mon.bins, undefined);
  assert.deepEqual(
    mon.thresholds.map((t) => [t.metric.name, t.warn?.value, t.alert?.value, t.sustained?.value]),
    [
      ['psi', 0.1, 0.25, 3],
      ['ks', undefined, 0.2, undefined],
    ],
  );
});

test('spans point at the text they came from', () => {
  const text = DESIGN_EXAMPLE;
  const p = ok(text);
  let count = 0;
  eachSpan(p, (s, path) => {
    assertSpan(text, s, path);
    count++;
  });
  assert.ok(count > 100, `${count} spans`);
  // Names cover exactly their text.
  eachSpan(p, () => undefined);
  for (const d of p.decls) assert.equal(textOf(text, d.name.span), d.name.name);
  // A declaration spans from its keyword to its closing brace.
  const tx = decl(p, 'source', 'transactions');
  assert.ok(textOf(text, tx.span).startsWith('source transactions {'));
  assert.ok(textOf(text, tx.span).endsWith('}'));
  assert.deepEqual([tx.span.line, tx.span.column, tx.span.endLine, tx.span.endColumn], [4, 1, 10, 1]);
  // A feature spans its whole line, `over` and `where` included; an expression just itself.
  const avg = decl(p, 'features', 'user_spend').features[2]!;
  assert.equal(textOf(text, avg.span), 'avg_spend_30d = avg(amount_usd) over 30d where approved');
  assert.equal(textOf(text, avg.expr.span), 'avg(amount_usd)');
  assert.deepEqual([avg.name.span.line, avg.name.span.column, avg.name.span.endColumn], [23, 3, 15]);
  assert.equal(textOf(text, decl(p, 'features', 'user_spend').refresh!.span), 'refresh every 1d delay 2h');
  assert.equal(textOf(text, decl(p, 'source', 'transactions').columns[0]!.span), 'column amount_usd = amount * fx_rate');
  assert.equal(textOf(text, decl(p, 'trainingSet', 'fraud_train').split!.span), 'split time 2024-05-01, 2024-06-01');
  assert.equal(textOf(text, decl(p, 'trainingSet', 'fraud_train').features[0]!.span), 'user_spend.*');
  assert.equal(textOf(text, decl(p, 'monitor', 'fraud_drift').thresholds[0]!.span), 'psi warn 0.1 alert 0.25 sustained 3');
  assert.equal(textOf(text, decl(p, 'model', 'fraud_lr').fit!.span), 'fit logistic on fraud_train');
  const product = expr('(a + b) * c');
  assert.ok(product.type === 'binary');
  assert.equal(textOf('source s { where (a + b) * c }', product.span), '(a + b) * c');
  assert.equal(textOf('source s { where (a + b) * c }', product.left.span), '(a + b)');
});

// ---------------------------------------------------------------- lexical forms

test('durations: every unit, converted to milliseconds', () => {
  const units: [string, number][] = [['30s', 30_000], ['15m', 900_000], ['1h', 3_600_000], ['7d', 604_800_000], ['4w', 4 * 604_800_000], ['0d', 0]];
  for (const [text, ms] of units) {
    const e = expr(`x < ${text}`);
    assert.ok(e.type === 'binary' && e.right.type === 'literal');
    assert.deepEqual(e.right.value, { kind: 'duration', text, ms }, text);
  }
  // 0d is lexically valid (the checker rejects a zero window).
  const f = ok('features f on s by u { n = count() over 0d }').decls[0] as FeaturesDecl;
  assert.equal(f.features[0]!.over?.ms, 0);
});

test('timestamps: dates and UTC date-times, converted to epoch milliseconds', () => {
  const cases: [string, number][] = [
    ['2024-05-01', Date.UTC(2024, 4, 1)],
    ['2024-05-01T12:30', Date.UTC(2024, 4, 1, 12, 30)],
    ['2024-05-01T12:30:00Z', Date.UTC(2024, 4, 1, 12, 30)],
    ['2024-05-01T12:30:15', Date.UTC(2024, 4, 1, 12, 30, 15)],
    ['2024-05-01T12:30:15.250Z', Date.UTC(2024, 4, 1, 12, 30, 15, 250)],
    ['2024-02-29', Date.UTC(2024, 1, 29)],
    ['1970-01-01', 0],
  ];
  for (const [text, ms] of cases) {
    const e = expr(`t >= ${text}`);
    assert.ok(e.type === 'binary' && e.right.type === 'literal');
    assert.deepEqual(e.right.value, { kind: 'timestamp', text, ms }, text);
  }
  for (const bad of ['2024-13-45', '2024-02-30', '2023-02-29', '2024-00-10', '2024-05-01T24:00', '2024-05-01T12:60:00Z', '2024-05-01T12:00:61']) {
    const { diagnostics } = parse(`training_set t { split time ${bad}, 2025-01-01 }`);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.message, where1(d)]), [['invalid-timestamp', `invalid timestamp '${bad}'`, '1:29']], bad);
  }
});

test('numbers, strings, booleans and null', () => {
  assert.equal(where('x in (3, 0.25, 1e-3, 1.5E+2, .5)'), '(x in [3, 0.25, 1e-3, 1.5E+2, .5])');
  const e = expr('x in (3, 0.25, 1e-3, 1.5E+2, .5)');
  assert.ok(e.type === 'in');
  assert.deepEqual(e.list.map((x) => (x.type === 'literal' && x.value.kind === 'number' ? x.value.value : NaN)), [3, 0.25, 0.001, 150, 0.5]);
  assert.equal(where(`a = 'it\\'s' or b = "say \\"hi\\"" or c = 'back\\\\slash' or d = "tab\\tnew\\nline" or e = '#not a comment'`),
    `(((((a = "it's") or (b = "say \\"hi\\"")) or (c = "back\\\\slash")) or (d = "tab\\tnew\\nline")) or (e = "#not a comment"))`);
  assert.equal(where('a = true and b != false or c is null'), '(((a = true) and (b != false)) or (c is null))');
  assert.equal(where('x = -3'), '(x = -3)');
});

test('bad numbers and durations get their own diagnostic, not a cascade of syntax errors', () => {
  const cases: [string, string, string][] = [
    ['features f on s by u { n = sum(x) over 7days }', 'invalid-duration', "invalid duration '7days'"],
    ['features f on s by u { n = sum(x) over 1.5h }', 'invalid-duration', "invalid duration '1.5h'"],
    ['features f on s by u { n = sum(x) over 99999999999999w }', 'invalid-duration', "invalid duration '99999999999999w'"],
    ['source s { where x > 3x }', 'invalid-duration', "invalid duration '3x'"],
    ['source s { where x > 1e5x }', 'invalid-number', "invalid number '1e5x'"],
    ['source s { where x > 1e999 }', 'invalid-number', "invalid number '1e999'"],
    ['monitor m { bins 10x }', 'invalid-number', "invalid number '10x'"],
  ];
  for (const [text, code, message] of cases) {
    const { diagnostics } = parse(text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.message]), [[code, message]], text);
    assert.equal(textOf(text, diagnostics[0]!.span), message.split("'")[1]);
  }
});

test('comments, back-quoted names and whitespace', () => {
  const text = "# leading comment\r\nproject p # trailing\r\nsource `my source` {\tpath 'a b.csv' # no separators needed\n timestamp `event time` column `order id` = `and` }";
  const p = ok(text);
  assert.equal(p.project?.name, 'p');
  const s = p.decls[0] as SourceDecl;
  assert.equal(s.name.name, 'my source');
  assert.equal(textOf(text, s.name.span), '`my source`');
  assert.deepEqual([s.name.span.line, s.name.span.column], [3, 8]);
  assert.equal(s.timestamp?.name, 'event time');
  assert.equal(s.columns[0]!.name.name, 'order id');
  assert.equal(show(s.columns[0]!.expr), 'and');
});

test('keywords are names wherever a name is expected; expression words are reserved', () => {
  const p = ok(`
source source { path "x.csv" timestamp time  column count = key + last  where owner = 'x' }
entity key { key key, source, count }
features ttl on source by key {
  ttl = count() over 1d
  owner = last(owner)
  description = ttl / owner
  over = sum(path) over 1d where features
  where = max(where)
  ttl 2d
  owner "me"
  tags "a", "b"
}
training_set label { spine source label label, features features ttl.ttl, key.* }
model model { fit logistic on label inputs ttl.owner }
monitor monitor { reference label features ttl.over every 1d null_rate alert 0.1 mean_shift warn 2 }`);
  const s = decl(p, 'source', 'source');
  assert.equal(s.timestamp?.name, 'time');
  assert.equal(show(s.columns[0]!.expr), '(key + last)');
  assert.deepEqual(decl(p, 'entity', 'key').keys.map((k) => k.name), ['key', 'source', 'count']);
  const f = decl(p, 'features', 'ttl');
  assert.deepEqual([f.source.name, f.entity.name], ['source', 'key']);
  assert.deepEqual(f.features.map((x) => `${x.name.name} = ${show(x.expr)}${x.over ? ' over ' + x.over.text : ''}${x.where ? ' where ' + show(x.where) : ''}`), [
    'ttl = count() over 1d',
    'owner = last(owner)',
    'description = (ttl / owner)',
    'over = sum(path) over 1d where features',
    'where = max(where)',
  ]);
  assert.deepEqual([f.ttl?.text, f.owner?.value, f.tags?.map((t) => t.value)], ['2d', 'me', ['a', 'b']]);
  const t = decl(p, 'trainingSet', 'label');
  assert.deepEqual([t.spine?.name, t.labels.map((l) => l.name)], ['source', ['label', 'features']]);
  assert.deepEqual(t.features.map((x) => `${x.view.name}.${x.feature?.name ?? '*'}`), ['ttl.ttl', 'key.*']);
  assert.deepEqual(decl(p, 'monitor', 'monitor').thresholds.map((x) => [x.metric.name, x.warn?.value, x.alert?.value]), [
    ['null_rate', undefined, 0.1],
    ['mean_shift', 2, undefined],
  ]);
  for (const word of ['and', 'or', 'not', 'in', 'is', 'true', 'false', 'null']) {
    assert.ok(parse(`entity e { key ${word} }`).diagnostics.length > 0, word);
    ok(`entity e { key \`${word}\` }`);
  }
});

// ---------------------------------------------------------------- expressions

test('operator precedence, from or (loosest) to unary minus (tightest)', () => {
  assert.equal(where('a or b and c'), '(a or (b and c))');
  assert.equal(where('a and b or c'), '((a and b) or c)');
  assert.equal(where('not a and b'), '((not a) and b)');
  assert.equal(where('not a = b'), '(not (a = b))');
  assert.equal(where('not not a'), '(not (not a))');
  assert.equal(where('a + 1 > b * 2'), '((a + 1) > (b * 2))');
  assert.equal(where('a + b * c - d'), '((a + (b * c)) - d)');
  assert.equal(where('a * b % c / d'), '(((a * b) % c) / d)');
  assert.equal(where('-a * -b'), '((- a) * (- b))');
  assert.equal(where('- -a'), '(- (- a))');
  assert.equal(where('-(a + b)'), '(- (a + b))');
  assert.equal(where('(a + b) * c'), '((a + b) * c)');
  assert.equal(where('a - b - c'), '((a - b) - c)');
  assert.equal(where('a / b / c'), '((a / b) / c)');
  assert.equal(where('a or b or c'), '((a or b) or c)');
  assert.equal(where('a and b and c'), '((a and b) and c)');
  for (const op of ['=', '!=', '<', '<=', '>', '>=']) assert.equal(where(`a + 1 ${op} 2`), `((a + 1) ${op} 2)`);
  assert.equal(where('x + 1 in (1, 2 + 3) and y not in (4)'), '(((x + 1) in [1, (2 + 3)]) and (y not in [4]))');
  assert.equal(where('x is null or y is not null and not z is null'), '((x is null) or ((y is not null) and (not (z is null))))');
  assert.equal(where('if(a > 1, v.f, coalesce(b, 0)) % 2'), '(if((a > 1), v.f, coalesce(b, 0)) % 2)');
  assert.equal(where('count() + count(x) + greatest(a, b, c)'), '((count() + count(x)) + greatest(a, b, c))');
  assert.equal(where('v.f + `my view`.`my feature`'), '(v.f + my view.my feature)');
});

test('expression node shapes', () => {
  const e = expr('if(x, 1, 2)');
  assert.equal(e.type, 'if');
  const call = expr('coalesce(a, 0)');
  assert.ok(call.type === 'call');
  assert.equal(call.callee.name, 'coalesce');
  assert.equal(call.args.length, 2);
  const ref = expr('view.feature');
  assert.ok(ref.type === 'featureRef');
  assert.deepEqual([ref.view.name, ref.feature.name], ['view', 'feature']);
  const isn = expr('a is not null');
  assert.ok(isn.type === 'isNull' && isn.negated);
  const inn = expr('a not in (1)');
  assert.ok(inn.type === 'in' && inn.negated);
  const neg = expr('-x');
  assert.ok(neg.type === 'unary' && neg.op === '-');
});

test('if() must have three arguments', () => {
  const { diagnostics } = parse('features f on s by u { a = if(x, 1) }');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.message, where1(d)]), [['wrong-arity', "'if' takes 3 arguments (condition, then, else) but was given 2", '1:28']]);
});

// ---------------------------------------------------------------- declarations

test('composite keys, repeated list clauses and every declaration kind', () => {
  const p = ok(`entity pair { key a, b, c description "three" }
model m { onnx "m.onnx" inputs v.x, v.y inputs w.* description "m" }
monitor d { reference t features v.* every 1d bins 20 psi warn 0.1 alert 0.3 sustained 2 ks alert 0.2 }
training_set t { label a, b label c features v.x features w.* description "t" }
source s { format parquet path "x" description "d" }
project p`);
  assert.equal(p.project?.name, 'p');
  assert.deepEqual((p.decls[0] as EntityDecl).keys.map((k) => k.name), ['a', 'b', 'c']);
  assert.equal((p.decls[0] as EntityDecl).description?.value, 'three');
  const m = p.decls[1] as ModelDecl;
  assert.deepEqual([m.onnx?.value, m.inputs.length, m.fit], ['m.onnx', 3, undefined]);
  const mon = p.decls[2] as MonitorDecl;
  assert.deepEqual([mon.bins?.value, mon.every?.text, mon.thresholds.length], [20, '1d', 2]);
  const t = p.decls[3] as TrainingSetDecl;
  assert.deepEqual(t.labels.map((l) => l.name), ['a', 'b', 'c']);
  assert.equal(t.features.length, 2);
  assert.equal((p.decls[4] as SourceDecl).format?.name, 'parquet');
});

test('a single-valued clause given twice is reported at the second one', () => {
  const cases: [string, string, string][] = [
    ['source s { path "a" path "b" }', "'path' is given more than once", '1:21'],
    ['source s { timestamp a description "x" timestamp b }', "'timestamp' is given more than once", '1:40'],
    ['entity e { key a key b }', "'key' is given more than once", '1:18'],
    ['entity e { description "a" description "b" }', "'description' is given more than once", '1:28'],
    ['features f on s by u { ttl 1d ttl 2d }', "'ttl' is given more than once", '1:31'],
    ['features f on s by u { refresh every 1d refresh every 2d }', "'refresh' is given more than once", '1:41'],
    ['features f on s by u { tags "a" tags "b" }', "'tags' is given more than once", '1:33'],
    ['training_set t { spine a spine b }', "'spine' is given more than once", '1:26'],
    ['training_set t { split time 2024-01-01, 2024-02-01 split time 2024-01-01, 2024-02-01 }', "'split' is given more than once", '1:52'],
    ['model m { onnx "a" onnx "b" }', "'onnx' is given more than once", '1:20'],
    ['monitor m { every 1d every 2d }', "'every' is given more than once", '1:22'],
    ['monitor m { psi warn 1 warn 2 }', "'warn' is given more than once", '1:24'],
    ['project a\nproject b', "'project' is given more than once", '2:1'],
  ];
  for (const [text, message, at] of cases) {
    const { program, diagnostics } = parse(text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.message, where1(d)]), [['duplicate-clause', message, at]], text);
    assert.ok(program.decls.length > 0 || program.project);
  }
  // The first one wins.
  assert.equal((parse('source s { path "a" path "b" }').program.decls[0] as SourceDecl).path?.value, 'a');
});

// ---------------------------------------------------------------- errors

/** [line:column, message] of each diagnostic. */
const errors = (text: string) => parse(text).diagnostics.map((d) => [where1(d), d.message]);

test('syntax errors say what was expected and what was found, where', () => {
  assert.deepEqual(errors('features f on s by u { n count() over 1h }'), [['1:26', "expected '=' but found 'count'"]]);
  assert.deepEqual(errors('features f on s by u { n = count() over 1h where }'), [['1:50', "expected an expression but found '}'"]]);
  assert.deepEqual(errors('features f on s by u {\n  n = count() over\n}'), [['3:1', "expected a duration but found '}'"]]);
  assert.deepEqual(errors('source transactions {\n  path "x.parquet"\n'), [['2:19', "expected '}' to close 'source transactions' but found end of input"]]);
  assert.deepEqual(errors('source a { path "x"\nentity u { key id }'), [['2:1', "expected '}' to close 'source a' but found 'entity'"]]);
  assert.deepEqual(errors('features v on s by u { n = count()\nmodel m { onnx "m" }'), [['2:1', "expected '}' to close 'features v' but found 'model'"]]);
  assert.deepEqual(errors('source a { path x }'), [['1:17', "expected a string but found 'x'"]]);
  assert.deepEqual(errors('entity u { key }'), [['1:16', "expected a name but found '}'"]]);
  assert.deepEqual(errors('training_set t { split time 2024-01-01 2024-02-01 }'), [['1:40', "expected ',' but found '2024-02-01'"]]);
  assert.deepEqual(errors('monitor m { psi }'), [['1:17', "expected 'warn', 'alert' or 'sustained' but found '}'"]]);
  assert.deepEqual(errors('model m { fit logistic t }'), [['1:24', "expected 'on' but found 't'"]]);
  assert.deepEqual(errors('features f s by u { }'), [['1:12', "expected 'on' but found 's'"]]);
  assert.deepEqual(errors('source a { where x in () }'), [['1:24', "expected an expression but found ')'"]]);
  assert.deepEqual(errors('source a { where (a + b }'), [['1:25', "expected ')' but found '}'"]]);
  assert.deepEqual(errors('source a { where a == b }'), [['1:21', "expected an expression but found '='"]]);
  assert.deepEqual(errors('source a { path "x" } }'), [['1:23', "expected a declaration (project, source, entity, features, training_set, model, monitor) but found '}'"]]);
  assert.deepEqual(errors('source a { where a < b < c }'), [
    ['1:24', "expected a source clause (path, format, timestamp, available, column, where, description) or '}' but found '<'"],
  ]);
  assert.deepEqual(errors('features f on s by u { n = sum(x) over 7d 3 }'), [
    ['1:43', "expected a feature ('name = expression') or a block clause (ttl, refresh, description, owner, tags) or '}' but found '3'"],
  ]);
  assert.deepEqual(errors(''), []);
  assert.deepEqual(errors('project'), [['1:8', 'expected a name but found end of input']]);
});

test('hints: did-you-mean for misspelt keywords, and how to fix common slips', () => {
  const hint = (text: string) => parse(text).diagnostics.map((d) => d.hint);
  assert.deepEqual(hint('sorce a { }'), ["did you mean 'source'?"]);
  assert.deepEqual(hint('source a { path "x" timestmap ts }'), ["did you mean 'timestamp'?"]);
  assert.deepEqual(hint('source a { where a == b }'), ["compare with a single '='"]);
  assert.deepEqual(hint('source a { where a <> b }'), ["write 'not equal' as '!='"]);
  assert.deepEqual(hint('source a { where a < b < c }'), ['comparisons do not chain: write a < b and b < c']);
  assert.match(hint('features f on s by u { n = sum(x) over 7 }')[0]!, /30s, 15m, 1h, 7d or 4w/);
  assert.match(hint('source a {')[0]!, /'\{' needs a matching '\}'/);
  assert.deepEqual(hint('entity u { key user_id merchant_id }'), ["separate the items of a list with ','"]);
  assert.deepEqual(hint('training_set t { features a.* c.d }'), ["separate the items of a list with ','"]);
  // Characters from other languages: one diagnostic each (no syntax error for the token after), with the FDL way.
  assert.deepEqual(errors('source s { where x = 1 && y }'), [['1:24', "unexpected character '&'"]]);
  assert.deepEqual(hint('source s { where x = 1 && y }'), ["write 'and'"]);
  assert.deepEqual(hint('source s { where x in [1, 2] }'), ['lists go in parentheses: x in (1, 2)', 'lists go in parentheses: x in (1, 2)']);
  assert.deepEqual(hint('features f on s by u { n = count(); m = sum(x) }'), ['FDL needs no separators: put each clause or feature on its own line']);
});

test('absurdly deep nesting is refused with a diagnostic, not a stack overflow', () => {
  ok(`source s { where ${'('.repeat(60)}x${')'.repeat(60)} and ${'- '.repeat(200)}y > 0 }`);
  for (const text of [
    `source s { where ${'('.repeat(300)}x${')'.repeat(300)} }`,
    `source s { where ${'- '.repeat(5000)}x }`,
    `source s { where ${'not '.repeat(5000)}x }`,
    `source s { where ${'- ('.repeat(2000)}`,
  ]) {
    const { diagnostics } = parse(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['too-deeply-nested']);
    assert.match(diagnostics[0]!.message, /^expression nested too deeply: (parentheses nested 65 deep \(the limit is 64\)|257 '-' or 'not' in a row \(the limit is 256\))$/);
    assertSpan(text, diagnostics[0]!.span, 'too deep');
  }
  // Long flat chains are fine: they are loops, not recursion.
  const chain = expr(Array.from({ length: 5000 }, (_, i) => `x${i}`).join(' + '));
  assert.equal(chain.type, 'binary');
});

test('lexer errors: unexpected characters and unterminated strings, at their position', () => {
  const a = parse('source s {\n  path "x.csv" timestamp t ~ \n}');
  assert.deepEqual(a.diagnostics.map((d) => [d.code, d.message, where1(d)]), [['unexpected-character', "unexpected character '~'", '2:28']]);
  assert.equal((a.program.decls[0] as SourceDecl).timestamp?.name, 't');
  const b = parse('source s { path "x.csv\n  timestamp t }');
  assert.deepEqual(b.diagnostics.map((d) => [d.code, d.message, where1(d)]), [['unterminated-string', 'unterminated string', '1:17']]);
  const s = b.program.decls[0] as SourceDecl;
  assert.deepEqual([s.path?.value, s.timestamp?.name], ['x.csv', 't']);
  const c = parse("entity e { key a } @@ entity f { description 'x }");
  assert.deepEqual(c.diagnostics.map((d) => [d.code, where1(d)]), [['unexpected-character', '1:20'], ['unterminated-string', '1:46'], ['syntax-error', '1:50']]);
  assert.equal(textOf("entity e { key a } @@ entity f { description 'x }", c.diagnostics[0]!.span), '@@');
});

test('recovery: three separate errors are all reported, and the rest of the file is kept', () => {
  const text = [
    'source a { path "x.csv" timestamp }', //                                   1: missing name
    'entity u { key user_id }',
    'features f on a by u {',
    '  n = count() over', //                                                     4: missing duration (found on line 5)
    '  m = sum(x) over 7d',
    '}',
    'training_set t { spine a features f.n split time 2024-01-01 }', //         7: missing second date
    'model m { fit logistic on t }',
  ].join('\n');
  const { program, diagnostics } = parse(text);
  assert.deepEqual(diagnostics.map((d) => [d.code, where1(d), d.message]), [
    ['syntax-error', '1:35', "expected a name but found '}'"],
    ['syntax-error', '5:3', "expected a duration but found 'm'"],
    ['syntax-error', '7:61', "expected ',' but found '}'"],
  ]);
  assert.deepEqual(program.decls.map((d) => `${d.kind} ${d.name.name}`), ['source a', 'entity u', 'features f', 'trainingSet t', 'model m']);
  assert.equal(decl(program, 'source', 'a').path?.value, 'x.csv');
  assert.deepEqual(decl(program, 'features', 'f').features.map((f) => f.name.name), ['n', 'm']);
  assert.equal(decl(program, 'features', 'f').features[1]!.over?.text, '7d');
  assert.equal(decl(program, 'trainingSet', 't').spine?.name, 'a');
});

test('recovery: unknown words inside a block and between declarations are skipped', () => {
  const text = 'garbage\nsource a { path "x" bogus 1 timestamp t }\njunk more\nentity u { key id }';
  const { program, diagnostics } = parse(text);
  assert.deepEqual(diagnostics.map(where1), ['1:1', '2:21', '3:1']);
  assert.equal(decl(program, 'source', 'a').timestamp?.name, 't');
  assert.deepEqual(decl(program, 'entity', 'u').keys.map((k) => k.name), ['id']);
});

test('a missing brace does not lose the next declaration', () => {
  const { program, diagnostics } = parse('source a path "x" timestamp t }\nentity u { key id');
  assert.deepEqual(diagnostics.map((d) => [where1(d), d.message]), [
    ['1:10', "expected '{' but found 'path'"],
    ['2:18', "expected '}' to close 'entity u' but found end of input"],
  ]);
  assert.equal(decl(program, 'source', 'a').timestamp?.name, 't');
  assert.deepEqual(decl(program, 'entity', 'u').keys.map((k) => k.name), ['id']);
});

// ---------------------------------------------------------------- tokens for editors

test('tokenize gives editors categories and offsets, comments included', () => {
  const text = "features f on s by u { ttl = count() over 7d  owner \"x\" } # done\nsource s { where t >= 2024-05-01 and x != 1.5 }";
  const toks = tokenize(text);
  for (const t of toks) assert.equal(text.slice(t.from, t.to), t.text);
  const cats = Object.fromEntries(toks.map((t) => [t.text, t.category]));
  assert.deepEqual(toks.slice(0, 3).map((t) => `${t.category}:${t.text}`), ['keyword:features', 'identifier:f', 'keyword:on']);
  assert.equal(toks[1]!.from, 9);
  assert.equal(toks[0]!.to, 8);
  assert.equal(cats['ttl'], 'identifier'); // a feature named ttl
  assert.equal(cats['count'], 'identifier');
  assert.equal(cats['owner'], 'keyword');
  assert.equal(cats['"x"'], 'string');
  assert.equal(cats['7d'], 'duration');
  assert.equal(cats['2024-05-01'], 'timestamp');
  assert.equal(cats['1.5'], 'number');
  assert.equal(cats['# done'], 'comment');
  assert.equal(cats['and'], 'keyword');
  assert.equal(cats['>='], 'operator');
  assert.equal(cats['!='], 'operator');
  assert.equal(cats['{'], 'punctuation');
  assert.equal(cats['('], 'punctuation');
  // Bad input still tokenizes: what the lexer rejects is left out.
  assert.deepEqual(tokenize('a ~ "open').map((t) => `${t.category}:${t.text}`), ['identifier:a', 'string:"open']);
});

// ---------------------------------------------------------------- robustness

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** parse() returns; every diagnostic and every AST span is well formed. */
function assertRobust(text: string): void {
  let r: ReturnType<typeof parse>;
  try {
    r = parse(text);
  } catch (e) {
    assert.fail(`parse threw on ${JSON.stringify(text)}: ${e}`);
  }
  for (const d of r.diagnostics) {
    assert.notEqual(d.code, 'internal-error', `${d.message} on ${JSON.stringify(text)}`);
    assert.ok(d.message && !/\n|\bat \w+ \(|undefined|NaN/.test(d.message), `message ${JSON.stringify(d.message)} on ${JSON.stringify(text)}`);
    assertSpan(text, d.span, `${d.code} on ${JSON.stringify(text)}`);
  }
  eachSpan(r.program, (s, path) => assertSpan(text, s, `${path} on ${JSON.stringify(text)}`));
}

test('parse never throws on mutations of the DESIGN example', () => {
  const rand = prng(2024);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const toks = tokenize(DESIGN_EXAMPLE);
  const pieces = [...toks.map((t) => t.text), '{', '}', '(', ')', '"', "'", '`', '#', '\n', '=', ',', '.', '*', '0d', '2024-13-45', '1.5h', 'if', 'not'];
  for (let i = 0; i < 1500; i++) {
    let text = DESIGN_EXAMPLE;
    const edits = 1 + Math.floor(rand() * 4);
    for (let e = 0; e < edits; e++) {
      const ts = tokenize(text);
      const t = ts.length ? pick(ts) : { from: 0, to: 0, text: '' };
      const at = Math.floor(rand() * (text.length + 1));
      switch (Math.floor(rand() * 7)) {
        case 0: // delete a token
          text = text.slice(0, t.from) + text.slice(t.to);
          break;
        case 1: // duplicate a token
          text = text.slice(0, t.to) + ' ' + t.text + text.slice(t.to);
          break;
        case 2: { // swap two tokens
          const u = pick(ts);
          const [a, b] = t.from < u.from ? [t, u] : [u, t];
          if (a.to <= b.from) text = text.slice(0, a.from) + b.text + text.slice(a.to, b.from) + a.text + text.slice(b.to);
          break;
        }
        case 3: // insert a token or piece somewhere
          text = text.slice(0, at) + pick(pieces) + text.slice(at);
          break;
        case 4: // delete a character
          text = text.slice(0, at) + text.slice(at + 1);
          break;
        case 5: // insert a random character
          text = text.slice(0, at) + String.fromCharCode(32 + Math.floor(rand() * 95)) + text.slice(at);
          break;
        case 6: // truncate
          text = text.slice(0, at);
          break;
      }
    }
    assertRobust(text);
  }
});

test('parse never throws on random strings', () => {
  const rand = prng(7);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz_0123456789 \n\t{}()[],.*+-/%<>=!#"\'`\\:;@$^&|~?TZe\r\u00e9\u2028\ud83d\ude00\u0000';
  for (let i = 0; i < 2000; i++) {
    const n = Math.floor(rand() * 80);
    let s = '';
    for (let j = 0; j < n; j++) s += rand() < 0.9 ? alphabet[Math.floor(rand() * alphabet.length)] : String.fromCharCode(Math.floor(rand() * 0x10000));
    assertRobust(s);
  }
  // Random token soup, which reaches deeper into the grammar than random characters do.
  const words = tokenize(DESIGN_EXAMPLE).map((t) => t.text);
  for (let i = 0; i < 1000; i++) assertRobust(Array.from({ length: Math.floor(rand() * 40) }, () => words[Math.floor(rand() * words.length)]).join(' '));
});

// ---------------------------------------------------------------- generated docs

test('the checked-in grammar docs are generated from the current grammar and self-hosted', () => {
  assert.equal(readFileSync(`${root}docs/grammar.md`, 'utf8'), grammarMarkdown(), 'docs/grammar.md is stale: run npx tsx grammar/generate-docs.ts');
  const html = readFileSync(`${root}docs/grammar.html`, 'utf8');
  assert.equal(html, grammarHtml(), 'docs/grammar.html is stale: run npx tsx grammar/generate-docs.ts');
  assert.doesNotMatch(html, /https?:\/\//);
  // Every script and stylesheet it loads is checked in next to it.
  const refs = [...html.matchAll(/(?:src|href)='([^']+)'/g)].map((m) => m[1]!);
  assert.deepEqual(refs.sort(), DIAGRAM_ASSETS.map((a) => `grammar/${a}`).sort());
  for (const ref of refs) assert.ok(existsSync(`${root}docs/${ref}`), ref);
  assert.match(readFileSync(`${root}docs/grammar.md`, 'utf8'), /\(grammar\.html\)/);
});
