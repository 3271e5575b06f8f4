/**
 * The plan's IR: span-free, typed, resolved expressions; plain JSON that
 * compiles to the same SQL after a round trip through text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../src/lang/check.js';
import { parse } from '../src/lang/parse.js';
import { PLAN_VERSION, planProject, type PlanExpr } from '../src/compile/plan.js';
import { compileObjects } from '../src/compile/emit-sql.js';

const root = new URL('..', import.meta.url).pathname;

function planOf(fdl: string, schemas?: Map<string, { name: string; type: string }[]>) {
  const { program, diagnostics } = parse(fdl);
  assert.deepEqual(diagnostics, []);
  const c = check(program, schemas ? { schemas } : {});
  assert.deepEqual(c.diagnostics.filter((d) => d.severity === 'error'), []);
  return planProject(program, c, { baseDir: '/data' });
}

test('the example plan is span-free JSON that compiles to the same SQL after a round trip', () => {
  const plan = planOf(readFileSync(join(root, 'examples/fraud/fraud.fdl'), 'utf8'));
  assert.equal(plan.planVersion, PLAN_VERSION);
  const text = JSON.stringify(plan);
  assert.doesNotMatch(text, /"span"|"startOffset"|"callee"/);
  const back = JSON.parse(text);
  assert.deepEqual(back, plan);
  assert.deepEqual(compileObjects(back, { asOf: 0 }), compileObjects(plan, { asOf: 0 }));
});

test('expressions are lowered to typed, resolved nodes', () => {
  const schemas = new Map([['ev', [{ name: 'user_id', type: 'VARCHAR' }, { name: 'ts', type: 'TIMESTAMP' }, { name: 'amount', type: 'BIGINT' }, { name: 'cat', type: 'VARCHAR' }]]]);
  const plan = planOf(
    `project p
source ev {
  path "ev.csv" timestamp ts
  column big = round(amount * 1.5, 2)
  column late = ts + 2h
  where cat in ('a', 'b') and amount is not null
}
entity user { key user_id }
features f on ev by user {
  s = sum(amount) over 7d where big > 3
  n = count()
  r = if(n > 0, s / n, null)
  neg = -f.s
}
`,
    schemas,
  );
  const src = plan.sources[0]!;
  assert.deepEqual(src.columns[0], {
    name: 'big',
    type: 'number',
    expr: {
      kind: 'call',
      fn: 'round',
      args: [
        { kind: 'binary', op: '*', left: { kind: 'column', name: 'amount', type: 'integer' }, right: { kind: 'literal', type: 'number', value: 1.5 }, type: 'number' },
        { kind: 'literal', type: 'integer', value: 2 },
      ],
      sig: { args: ['number', 'integer'], result: 'number' },
      type: 'number',
    },
  });
  assert.deepEqual(src.columns[1]!.expr, { kind: 'binary', op: '+', left: { kind: 'column', name: 'ts', type: 'time' }, right: { kind: 'literal', type: 'duration', value: 7_200_000 }, type: 'time' });
  assert.equal(src.where?.type, 'bool');
  const [s, n, r, neg] = plan.views[0]!.features;
  assert.ok(s?.kind === 'aggregate' && n?.kind === 'aggregate' && r?.kind === 'derived' && neg?.kind === 'derived');
  assert.deepEqual(s.arg, { kind: 'column', name: 'amount', type: 'integer' });
  assert.equal(s.windowMs, 7 * 86_400_000);
  assert.deepEqual(s.where, { kind: 'binary', op: '>', left: { kind: 'column', name: 'big', type: 'number' }, right: { kind: 'literal', type: 'integer', value: 3 }, type: 'bool' });
  assert.equal(n.arg, undefined);
  assert.equal(r.expr.kind, 'if');
  assert.equal(r.type, 'number');
  assert.deepEqual((r.expr as Extract<PlanExpr, { kind: 'if' }>).cond, {
    kind: 'binary',
    op: '>',
    left: { kind: 'feature', view: 'f', feature: 'n', type: 'integer' },
    right: { kind: 'literal', type: 'integer', value: 0 },
    type: 'bool',
  });
  assert.deepEqual(neg.expr, { kind: 'unary', op: '-', operand: { kind: 'feature', view: 'f', feature: 's', type: 'integer' }, type: 'integer' });
  assert.deepEqual(neg.dependsOn, ['s']);
  // The plan types its nodes by the same rules the checker infers feature and column types with.
  for (const f of plan.views[0]!.features) if (f.kind === 'derived') assert.equal(f.expr.type, f.type, f.name);
  for (const c of src.columns) assert.equal(c.expr.type, c.type, c.name);
});
