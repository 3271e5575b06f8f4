/**
 * the semantics (docs/language.md), rule by rule, on real DuckDB — each case run with both SQL
 * strategies (union-and-window, range join) where the source allows both.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { NodeEngine, TempProject, build, plain, toCsv, ts } from './helpers.js';
import type { Strategy } from '../src/compile/emit-sql.js';

let engine: NodeEngine;
let tmp: TempProject;

before(async () => {
  engine = await NodeEngine.create({ threads: 2 });
  tmp = new TempProject();
});
after(async () => {
  await engine.close();
  tmp.cleanup();
});

const STRATEGIES: Strategy[] = ['window', 'join'];

/** The events of the worked example: every rule applied by hand to five events and four spine rows. */
function workedExampleData(dir: TempProject) {
  dir.write(
    'ev.csv',
    toCsv([
      { user_id: 'u1', ts: ts('2024-01-01'), avail: ts('2024-01-01'), amount: 10, cat: 'a' },
      { user_id: 'u1', ts: ts('2024-01-02'), avail: ts('2024-01-02'), amount: 20, cat: 'b' },
      { user_id: 'u1', ts: ts('2024-01-02'), avail: ts('2024-01-02'), amount: 5, cat: 'a' },
      { user_id: 'u1', ts: ts('2024-01-03'), avail: ts('2024-01-05'), amount: 100, cat: 'c' },
      { user_id: 'u1', ts: ts('2024-01-06'), avail: ts('2024-01-06'), amount: null, cat: 'b' },
    ]),
  );
  dir.write(
    'spine.csv',
    toCsv([
      { user_id: 'u1', t: ts('2024-01-02') },
      { user_id: 'u1', t: ts('2024-01-04') },
      { user_id: 'u1', t: ts('2024-01-05T12:00:00') },
      { user_id: 'u1', t: ts('2024-01-09') },
    ]),
  );
}

describe('the worked example, every rule by hand', () => {
  for (const strategy of STRATEGIES) {
    test(`matches the hand-computed table (${strategy})`, async () => {
      workedExampleData(tmp);
      const fdl = `project worked
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
training_set s { spine spine features f.*, r.r_n_7d }
`;
      const r = await build(engine, tmp.dir, fdl, 's', strategy);
      assert.deepEqual(
        r.columns.map((c) => c.name),
        ['user_id', 't', 'f__n_all', 'f__s_2d', 'f__last_cat', 'f__n_amt_7d', 'r__r_n_7d'],
      );
      const got = r.rows.map((x) => [x.f__n_all, x.f__s_2d, x.f__last_cat, x.f__n_amt_7d, x.r__r_n_7d]);
      assert.deepEqual(got, [
        [1, 10, 'a', 1, 0],
        [3, 25, 'b', 3, 3],
        [4, null, 'c', 4, 3],
        [5, null, 'b', 3, 5],
      ]);
    });
  }
});

/** One user, events without `available` unless given; spine rows as listed. */
async function run(events: Record<string, unknown>[], spine: Record<string, unknown>[], features: string, strategy: Strategy, extra = '') {
  tmp.write('e.csv', toCsv(events as never));
  tmp.write('s.csv', toCsv(spine as never));
  const hasAvail = 'avail' in (events[0] ?? {});
  const fdl = `project p
source e { path "e.csv" timestamp ts ${hasAvail ? 'available avail' : ''} }
source s { path "s.csv" timestamp t }
entity user { key k }
features v on e by user {
${features}
${extra}
}
training_set out { spine s features v.* }
`;
  return build(engine, tmp.dir, fdl, 'out', strategy);
}

