/**
 * The checker: one test per kind of problem, asserting code, position and
 * hint (did-you-mean), with and without source schemas.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../src/lang/parse.js';
import { check, type SourceSchemas } from '../src/lang/check.js';
import type { Diagnostic } from '../src/lang/diagnostics.js';

const SCHEMAS: SourceSchemas = new Map([
  [
    'tx',
    [
      { name: 'user_id', type: 'VARCHAR' },
      { name: 'ts', type: 'TIMESTAMP' },
      { name: 'amount', type: 'DOUBLE' },
      { name: 'country', type: 'VARCHAR' },
      { name: 'ok', type: 'BOOLEAN' },
      { name: 'n', type: 'BIGINT' },
    ],
  ],
  [
    'labels',
    [
      { name: 'user_id', type: 'VARCHAR' },
      { name: 'label_ts', type: 'TIMESTAMP' },
      { name: 'y', type: 'INTEGER' },
    ],
  ],
]);

const HEAD = `project p
source tx { path "tx.parquet" timestamp ts }
source labels { path "labels.csv" timestamp label_ts }
entity user { key user_id }
`;

function diags(body: string, schemas: SourceSchemas | null = SCHEMAS): Diagnostic[] {
  const text = HEAD + body;
  const p = parse(text);
  assert.deepEqual(p.diagnostics, [], 'the test program must parse');
  return check(p.program, schemas ? { schemas } : {}).diagnostics;
}

/** The single error of `body`: its code, 1-based line within `body`, column, and hint. */
function one(body: string, schemas: SourceSchemas | null = SCHEMAS) {
  const ds = diags(body, schemas).filter((d) => d.severity === 'error');
  assert.equal(ds.length, 1, JSON.stringify(ds, null, 1));
  const d = ds[0]!;
  return { code: d.code, line: d.span.line - 4, column: d.span.column, hint: d.hint, message: d.message };
}

test('a correct program has no diagnostics', () => {
  assert.deepEqual(
    diags(`features f on tx by user {
  s = sum(amount) over 7d where ok and country in ('US', 'FR')
  c = count()
  r = s / c
}
training_set t { spine labels label y features f.* split time 2024-01-01, 2024-02-01 }`),
    [],
  );
});

test('unknown names, with did-you-mean', () => {
  const a = one(`features f on txs by user { c = count() }`);
  assert.deepEqual([a.code, a.line, a.column, a.hint], ['unknown-name', 1, 15, "did you mean 'tx'?"]);
  const b = one(`features f on tx by usr { c = count() }`);
  assert.deepEqual([b.code, b.column, b.hint], ['unknown-name', 21, "did you mean 'user'?"]);
  const c = one(`features f on tx by user { s = sum(amout) }`);
  assert.deepEqual([c.code, c.column, c.hint], ['unknown-column', 36, "did you mean 'amount'?"]);
  const d = one(`features f on tx by user { c = count() }\ntraining_set t { spine labels features f.cc }`);
  assert.deepEqual([d.code, d.line, d.hint], ['unknown-feature', 2, "did you mean 'c'?"]);
  const e = one(`features f on tx by user { c = cnt() }`);
  assert.deepEqual([e.code, e.hint], ['unknown-function', "did you mean 'count'?"]);
  assert.equal(one(`features f on tx by user { c = amount }`).code, 'aggregate-required');
  const f = one(`features f on tx by user { c = count()  d = lowr(c) }`);
  assert.deepEqual([f.code, f.hint], ['unknown-function', "did you mean 'lower'?"]);
  const g = one(`features f on tx by user { c = count() }\ntraining_set t { spine user features f.c }`);
  assert.deepEqual([g.code, g.hint], ['unknown-name', "'user' is an entity, not a source"]);
});

test('a reference to the wrong kind of declaration says what it is', () => {
  const ds = diags(`features f on user by user { c = count() }`).filter((d) => d.severity === 'error');
  assert.equal(ds[0]?.code, 'unknown-name');
  assert.equal(ds[0]!.hint, "'user' is an entity, not a source");
});

test('duplicate names', () => {
  const a = one(`entity user { key x }`);
  assert.deepEqual([a.code, a.message], ['duplicate-name', "duplicate declaration 'user' (first declared on line 4)"]);
  const b = one(`features f on tx by user { c = count()  c = sum(amount) }`);
  assert.equal(b.code, 'duplicate-name');
});

test('arity and aggregate/type mismatches', () => {
  assert.equal(one(`features f on tx by user { s = sum() }`).code, 'wrong-arity');
  assert.equal(one(`features f on tx by user { s = count(amount, n) }`).code, 'wrong-arity');
  assert.equal(one(`features f on tx by user { s = round(amount, 1, 2) }`).code, 'aggregate-required');
  const t = one(`features f on tx by user { s = sum(country) }`);
  assert.deepEqual([t.code, t.message], ['type-mismatch', 'sum() expects a number but got a string']);
  assert.equal(one(`features f on tx by user { s = avg(ok) }`).code, 'type-mismatch');
  assert.equal(one(`features f on tx by user { s = count() where amount }`).code, 'type-mismatch');
  const n = diags(`features f on tx by user { s = max(amount) + min(amount) }`).filter((d) => d.severity === 'error');
  assert.deepEqual(n.map((d) => d.code), ['nested-aggregate', 'nested-aggregate']);
  assert.equal(one(`features f on tx by user { c = count()  d = lower(c) }`).code, 'type-mismatch');
});

