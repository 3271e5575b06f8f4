/**
 * Point-in-time benchmark: `featurebook build` against a hand-written DuckDB
 * query for the same features, on 1M spine rows × 10M events.
 *
 *   node bench/pit/run.mjs [--runs 3] [--no-build] [--keep] [--no-gnu-time]
 *                          [--events 10000000 --spine 1000000 --users 100000 --merchants 20000]
 *
 * 1. Builds dist/cli.js from src (`node scripts/build.mjs`) unless --no-build.
 * 2. Generates bench/data/pit/{events,spine}.parquet with DuckDB (data.mjs),
 *    unless they are there with the right row counts. Other sizes go to
 *    bench/data/pit-<events>x<spine>/ with a copy of bench.fdl.
 * 3. Runs, alternately (fb, expert, expert, fb, …), --runs times each:
 *    - `node bin/featurebook.js build bench/pit/bench.fdl pit_train --out TMP.parquet`
 *    - `node bench/pit/expert.mjs …` (expert.sql: one fresh process, same DuckDB, same threads)
 *    each under `/usr/bin/time` for peak RSS and CPU time (installed with
 *    apt-get when missing and possible; else, or with --no-gnu-time, /proc/PID/status
 *    VmHWM is polled).
 * 4. Verifies: both outputs have the same columns, row count and values
 *    (floats within 1e-9 relative), and a sample of spine rows matches a
 *    direct transcription of the semantics (docs/language.md) (a plain join with the window predicates).
 * 5. Writes bench/results/pit-<date>.json and .md.
 *
 * Exit status 0 when the run completed and the outputs agree (goals missed are
 * reported, not failed); 1 otherwise.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, openSync, readSync, closeSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { ensureData } from './data.mjs';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const here = join(root, 'bench/pit');
const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    'no-build': { type: 'boolean' },
    keep: { type: 'boolean' },
    events: { type: 'string' },
    spine: { type: 'string' },
    users: { type: 'string' },
    merchants: { type: 'string' },
    results: { type: 'string' },
    'no-gnu-time': { type: 'boolean' },
  },
});
const RUNS = Math.max(1, Number(flags.runs ?? 3));
const EVENTS = Number(flags.events ?? 10_000_000);
const SPINE = Number(flags.spine ?? 1_000_000);
const USERS = Number(flags.users ?? Math.max(100, Math.round(EVENTS / 100)));
const MERCHANTS = Number(flags.merchants ?? Math.max(100, Math.round(USERS / 5)));
const DEFAULT_SIZE = EVENTS === 10_000_000 && SPINE === 1_000_000 && USERS === 100_000 && MERCHANTS === 20_000;
const SET = 'pit_train';
const GOAL_RATIO = 1.2;
const GOAL_SECONDS = 20;
const resultsDir = flags.results ?? join(root, 'bench/results');

const log = (s) => process.stderr.write(s + '\n');
const rel = (p) => relative(root, p) || '.';
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, d = 3) => (x === null || x === undefined || !Number.isFinite(x) ? x : Math.round(x * 10 ** d) / 10 ** d);
const load1 = () => round(os.loadavg()[0], 2);

// ---------------------------------------------------------------- machine

function machineInfo() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) cpu = m[1].trim();
  } catch {}
  return {
    cpu,
    cores: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
    memory_gib: round(os.totalmem() / 2 ** 30, 1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadavg_start: os.loadavg().map((x) => round(x, 2)),
  };
}

/** GNU time for peak RSS; installs it when missing and we may. */
function ensureGnuTime() {
  const ok = () => spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { stdio: 'ignore' }).status === 0;
  if (existsSync('/usr/bin/time') && ok()) return true;
  if (process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0) {
    log('installing GNU time (apt-get install -y time) for peak-RSS measurement …');
    spawnSync('apt-get', ['install', '-y', '-q', 'time'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync('/usr/bin/time') && ok()) return true;
  }
  log('GNU time not available: polling /proc/PID/status VmHWM for peak RSS instead');
  return false;
}

// ---------------------------------------------------------------- measuring one process

function readProc(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s*(\d+) kB/.exec(status);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { hwmKb: hwm ? Number(hwm[1]) : 0, utime: Number(f[11]) / 100, stime: Number(f[12]) / 100 };
  } catch {
    return undefined;
  }
}

/**
 * Runs `node ARGS` and measures wall time (here), peak RSS and CPU time (GNU
 * time, or /proc polling). Resolves with stdout, stderr and the measurements.
 */
