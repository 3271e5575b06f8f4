/**
 * Drift metrics in SQL against plain-loop implementations (test/drift/reference.ts)
 * on random data: continuous values, heavy ties, nulls, NaN, values outside
 * the reference's range, empty bins, unseen categories, booleans, tiny
 * samples, empty windows, a segment drill-down; on native DuckDB and on
 * DuckDB-WASM with the same SQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NodeEngine } from '../../src/engine/node.js';
import { WasmEngine } from '../../src/engine/wasm.js';
import type { Engine } from '../../src/engine/engine.js';
import { computeDrift, DriftError, summarizeReference, type DriftReport } from '../../src/drift/compute.js';
import { decide, kolmogorovQ as ksQ, ksPValue } from '../../src/drift/decide.js';
import { binExpr } from '../../src/drift/sql.js';
import { categoricalPsi, edgesOf, kolmogorovQ, ks, meanShift, nullRate, numericPsi, rng, type Num } from './reference.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 2, 1);

interface Row {
  ts: number;
  x: Num;
  n: Num;
  c: string | null;
  b: boolean | null;
  seg: string;
}

const lit = (v: unknown) =>
  v === null ? 'NULL' : typeof v === 'number' ? (Number.isNaN(v) ? `CAST('NaN' AS DOUBLE)` : `CAST('${v}' AS DOUBLE)`) : typeof v === 'boolean' ? String(v) : `'${String(v).replaceAll("'", "''")}'`;

function tableSql(name: string, rows: Row[]): string {
  const body = rows.length
    ? rows.map((r) => `(TIMESTAMP '${new Date(r.ts).toISOString().replace('T', ' ').replace('Z', '')}', ${lit(r.x)}, ${r.n === null ? 'NULL' : `CAST(${r.n} AS BIGINT)`}, ${lit(r.c)}, ${lit(r.b)}, ${lit(r.seg)})`).join(',\n')
    : `(TIMESTAMP '2024-01-01', 0.0, CAST(0 AS BIGINT), 'x', true, 'x')`;
  return `CREATE OR REPLACE TABLE ${name} AS SELECT ts, CAST(x AS DOUBLE) AS "v__x", CAST(n AS BIGINT) AS "v__n", CAST(c AS VARCHAR) AS "v__c", CAST(b AS BOOLEAN) AS "v__b", CAST(seg AS VARCHAR) AS seg FROM (VALUES ${body}) AS t(ts, x, n, c, b, seg)${rows.length ? '' : ' WHERE false'}`;
}

interface Case {
  name: string;
  ref: Row[];
  cur: Row[];
  bins: number;
}

function makeCase(seed: number, opts: { refN: number; curN: number; days: number; shift: number; ties: boolean; nulls: number; skipDay?: number }): [Row[], Row[]] {
  const r = rng(seed);
  const cats = ['red', 'green', 'blue', "o'brien"];
  const row = (ts: number, cur: boolean): Row => {
    const shift = cur ? opts.shift : 0;
    let x: Num = opts.ties ? Math.round(r.normal() * 2 + shift * 2) : r.normal() + shift;
    if (r.next() < opts.nulls) x = null;
    else if (cur && r.next() < 0.05) x = r.next() < 0.5 ? -1e6 : 1e6; // outside the reference's range
    const n: Num = r.next() < opts.nulls ? null : r.int(cur ? 7 : 5); // heavy ties; current reaches values the reference never had
    const c = r.next() < opts.nulls ? null : cur && r.next() < 0.1 ? 'purple' : cats[r.int(cur && shift ? 2 : 4)]!;
    const b = r.next() < opts.nulls ? null : r.next() < (cur ? 0.3 + shift / 4 : 0.3);
    return { ts, x, n, c, b, seg: r.next() < 0.5 ? 'A' : 'B' };
  };
  const ref = Array.from({ length: opts.refN }, () => row(T0 - DAY * 30 + r.int(DAY * 30), false));
  const cur: Row[] = [];
  for (let i = 0; i < opts.curN; i++) {
    let day = r.int(opts.days);
    if (day === opts.skipDay) day = 0;
    cur.push(row(T0 + day * DAY + r.int(DAY), true));
  }
  return [ref, cur];
}

const CASES: Case[] = [
  (() => {
    const [ref, cur] = makeCase(1, { refN: 400, curN: 300, days: 4, shift: 0.5, ties: false, nulls: 0.1, skipDay: 2 });
    return { name: 'continuous, nulls, out-of-range values, an empty day', ref, cur, bins: 10 };
  })(),
  (() => {
    const [ref, cur] = makeCase(2, { refN: 300, curN: 200, days: 3, shift: 0, ties: true, nulls: 0, skipDay: -1 });
    return { name: 'heavy ties (edges collapse), no drift', ref, cur, bins: 10 };
  })(),
  (() => {
    const [ref, cur] = makeCase(3, { refN: 6, curN: 5, days: 3, shift: 1, ties: true, nulls: 0.2, skipDay: -1 });
    return { name: 'tiny samples', ref, cur, bins: 4 };
  })(),
  (() => {
    const [ref, cur] = makeCase(4, { refN: 250, curN: 250, days: 2, shift: 2, ties: false, nulls: 0.3, skipDay: -1 });
    return { name: 'large shift, many nulls, 20 bins (empty bins)', ref, cur, bins: 20 };
  })(),
];

const FEATURES = [
  { feature: 'v.x', column: 'v__x' },
  { feature: 'v.n', column: 'v__n' },
  { feature: 'v.c', column: 'v__c' },
  { feature: 'v.b', column: 'v__b' },
];

const close = (a: number | null | undefined, b: number | null | undefined, what: string, tol = 1e-9) => {
  if (a === null || a === undefined || b === null || b === undefined) {
    assert.equal(a ?? null, b ?? null, `${what}: ${a} vs ${b}`);
    return;
  }
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: SQL ${a} vs loops ${b}`);
};

/** Checks a report against the loops, window by window. */
function checkAgainstLoops(report: DriftReport, c: Case, segment?: string) {
  const refRows = segment ? c.ref.filter((r) => r.seg === segment) : c.ref;
  const curRows = segment ? c.cur.filter((r) => r.seg === segment) : c.cur;
  assert.equal(report.reference.rows, refRows.length);
  const days = new Map<number, Row[]>();
  for (const r of curRows) {
    const w = Math.floor(r.ts / DAY) * DAY;
    days.set(w, [...(days.get(w) ?? []), r]);
  }
  const first = Math.min(...days.keys());
  const last = Math.max(...days.keys());
  assert.equal(report.windows.length, (last - first) / DAY + 1, 'one window per day, empty days included');
  for (const w of report.windows) {
    const rows = days.get(Date.parse(w.start)) ?? [];
    assert.equal(w.rows, rows.length, `${w.start} rows`);
    assert.equal(Date.parse(w.end) - Date.parse(w.start), DAY);
    const by = (f: string) => w.features.find((x) => x.feature === f)!;
    const x = by('v.x');
    const refX = refRows.map((r) => r.x);
    const curX = rows.map((r) => r.x);
    close(x.psi, rows.length ? numericPsi(refX, curX, c.bins) : null, `${c.name} ${w.start} psi x`);
    close(x.ks, ks(refX, curX), `${c.name} ${w.start} ks x`);
    close(x.mean_shift, meanShift(refX, curX), `${c.name} ${w.start} mean_shift x`);
    close(x.null_rate_reference, nullRate(refX), 'null rate ref');
    close(x.null_rate_current, nullRate(curX), 'null rate cur');
    const nRef = refRows.map((r) => r.n);
    const nCur = rows.map((r) => r.n);
    close(by('v.n').psi, numericPsi(nRef, nCur, c.bins), `${c.name} ${w.start} psi n`);
    close(by('v.n').ks, ks(nRef, nCur), `${c.name} ${w.start} ks n`);
    close(by('v.n').mean_shift, meanShift(nRef, nCur), `${c.name} ${w.start} mean_shift n`);
    const cCur = rows.map((r) => r.c);
    close(by('v.c').psi, categoricalPsi(refRows.map((r) => r.c), cCur), `${c.name} ${w.start} psi c`);
    assert.equal(by('v.c').ks, null);
    assert.equal(by('v.c').mean_shift, null);
    close(by('v.c').null_rate_current, nullRate(cCur), 'null rate c');
    const bs = (xs: Row[]) => xs.map((r) => (r.b === null ? null : String(r.b)));
    close(by('v.b').psi, categoricalPsi(bs(refRows), bs(rows)), `${c.name} ${w.start} psi b`);
    if (x.ks !== null) close(x.ks_pvalue, ksPValue(x.ks, refX.filter((v) => v !== null).length, curX.filter((v) => v !== null).length), 'p-value');
  }
}