test('without schemas, names are checked but not columns', () => {
  assert.deepEqual(diags(`features f on tx by user { s = sum(whatever) }`, null), []);
  assert.equal(one(`features f on tx by user { s = sum(x)  r = s / t }`, null).code, 'unknown-name');
});

test('invalid durations, refresh and split', () => {
  assert.equal(one(`features f on tx by user { c = count() over 0d }`).code, 'zero-duration');
  assert.equal(one(`features f on tx by user { c = count() ttl 0h }`).code, 'zero-duration');
  const w = diags(`features f on tx by user { c = count() refresh every 1h delay 2h }`);
  assert.deepEqual(w.map((d) => [d.code, d.severity]), [['delay-too-long', 'warning']]);
  assert.equal(one(`features f on tx by user { c = count() }\ntraining_set t { spine labels features f.c split time 2024-02-01, 2024-01-01 }`).code, 'split-order');
});

test('cycles among derived features', () => {
  const ds = diags(`features f on tx by user { c = count()  a = b + c  b = a * 2 }`).filter((d) => d.severity === 'error');
  assert.deepEqual(ds.map((d) => d.code), ['cycle']);
  assert.match(ds[0]!.message, /a -> b -> a/);
  assert.equal(one(`features f on tx by user { a = a + 1 }`).code, 'cycle');
});

test('derived features may not mix in columns or other blocks', () => {
  assert.equal(one(`features f on tx by user { c = count()  d = c + amount }`).code, 'mixed-derived');
  assert.equal(one(`features f on tx by user { c = count() }\nfeatures g on tx by user { d = f.c + 1 }`).code, 'feature-ref-not-allowed');
  assert.equal(one(`features f on tx by user { c = count() over 1d  d = c * 2 over 7d }`).code, 'aggregate-in-derived');
});

test('keys missing from sources and spines', () => {
  const a = one(`entity acct { key account_id }\nfeatures f on tx by acct { c = count() }`);
  assert.deepEqual([a.code, a.line], ['key-missing', 2]);
  assert.match(a.message, /source 'tx' has no column 'account_id' \(key of entity 'acct'\)/);
  const schemas = new Map(SCHEMAS);
  schemas.set('labels', [{ name: 'uid', type: 'VARCHAR' }, { name: 'label_ts', type: 'TIMESTAMP' }]);
  const b = one(`features f on tx by user { c = count() }\ntraining_set t { spine labels features f.c }`, schemas);
  assert.deepEqual([b.code, b.line], ['key-missing', 2]);
  assert.match(b.message, /spine source 'labels' has no column 'user_id'/);
});

test('sources: required clauses, formats, time columns, derived column names', () => {
  const ds = check(parse(`project p\nsource s { path "x.txt" }`).program).diagnostics.map((d) => d.code);
  assert.deepEqual(ds.sort(), ['missing-clause', 'missing-clause']);
  assert.equal(one(`source bad { path "x.csv" timestamp ts format excel }`).code, 'unknown-format');
  const schemas = new Map(SCHEMAS);
  schemas.set('bad', [{ name: 'ts', type: 'INTEGER' }]);
  assert.equal(one(`source bad { path "x.csv" timestamp ts }`, schemas).code, 'bad-timestamp-column');
  assert.equal(one(`source bad { path "x.csv" timestamp ts column ts = 1 }`, new Map([...SCHEMAS, ['bad', [{ name: 'ts', type: 'TIMESTAMP' }]]])).code, 'duplicate-name');
});

test('models and monitors', () => {
  const base = `features f on tx by user { c = count()  s = sum(amount) }\ntraining_set t { spine labels label y features f.c }\n`;
  assert.equal(one(base + `model m { fit logistic on t inputs f.s }`).code, 'input-not-in-set');
  assert.equal(one(base + `model m { fit xgboost on t inputs f.c }`).code, 'unknown-algorithm');
  assert.equal(one(base + `model m { inputs f.c }`).code, 'model-source');
  assert.deepEqual(diags(base + `model m { fit logistic on t inputs f.c }`), []);
  assert.equal(one(base + `monitor d { reference t features f.* pis warn 0.1 }`).code, 'unknown-metric');
  assert.equal(one(base + `monitor d { reference t features f.* psi warn 0.3 alert 0.2 }`).code, 'type-mismatch');
  assert.deepEqual(diags(base + `monitor d { reference t features f.* every 1d psi warn 0.1 alert 0.25 sustained 3 ks alert 0.2 }`), []);
});

test('a missing project line is a warning, not an error', () => {
  const p = parse(`source s { path "x.csv" timestamp t }`);
  const ds = check(p.program).diagnostics;
  assert.deepEqual(ds.map((d) => [d.code, d.severity]), [['missing-project', 'warning']]);
});
