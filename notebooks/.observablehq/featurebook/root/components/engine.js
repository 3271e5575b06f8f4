// DuckDB-WASM for the pages: one engine per page, started from the
// self-hosted wasm files and workers (never a CDN), and the fraud example's
// program and data registered under a virtual folder so that the compiler's
// paths need no mapping (resolvePath is the identity).
import {FileAttachment} from "observablehq:stdlib";
import {WasmEngine} from "../lib/featurebook.js";

/** Absolute URLs of DuckDB-WASM's builds in this site. */
export function duckdbBundles() {
  return {
    mvp: {
      mainModule: FileAttachment("../lib/duckdb/duckdb-mvp.wasm").href,
      mainWorker: FileAttachment("../lib/duckdb/duckdb-browser-mvp.worker.js").href
    },
    eh: {
      mainModule: FileAttachment("../lib/duckdb/duckdb-eh.wasm").href,
      mainWorker: FileAttachment("../lib/duckdb/duckdb-browser-eh.worker.js").href
    }
  };
}

let started;
/** The page's engine (started once). */
export function pageEngine() {
  return (started ??= WasmEngine.create(duckdbBundles()));
}

/** Where the fraud example lives in the engine's file system. */
export const FRAUD_FILE = "/fraud/fraud.fdl";

const fraudFiles = () => [
  ["/fraud/data/transactions.parquet", FileAttachment("../data/fraud/data/transactions.parquet").href],
  ["/fraud/data/labels.csv", FileAttachment("../data/fraud/data/labels.csv").href],
  ["/fraud/data/chargebacks.csv", FileAttachment("../data/fraud/data/chargebacks.csv").href]
];

/** The fraud example's FDL text. */
export function fraudProgram() {
  return FileAttachment("../data/fraud/fraud.fdl").text();
}

/** Registers the fraud example's data with `engine`; returns the time it took in ms. */
export async function loadFraudData(engine) {
  const t0 = performance.now();
  await Promise.all(
    fraudFiles().map(async ([name, href]) => {
      const res = await fetch(href);
      if (!res.ok) throw new Error(`cannot load ${name}: HTTP ${res.status}`);
      await engine.registerFile(name, new Uint8Array(await res.arrayBuffer()));
    })
  );
  return performance.now() - t0;
}

/**
 * An engine whose `describe` answers are remembered, so that checking the
 * program as you type does not re-read every source's schema each time.
 * `forget()` empties the memory (after new files are registered).
 */
export function describeCache(engine) {
  const memo = new Map();
  return {
    kind: engine.kind,
    exec: (sql) => engine.exec(sql),
    query: (sql) => engine.query(sql),
    describe(sql) {
      let p = memo.get(sql);
      if (!p) {
        memo.set(sql, (p = engine.describe(sql)));
        p.catch(() => memo.delete(sql));
      }
      return p;
    },
    close: () => engine.close(),
    forget: () => memo.clear()
  };
}