for (const kind of ['native', 'wasm'] as const) {
  describe(`drift metrics on ${kind} DuckDB`, () => {
    let engine: Engine;
    before(async () => {
      engine = kind === 'native' ? await NodeEngine.create({ threads: 2 }) : await WasmEngine.createBlocking();
    });
    after(async () => engine?.close());

    for (const c of CASES) {
      test(`${c.name}: PSI, KS, mean shift and null rates equal the loops`, async () => {
        await engine.exec(tableSql('ref', c.ref));
        await engine.exec(tableSql('cur', c.cur));
        const report = await computeDrift(engine, { monitor: 'm', features: FEATURES, reference: 'ref', current: 'cur', time: 'ts', everyMs: DAY, bins: c.bins, permutations: 0 });
        checkAgainstLoops(report, c);
        // The frozen edges are the loops' quantile edges.
        const x = report.features.find((f) => f.feature === 'v.x')!;
        assert.deepEqual(x.edges!.map((e) => +e.toPrecision(13)), edgesOf(c.ref.map((r) => r.x), c.bins).map((e) => +e.toPrecision(13)));
      });
    }

    test('segment drill-down: metrics over the rows of one segment only', async () => {
      const c = CASES[0]!;
      await engine.exec(tableSql('ref', c.ref));
      await engine.exec(tableSql('cur', c.cur));
      const report = await computeDrift(engine, { monitor: 'm', features: FEATURES, reference: 'ref', current: 'cur', time: 'ts', everyMs: DAY, bins: c.bins, permutations: 0, segment: { column: 'seg', value: 'B' } });
      checkAgainstLoops(report, c, 'B');
    });

    test('a frozen reference bins new data exactly as before', async () => {
      const c = CASES[3]!;
      await engine.exec(tableSql('ref', c.ref));
      await engine.exec(tableSql('cur', c.cur));
      const frozen = JSON.parse(JSON.stringify(await summarizeReference(engine, { features: FEATURES, reference: 'ref', bins: c.bins })));
      // The reference data changes afterwards; PSI keeps using the frozen edges and proportions.
      await engine.exec(`UPDATE ref SET "v__x" = "v__x" + 100`);
      const report = await computeDrift(engine, { monitor: 'm', features: FEATURES, reference: 'ref', current: 'cur', time: 'ts', everyMs: DAY, bins: c.bins, permutations: 0, frozen });
      const w = report.windows[0]!;
      const rows = c.cur.filter((r) => Math.floor(r.ts / DAY) * DAY === Date.parse(w.start));
      close(w.features[0]!.psi, numericPsi(c.ref.map((r) => r.x), rows.map((r) => r.x), c.bins), 'frozen psi');
    });
  });
}