function measure(args, gnuTime) {
  return new Promise((resolve, reject) => {
    const timeFile = join(os.tmpdir(), `fb-pit-time-${process.pid}-${Date.now()}`);
    const [cmd, argv] = gnuTime ? ['/usr/bin/time', ['-f', '%e %M %U %S', '-o', timeFile, process.execPath, ...args]] : [process.execPath, args];
    const load = load1();
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let last;
    // VmHWM is the kernel's own high-water mark, so the last good sample is the peak (a zombie has no VmHWM: keep the max).
    const poll = gnuTime
      ? undefined
      : setInterval(() => {
          const p = readProc(child.pid);
          if (p) last = { hwmKb: Math.max(p.hwmKb, last?.hwmKb ?? 0), utime: Math.max(p.utime, last?.utime ?? 0), stime: Math.max(p.stime, last?.stime ?? 0) };
        }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = (performance.now() - t0) / 1000;
      if (poll) clearInterval(poll);
      let rssKb = last?.hwmKb ?? NaN;
      let cpu = last ? last.utime + last.stime : NaN;
      if (gnuTime) {
        try {
          const line = readFileSync(timeFile, 'utf8').trim().split('\n').pop();
          const [, m, u, s] = line.split(/\s+/).map(Number);
          rssKb = m;
          cpu = u + s;
        } catch {}
        rmSync(timeFile, { force: true });
      }
      resolve({ code, stdout, stderr, wall_s: round(wall), cpu_s: round(cpu, 2), peak_rss_mib: round(rssKb / 1024, 1), load1_before: load });
    });
  });
}

// ---------------------------------------------------------------- verification

const q = (s) => `'${s.replaceAll("'", "''")}'`;
const qi = (s) => `"${s.replaceAll('"', '""')}"`;

async function withDuck(fn) {
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  try {
    await con.run(`SET TimeZone = 'UTC'`);
    return await fn(con);
  } finally {
    con.closeSync();
    inst.closeSync();
  }
}
const rowsOf = async (con, sql) => (await con.runAndReadAll(sql)).getRowObjectsJS();
const isFloat = (t) => /^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(t);
const isNumber = (t) => /^(DOUBLE|FLOAT|REAL|DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)/.test(t);

/** Condition for "x and y differ" for one column (floats: 1e-9 relative; numbers of different types compared as numbers). */
function differs(x, y, tx, ty) {
  if (isFloat(tx) || isFloat(ty)) {
    const a = `CAST(${x} AS DOUBLE)`;
    const b = `CAST(${y} AS DOUBLE)`;
    return `NOT ((${a} IS NULL AND ${b} IS NULL) OR ${a} = ${b} OR abs(${a} - ${b}) <= 1e-9 * greatest(abs(${a}), abs(${b})))`;
  }
  if (tx !== ty && isNumber(tx) && isNumber(ty)) return `CAST(${x} AS HUGEINT) IS DISTINCT FROM CAST(${y} AS HUGEINT)`;
  return `${x} IS DISTINCT FROM ${y}`;
}

/** Compares two Parquet outputs row by row (same position = same spine row). */
async function compareOutputs(con, a, b) {
  const cols = async (p) => (await rowsOf(con, `DESCRIBE SELECT * FROM read_parquet(${q(p)})`)).map((r) => ({ name: r.column_name, type: r.column_type }));
  const ca = await cols(a);
  const cb = await cols(b);
  const out = { columns: ca.map((c) => c.name), type_differences: [], name_mismatch: false, rows_a: 0, rows_b: 0, mismatches: {}, ok: false };
  if (ca.length !== cb.length || ca.some((c, i) => c.name !== cb[i].name)) {
    out.name_mismatch = true;
    out.columns_b = cb.map((c) => c.name);
    return out;
  }
  ca.forEach((c, i) => {
    if (c.type !== cb[i].type) out.type_differences.push({ column: c.name, featurebook: c.type, expert: cb[i].type });
  });
  const exprs = ca.map((c, i) => `count(*) FILTER (WHERE ${differs(`x.${qi(c.name)}`, `y.${qi(c.name)}`, c.type, cb[i].type)})::BIGINT AS "${i}"`);
  const [r] = await rowsOf(
    con,
    `SELECT (SELECT count(*) FROM read_parquet(${q(a)}))::BIGINT AS rows_a, (SELECT count(*) FROM read_parquet(${q(b)}))::BIGINT AS rows_b,
       count(x.file_row_number)::BIGINT AS matched, ${exprs.join(', ')}
     FROM read_parquet(${q(a)}, file_row_number = true) x
     JOIN read_parquet(${q(b)}, file_row_number = true) y USING (file_row_number)`,
  );
  out.rows_a = Number(r.rows_a);
  out.rows_b = Number(r.rows_b);
  let bad = 0;
  ca.forEach((c, i) => {
    const n = Number(r[String(i)]);
    out.mismatches[c.name] = n;
    bad += n;
  });
  out.ok = out.rows_a === out.rows_b && Number(r.matched) === out.rows_a && bad === 0;
  return out;
}

