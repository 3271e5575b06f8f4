/** Completion candidates by context (src/editor/complete.ts), without an editor. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completionsAt, keywords } from '../../src/editor/complete.js';

const schemas = new Map([['tx', [{ name: 'user_id', type: 'VARCHAR' }, { name: 'amount', type: 'DOUBLE' }, { name: 'ts', type: 'TIMESTAMP' }]]]);
const program = `source tx {
  path "tx.parquet"
  timestamp ts
}
entity user { key user_id }
features spend on tx by user {
  total_7d = sum(amount) over 7d
  n_7d = count() over 7d
  ratio = total_7d / n_7d
}
training_set t {
  spine tx
  features spend.
}
`;
const at = (marker: string, extra = 0) => program.indexOf(marker) + marker.length + extra;
const labels = (text: string, offset: number) => completionsAt(text, offset, { schemas }).items.map((i) => i.label);

test('after view. : that block\'s features and *', () => {
  const r = completionsAt(program, at('features spend.'), { schemas });
  assert.deepEqual(r.items.map((i) => i.label).sort(), ['*', 'n_7d', 'ratio', 'total_7d']);
  assert.equal(r.from, at('features spend.'));
});

test('inside a features block: the source\'s columns, aggregates, functions, sibling features', () => {
  const text = program.replace('  n_7d = count() over 7d', '  n_7d = count() over 7d\n  m = avg(am');
  const offset = text.indexOf('avg(am') + 'avg(am'.length;
  const r = completionsAt(text, offset, { schemas });
  assert.equal(r.from, offset - 2);
  const l = r.items.map((i) => i.label);
  for (const x of ['amount', 'user_id', 'sum', 'count_distinct', 'round', 'total_7d', 'over', 'where']) assert.ok(l.includes(x), x);
  assert.equal(r.items.find((i) => i.label === 'amount')?.detail, 'tx · DOUBLE');
});

test('at the top level: declaration keywords and declared names', () => {
  const text = program + '\nfe';
  const l = labels(text, text.length);
  for (const k of ['source', 'entity', 'features', 'training_set', 'model', 'monitor']) assert.ok(l.includes(k), k);
  assert.ok(l.includes('spend') && l.includes('tx'));
});

test('inside a training set: blocks and sources come first', () => {
  const text = program.replace('  features spend.', '  features sp');
  const r = completionsAt(text, text.lastIndexOf('features sp') + 'features sp'.length, { schemas });
  const first = r.items.filter((i) => (i.boost ?? 0) >= 1).map((i) => i.label);
  assert.ok(first.includes('spend') && first.includes('tx'));
});

test('nothing inside comments or strings', () => {
  const text = '# a comment about amo';
  assert.deepEqual(labels(text, text.length), []);
  const s = 'source s {\n  path "da';
  assert.deepEqual(labels(s, s.length), []);
});

test('the keyword list is the lexer\'s', () => {
  for (const k of ['project', 'source', 'over', 'training_set', 'and', 'null']) assert.ok(keywords.includes(k), k);
});

test('a half-typed block that does not parse still gets its source\'s columns', () => {
  const text = 'source tx {\n  path "tx.parquet"\n  timestamp ts\n}\nfeatures f on tx by user {\n  x = sum(am';
  const r = completionsAt(text, text.length, { schemas });
  assert.ok(r.items.some((i) => i.label === 'amount' && i.type === 'column'));
  const inSource = 'source tx {\n  path "tx.parquet"\n  column y = am';
  assert.ok(completionsAt(inSource, inSource.length, { schemas }).items.some((i) => i.label === 'amount'));
});

test('nothing inside a number or a duration', () => {
  const text = program.replace('  ratio = total_7d / n_7d', '  txn_7d = count() over 7d');
  const end = text.indexOf('over 7d') + 'over 7d'.length;
  assert.deepEqual(labels(text, end), [], 'after 7d');
  assert.deepEqual(labels(text, end - 1), [], 'after 7');
  const sci = program.replace('  ratio = total_7d / n_7d', '  big = amount > 1.5e');
  assert.deepEqual(labels(sci, sci.indexOf('1.5e') + 4), [], 'inside 1.5e');
  // Names that contain digits still complete.
  const named = program.replace('  ratio = total_7d / n_7d', '  r = total_7');
  assert.ok(labels(named, named.lastIndexOf('total_7') + 'total_7'.length).includes('total_7d'));
});
