/**
 * Browser vs native: the time to build the fraud example's training set at
 * about 100k spine rows, in DuckDB-WASM inside headless Chromium and on
 * native DuckDB, in one run (same machine, same data, same SQL).
 *
 *   node --import tsx bench/browser/run.ts [--users 10800] [--runs 3] [--no-node-wasm]
 *
 * 1. Generates the fraud data (examples/fraud/generate.ts) into bench/data/browser/
 *    unless it is there for the same --users.
 * 2. Native: NodeEngine, `buildTrainingSet` (rows into JavaScript) and the same
 *    SQL into a table (the engine alone); one warm-up, then the median of --runs.
 * 3. Browser: a page with the library's browser bundle (dist/featurebook.browser.js)
 *    and DuckDB-WASM's files, served on 127.0.0.1; the same measurements.
 * 4. Also DuckDB-WASM in Node (blocking bindings), unless --no-node-wasm.
 * 5. Writes bench/results/browser-<date>.json and .md; the goal is browser ≤ 3× native.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateFraudData } from '../../examples/fraud/generate.js';
import { NodeEngine } from '../../src/engine/node.js';
import { WasmEngine } from '../../src/engine/wasm.js';
import type { Engine } from '../../src/engine/engine.js';
import { trainingSetSql } from '../../src/compile/emit-sql.js';
import { loadProject } from '../../src/project.js';
import { buildTrainingSet, planStrategies } from '../../src/training-set.js';
import { launchChromium } from '../../test/browser/harness.js';
import { machineBasics } from '../common.js';

const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
const { values: flags } = parseArgs({ options: { users: { type: 'string' }, runs: { type: 'string' }, 'no-node-wasm': { type: 'boolean' } } });
const USERS = Number(flags.users ?? 10_800);
const RUNS = Number(flags.runs ?? 3);
const SET = 'fraud_train';
const GOAL = 3;
const dataRoot = join(root, 'bench/data/browser');
const dataDir = join(dataRoot, 'data');
const log = (s: string) => process.stderr.write(s + '\n');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x);

async function ensureData() {
  const stamp = join(dataRoot, 'users.txt');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === String(USERS) && existsSync(join(dataDir, 'transactions.parquet'))) return;
  log(`generating the fraud data for ${USERS} users...`);
  rmSync(dataRoot, { recursive: true, force: true });
  const s = await generateFraudData({ users: USERS, seed: 7, outDir: dataDir });
  log(`  ${s.transactions} transactions, ${s.labels} labels`);
  copyFileSync(join(root, 'examples/fraud/fraud.fdl'), join(dataRoot, 'fraud.fdl'));
  writeFileSync(stamp, `${USERS}\n`);
}

/** Native or WASM-in-Node: the same measurements as the page makes. */
async function measure(engine: Engine, file: string, resolvePath?: (p: string) => string) {
  const text = readFileSync(join(dataRoot, 'fraud.fdl'), 'utf8');
  const t0 = performance.now();
  const project = await loadProject(text, { file, engine, resolvePath });
  const loadProjectMs = performance.now() - t0;
  if (!project.plan) throw new Error(JSON.stringify(project.diagnostics));
  const opts = await planStrategies(engine, project.plan, SET, { resolvePath });
  const buildMs: number[] = [];
  let warmupMs = 0;
  let rows = 0;
  for (let i = 0; i < RUNS + 1; i++) {
    const t = performance.now();
    const r = await buildTrainingSet(engine, project.plan, SET, { resolvePath });
    const ms = performance.now() - t;
    if (i === 0) warmupMs = ms;
    else buildMs.push(ms);
    rows = r.rows.length;
  }
  const sql = trainingSetSql(project.plan, SET, opts);
  const computeMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await engine.exec(`CREATE OR REPLACE TABLE bench_out AS ${sql}`);
    computeMs.push(performance.now() - t);
  }
  return { loadProjectMs, warmupMs, buildMs, computeMs, rows, strategies: opts.strategies ?? {} };
}

