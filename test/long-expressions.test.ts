/**
 * Long and deep expressions: a chain of thousands of terms
 * is parsed, checked, compiled and run by DuckDB; nesting beyond the limits is a
 * diagnostic at the expression, never a stack overflow or an internal error.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, MAX_EXPRESSION_DEPTH } from '../src/lang/parse.js';
import { PAIRWISE_AFTER } from '../src/lang/to-ast.js';
import type { Expr, SourceDecl } from '../src/lang/ast.js';
import { NodeEngine, TempProject, build, toCsv, ts } from './helpers.js';

let engine: NodeEngine;
let tmp: TempProject;
before(async () => {
  engine = await NodeEngine.create({ threads: 2 });
  tmp = new TempProject();
  tmp.write('ev.csv', toCsv([{ user_id: 'u1', ts: ts('2024-01-01'), amount: 2 }, { user_id: 'u1', ts: ts('2024-01-02'), amount: 3 }]));
});
after(async () => {
  await engine.close();
  tmp.cleanup();
});

/** Depth and leaves (in order) of an expression tree, without recursion. */
function shape(e: Expr): { depth: number; leaves: string[]; ops: Set<string> } {
  let depth = 0;
  const leaves: string[] = [];
  const ops = new Set<string>();
  const stack: [Expr, number][] = [[e, 1]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    depth = Math.max(depth, d);
    if (x.type === 'binary') {
      ops.add(x.op);
      stack.push([x.right, d + 1], [x.left, d + 1]);
    } else leaves.push(x.type === 'column' ? x.name : x.type === 'literal' && x.value.kind === 'number' ? x.value.text : x.type);
  }
  return { depth, leaves, ops };
}

const where = (text: string) => {
  const { program, diagnostics } = parse(`source s { where ${text} }`);
  assert.deepEqual(diagnostics, []);
  return (program.decls[0] as SourceDecl).where!;
};

test('a chain of 10000 terms of one associative operator is grouped pairwise, its terms in order', () => {
  for (const op of ['+', '*', 'and', 'or']) {
    const names = Array.from({ length: 10000 }, (_, i) => `x${i}`);
    const e = where(names.join(` ${op} `));
    const s = shape(e);
    assert.deepEqual(s.leaves, names, op);
    assert.deepEqual([...s.ops], [op]);
    assert.equal(s.depth, 15, op); // ceil(log2(10000)) + 1
    assert.deepEqual([e.span.column, e.span.endColumn], [18, 17 + names.join(` ${op} `).length]);
  }
});

test('short chains stay left to right, as written', () => {
  const e = where(Array.from({ length: PAIRWISE_AFTER }, (_, i) => `x${i}`).join(' + '));
  assert.equal(shape(e).depth, PAIRWISE_AFTER);
  assert.ok(e.type === 'binary' && e.right.type === 'column' && e.right.name === `x${PAIRWISE_AFTER - 1}`);
  // Mixed operators are never regrouped: 1 - 2 + 3 is (1 - 2) + 3.
  const m = where(Array.from({ length: 200 }, (_, i) => (i % 2 ? '- x' : '+ x') + i).join(' ').slice(2));
  assert.equal(shape(m).depth, 200);
});

test('nesting deeper than the limit is a diagnostic at the expression, with the depth and the limit', () => {
  const chain = Array.from({ length: 300 }, () => 'amount').join(' - ');
  const text = `source s {\n  path "ev.csv"\n  timestamp ts\n  column x = ${chain}\n}\n`;
  const { program, diagnostics } = parse(text);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, `${d.span.line}:${d.span.column}`, d.message]),
    [['too-deeply-nested', '4:14', `expression nested too deeply: 300 levels of operators and calls (the limit is ${MAX_EXPRESSION_DEPTH})`]],
  );
  assert.match(diagnostics[0]!.hint!, /split it into several columns/);
  assert.deepEqual(program.decls, []);
  // Also for `/`, `*` mixed with `/`, and 20000 terms.
  for (const e of [
    Array.from({ length: 5000 }, () => 'x').join(' / '),
    Array.from({ length: 5000 }, (_, i) => (i === 0 ? '' : i % 2 ? ' * ' : ' / ') + `x${i}`).join(''),
    Array.from({ length: 20000 }, () => '1').join(' - '),
  ]) assert.deepEqual(parse(`source s { where ${e} }`).diagnostics.map((d) => [d.code, d.span.column]), [['too-deeply-nested', 18]]);
  // Just under the limit is fine.
  where(Array.from({ length: MAX_EXPRESSION_DEPTH - 1 }, () => 'x').join(' - ') + ' > 0');
});

test('10000-term chains check, compile and run in DuckDB', async () => {
  const plus = Array.from({ length: 10000 }, () => '1').join(' + ');
  const amounts = Array.from({ length: 10000 }, () => 'amount > 1').join(' and ');
  const fdl = `project p
source ev {
  path "ev.csv"
  timestamp ts
  column n = ${plus}
  column big = ${amounts}
  column any_big = ${Array.from({ length: 2000 }, (_, i) => `amount > ${i + 2}`).join(' or ')}
  column product = ${Array.from({ length: 2000 }, () => '1').join(' * ')} * amount
}
entity user { key user_id }
features f on ev by user {
  total = sum(n) over 30d
  bigs = count() over 30d where big
  any = count() over 30d where any_big
  p = max(product) over 30d
}
training_set t {
  spine ev
  features f.*
}
`;
  const r = await build(engine, tmp.dir, fdl, 't');
  assert.deepEqual(
    r.rows.map((x) => [x.f__total, x.f__bigs, x.f__any, x.f__p]),
    [
      [null, 0, 0, null],
      [10000, 1, 0, 2],
    ],
  );
});
