/**
 * The reference implementation itself, on the hand-worked example of
 * DESIGN §3 (notes/semantics-worked-example.md): it must agree with the
 * hand-computed table before it can judge the compiler.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../src/lang/parse.js';
import { referenceTrainingSet } from './pit-reference.js';

const d = (s: string) => new Date(s + 'Z');

test('the reference reproduces the hand-worked example', () => {
  const { program, diagnostics } = parse(`project worked
source ev { path "ev.csv" timestamp ts available avail }
source spine { path "spine.csv" timestamp t }
entity user { key user_id }
features f on ev by user {
  n_all    = count()
  s_2d     = sum(amount) over 2d
  last_cat = last(cat)
  n_amt_7d = count(amount) over 7d
}
features r on ev by user {
  r_n_7d = count() over 7d
  refresh every 1d delay 2h
}
training_set s { spine spine features f.*, r.r_n_7d }`);
  assert.deepEqual(diagnostics, []);
  const ev = [
    ['2024-01-01T00:00', '2024-01-01T00:00', 10, 'a'],
    ['2024-01-02T00:00', '2024-01-02T00:00', 20, 'b'],
    ['2024-01-02T00:00', '2024-01-02T00:00', 5, 'a'],
    ['2024-01-03T00:00', '2024-01-05T00:00', 100, 'c'],
    ['2024-01-06T00:00', '2024-01-06T00:00', null, 'b'],
  ].map(([ts, avail, amount, cat]) => ({ user_id: 'u1', ts: d(ts as string), avail: d(avail as string), amount: amount as number | null, cat: cat as string }));
  const spine = ['2024-01-02T00:00', '2024-01-04T00:00', '2024-01-05T12:00', '2024-01-09T00:00'].map((t) => ({ user_id: 'u1', t: d(t) }));
  const out = referenceTrainingSet(program, 's', { ev, spine });
  assert.deepEqual(out.columns, ['user_id', 't', 'f__n_all', 'f__s_2d', 'f__last_cat', 'f__n_amt_7d', 'r__r_n_7d']);
  assert.deepEqual(
    out.rows.map((r) => [r.f__n_all, r.f__s_2d, r.f__last_cat, r.f__n_amt_7d, r.r__r_n_7d]),
    [
      [1, 10, 'a', 1, 0],
      [3, 25, 'b', 3, 3],
      [4, null, 'c', 4, 3],
      [5, null, 'b', 3, 5],
    ],
  );
});
