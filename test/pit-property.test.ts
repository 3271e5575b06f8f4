/**
 * Property test of the semantics (docs/language.md): random events, spines and programs, built by
 * the real pipeline (loadProject + buildTrainingSet on native DuckDB, with
 * each SQL strategy) and compared cell by cell with the reference
 * implementation in test/reference/, which reads only the AST.
 *
 * The data has ties on a coarse time grid, late rows (and a few known before
 * their event time), nulls in values, keys and times, empty windows, string,
 * number, boolean and time columns; spines have times before any event,
 * exactly at event, availability and window-boundary times, duplicate rows
 * and null keys. Programs have 1–3 blocks on three entities (one with a
 * composite key) with random aggregates, windows (30s..30d), filters,
 * derived features, ttl and refresh. Every case runs once with the source's
 * `available` column and once without; data files alternate CSV and Parquet.
 *
 *   FEATUREBOOK_PROPERTY_RUNS=N   run N cases (default 40)
 *   FEATUREBOOK_PROPERTY_SEED=S   run only case S
 *
 * A failure prints the seed, the program and the first differing cells.
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
const ONLY = process.env.FEATUREBOOK_PROPERTY_SEED;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2024, 0, 1);

type Kind = 'num' | 'str' | 'time' | 'bool';

interface Case {
  /** The program with `available avail` in the event source, and without. */
  fdl: { available: string; plain: string };
  events: Row[];
  spine: Row[];
  format: 'csv' | 'parquet';
}

const EVENT_COLUMNS = ['k', 'm', 'ts', 'avail', 'x', 'n', 'c', 'b'];
const SPINE_COLUMNS = ['k', 'm', 't', 'y', 'z'];

/** Aggregates with the kind of value they give; arguments exercise the row-level evaluator too. */
const AGGS: [string, Kind][] = [
  ['count()', 'num'], ['count(x)', 'num'], ['count(c)', 'num'], ['count(b)', 'num'],
  ['sum(x)', 'num'], ['sum(n)', 'num'], ['sum(x2)', 'num'], ['avg(x)', 'num'], ['avg(n)', 'num'],
  ['min(x)', 'num'], ['max(n)', 'num'], ['max(x3)', 'num'],
  ['stddev(x)', 'num'], ['stddev(n)', 'num'], ['variance(n)', 'num'], ['variance(x2)', 'num'],
  ['count_distinct(c)', 'num'], ['count_distinct(n)', 'num'], ['count_distinct(b)', 'num'], ['count_distinct(cu)', 'num'],
  ['first(n)', 'num'], ['last(x)', 'num'], ['first(x2)', 'num'],
  ['sum(x / n)', 'num'], ['avg(hour(ts))', 'num'], ['max(length(c))', 'num'], ['sum(round(x, 1))', 'num'],
  ['min(epoch_seconds(ts))', 'num'], ['sum(abs(x - 50))', 'num'], ['max(least(x, x2))', 'num'], ['sum(sqrt(x - 20))', 'num'],
  ['avg(ln(x))', 'num'], ['count(if(b, x, null))', 'num'], ['sum(n % 4)', 'num'], ['max(greatest(n, 2))', 'num'],
  ['count_distinct(day_of_week(ts))', 'num'], ['count_distinct(lower(c))', 'num'], ['sum(if(b, 1, 0))', 'num'],
  ['min(c)', 'str'], ['max(c)', 'str'], ['first(c)', 'str'], ['last(c)', 'str'], ['min(cu)', 'str'],
  ['max(ts)', 'time'], ['min(ts)', 'time'], ['last(ts)', 'time'], ['first(avail)', 'time'], ['max(avail)', 'time'],
  ['last(b)', 'bool'], ['first(b)', 'bool'],
];
const WINDOWS = ['30s', '15m', '1h', '3h', '6h', '1d', '2d', '7d', '30d'];
const WHERES = [
  'b', 'not b', 'x > 50', "c = 'a'", "c in ('a', 'b')", "c not in ('zz')", 'n % 2 = 0', 'x is null', 'b is not null and x < 70',
  'coalesce(x, 0) < 30', 'x2 >= 20 or n = 1', "contains(c, 'z')", 'hour(ts) >= 12', 'not (x > 20)', 'm = 1', 'ts >= 2024-01-03T06:00:00Z',
  'x / n > 10', 'b or x > 80',
];
/** Derived-feature templates over numeric features A and B. */
const DERIVED = ['A / B', 'A + B * 2', 'if(A > 1, A, B)', 'coalesce(A, 0) - B', 'round(A / 3, 2)', '-A', 'greatest(A, B)', 'if(A is null, 0, A)', 'A % 3'];

