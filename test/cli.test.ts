/**
 * The `featurebook` binary end to end (docs/cli.md): exit codes, gcc-style
 * diagnostics, compile output, and `build` writing all four formats with the
 * same rows.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { NodeEngine, TempProject, toCsv, ts } from './helpers.js';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin/featurebook.js');
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: tmp.dir });

let tmp: TempProject;
const FDL = `project shop
source orders { path "data/orders.csv" timestamp ts }
source labels { path "data/labels.csv" timestamp t }
entity customer { key customer_id }
features spend on orders by customer {
  n_7d = count() over 7d
  total = sum(amount)
  last_item = last(item)
  avg_7d = avg(amount) over 7d
}
training_set train {
  spine labels
  label churned
  features spend.*
  split time 2024-01-05, 2024-01-08
}
`;

before(() => {
  tmp = new TempProject();
  tmp.write(
    'data/orders.csv',
    toCsv([
      { customer_id: 'c1', ts: ts('2024-01-01T10:00:00'), amount: 10.5, item: 'book, "used"' },
      { customer_id: 'c1', ts: ts('2024-01-03T10:00:00'), amount: 20, item: 'pen' },
      { customer_id: 'c2', ts: ts('2024-01-02T10:00:00'), amount: 7, item: 'cup' },
    ]),
  );
  tmp.write(
    'data/labels.csv',
    toCsv([
      { customer_id: 'c1', t: ts('2024-01-04'), churned: 0 },
      { customer_id: 'c2', t: ts('2024-01-09'), churned: 1 },
      { customer_id: 'c3', t: ts('2024-01-06'), churned: 1 },
    ]),
  );
  tmp.write('shop.fdl', FDL);
  tmp.write('bad.fdl', FDL.replace('sum(amount)', 'sum(amout)').replace('features spend.*', 'features spnd.*'));
});
after(() => tmp.cleanup());

test('check: exit 0 on a clean file, 1 with gcc-style diagnostics and hints otherwise', () => {
  const ok = run('check', 'shop.fdl');
  assert.equal(ok.status, 0, ok.stderr + ok.stdout);
  const bad = run('check', 'bad.fdl');
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /^bad\.fdl:7:15: error: source 'orders' has no column 'amout' \[unknown-column\]$/m);
  assert.match(bad.stdout, /hint: did you mean 'amount'\?/);
  assert.match(bad.stdout, /^bad\.fdl:14:12: error: unknown feature block 'spnd' \[unknown-name\]$/m);
  assert.match(bad.stdout, /^ {4}\s*features spnd\.\*\n {4}\s+\^{4}$/m);
  assert.match(bad.stderr, /2 errors, 0 warnings/);
  const json = run('check', 'bad.fdl', '--json');
  const parsed = JSON.parse(json.stdout);
  assert.equal(parsed.ok, false);
  assert.deepEqual(
    parsed.diagnostics.map((d: { code: string; line: number; column: number }) => [d.code, d.line, d.column]),
    [
      ['unknown-column', 7, 15],
      ['unknown-name', 14, 12],
    ],
  );
});

test('usage errors exit 2 with a hint; missing files exit 1; no stack traces', () => {
  for (const args of [[], ['chek', 'shop.fdl'], ['check'], ['build', 'shop.fdl', 'train'], ['compile', 'shop.fdl', '--nope']]) {
    const r = run(...args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\bat .*:\d+:\d+/);
  }
  assert.match(run('chek', 'shop.fdl').stderr, /did you mean 'check'\?/);
  const missing = run('check', 'nope.fdl');
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot read 'nope\.fdl': no such file/);
  const unknownSet = run('build', 'shop.fdl', 'trian', '--out', 'x.csv');
  assert.equal(unknownSet.status, 1);
  assert.match(unknownSet.stderr, /no training set named 'trian' \(did you mean 'train'\?\)/);
  assert.match(run('--help').stdout, /featurebook build FILE SET --out PATH/);
});

test('compile prints every object, or one with --object', () => {
  const all = run('compile', 'shop.fdl');
  assert.equal(all.status, 0, all.stderr);
  for (const name of ['orders', 'labels', 'spend', 'train']) assert.match(all.stdout, new RegExp(`^-- ${name}$`, 'm'));
  const one = run('compile', 'shop.fdl', '--object', 'train');
  assert.equal(one.status, 0);
  assert.match(one.stdout, /^WITH/);
  assert.match(one.stdout, /AS "spend__n_7d"/);
  const bad = run('compile', 'shop.fdl', '--object', 'trainn');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /did you mean 'train'/);
});

test('build writes .parquet, .csv, .arrow and .json with the same rows', async () => {
  for (const ext of ['parquet', 'csv', 'arrow', 'json']) {
    const r = run('build', 'shop.fdl', 'train', '--out', `out.${ext}`);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, new RegExp(`wrote 3 rows to out\\.${ext}`));
  }
  const engine = await NodeEngine.create();
  try {
    const p = (f: string) => `'${join(tmp.dir, f)}'`;
    const pq = await engine.query(`SELECT * FROM read_parquet(${p('out.parquet')})`);
    const csv = await engine.query(`SELECT * FROM read_csv(${p('out.csv')}, header = true)`);
    const json = JSON.parse(readFileSync(join(tmp.dir, 'out.json'), 'utf8')) as Record<string, unknown>[];
    const arrow = tableFromIPC(readFileSync(join(tmp.dir, 'out.arrow')));
    const cols = ['customer_id', 't', 'churned', 'spend__n_7d', 'spend__total', 'spend__last_item', 'spend__avg_7d', 'split'];
    assert.deepEqual(pq.columns.map((c) => c.name), cols);
    assert.deepEqual(arrow.schema.fields.map((f) => f.name), cols);
    assert.deepEqual(Object.keys(json[0]!), cols);
    const expected = [
      ['c1', 0, 2, 30.5, 'pen', 15.25, 'train'],
      ['c2', 1, 1, 7, 'cup', 7, 'test'],
      ['c3', 1, 0, null, null, null, 'validation'],
    ];
    const pick = (r: Record<string, unknown>) => [r.customer_id, Number(r.churned), Number(r.spend__n_7d), r.spend__total === null ? null : Number(r.spend__total), r.spend__last_item, r.spend__avg_7d === null ? null : Number(r.spend__avg_7d), r.split];
    assert.deepEqual(pq.rows.map(pick), expected);
    assert.deepEqual(csv.rows.map(pick), expected);
    assert.deepEqual(json.map(pick), expected);
    assert.deepEqual(arrow.toArray().map((r) => pick(r.toJSON())), expected);
    // The quoted, comma-bearing value survives the CSV round trip.
    assert.equal(pq.rows[0]!.spend__last_item, 'pen');
  } finally {
    await engine.close();
  }
  const bad = run('build', 'shop.fdl', 'train', '--out', 'out.xlsx');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /\.parquet, \.csv, \.arrow or \.json/);
});
