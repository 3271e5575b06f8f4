// The browser half of bench/browser/run.ts: the library's browser bundle
// builds the fraud training set in DuckDB-WASM; timings go back to the driver.
import {WasmEngine, loadProject, buildTrainingSet, planStrategies, trainingSetSql} from "./featurebook.js";

const here = (p) => new URL(p, location.href).href;
const FILE = "/fraud/fraud.fdl";

window.runBench = async function runBench({runs = 3, set = "fraud_train"} = {}) {
  const out = {};
  let t = performance.now();
  const engine = await WasmEngine.create({
    mvp: {mainModule: here("duckdb/duckdb-mvp.wasm"), mainWorker: here("duckdb/duckdb-browser-mvp.worker.js")},
    eh: {mainModule: here("duckdb/duckdb-eh.wasm"), mainWorker: here("duckdb/duckdb-browser-eh.worker.js")}
  });
  out.engineStartMs = performance.now() - t;
  out.duckdb = await engine.version();
  t = performance.now();
  for (const f of ["transactions.parquet", "labels.csv", "chargebacks.csv"]) {
    const bytes = new Uint8Array(await (await fetch(here(`data/${f}`))).arrayBuffer());
    await engine.registerFile(`/fraud/data/${f}`, bytes);
  }
  out.loadDataMs = performance.now() - t;
  const text = await (await fetch(here("fraud.fdl"))).text();
  t = performance.now();
  const project = await loadProject(text, {file: FILE, engine});
  out.loadProjectMs = performance.now() - t;
  if (!project.plan) throw new Error(JSON.stringify(project.diagnostics));
  const opts = await planStrategies(engine, project.plan, set);
  out.strategies = opts.strategies ?? {};
  out.sqlChars = trainingSetSql(project.plan, set, opts).length;
  out.buildMs = [];
  for (let i = 0; i < runs + 1; i++) {
    t = performance.now();
    const r = await buildTrainingSet(engine, project.plan, set);
    const ms = performance.now() - t;
    if (i > 0) out.buildMs.push(ms); else out.warmupMs = ms;
    out.rows = r.rows.length;
    out.columns = r.columns.length;
  }
  // The engine's work alone: the same SQL into a table, no rows moved to JavaScript.
  const sql = trainingSetSql(project.plan, set, opts);
  out.computeMs = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await engine.exec(`CREATE OR REPLACE TABLE bench_out AS ${sql}`);
    out.computeMs.push(performance.now() - t);
  }
  await engine.close();
  document.getElementById("status").textContent = "done";
  return out;
};
document.getElementById("status").textContent = "ready";