async function browserRun() {
  // A tiny site: the page, the library bundle, DuckDB-WASM's files and the data (links, not copies).
  const site = join(dataRoot, 'site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'duckdb'), { recursive: true });
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('scripts/build.mjs failed');
  const require = createRequire(import.meta.url);
  const duck = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  for (const f of ['duckdb-eh.wasm', 'duckdb-mvp.wasm', 'duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js']) symlinkSync(join(duck, f), join(site, 'duckdb', f));
  symlinkSync(join(root, 'dist/featurebook.browser.js'), join(site, 'featurebook.js'));
  for (const f of ['page.html', 'page.js']) symlinkSync(join(root, 'bench/browser', f), join(site, f));
  symlinkSync(dataDir, join(site, 'data'));
  symlinkSync(join(dataRoot, 'fraud.fdl'), join(site, 'fraud.fdl'));

  const { serveStatic } = (await import(join(root, 'scripts/serve-static.mjs'))) as { serveStatic: (d: string) => Promise<{ url: string; close: () => Promise<void> }> };
  const server = await serveStatic(site);
  const chromium = await launchChromium();
  try {
    const page = await chromium.context.newPage();
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => !r.url().startsWith(new URL(server.url).origin) && !/^(data|blob):/.test(r.url()) && foreign.push(r.url()));
    await page.goto(server.url + 'page.html');
    await page.waitForSelector('#status:has-text("ready")');
    const result = (await page.evaluate((runs) => (window as unknown as { runBench: (o: unknown) => Promise<unknown> }).runBench({ runs }), RUNS)) as {
      engineStartMs: number; loadDataMs: number; loadProjectMs: number; warmupMs: number; buildMs: number[]; computeMs: number[]; rows: number; duckdb: string; strategies: Record<string, string>;
    };
    if (errors.length || foreign.length) throw new Error(`the bench page was not clean: ${JSON.stringify({ errors, foreign })}`);
    return { ...result, chromium: chromium.context.browser()?.version() ?? chromiumVersion() };
  } finally {
    await chromium.close();
    await server.close();
  }
}