describe('permutation estimate of the no-drift values', () => {
  let engine: NodeEngine;
  before(async () => {
    engine = await NodeEngine.create({ threads: 2 });
  });
  after(async () => engine?.close());

  test('is deterministic, near the known large-sample values with no drift, and far below real drift', async () => {
    const r = rng(9);
    const rows = (n: number, shift: number, t0: number): Row[] =>
      Array.from({ length: n }, (_, i) => ({ ts: t0 + i * 1000, x: r.normal() + shift, n: r.int(50), c: ['a', 'b', 'c'][r.int(3)]!, b: r.next() < 0.5, seg: 'A' }));
    await engine.exec(tableSql('ref', rows(2000, 0, T0 - DAY)));
    await engine.exec(tableSql('cur', [...rows(400, 0, T0), ...rows(400, 1, T0 + DAY)]));
    const opts = { monitor: 'm', features: FEATURES, reference: 'ref', current: 'cur', time: 'ts', everyMs: DAY, bins: 10, permutations: 30, permutationCap: 400 };
    const a = await computeDrift(engine, opts);
    const b = await computeDrift(engine, opts);
    assert.deepEqual(a, b, 'same answer twice');
    const [same, shifted] = a.windows;
    const x0 = same!.features[0]!;
    const x1 = shifted!.features[0]!;
    // With no drift: E[PSI] ≈ (B−1)(1/n + 1/m); E[√nₑ·D] → √(π/2)·ln 2 ≈ 0.87; E|z| = √(2/π)·√(1/n + 1/m).
    const inv = 1 / 2000 + 1 / 400;
    const ratio = (got: number | null, want: number) => (got ?? NaN) / want;
    for (const [what, got, want] of [
      ['psi', x0.psi_expected, 9 * inv],
      ['ks', x0.ks_expected, 0.8687 * Math.sqrt(inv)],
      ['mean_shift', x0.mean_shift_expected, Math.sqrt(2 / Math.PI) * Math.sqrt(inv)],
    ] as const) {
      const q = ratio(got, want);
      assert.ok(q > 0.6 && q < 1.5, `${what}_expected ${got} vs about ${want}`);
    }
    assert.ok(x1.psi! > 10 * x1.psi_expected!, 'a real shift is far above the no-drift value');
    assert.ok(x1.ks! > 5 * x1.ks_expected!);
    assert.ok(Math.abs(x1.mean_shift!) > 5 * x1.mean_shift_expected!);
    assert.equal(x0.status === 'alert', false);
    assert.ok(x1.levels.psi === 'alert' && x1.levels.ks === 'alert');
    const cat = same!.features.find((f) => f.feature === 'v.c')!;
    assert.ok(cat.psi_expected! > 0 && cat.psi_expected! < 0.05 && cat.ks_expected === null);
  });
});

