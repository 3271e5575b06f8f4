// Drift benchmark: 50 features, 1M reference rows, 10M current rows (10
// daily windows of 1M), native DuckDB. Goal: the whole drift computation
// (reference summary, every metric for every feature and window, decisions)
// under 10 s. Writes bench/results/drift-<date>.json and .md.
//
//   node --import tsx bench/drift/run.ts [--ref 1000000] [--cur 10000000] [--features 50] [--runs 3] [--permutations 20]
//
// The data is generated inside DuckDB (deterministic, hash-based) and held in
// memory; generating it is timed separately and not part of the result.
// A plain-loop check of PSI, KS and mean shift on one numeric and one count
// feature over one whole 1M-row window against the 1M reference runs after
// the timings.
import os from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NodeEngine } from '../../src/engine/node.js';
import { computeDrift, type DriftFeature, type DriftReport } from '../../src/drift/compute.js';

const root = new URL('../..', import.meta.url).pathname;
const { values } = parseArgs({
  options: { ref: { type: 'string' }, cur: { type: 'string' }, features: { type: 'string' }, runs: { type: 'string' }, permutations: { type: 'string' }, threads: { type: 'string' } },
});
const REF = Number(values.ref ?? 1_000_000);
const CUR = Number(values.cur ?? 10_000_000);
const F = Number(values.features ?? 50);
const RUNS = Number(values.runs ?? 3);
const K = Number(values.permutations ?? 20);
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 5, 1);
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const log = (s: string) => process.stderr.write(s + '\n');

// Feature i: kind by i % 5 — 0,1,2 continuous (normal, lognormal money, uniform score), 3 count, 4 category.
const kindOf = (i: number) => (['normal', 'money', 'score', 'count', 'category'] as const)[i % 5]!;
/** Two uniforms in (0, 1) from one hash of row i and feature j: its low and high 32 bits. */
const lo = (j: number) => `(((hash(i, ${j}) & 4294967295) + 0.5) / 4294967296.0)`;
const hi = (j: number) => `(((hash(i, ${j}) >> 32) + 0.5) / 4294967296.0)`;
function column(j: number, current: boolean): string {
  // Drift in current rows: every 7th feature shifts from the 6th day on.
  const drifts = current && j % 7 === 0 ? `CASE WHEN i % 10 >= 5 THEN 1 ELSE 0 END` : '0';
  const normal = `(sqrt(-2 * ln(${lo(j)})) * cos(2 * pi() * ${hi(j)}))`;
  // 2% nulls: from a third, independent hash bit range of the same row.
  const nullIf = `CASE WHEN hash(i, ${j}, 7) % 50 = 0 THEN NULL ELSE `;
  switch (kindOf(j)) {
    case 'normal':
      return `${nullIf}round(${normal} + 0.6 * ${drifts}, 3) END AS f${j}`;
    case 'money':
      return `${nullIf}round(exp(3 + ${normal} + 0.6 * ${drifts}), 2) END AS f${j}`;
    case 'score':
      return `${nullIf}round(${lo(j)} * (1 + 0.5 * ${drifts}), 4) END AS f${j}`;
    case 'count':
      return `${nullIf}CAST(floor(-ln(${lo(j)}) * (3 + ${drifts})) AS BIGINT) END AS f${j}`;
    case 'category':
      return `${nullIf}'c' || CAST(floor(pow(${lo(j)}, 1 + ${drifts}) * 12) AS INTEGER) END AS f${j}`;
  }
}