function chromiumVersion(): string {
  try {
    return execFileSync(process.env.FEATUREBOOK_CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

await ensureData();
const load1 = os.loadavg()[0] ?? 0;

log('native DuckDB...');
const native = await NodeEngine.create();
const nativeVersion = String((await native.query('SELECT version() AS v')).rows[0]!.v);
const nativeThreads = Number((await native.query(`SELECT current_setting('threads') AS t`)).rows[0]!.t);
const nat = await measure(native, join(dataRoot, 'fraud.fdl'));
await native.close();
log(`  build ${nat.buildMs.map(round).join(', ')} ms; compute ${nat.computeMs.map(round).join(', ')} ms; ${nat.rows} rows`);

log('DuckDB-WASM in Chromium...');
const br = await browserRun();
log(`  build ${br.buildMs.map(round).join(', ')} ms; compute ${br.computeMs.map(round).join(', ')} ms; ${br.rows} rows`);
if (br.rows !== nat.rows) throw new Error(`row counts differ: browser ${br.rows}, native ${nat.rows}`);

let nodeWasm: (Awaited<ReturnType<typeof measure>> & { loadDataMs: number }) | undefined;
if (!flags['no-node-wasm']) {
  log('DuckDB-WASM in Node (blocking bindings)...');
  const w = await WasmEngine.createBlocking();
  const t = performance.now();
  for (const f of ['transactions.parquet', 'labels.csv', 'chargebacks.csv']) await w.registerFile(join(dataDir, f), readFileSync(join(dataDir, f)));
  const loadDataMs = performance.now() - t;
  nodeWasm = { ...(await measure(w, join(dataRoot, 'fraud.fdl'))), loadDataMs };
  await w.close();
  log(`  build ${nodeWasm.buildMs.map(round).join(', ')} ms; compute ${nodeWasm.computeMs.map(round).join(', ')} ms`);
}

const ratioBuild = median(br.buildMs) / median(nat.buildMs);
const ratioCompute = median(br.computeMs) / median(nat.computeMs);
const date = new Date().toISOString();
const result = {
  date,
  machine: {
    ...machineBasics(),
    chromium: br.chromium,
    duckdb_native: nativeVersion,
    duckdb_native_threads: nativeThreads,
    duckdb_wasm: br.duckdb,
    load_average_1m: { before: Math.round(load1 * 100) / 100, after: Math.round((os.loadavg()[0] ?? 0) * 100) / 100 },
  },
  config: { users: USERS, spine_rows: nat.rows, training_set: SET, runs: RUNS, strategies: nat.strategies },
  native: { load_project_ms: round(nat.loadProjectMs), warmup_ms: round(nat.warmupMs), build_ms: nat.buildMs.map(round), compute_ms: nat.computeMs.map(round) },
  browser: {
    engine_start_ms: round(br.engineStartMs),
    load_data_ms: round(br.loadDataMs),
    load_project_ms: round(br.loadProjectMs),
    warmup_ms: round(br.warmupMs),
    build_ms: br.buildMs.map(round),
    compute_ms: br.computeMs.map(round),
  },
  node_wasm: nodeWasm && { load_data_ms: round(nodeWasm.loadDataMs), warmup_ms: round(nodeWasm.warmupMs), build_ms: nodeWasm.buildMs.map(round), compute_ms: nodeWasm.computeMs.map(round) },
  ratio: {
    build: Math.round(ratioBuild * 100) / 100,
    compute: Math.round(ratioCompute * 100) / 100,
    node_wasm_build: nodeWasm ? Math.round((median(nodeWasm.buildMs) / median(nat.buildMs)) * 100) / 100 : undefined,
    goal: GOAL,
    met: ratioBuild <= GOAL,
  },
};

const day = date.slice(0, 10);
const out = join(root, 'bench/results');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, `browser-${day}.json`), JSON.stringify(result, null, 2) + '\n');
const ms = (xs: number[]) => `${round(median(xs)).toLocaleString('en-US')} ms (${xs.map(round).join(', ')})`;
const md = `# Browser vs native: training-set build (${day})

The fraud example's \`${SET}\` at ${nat.rows.toLocaleString('en-US')} spine rows (${USERS.toLocaleString('en-US')} users), built by the
same compiled SQL on native DuckDB and on DuckDB-WASM in headless Chromium, in one run
of \`node --import tsx bench/browser/run.ts\`. Median of ${RUNS} runs after a warm-up.

| | native | browser (DuckDB-WASM, Chromium) | ratio |
| --- | --- | --- | --- |
| build (SQL → rows in JavaScript) | ${ms(nat.buildMs)} | ${ms(br.buildMs)} | **${result.ratio.build}×** |
| engine only (\`CREATE TABLE AS\`) | ${ms(nat.computeMs)} | ${ms(br.computeMs)} | ${result.ratio.compute}× |
${nodeWasm ? `| DuckDB-WASM in Node (blocking), build | | ${ms(nodeWasm.buildMs)} | ${result.ratio.node_wasm_build}× |\n` : ''}
Goal: browser ≤ ${GOAL}× native — **${result.ratio.met ? 'met' : 'not met'}**.

Browser, once per page: engine start ${round(br.engineStartMs)} ms; loading the data ${round(br.loadDataMs)} ms
(fetch, Parquet decoded in JavaScript, CSV registered); \`loadProject\` ${round(br.loadProjectMs)} ms.
Strategies chosen: ${Object.entries(nat.strategies).map(([k, v]) => `${k} ${v}`).join(', ') || 'n/a'}.

Machine: ${result.machine.cpu}, ${result.machine.cores} cores, ${result.machine.memory_gib} GiB, ${result.machine.os};
Node ${result.machine.node}; ${result.machine.chromium}; native DuckDB ${nativeVersion} (${nativeThreads} threads);
DuckDB-WASM ${br.duckdb} (eh build, one thread: no cross-origin isolation). Load average ${result.machine.load_average_1m.before} → ${result.machine.load_average_1m.after}.
`;
writeFileSync(join(out, `browser-${day}.md`), md);
log(md);