describe('decisions', () => {
  const windows = Array.from({ length: 8 }, (_, i) => ({ start: new Date(T0 + i * DAY).toISOString(), end: new Date(T0 + (i + 1) * DAY).toISOString() }));
  const series = (psi: (number | null)[]) => [{ feature: 'f', values: psi.map((p) => ({ psi: p, ks: null, mean_shift: null, null_rate: null })) }];
  const th = { psi: { warn: 0.1, alert: 0.25, sustained: 3 } };

  test('an alert needs `sustained` consecutive alerting windows; since = the run start', () => {
    const d = decide(series([0.3, 0.3, 0.05, 0.3, 0.3, 0.3, 0.4, 0.12]), windows, th);
    assert.deepEqual(d.status.map((s) => s[0]), ['warn', 'warn', 'ok', 'warn', 'warn', 'alert', 'alert', 'warn']);
    assert.equal(d.alerts.length, 1);
    assert.deepEqual(d.alerts[0], { feature: 'f', metric: 'psi', since: windows[3]!.start, until: windows[6]!.end, windows: 4, peak: 0.4 });
  });

  test('a window without a value breaks a run', () => {
    const d = decide(series([0.3, 0.3, null, 0.3, 0.3]), windows.slice(0, 5), th);
    assert.equal(d.alerts.length, 0);
  });

  test('a run still open at the end counts; thresholds are inclusive; metrics without a warn level go straight to alert', () => {
    const d = decide(series([0.1, 0.25, 0.25, 0.25]), windows.slice(0, 4), th);
    assert.deepEqual(d.status.map((s) => s[0]), ['warn', 'warn', 'warn', 'alert']);
    assert.equal(d.alerts[0]!.since, windows[1]!.start);
    const k = decide([{ feature: 'f', values: [{ psi: null, ks: 0.19, mean_shift: null, null_rate: null }, { psi: null, ks: 0.2, mean_shift: null, null_rate: null }] }], windows.slice(0, 2), { ks: { alert: 0.2, sustained: 1 } });
    assert.deepEqual(k.status.map((s) => s[0]), ['ok', 'alert']);
  });
});