async function main() {
  const engine = await NodeEngine.create(values.threads ? { threads: Number(values.threads) } : {});
  const machine = {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    memory_gib: round(os.totalmem() / 2 ** 30, 1),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    duckdb: String((await engine.query('SELECT version() AS v')).rows[0]!.v),
    threads: Number((await engine.query("SELECT current_setting('threads') AS t")).rows[0]!.t),
    loadavg_start: os.loadavg().map((x) => round(x, 2)),
    loadavg_end: [] as number[],
  };
  log(`bench/drift: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gib} GiB, DuckDB ${machine.duckdb} (${machine.threads} threads), load ${machine.loadavg_start.join(' ')}`);
  const cols = (current: boolean) => Array.from({ length: F }, (_, j) => column(j, current)).join(',\n  ');
  let t = performance.now();
  await engine.exec(`CREATE TABLE ref AS SELECT TIMESTAMP '2024-01-01' + to_milliseconds(i * 10) AS ts,\n  ${cols(false)}\nFROM range(${REF}) t(i)`);
  // Current rows: day = i % 10 (so drift starts on day 5), spread within the day.
  await engine.exec(`CREATE TABLE cur AS SELECT TIMESTAMP '${new Date(T0).toISOString().slice(0, 10)}' + to_milliseconds((i % 10) * ${DAY} + (i // 10) % ${DAY}) AS ts,\n  ${cols(true)}\nFROM range(${CUR}) t(i)`);
  const generateS = (performance.now() - t) / 1000;
  log(`generated ${REF} reference and ${CUR} current rows × ${F} features in ${generateS.toFixed(1)}s`);
  const features: DriftFeature[] = Array.from({ length: F }, (_, j) => ({ feature: `bench.f${j}`, column: `f${j}` }));
  const opts = { monitor: 'bench', features, reference: 'ref', current: 'cur', time: 'ts', everyMs: DAY, bins: 10, thresholds: { psi: { warn: 0.1, alert: 0.25, sustained: 2 } } };

  const runs: { permutations: number; seconds: number; cpu_seconds: number; load1: number }[] = [];
  let report: DriftReport | undefined;
  for (let r = 0; r < RUNS; r++) {
    for (const k of [K, 0]) {
      const load1 = round(os.loadavg()[0]!, 2);
      t = performance.now();
      const cpu0 = process.cpuUsage();
      const rep = await computeDrift(engine, { ...opts, permutations: k });
      const seconds = round((performance.now() - t) / 1000);
      const used = process.cpuUsage(cpu0);
      // CPU seconds of the process (DuckDB's threads included): moves much less than wall time on a shared machine.
      const cpu_seconds = round((used.user + used.system) / 1e6);
      runs.push({ permutations: k, seconds, cpu_seconds, load1 });
      if (k === K) report = rep;
      log(`run ${r + 1}, permutations ${k}: ${seconds}s wall, ${cpu_seconds}s CPU (load ${load1})`);
    }
  }

  // Plain-loop check over a whole window (1M rows) against the whole reference.
  const checks: { feature: string; window: string; metric: string; sql: number | null; loops: number | null; ok: boolean }[] = [];
  const w = report!.windows[7]!;
  for (const j of [1, 3]) {
    const col = `f${j}`;
    const refV = (await engine.query(`SELECT ${col} AS v FROM ref WHERE ${col} IS NOT NULL`)).rows.map((x) => Number(x.v));
    const curV = (await engine.query(`SELECT ${col} AS v FROM cur WHERE ${col} IS NOT NULL AND ts >= TIMESTAMP '${w.start.replace('T', ' ').replace('Z', '')}' AND ts < TIMESTAMP '${w.end.replace('T', ' ').replace('Z', '')}'`)).rows.map((x) => Number(x.v));
    const a = Float64Array.from(refV).sort();
    const b = Float64Array.from(curV).sort();
    const q = (p: number) => {
      const pos = (a.length - 1) * p;
      const lo = Math.floor(pos);
      return a[lo]! + (a[Math.ceil(pos)]! - a[lo]!) * (pos - lo);
    };
    const edges = [...new Set(Array.from({ length: 9 }, (_, i) => q((i + 1) / 10)))].sort((x, y) => x - y);
    const bin = (x: number) => edges.filter((e) => x >= e).length;
    const rc = new Array(edges.length + 1).fill(0);
    const cc = new Array(edges.length + 1).fill(0);
    for (const x of a) rc[bin(x)]++;
    for (const x of b) cc[bin(x)]++;
    let psi = 0;
    for (let i = 0; i < rc.length; i++) {
      const e = rc[i] / a.length;
      const o = cc[i] / b.length;
      psi += (o - e) * Math.log((o + 1e-4) / (e + 1e-4));
    }
    let ks = 0;
    for (let i = 0, k = 0; i < a.length || k < b.length; ) {
      const v = Math.min(i < a.length ? a[i]! : Infinity, k < b.length ? b[k]! : Infinity);
      while (i < a.length && a[i] === v) i++;
      while (k < b.length && b[k] === v) k++;
      ks = Math.max(ks, Math.abs(i / a.length - k / b.length));
    }
    const mean = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const ma = mean(a);
    const sd = Math.sqrt(a.reduce((s, x) => s + (x - ma) ** 2, 0) / (a.length - 1));
    const z = (mean(b) - ma) / sd;
    const f = w.features.find((x) => x.feature === `bench.${col}`)!;
    for (const [metric, sql, loops] of [['psi', f.psi, psi], ['ks', f.ks, ks], ['mean_shift', f.mean_shift, z]] as const) {
      const ok = sql !== null && Math.abs(sql - loops) <= 1e-9 * Math.max(1, Math.abs(loops));
      checks.push({ feature: col, window: w.start, metric, sql, loops, ok });
    }
  }
  machine.loadavg_end = os.loadavg().map((x) => round(x, 2));
  await engine.close();

  const withK = runs.filter((r) => r.permutations === K).map((r) => r.seconds).sort((x, y) => x - y);
  const without = runs.filter((r) => r.permutations === 0).map((r) => r.seconds).sort((x, y) => x - y);
  const cpuWith = runs.filter((r) => r.permutations === K).map((r) => r.cpu_seconds).sort((x, y) => x - y);
  const cpuWithout = runs.filter((r) => r.permutations === 0).map((r) => r.cpu_seconds).sort((x, y) => x - y);
  const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;
  const date = new Date().toISOString().slice(0, 10);
  const out = { date, machine, median_cpu_seconds: { permutations: median(cpuWith), none: median(cpuWithout) }, data: { reference_rows: REF, current_rows: CUR, features: F, windows: report!.windows.length, generate_seconds: round(generateS, 1) }, runs, median_seconds: { permutations: median(withK), none: median(without) }, goal_seconds: 10, alerts: report!.alerts.length, checks };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, `bench/results/drift-${date}.json`), JSON.stringify(out, null, 2) + '\n');
  const md = `# Drift benchmark, ${date}

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gib} GiB, ${machine.platform}; Node ${machine.node}; DuckDB ${machine.duckdb} (${machine.threads} threads).
Load average (1/5/15 min) ${machine.loadavg_start.join(' / ')} at the start, ${machine.loadavg_end.join(' / ')} at the end. The machine is shared: other work shows up as noise; each run's 1-minute load is in the table.

Data (generated in DuckDB, in memory, ${round(generateS, 1)} s, not timed below): ${REF.toLocaleString('en-US')} reference rows, ${CUR.toLocaleString('en-US')} current rows in ${report!.windows.length} daily windows, ${F} features: per five, a normal (3 decimals), a log-normal amount (cents), a uniform score (4 decimals), a count and a 12-category text; 2% nulls each; every 7th feature drifts from the 6th day on.

What is timed: \`computeDrift\` — reference summary (quantile edges, categories, counts), window statistics, PSI, exact KS, mean shift and null rates for every feature and window, the permutation estimates (${K} shuffles per window-size class, 500 + 500 rows pooled) when on, decisions. Command: \`node --import tsx bench/drift/run.ts --runs ${RUNS}\`.

## Results

| | median s | min s | CPU s (median) | goal |
| --- | ---: | ---: | ---: | --- |
| with permutations (${K}) | **${median(withK)}** | ${withK[0]} | ${median(cpuWith)} | under 10 s: **${median(withK) < 10 ? 'met' : 'missed'}** |
| without permutations | ${median(without)} | ${without[0]} | ${median(cpuWithout)} | |

| run | permutations | wall s | CPU s | load before |
| ---: | ---: | ---: | ---: | ---: |
${runs.map((r, i) => `| ${Math.floor(i / 2) + 1} | ${r.permutations} | ${r.seconds} | ${r.cpu_seconds} | ${r.load1} |`).join('\n')}

With ${machine.threads} DuckDB threads, wall time can go no lower than about CPU seconds / ${machine.threads} on an idle machine.${median(withK) >= 10 ? ` The goal is **missed**: exact KS needs, per numeric feature, a grouping of every window's values (10M rows per feature, 40 numeric features) and a sort of the distinct values; PSI reuses that grouping, so each feature costs about one pass over the current rows — 50 passes over 10M rows in all. On this 2-core machine that is the floor of this design; an approximate KS (binned, or on a sample) would fit the goal but would not be exact.` : ''}

${report!.alerts.length} alerts (features f0, f7, f14, … drift from the 6th day; with sustained 2 their PSI alerts start on the 7th).

## Verification

Plain loops (sorted arrays, no SQL) over a whole 1M-row window against the 1M-row reference, window ${w.start}:

| feature | metric | SQL | loops | equal (1e-9) |
| --- | --- | ---: | ---: | --- |
${checks.map((c) => `| ${c.feature} | ${c.metric} | ${c.sql} | ${c.loops} | ${c.ok ? 'yes' : '**no**'} |`).join('\n')}
`;
  writeFileSync(join(root, `bench/results/drift-${date}.md`), md);
  log(md);
  if (!checks.every((c) => c.ok)) process.exit(1);
}

main().catch((err) => {
  log(`bench/drift: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