for (const strategy of STRATEGIES) {
  describe(`rules (${strategy})`, () => {
    test('rule 1: visibility is strict, by availability', async () => {
      const r = await run(
        [
          { k: 'a', ts: ts('2024-01-01'), avail: ts('2024-01-01'), x: 1 },
          { k: 'a', ts: ts('2024-01-02'), avail: ts('2024-01-02'), x: 2 }, // exactly at t: invisible
          { k: 'a', ts: ts('2024-01-01T12:00:00'), avail: ts('2024-01-03'), x: 4 }, // late: invisible at t
        ],
        [{ k: 'a', t: ts('2024-01-02') }, { k: 'a', t: ts('2024-01-03T00:00:01') }],
        'n = count()\n s = sum(x)',
        strategy,
      );
      assert.deepEqual(r.rows.map((x) => [x.v__n, x.v__s]), [[1, 1], [3, 7]]);
    });

    test('rule 2: window bounds are [t - w, t); ttl turns lifetime into a window', async () => {
      const r = await run(
        [
          { k: 'a', ts: ts('2024-01-01'), x: 1 },
          { k: 'a', ts: ts('2024-01-02'), x: 2 },
          { k: 'a', ts: ts('2024-01-03'), x: 4 },
        ],
        [{ k: 'a', t: ts('2024-01-04') }],
        'w2 = sum(x) over 2d\n w1 = sum(x) over 1d\n w3h = sum(x) over 3h\n life = sum(x) over 30d',
        strategy,
      );
      assert.deepEqual(plain(r.rows), [{ k: 'a', t: '2024-01-04T00:00:00.000Z', v__w2: 6, v__w1: 4, v__w3h: null, v__life: 7 }]);
      const r2 = await run([{ k: 'a', ts: ts('2024-01-01'), x: 1 }, { k: 'a', ts: ts('2024-01-03'), x: 2 }], [{ k: 'a', t: ts('2024-01-04') }], 'life = sum(x)\n n = count()', strategy, 'ttl 2d');
      assert.deepEqual([r2.rows[0]!.v__life, r2.rows[0]!.v__n], [2, 1]);
    });

    test('rule 3: where filters rows before aggregation', async () => {
      const r = await run(
        [
          { k: 'a', ts: ts('2024-01-01'), x: 1, ok: true },
          { k: 'a', ts: ts('2024-01-02'), x: 2, ok: false },
          { k: 'a', ts: ts('2024-01-02'), x: 8, ok: null },
        ],
        [{ k: 'a', t: ts('2024-01-05') }],
        'n = count() where ok\n s = sum(x) where not ok\n l = last(x) where ok',
        strategy,
      );
      assert.deepEqual([r.rows[0]!.v__n, r.rows[0]!.v__s, r.rows[0]!.v__l], [1, 2, 1]);
    });

    test('rule 4: empty input gives 0 for counts and null otherwise', async () => {
      const r = await run(
        [{ k: 'a', ts: ts('2024-01-10'), x: 1, c: 'z' }],
        [{ k: 'a', t: ts('2024-01-05') }, { k: 'nobody', t: ts('2024-02-01') }],
        'n = count()\n nx = count(x)\n nd = count_distinct(c)\n s = sum(x)\n a = avg(x)\n mn = min(x)\n mx = max(x)\n sd = stddev(x)\n va = variance(x)\n f = first(c)\n l = last(c)',
        strategy,
      );
      for (const row of r.rows) {
        assert.deepEqual(
          [row.v__n, row.v__nx, row.v__nd, row.v__s, row.v__a, row.v__mn, row.v__mx, row.v__sd, row.v__va, row.v__f, row.v__l],
          [0, 0, 0, null, null, null, null, null, null, null, null],
        );
      }
    });

    test('rule 5: first/last break ties by timestamp, availability, then value', async () => {
      const r = await run(
        [
          { k: 'a', ts: ts('2024-01-01'), avail: ts('2024-01-01'), c: 'm' },
          { k: 'a', ts: ts('2024-01-01'), avail: ts('2024-01-01'), c: 'b' },
          { k: 'a', ts: ts('2024-01-02'), avail: ts('2024-01-03'), c: 'a' },
          { k: 'a', ts: ts('2024-01-02'), avail: ts('2024-01-02'), c: 'z' },
          { k: 'a', ts: ts('2024-01-02'), avail: ts('2024-01-02'), c: null },
        ],
        [{ k: 'a', t: ts('2024-01-04') }, { k: 'a', t: ts('2024-01-02T12:00:00') }],
        'f = first(c)\n l = last(c)',
        strategy,
      );
      // At 01-04: last by (ts, avail): the 01-02 row available 01-03 ('a') beats 'z'. At 01-02 12:00 it is not yet known.
      assert.deepEqual(r.rows.map((x) => [x.v__f, x.v__l]), [['b', 'a'], ['b', 'z']]);
    });

    test('rule 5 without availability: ties by value, numbers and strings, windows, filters, times before 1970', async () => {
      const r = await run(
        [
          { k: 'a', ts: ts('1965-03-01'), c: 'm', x: 5, ok: true },
          { k: 'a', ts: ts('1965-03-01'), c: 'b', x: -2, ok: true },
          { k: 'a', ts: ts('1965-03-02'), c: 'z', x: null, ok: false },
          { k: 'a', ts: ts('1965-03-03'), c: null, x: 7, ok: true },
          { k: 'b', ts: ts('1969-12-31T23:59:59'), c: 'y', x: 1, ok: true },
          { k: 'b', ts: ts('1970-01-01'), c: 'x', x: 0, ok: false },
        ],
        [
          { k: 'a', t: ts('1965-03-01T00:00:01') },
          { k: 'a', t: ts('1965-03-04') },
          { k: 'b', t: ts('1970-01-01T00:00:01') },
          { k: 'b', t: ts('1970-01-01') },
          { k: 'c', t: ts('1970-01-01') },
        ],
        'f = first(c)\n l = last(c)\n fx = first(x)\n lx = last(x)\n l1d = last(c) over 1d\n lok = last(c) where ok\n fx2d = first(x) over 2d',
        strategy,
      );
      assert.deepEqual(
        r.rows.map((x) => [x.v__f, x.v__l, x.v__fx, x.v__lx, x.v__l1d, x.v__lok, x.v__fx2d]),
        [
          ['b', 'm', -2, 5, 'm', 'm', -2],
          ['b', 'z', -2, 7, null, 'm', 7],
          ['y', 'x', 1, 0, 'x', 'y', 1],
          ['y', 'y', 1, 1, 'y', 'y', 1],
          [null, null, null, null, null, null, null],
        ],
      );
    });

    test('rule 6: refresh evaluates as of floor((t - delay) / every) * every', async () => {
      const r = await run(
        [
          { k: 'a', ts: ts('2024-01-01T05:00:00'), x: 1 },
          { k: 'a', ts: ts('2024-01-01T07:00:00'), x: 2 },
          { k: 'a', ts: ts('2024-01-01T11:00:00'), x: 4 },
        ],
        [{ k: 'a', t: ts('2024-01-01T13:00:00') }, { k: 'a', t: ts('2024-01-01T07:59:59') }, { k: 'a', t: ts('2024-01-01T14:00:00') }],
        's = sum(x)',
        strategy,
        'refresh every 6h delay 1h',
      );
      // 13:00 - 1h = 12:00 -> as of 12:00: 7; 07:59:59 - 1h -> as of 06:00: 1; 14:00 - 1h = 13:00 -> 12:00: 7
      assert.deepEqual(r.rows.map((x) => x.v__s), [7, 1, 7]);
    });

    test('rule 7: derived features come after aggregation; division by zero is null', async () => {
      const r = await run(
        [{ k: 'a', ts: ts('2024-01-01'), x: 3 }, { k: 'a', ts: ts('2024-01-02'), x: 5 }, { k: 'b', ts: ts('2024-01-02'), x: 0 }],
        [{ k: 'a', t: ts('2024-01-03') }, { k: 'b', t: ts('2024-01-03') }, { k: 'c', t: ts('2024-01-03') }],
        's = sum(x)\n n = count()\n ratio = s / n\n inv = n / s\n twice = ratio * 2\n z = if(n > 1, 1, 0) + coalesce(s, -1)',
        strategy,
      );
      assert.deepEqual(
        r.rows.map((x) => [x.v__ratio, x.v__inv, x.v__twice, x.v__z]),
        [
          [4, 0.25, 8, 9],
          [0, null, 0, 0],
          [null, null, null, -1],
        ],
      );
    });

    test('rule 8: one row per spine row, in spine order, columns in order', async () => {
      tmp.write('e.csv', toCsv([{ k: 'a', m: 1, ts: ts('2024-01-01'), x: 1 }, { k: 'b', m: 2, ts: ts('2024-01-01'), x: 2 }]));
      const spine = [
        { label: 1, m: 2, k: 'b', t: ts('2024-03-01') },
        { label: 0, m: 1, k: 'a', t: ts('2024-01-15') },
        { label: 1, m: 1, k: 'a', t: ts('2024-01-15') },
        { label: 0, m: 9, k: 'zz', t: ts('2024-02-10') },
        { label: 0, m: 2, k: 'b', t: ts('2024-01-01') },
      ];
      tmp.write('s.csv', toCsv(spine));
      const fdl = `project p
source e { path "e.csv" timestamp ts }
source s { path "s.csv" timestamp t }
entity user { key k }
entity merchant { key m }
features v on e by user { n = count() }
features w on e by merchant { sx = sum(x) }
training_set out {
  spine s
  label label
  features w.sx, v.n
  split time 2024-02-01, 2024-03-01
}
`;
      const r = await build(engine, tmp.dir, fdl, 'out', strategy);
      assert.deepEqual(r.columns.map((c) => c.name), ['m', 'k', 't', 'label', 'w__sx', 'v__n', 'split']);
      assert.deepEqual(
        r.rows.map((x) => [x.k, x.m, x.label, x.w__sx, x.v__n, x.split]),
        [
          ['b', 2, 1, 2, 1, 'test'],
          ['a', 1, 0, 1, 1, 'train'],
          ['a', 1, 1, 1, 1, 'train'],
          ['zz', 9, 0, null, 0, 'validation'],
          ['b', 2, 0, null, 0, 'train'],
        ],
      );
    });

    test('rule 8 with a Parquet spine: file order kept (numbered in the scan), also when the file has a file_row_number column', async () => {
      tmp.write('e.csv', toCsv([{ k: 'a', ts: ts('2024-01-01'), x: 1 }, { k: 'b', ts: ts('2024-01-02'), x: 2 }]));
      const order = Array.from({ length: 3000 }, (_, i) => (i * 7919) % 3000);
      const values = order.map((i) => `('${'ab'[i % 2]}', TIMESTAMP '2024-01-01' + INTERVAL ${i} MINUTE, ${i})`).join(', ');
      for (const [file, extra] of [['s1.parquet', ''], ['s2.parquet', ', file_row_number']] as const) {
        const cols = extra ? `k, t, label${extra}` : 'k, t, label';
        const sel = extra ? 'k, t, label, 100 - label AS file_row_number' : 'k, t, label';
        await engine.exec(`COPY (SELECT ${sel} FROM (VALUES ${values}) v(k, t, label)) TO '${join(tmp.dir, file)}' (FORMAT parquet, ROW_GROUP_SIZE 512)`);
        const fdl = `project p
source e { path "e.csv" timestamp ts }
source s { path "${file}" timestamp t }
entity user { key k }
features v on e by user { n = count() }
training_set out { spine s label label features v.n }
`;
        const r = await build(engine, tmp.dir, fdl, 'out', strategy);
        assert.equal(r.rows.length, order.length, cols);
        assert.deepEqual(r.rows.map((x) => x.label), order, `${file}: rows in file order`);
        const expectN = (i: number) => (i % 2 === 0 ? (i > 0 ? 1 : 0) : i >= 1441 ? 1 : 0);
        assert.deepEqual(r.rows.map((x) => x.v__n), order.map(expectN), `${file}: values follow their rows`);
      }
    });
  });
}