describe('KS p-value', () => {
  /** Relative agreement, so that small p-values are held to their digits too. */
  const rel = (a: number | null, b: number, what: string, tol = 1e-9) => assert.ok(a !== null && Math.abs(a - b) <= tol * Math.abs(b), `${what}: ${a} vs ${b}`);

  const binomial = (n: number, k: number) => Array.from({ length: k }, (_, i) => (n - i) / (i + 1)).reduce((a, b) => a * b, 1);

  /** P(D ≥ d) by listing every arrangement of n + m distinct values: the reference for the exact distribution. */
  function enumerated(n: number, m: number): Map<number, number> {
    const counts = new Map<number, number>(); // h = D·n·m → arrangements with exactly that D
    let total = 0;
    for (let mask = 0; mask < 2 ** (n + m); mask++) {
      let ones = 0;
      for (let b = mask; b; b &= b - 1) ones++;
      if (ones !== n) continue;
      let i = 0;
      let j = 0;
      let h = 0;
      for (let k = 0; k < n + m; k++) {
        if ((mask >> k) & 1) i++;
        else j++;
        h = Math.max(h, Math.abs(i * m - j * n));
      }
      counts.set(h, (counts.get(h) ?? 0) + 1);
      total++;
    }
    const atLeast = new Map<number, number>();
    for (const h of counts.keys()) atLeast.set(h, [...counts].filter(([g]) => g >= h).reduce((s, [, c]) => s + c, 0) / total);
    return atLeast;
  }

  test('small samples: the exact distribution, equal to listing every arrangement', () => {
    for (const [n, m] of [[1, 1], [3, 4], [5, 5], [4, 7], [2, 9], [6, 7], [8, 8]] as const) {
      for (const [h, p] of enumerated(n, m)) rel(ksPValue(h / (n * m), n, m), p, `p(${h}/${n * m}, ${n}, ${m})`, 1e-12);
      rel(ksPValue(1, m, n), 2 / binomial(n + m, n), `p(1, ${m}, ${n})`, 1e-12); // complete separation, either way round
    }
  });

  // scipy 1.17.1: scipy.stats.ks_2samp(..., method='exact') for the same D, n and m (its two-sided exact p-value).
  const SCIPY_EXACT: [number, number, number, number][] = [
    [0.25, 20, 20, 0.571336004933722],
    [0.3, 10, 12, 0.6297077535467629],
    [0.5, 5, 7, 0.3282828282828283],
    [0.1, 100, 200, 0.5082964140925988],
    [0.05, 1000, 1000, 0.16411447756429137],
    [0.2, 50, 80, 0.14841312779682073],
    [0.9, 10, 10, 0.00021650176448938054],
    [1.0, 30, 40, 3.6135170070159586e-20],
    [0.6, 25, 30, 4.225610761983861e-5],
    [0.15, 300, 400, 0.0008027914415657985],
    [0.04, 1000, 999, 0.38496892739829053],
  ];
  test('agrees with scipy’s exact two-sample distribution; at n = m = 20 above the asymptotic value', () => {
    for (const [d, n, m, p] of SCIPY_EXACT) rel(ksPValue(d, n, m), p, `p(${d}, ${n}, ${m})`, 1e-10);
    const en = Math.sqrt(10);
    close(kolmogorovQ((en + 0.12 + 0.11 / en) * 0.25), 0.4973, 'asymptotic at n = m = 20', 1e-4);
  });

  // scipy 1.17.1: scipy.special.kolmogorov(λ) = Q_KS(λ).
  const SCIPY_Q: [number, number][] = [
    [0.3, 0.9999906941986655],
    [0.5, 0.9639452436648751],
    [0.8, 0.5441424115741981],
    [1.0, 0.26999967167735456],
    [1.18, 0.1234538094297657],
    [1.2, 0.11224966667072497],
    [1.5, 0.022217962616525127],
    [2, 0.0006709252557796953],
    [3, 3.045995948942526e-8],
  ];
  test('large samples: Kolmogorov’s Q at the corrected λ, from the series that converges at that λ', () => {
    for (const [lambda, q] of SCIPY_Q) rel(ksQ(lambda), q, `Q(${lambda})`, 1e-12);
    // The two series meet at 1.18 without a step.
    rel(ksQ(1.18 - 1e-12), ksQ(1.18), 'Q at 1.18', 1e-10);
    // Tiny statistics: p ≈ 1 (a partial sum of the alternating series gave 0.55 and 0.33 here).
    close(ksPValue(1e-5, 200_000, 200_000), 1, 'p(1e-5, 200000, 200000)', 1e-12);
    close(ksPValue(1e-5, 100_000, 100_000), 1, 'p(1e-5, 100000, 100000)', 1e-12);
    for (const [d, n, m] of [[0.02, 50_000, 10_000], [0.005, 20_000, 30_000], [0.03, 11_000, 12_000]] as const) {
      const en = Math.sqrt((n * m) / (n + m));
      rel(ksPValue(d, n, m), kolmogorovQ((en + 0.12 + 0.11 / en) * d), `p(${d}, ${n}, ${m})`, 1e-9);
    }
    close(ksQ(1.3581), 0.05, 'Q(1.3581)', 1e-3);
    close(ksQ(1.6276), 0.01, 'Q(1.6276)', 1e-3);
    assert.equal(ksPValue(0, 10, 10), 1);
    assert.equal(ksPValue(null, 10, 10), null);
  });
});