function randomCase(seed: number): Case {
  const r = rng(seed);
  const keysK = ['a', 'b', 'c', 'd'].slice(0, 1 + r.int(4));
  const days = 2 + r.int(5);
  const grid = () => T0 + r.int(24 * days) * HOUR; // a coarse grid: many ties
  const nearGrid = () => grid() + (r.next() < 0.15 ? r.pick([1, 30_000, 30 * MINUTE]) : 0);
  const maybe = <T>(v: T, p = 0.15): T | null => (r.next() < p ? null : v);
  const windowMs = (w: string) => Number(w.slice(0, -1)) * { s: 1000, m: MINUTE, h: HOUR, d: DAY }[w.slice(-1) as 's' | 'm' | 'h' | 'd'];

  const events: Row[] = [];
  for (let i = 0, n = 5 + r.int(60); i < n; i++) {
    const ts = nearGrid();
    const late = r.next();
    // Mostly known at event time; some late (a few with an unknown availability: then the timestamp counts), a few known early.
    const avail = late < 0.3 ? ts + (1 + r.int(30)) * HOUR : late < 0.35 ? null : late < 0.4 ? ts - (1 + r.int(10)) * HOUR : ts;
    events.push({
      k: maybe(r.pick(keysK), 0.05),
      m: maybe(r.int(3), 0.05),
      ts: r.next() < 0.02 ? null : new Date(ts),
      avail: avail === null ? null : new Date(avail),
      x: maybe(Math.round(r.next() * 10000) / 100),
      n: r.int(6),
      c: maybe(r.pick(['a', 'b', 'c', 'zz', 'Ab'])),
      b: maybe(r.next() < 0.5),
    });
  }
  // Now and then a second row for the same key at the same time: ties that only availability or value can order.
  for (const e of events.slice()) {
    if (r.next() < 0.25 && e.ts) {
      const ts = (e.ts as Date).getTime();
      const avail = r.next() < 0.5 ? ts + (1 + r.int(30)) * HOUR : ts;
      events.splice(r.int(events.length + 1), 0, { ...e, avail: new Date(avail), x: maybe(Math.round(r.next() * 10000) / 100), n: r.int(6), c: maybe(r.pick(['a', 'b', 'c', 'zz', 'Ab'])), b: maybe(r.next() < 0.5) });
    }
  }
  // Non-null values in the first row, so CSV type detection sees the intended types.
  Object.assign(events[0]!, { k: 'a', m: 0, ts: new Date(T0), avail: new Date(T0), x: 1.5, c: 'a', b: true });

  const spine: Row[] = [];
  for (let i = 0, n = 3 + r.int(25); i < n; i++) {
    const p = r.next();
    const e = r.pick(events);
    let t: number | null;
    if (p < 0.3 && e.ts) t = (r.next() < 0.5 || !e.avail ? (e.ts as Date) : (e.avail as Date)).getTime(); // exactly at an event's time or availability
    else if (p < 0.45 && e.ts) t = (e.ts as Date).getTime() + windowMs(r.pick(WINDOWS)); // exactly at a window's far edge
    else if (p < 0.5) t = T0 - HOUR; // before any event
    else if (p < 0.52) t = null;
    else t = grid() + r.pick([0, 0, 30_000, 30 * MINUTE, 1]);
    spine.push({ k: maybe(r.pick([...keysK, 'nobody']), 0.05), m: maybe(r.int(4), 0.05), t: t === null ? null : new Date(t), y: r.int(2), z: r.pick(['p', 'q']) });
  }
  Object.assign(spine[0]!, { k: 'a', m: 0, t: new Date(T0 + DAY) });
  for (let i = r.int(3); i > 0; i--) spine.splice(r.int(spine.length), 0, { ...r.pick(spine) }); // duplicate spine rows

  const composite = r.next() < 0.5;
  const views: { name: string; features: string[] }[] = [];
  const blocks: string[] = [];
  for (let v = 0, nViews = 1 + r.int(3); v < nViews; v++) {
    const lines: string[] = [];
    const names: string[] = [];
    const numeric: string[] = [];
    for (let f = 0, n = 1 + r.int(5); f < n; f++) {
      const [agg, kind] = r.pick(AGGS);
      let line = `f${f} = ${agg}`;
      if (r.next() < 0.7) line += ` over ${r.pick(WINDOWS)}`;
      if (r.next() < 0.3) line += ` where ${r.pick(WHERES)}`;
      lines.push(line);
      names.push(`f${f}`);
      // Derive from exact numbers only: a sample deviation the engine computes as 1e-15 instead of 0 is no disagreement.
      if (kind === 'num' && !/^(stddev|variance|avg)|ln|sqrt|\//.test(agg)) numeric.push(`f${f}`);
    }
    if (numeric.length && r.next() < 0.6) {
      const tpl = r.pick(DERIVED);
      lines.push(`d0 = ${tpl.replaceAll('A', r.pick(numeric)).replaceAll('B', r.pick(numeric))}`);
      names.push('d0');
      if (r.next() < 0.5) {
        lines.push(`d1 = d0 * 2 + ${r.pick(numeric)}`);
        names.push('d1');
      }
      if (r.next() < 0.3) {
        // Declared before what it reads: dependency order, not declaration order.
        lines.unshift(`d2 = coalesce(d0, -1) + 1`);
        names.unshift('d2');
      }
    }
    if (r.next() < 0.3) lines.push(`ttl ${r.pick(['30m', '2h', '1d', '3d'])}`);
    if (r.next() < 0.3) lines.push(`refresh every ${r.pick(['30m', '1h', '6h', '1d'])}${r.next() < 0.6 ? ` delay ${r.pick(['10m', '2h', '1d'])}` : ''}`);
    const e = r.next();
    const entity = composite && e < 0.5 ? 'pair' : e < 0.75 ? 'user' : 'merch';
    blocks.push(`features v${v} on e by ${entity} {\n  ${lines.join('\n  ')}\n}`);
    views.push({ name: `v${v}`, features: names });
  }

  // Select whole blocks, or single features in a random order (now and then one twice).
  const selected: string[] = [];
  for (const v of views) {
    if (r.next() < 0.6) selected.push(`${v.name}.*`);
    else for (const f of v.features) if (r.next() < 0.6) selected.push(`${v.name}.${f}`);
  }
  if (!selected.length) selected.push(`${views[0]!.name}.*`);
  if (r.next() < 0.5) selected.reverse();
  if (r.next() < 0.15) selected.push(selected[0]!);

  const trainEnd = grid();
  const splitAt = [trainEnd, trainEnd + (1 + r.int(48)) * HOUR].map((t) => new Date(t).toISOString().replace('.000Z', 'Z'));
  const format = seed % 2 === 0 ? 'csv' : 'parquet';
  const program = (available: boolean) => `project prop
source e {
  path "e.${format}"
  timestamp ts
${available ? '  available avail\n' : ''}  column x2 = coalesce(x, 0) + n
  column x3 = x2 * 2 - n
  column cu = upper(c)
${r.next() < 0.3 ? `  where ${r.pick(['n != 3', "c is null or c != 'zz'", 'x2 < 90'])}\n` : ''}}
source s {
  path "s.${format}"
  timestamp t
  column w = if(y = 1, 'pos', 'neg')
${r.next() < 0.2 ? `  where ${r.pick(['m != 3', "w = 'pos' or k is null"])}\n` : ''}}
entity user { key k }
entity merch { key m }
entity pair { key k, m }
${blocks.join('\n')}
training_set out {
  spine s
  label ${r.pick(['y', 'y, z', 'w, y'])}
  features ${selected.join(', ')}${r.next() < 0.6 ? `\n  split time ${splitAt[0]}, ${splitAt[1]}` : ''}
}
`;
  // Both variants draw the same random choices: draw once, then swap the `available` line.
  const withAvailable = program(true);
  return { fdl: { available: withAvailable, plain: withAvailable.replace('  available avail\n', '') }, events, spine, format };
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
  const e = toCsv(c.events as never, EVENT_COLUMNS);
  const s = toCsv(c.spine as never, SPINE_COLUMNS);
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
  await engine.exec(
    `COPY (SELECT * FROM read_csv(${q('s.tmp.csv')}, header = true, columns = {k: 'VARCHAR', m: 'INTEGER', t: 'TIMESTAMP', y: 'INTEGER', z: 'VARCHAR'})) TO ${q('s.parquet')} (FORMAT parquet)`,
  );
}

/** Numbers within 1e-9 (relative, absolute near zero), times by instant, everything else strictly. */
function same(a: Cell, b: Cell): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

const show = (v: unknown) => (v instanceof Date ? v.toISOString() : JSON.stringify(v));

const seeds = ONLY ? [Number(ONLY)] : Array.from({ length: RUNS }, (_, i) => 1000 + i);
for (const seed of seeds) {
  test(`random case ${seed}`, async () => {
    const c = randomCase(seed);
    await writeData(c);
    const runs: [string, string, Strategy][] = [
      ['plain', c.fdl.plain, 'window'],
      ['plain', c.fdl.plain, 'join'],
      // With `available`, every view takes the join strategy.
      ['available', c.fdl.available, 'auto'],
    ];
    for (const [variant, fdl, strategy] of runs) {
      const { program, diagnostics } = parse(fdl);
      assert.deepEqual(diagnostics, [], fdl);
      const want = referenceTrainingSet(program, 'out', { e: c.events, s: c.spine });
      const context = `seed ${seed} (${variant}, ${strategy} strategy, ${c.format}); rerun with FEATUREBOOK_PROPERTY_SEED=${seed}\n${fdl}`;
      const got = await build(engine, tmp.dir, fdl, 'out', strategy);
      assert.deepEqual(got.columns.map((x) => x.name), want.columns, context);
      assert.equal(got.rows.length, want.rows.length, context);
      const diffs: string[] = [];
      got.rows.forEach((row, i) => {
        for (const col of want.columns) {
          const w = want.rows[i]![col] ?? null;
          if (!same(row[col] as Cell, w)) diffs.push(`row ${i} ${col}: got ${show(row[col])}, want ${show(w)}`);
        }
      });
      assert.deepEqual(diffs.slice(0, 10), [], context);
    }
  });
}