describe('rule 10 and composite keys', () => {
  test('paths resolve relative to the .fdl file, times are UTC, composite keys match on every column', async () => {
    const sub = new TempProject();
    try {
      sub.write(
        'data/e.csv',
        toCsv([
          { a: 1, b: 'x', ts: '2024-01-01T23:30:00Z', v: 1 },
          { a: 1, b: 'y', ts: '2024-01-01T23:30:00Z', v: 10 },
          { a: 2, b: 'x', ts: '2024-01-01T23:30:00Z', v: 100 },
        ] as never),
      );
      sub.write('data/s.csv', toCsv([{ a: 1, b: 'x', t: '2024-01-02T00:00:00Z' }, { a: 1, b: null, t: '2024-01-02T00:00:00Z' }] as never));
      const fdl = `project p
source e { path "data/e.csv" timestamp ts }
source s { path "data/s.csv" timestamp t }
entity pair { key a, b }
features v on e by pair { s = sum(v) over 1h  n = count() }
training_set out { spine s features v.* }
`;
      const cwd = process.cwd();
      process.chdir('/');
      try {
        const r = await build(engine, sub.dir, fdl, 'out');
        assert.deepEqual(r.rows.map((x) => [x.v__s, x.v__n]), [[1, 1], [null, 0]]);
      } finally {
        process.chdir(cwd);
      }
    } finally {
      sub.cleanup();
    }
  });
});