describe('bad input', () => {
  let engine: NodeEngine;
  before(async () => {
    engine = await NodeEngine.create({ threads: 1 });
    await engine.exec(tableSql('ref', CASES[2]!.ref));
    await engine.exec(tableSql('cur', CASES[2]!.cur));
    await engine.exec(`CREATE TABLE empty AS SELECT * FROM ref WHERE false`);
  });
  after(async () => engine?.close());

  test('an empty reference, a missing column, a missing time column: DriftError with a hint', async () => {
    const base = { monitor: 'm', features: FEATURES, current: 'cur', time: 'ts', everyMs: DAY, permutations: 0 };
    await assert.rejects(computeDrift(engine, { ...base, reference: 'empty' }), (e: unknown) => e instanceof DriftError && /no rows/.test(e.message) && Boolean(e.hint));
    await assert.rejects(
      computeDrift(engine, { ...base, reference: 'ref', features: [...FEATURES, { feature: 'v.y', column: 'v__y' }] }),
      (e: unknown) => e instanceof DriftError && /'v__y'/.test(e.message) && /v__x/.test(e.hint!),
    );
    await engine.exec(`CREATE OR REPLACE TABLE cur2 AS SELECT * EXCLUDE ("v__n") FROM cur`);
    await assert.rejects(computeDrift(engine, { ...base, reference: 'ref', current: 'cur2' }), (e: unknown) => e instanceof DriftError && /no column 'v__n'/.test(e.message) && /view__feature/.test(e.hint!));
    await assert.rejects(computeDrift(engine, { ...base, reference: 'ref', time: 'when' }), (e: unknown) => e instanceof DriftError && /'when'/.test(e.message));
  });

  test('names with quotes reach SQL quoted', async () => {
    await engine.exec(`CREATE OR REPLACE TABLE "we""ird" AS SELECT ts, "v__x" AS "a""b" FROM ref`);
    await engine.exec(`CREATE OR REPLACE TABLE "cu""r" AS SELECT ts, "v__x" AS "a""b" FROM cur`);
    const r = await computeDrift(engine, { monitor: 'm', features: [{ feature: 'x', column: 'a"b' }], reference: '"we""ird"', current: '"cu""r"', time: 'ts', permutations: 5, segment: { column: 'a"b', value: "it's" } }).catch((e) => e);
    assert.ok(r instanceof DriftError && /no rows/.test(r.message), String(r));
  });

  test('bin expression: balanced CASE tree agrees with counting edges', () => {
    assert.equal(binExpr('x', []), '0');
    assert.match(binExpr('x', [1, 2, 3]), /^CASE WHEN x < CAST\('2' AS DOUBLE\)/);
  });
});