/**
 * An independent check on a sample of spine rows: the semantics (docs/language.md) written out as a
 * plain join (events of the key strictly before t and within the window),
 * compared with the featurebook output at the same positions.
 */
async function referenceCheck(con, data, fbOut, every) {
  const F = 'user_activity__';
  const ref = `
    WITH s AS (
      SELECT file_row_number AS r, user_id, ts FROM read_parquet(${q(data.spine)}, file_row_number = true) WHERE file_row_number % ${every} = 7
    ),
    j AS (
      SELECT s.r, e.* FROM s LEFT JOIN read_parquet(${q(data.events)}) e
        ON e.user_id = s.user_id AND e.ts < s.ts AND e.ts >= s.ts - INTERVAL 90 DAY
    ),
    agg AS (
      SELECT s.r,
        count(j.ts) FILTER (WHERE j.ts >= s.ts - INTERVAL 1 HOUR) AS txn_1h,
        count(j.ts) FILTER (WHERE j.ts >= s.ts - INTERVAL 1 DAY) AS txn_1d,
        sum(j.amount) FILTER (WHERE j.ts >= s.ts - INTERVAL 7 DAY) AS spend_7d,
        min(j.amount) FILTER (WHERE j.ts >= s.ts - INTERVAL 7 DAY) AS min_amount_7d,
        avg(j.amount) FILTER (WHERE j.ts >= s.ts - INTERVAL 30 DAY) AS avg_amount_30d,
        max(j.amount) FILTER (WHERE j.ts >= s.ts - INTERVAL 30 DAY) AS max_amount_30d,
        sum(j.amount) AS spend_90d,
        arg_max(j.category, struct_pack(t := j.ts, v := j.category)) FILTER (WHERE j.category IS NOT NULL) AS last_category_90d,
        count(DISTINCT j.merchant_id) FILTER (WHERE j.ts >= s.ts - INTERVAL 30 DAY) AS merchants_30d
      FROM s LEFT JOIN j USING (r)
      GROUP BY s.r, s.ts
    )
    SELECT count(*)::BIGINT AS n,
      count(*) FILTER (WHERE f.file_row_number IS NULL)::BIGINT AS missing,
      ${['txn_1h', 'txn_1d', 'spend_7d', 'min_amount_7d', 'avg_amount_30d', 'max_amount_30d', 'spend_90d', 'last_category_90d', 'merchants_30d']
        .map((c) => {
          const float = ['spend_7d', 'min_amount_7d', 'avg_amount_30d', 'max_amount_30d', 'spend_90d', 'merchants_30d'].includes(c);
          return `count(*) FILTER (WHERE ${differs(`agg.${c}`, `f.${F}${c}`, float ? 'DOUBLE' : 'VARCHAR', float ? 'DOUBLE' : 'VARCHAR')})::BIGINT AS ${c}`;
        })
        .join(',\n      ')}
    FROM agg LEFT JOIN read_parquet(${q(fbOut)}, file_row_number = true) f ON f.file_row_number = agg.r`;
  const [r] = await rowsOf(con, ref);
  const mismatches = {};
  let bad = Number(r.missing);
  for (const [k, v] of Object.entries(r)) {
    if (k === 'n' || k === 'missing') continue;
    mismatches[k] = Number(v);
    bad += Number(v);
  }
  return { sampled_rows: Number(r.n), every_nth: every, missing: Number(r.missing), mismatches, ok: bad === 0 && Number(r.n) > 0 };
}

