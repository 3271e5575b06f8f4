/**
 * Property test of DESIGN §3: random events, spines and programs — ties at
 * the same timestamp, late rows, nulls in values and keys, empty windows,
 * several entities, composite keys, refresh, ttl, derived features — built by
 * the compiler on native DuckDB (both SQL strategies) and compared cell by
 * cell with the reference implementation in test/reference/.
 *
 * FEATUREBOOK_PROPERTY_RUNS=N runs N cases (default 40); a failure prints the
 * seed, the program and the first differing cells.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../src/lang/parse.js';
import type { Strategy } from '../src/compile/emit-sql.js';
import { NodeEngine, TempProject, build, rng, toCsv } from './helpers.js';
import { referenceTrainingSet, type Cell, type Row } from './reference/pit-reference.js';

const RUNS = Number(process.env.FEATUREBOOK_PROPERTY_RUNS ?? 40);
const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

type Rand = ReturnType<typeof rng>;

interface Case {
  fdl: string;
  events: Row[];
  spine: Row[];
  format: 'csv' | 'parquet';
}

const AGGS = [
  'count()', 'count(x)', 'count(c)', 'sum(x)', 'sum(n)', 'avg(x)', 'min(x)', 'max(n)', 'min(c)', 'max(c)',
  'stddev(x)', 'variance(n)', 'count_distinct(c)', 'count_distinct(n)', 'first(c)', 'last(x)', 'last(c)', 'first(n)', 'sum(x2)',
];
const WINDOWS = ['30m', '1h', '3h', '6h', '1d', '2d', '7d', '30d'];
const WHERES = ['b', 'not b', 'x > 50', "c = 'a'", "c in ('a', 'b')", 'n % 2 = 0', 'x is null', 'coalesce(x, 0) < 30', 'x2 >= 20 or n = 1'];

function randomCase(seed: number): Case {
  const r = rng(seed);
  const composite = r.next() < 0.4;
  const late = r.next() < 0.5;
  const keysK = ['a', 'b', 'c', 'd'].slice(0, 1 + r.int(4));
  const grid = () => T0 + r.int(24 * 6) * HOUR; // coarse grid over 6 days: many ties
  const maybe = <T>(v: T, p = 0.15): T | null => (r.next() < p ? null : v);

  const events: Row[] = [];
  for (let i = 0, n = 5 + r.int(60); i < n; i++) {
    const ts = grid();
    events.push({
      k: maybe(r.pick(keysK), 0.05),
      m: r.int(3),
      ts: new Date(ts),
      avail: new Date(late && r.next() < 0.35 ? ts + (1 + r.int(30)) * HOUR : ts),
      x: maybe(Math.round(r.next() * 10000) / 100),
      n: r.int(6),
      c: maybe(r.pick(['a', 'b', 'c', 'zz'])),
      b: maybe(r.next() < 0.5),
    });
  }
  // Non-null values in each column, so CSV type detection sees the intended types.
  Object.assign(events[0]!, { k: 'a', x: 1.5, c: 'a', b: true });
  const spine: Row[] = [];
  for (let i = 0, n = 3 + r.int(25); i < n; i++) {
    const pickExisting = r.next() < 0.4 && events.length;
    // Spine times exactly at event and availability times test strict visibility.
    const t = pickExisting ? (r.pick(events)[r.next() < 0.5 ? 'ts' : 'avail'] as Date).getTime() : r.next() < 0.1 ? T0 - HOUR : grid() + r.pick([0, 0, 30 * 60_000, 1]);
    spine.push({ k: maybe(r.pick([...keysK, 'nobody']), 0.05), m: r.int(4), t: new Date(t), y: r.int(2) });
  }
  spine[0]!.k = 'a';
  if (r.next() < 0.2) spine.push({ ...spine[0]! }); // a duplicate spine row

  const views: string[] = [];
  const nViews = 1 + r.int(3);
  for (let v = 0; v < nViews; v++) {
    const feats: string[] = [];
    const names: string[] = [];
    for (let f = 0, n = 1 + r.int(5); f < n; f++) {
      const agg = r.pick(AGGS);
      let line = `f${f} = ${agg}`;
      if (r.next() < 0.7) line += ` over ${r.pick(WINDOWS)}`;
      if (r.next() < 0.3) line += ` where ${r.pick(WHERES)}`;
      feats.push(line);
      if (!/^(min|max|first|last)\(c\)$/.test(agg)) names.push(`f${f}`); // derive from numbers only
    }
    if (names.length >= 2 && r.next() < 0.6) {
      const [a, b] = [r.pick(names), r.pick(names)];
      feats.push(`d0 = ${r.pick([`${a} / ${b}`, `${a} + ${b} * 2`, `if(${a} > 1, ${a}, ${b})`, `coalesce(${a}, 0) - ${b}`])}`);
      if (r.next() < 0.5) feats.push(`d1 = d0 * 2`);
    }
    if (r.next() < 0.3) feats.push(`ttl ${r.pick(['2h', '1d', '3d'])}`);
    if (r.next() < 0.3) feats.push(`refresh every ${r.pick(['1h', '6h', '1d'])}${r.next() < 0.6 ? ` delay ${r.pick(['10m', '2h'])}` : ''}`);
    const entity = composite && r.next() < 0.6 ? 'pair' : 'user';
    views.push(`features v${v} on e by ${entity} {\n  ${feats.join('\n  ')}\n}`);
  }
  const format = r.next() < 0.5 ? 'csv' : 'parquet';
  const split = r.next() < 0.5 ? `\n  split time 2024-01-03, 2024-01-05` : '';
  const fdl = `project prop
source e {
  path "e.${format}"
  timestamp ts
  ${late ? 'available avail' : ''}
  column x2 = coalesce(x, 0) + n
  ${r.next() < 0.3 ? 'where n != 3' : ''}
}
source s { path "s.${format}" timestamp t }
entity user { key k }
entity pair { key k, m }
${views.join('\n')}
training_set out {
  spine s
  label y
  features ${views.map((_, i) => `v${i}.*`).join(', ')}${split}
}
`;
  return { fdl, events, spine, format };
}

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

async function writeData(c: Case) {
  const e = toCsv(c.events as never, ['k', 'm', 'ts', 'avail', 'x', 'n', 'c', 'b']);
  const s = toCsv(c.spine as never, ['k', 'm', 't', 'y']);
  if (c.format === 'csv') {
    writeFileSync(join(tmp.dir, 'e.csv'), e);
    writeFileSync(join(tmp.dir, 's.csv'), s);
    return;
  }
  writeFileSync(join(tmp.dir, 'e.tmp.csv'), e);
  writeFileSync(join(tmp.dir, 's.tmp.csv'), s);
  const q = (p: string) => `'${join(tmp.dir, p)}'`;
  await engine.exec(
    `COPY (SELECT * FROM read_csv(${q('e.tmp.csv')}, header = true, columns = {k: 'VARCHAR', m: 'INTEGER', ts: 'TIMESTAMP', avail: 'TIMESTAMP', x: 'DOUBLE', n: 'INTEGER', c: 'VARCHAR', b: 'BOOLEAN'})) TO ${q('e.parquet')} (FORMAT parquet)`,
  );
  await engine.exec(`COPY (SELECT * FROM read_csv(${q('s.tmp.csv')}, header = true, columns = {k: 'VARCHAR', m: 'INTEGER', t: 'TIMESTAMP', y: 'INTEGER'})) TO ${q('s.parquet')} (FORMAT parquet)`);
}

function same(a: Cell, b: Cell): boolean {
  if (a === null || b === null) return a === b;
  if (a instanceof Date || b instanceof Date) return (a instanceof Date ? a.getTime() : a) === (b instanceof Date ? b.getTime() : b);
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) === Number(b);
  return a === b;
}

for (let i = 0; i < RUNS; i++) {
  const seed = 1000 + i;
  test(`random case ${seed}`, async () => {
    const c = randomCase(seed);
    await writeData(c);
    const { program, diagnostics } = parse(c.fdl);
    assert.deepEqual(diagnostics, []);
    const want = referenceTrainingSet(program, 'out', { e: c.events, s: c.spine });
    for (const strategy of ['window', 'join'] as Strategy[]) {
      const got = await build(engine, tmp.dir, c.fdl, 'out', strategy);
      const context = () => `seed ${seed}, strategy ${strategy}\n${c.fdl}`;
      assert.deepEqual(got.columns.map((x) => x.name), want.columns, context());
      assert.equal(got.rows.length, want.rows.length, context());
      const diffs: string[] = [];
      got.rows.forEach((row, r) => {
        for (const col of want.columns) {
          if (!same(row[col] as Cell, want.rows[r]![col] ?? null)) diffs.push(`row ${r} ${col}: got ${JSON.stringify(row[col])}, want ${JSON.stringify(want.rows[r]![col])}`);
        }
      });
      assert.deepEqual(diffs.slice(0, 10), [], context());
    }
  });
}