/** What `featurebook build` measures to pick a strategy (pickStrategies): pairs vs stream. */
async function strategyStats(con, data) {
  const [r] = await rowsOf(
    con,
    `SELECT
       (SELECT sum(s.n * e.n) FROM (SELECT user_id, count(*) AS n FROM read_parquet(${q(data.spine)}) GROUP BY ALL) s
          JOIN (SELECT user_id, count(*) AS n FROM read_parquet(${q(data.events)}) GROUP BY ALL) e USING (user_id))::BIGINT AS pairs,
       (SELECT max(n) FROM (SELECT user_id, count(*) AS n FROM read_parquet(${q(data.events)}) GROUP BY ALL))::BIGINT AS max_events_per_user`,
  );
  const aggregates = 9;
  const stream = data.eventRows + data.spineRows;
  const pairs = Number(r.pairs);
  return { pairs, stream, aggregates, expected: pairs <= 2 * stream * aggregates ? 'join' : 'window', max_events_per_user: Number(r.max_events_per_user) };
}

// ---------------------------------------------------------------- main

async function main() {
  const machine = machineInfo();
  log(`bench/pit: ${machine.cpu}, ${machine.cores} cores, ${machine.memory_gib} GiB, node ${machine.node}, load ${machine.loadavg_start.join(' ')}`);
  const gnuTime = !flags['no-gnu-time'] && ensureGnuTime();

  if (!flags['no-build']) {
    log('building dist/cli.js (node scripts/build.mjs) …');
    const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('node scripts/build.mjs failed (fix the build, or pass --no-build to use the existing dist/)');
  }
  if (!existsSync(join(root, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs`');

  const dataDir = join(root, 'bench/data', DEFAULT_SIZE ? 'pit' : `pit-${EVENTS}x${SPINE}-${USERS}u`);
  const data = await ensureData({ dir: dataDir, events: EVENTS, spine: SPINE, users: USERS, merchants: MERCHANTS, log });
  if (data.generated.length) log(`generated ${data.generated.join(', ')} in ${data.generateSeconds.toFixed(1)}s`);
  let fdl = join(here, 'bench.fdl');
  if (!DEFAULT_SIZE) {
    // Same definitions, pointed at this size's files.
    fdl = join(dataDir, 'bench.fdl');
    writeFileSync(fdl, readFileSync(join(here, 'bench.fdl'), 'utf8').replaceAll('../data/pit/', ''));
  }
  // Both sides read the Parquet files from the page cache, not the disk.
  for (const p of [data.events, data.spine]) {
    const fd = openSync(p, 'r');
    const buf = Buffer.allocUnsafe(1 << 22);
    while (readSync(fd, buf, 0, buf.length, null) > 0);
    closeSync(fd);
  }

  const tmp = mkdtempSync(join(os.tmpdir(), 'featurebook-pit-'));
  const fbCmd = (out) => ['bin/featurebook.js', 'build', rel(fdl), SET, '--out', out];
  const exCmd = (out) => ['bench/pit/expert.mjs', '--events', rel(data.events), '--spine', rel(data.spine), '--out', out];
  const runs = { featurebook: [], expert: [] };
  let expertInfo;
  try {
    for (let i = 0; i < RUNS; i++) {
      // ABBA order: fb, expert, expert, fb, … so neither side always goes first.
      const order = i % 2 === 0 ? ['featurebook', 'expert'] : ['expert', 'featurebook'];
      for (const side of order) {
        const out = join(tmp, `${side}-${i}.parquet`);
        const m = await measure(side === 'featurebook' ? fbCmd(out) : exCmd(out), gnuTime);
        if (m.code !== 0) throw new Error(`${side} run ${i + 1} failed (exit ${m.code}):\n${m.stderr.slice(-4000)}`);
        const run = { run: i + 1, wall_s: m.wall_s, cpu_s: m.cpu_s, peak_rss_mib: m.peak_rss_mib, load1_before: m.load1_before, out };
        if (side === 'featurebook') {
          const sm = /in ([\d.]+)s/.exec(m.stderr);
          run.cli_reported_s = sm ? Number(sm[1]) : null;
        } else {
          expertInfo = JSON.parse(m.stdout.trim().split('\n').pop());
          run.query_s = round(expertInfo.seconds);
        }
        runs[side].push(run);
        log(`  ${side.padEnd(11)} run ${i + 1}: ${m.wall_s.toFixed(2)}s wall, ${m.cpu_s}s CPU, peak RSS ${m.peak_rss_mib} MiB (load ${m.load1_before})`);
      }
    }

    log('verifying …');
    const verification = await withDuck(async (con) => {
      const fbOut = runs.featurebook.at(-1).out;
      const exOut = runs.expert.at(-1).out;
      const cmp = await compareOutputs(con, fbOut, exOut);
      const every = Math.max(1, Math.round(SPINE / 500));
      const reference = await referenceCheck(con, data, fbOut, every);
      const strategy = await strategyStats(con, data);
      return { featurebook_vs_expert: cmp, reference_sample: reference, strategy };
    });

    const summarize = (rs) => ({
      min_s: round(Math.min(...rs.map((r) => r.wall_s))),
      median_s: round(median(rs.map((r) => r.wall_s))),
      cpu_min_s: round(Math.min(...rs.map((r) => r.cpu_s)), 2),
      cpu_median_s: round(median(rs.map((r) => r.cpu_s)), 2),
      peak_rss_mib: round(Math.max(...rs.map((r) => r.peak_rss_mib)), 1),
      runs: rs.map(({ out, ...r }) => r),
    });
    const fb = summarize(runs.featurebook);
    const ex = summarize(runs.expert);
    const ratio = {
      median: round(fb.median_s / ex.median_s),
      min: round(fb.min_s / ex.min_s),
      cpu_median: round(fb.cpu_median_s / ex.cpu_median_s),
      peak_rss: round(fb.peak_rss_mib / ex.peak_rss_mib),
    };
    machine.loadavg_end = os.loadavg().map((x) => round(x, 2));
    machine.duckdb = expertInfo?.duckdb;
    machine.duckdb_threads = expertInfo?.threads;
    const date = new Date();
    const day = date.toISOString().slice(0, 10); // UTC, like `date`
    const result = {
      bench: 'pit',
      date: date.toISOString(),
      command: `node bench/pit/run.mjs${process.argv.slice(2).length ? ' ' + process.argv.slice(2).join(' ') : ''}`,
      machine,
      peak_rss_method: gnuTime ? '/usr/bin/time %M' : '/proc/PID/status VmHWM (polled)',
      data: {
        events: data.eventRows,
        spine: data.spineRows,
        users: data.users,
        merchants: data.merchants,
        files: { events: rel(data.events), spine: rel(data.spine) },
        bytes: { events: statSync(data.events).size, spine: statSync(data.spine).size },
        generated_this_run: data.generated,
        generate_s: round(data.generateSeconds, 2),
      },
      featurebook: { command: `node ${fbCmd('OUT.parquet').join(' ')}`, ...fb },
      expert: { command: `node ${exCmd('OUT.parquet').join(' ')}`, sql: 'bench/pit/expert.sql', ...ex },
      ratio,
      goals: {
        ratio_max: GOAL_RATIO,
        featurebook_max_s: GOAL_SECONDS,
        ratio_met: ratio.median <= GOAL_RATIO,
        featurebook_time_met: fb.median_s < GOAL_SECONDS,
      },
      verification,
    };
    mkdirSync(resultsDir, { recursive: true });
    const base = join(resultsDir, `pit-${day}`);
    writeFileSync(base + '.json', JSON.stringify(result, null, 2) + '\n');
    writeFileSync(base + '.md', markdown(result));
    log(`wrote ${rel(base)}.json and .md`);
    log(
      `featurebook: median ${fb.median_s}s (min ${fb.min_s}s), peak ${fb.peak_rss_mib} MiB; expert: median ${ex.median_s}s (min ${ex.min_s}s), peak ${ex.peak_rss_mib} MiB; ratio ${ratio.median} (min ${ratio.min}, CPU ${ratio.cpu_median})`,
    );
    const v = verification;
    log(`outputs equal: ${v.featurebook_vs_expert.ok}; reference sample (${v.reference_sample.sampled_rows} rows): ${v.reference_sample.ok}`);
    return v.featurebook_vs_expert.ok && v.reference_sample.ok ? 0 : 1;
  } finally {
    if (flags.keep) log(`outputs kept in ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- report

function markdown(r) {
  const fb = r.featurebook;
  const ex = r.expert;
  const v = r.verification;
  const m = r.machine;
  const yes = (b) => (b ? 'met' : '**missed**');
  const lines = [];
  lines.push(`# Point-in-time benchmark, ${r.date.slice(0, 10)}`, '');
  lines.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memory_gib} GiB, ${m.os}; Node ${m.node}; DuckDB ${m.duckdb} (${m.duckdb_threads} threads, both sides).`,
    `Load average (1/5/15 min) ${m.loadavg_start.join(' / ')} at the start, ${m.loadavg_end.join(' / ')} at the end; each run's 1-minute load is in the table. The machine is shared: other work shows up as noise, so compare medians and minimums, and CPU seconds.`,
    '',
    `Data: ${r.data.spine.toLocaleString('en-US')} spine rows × ${r.data.events.toLocaleString('en-US')} events, ${r.data.users.toLocaleString('en-US')} users (skewed: the busiest has ${v.strategy.max_events_per_user.toLocaleString('en-US')} events), ${r.data.merchants.toLocaleString('en-US')} merchants, 180 days; Parquet ${(r.data.bytes.events / 2 ** 20).toFixed(0)} + ${(r.data.bytes.spine / 2 ** 20).toFixed(0)} MiB in \`${r.data.files.events.replace(/[^/]+$/, '')}\`.`,
    `Features (bench/pit/bench.fdl): 8 windowed aggregates (count 1h, count 1d, sum 7d, min 7d, avg 30d, max 30d, sum 90d, last 90d) and count_distinct over 30d, one feature block, one training set.`,
    `Strategy featurebook picks: ${v.strategy.expected} (pairs ${v.strategy.pairs.toLocaleString('en-US')} vs 2 × stream ${v.strategy.stream.toLocaleString('en-US')} × ${v.strategy.aggregates} aggregates).`,
    '',
    `Command: \`${r.command}\`. Peak RSS by ${r.peak_rss_method}.`,
    '',
    '## Results',
    '',
    '| | median s | min s | CPU s (median) | peak RSS MiB |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| featurebook build | ${fb.median_s} | ${fb.min_s} | ${fb.cpu_median_s} | ${fb.peak_rss_mib} |`,
    `| expert query | ${ex.median_s} | ${ex.min_s} | ${ex.cpu_median_s} | ${ex.peak_rss_mib} |`,
    `| ratio featurebook / expert | **${r.ratio.median}** | ${r.ratio.min} | ${r.ratio.cpu_median} | ${r.ratio.peak_rss} |`,
    '',
    `Goals: ratio ≤ ${r.goals.ratio_max}: ${yes(r.goals.ratio_met)}; featurebook under ${r.goals.featurebook_max_s} s: ${yes(r.goals.featurebook_time_met)}.`,
    '',
    'Each time is a whole process: Node start, (featurebook) parsing, checking and the strategy query, the DuckDB query, and writing Parquet.',
    '',
    '| side | run | wall s | CPU s | peak RSS MiB | load before | inside |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
  );
  const rows = [];
  for (const [side, s] of [
    ['featurebook', fb],
    ['expert', ex],
  ])
    for (const x of s.runs) rows.push({ side, ...x });
  rows.sort((a, b) => a.run - b.run || (a.run % 2 ? (a.side === 'featurebook' ? -1 : 1) : a.side === 'expert' ? -1 : 1));
  for (const x of rows)
    lines.push(
      `| ${x.side} | ${x.run} | ${x.wall_s} | ${x.cpu_s} | ${x.peak_rss_mib} | ${x.load1_before} | ${x.side === 'featurebook' ? `CLI reports ${x.cli_reported_s}s building` : `query ${x.query_s}s`} |`,
    );
  const c = v.featurebook_vs_expert;
  const badCols = Object.entries(c.mismatches ?? {}).filter(([, n]) => n > 0);
  lines.push(
    '',
    '## Verification',
    '',
    `- featurebook vs expert: ${c.ok ? 'equal' : '**DIFFERENT**'} — ${c.rows_a} vs ${c.rows_b} rows, ${c.columns.length} columns, row by row (floats within 1e-9 relative)${badCols.length ? `; mismatching rows: ${badCols.map(([k, n]) => `${k} ${n}`).join(', ')}` : ''}.`,
  );
  if (c.type_differences.length)
    lines.push(`- column types differ (values compared as numbers): ${c.type_differences.map((t) => `${t.column} ${t.featurebook} (featurebook) vs ${t.expert} (expert)`).join('; ')}.`);
  const rs = v.reference_sample;
  const badRef = Object.entries(rs.mismatches).filter(([, n]) => n > 0);
  lines.push(
    `- reference sample: every ${rs.every_nth}th spine row (${rs.sampled_rows} rows) recomputed by a plain join with the semantics' window predicates: ${rs.ok ? 'all equal to featurebook' : `**mismatches** ${badRef.map(([k, n]) => `${k} ${n}`).join(', ')}${rs.missing ? `, ${rs.missing} rows missing` : ''}`}.`,
    '',
    'How to read this and what the expert query does differently: bench/README.md.',
    '',
  );
  return lines.join('\n');
}

main().then(
  (code) => process.exit(code),
  (err) => {
    log(`bench/pit failed: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
