// The notebook runtime as pages import it (`/_fb/notebook.js` in the generated
// Framework root): the library's runtime pointed at this site's own DuckDB-WASM
// files, vega-embed and the self-hosted inputs library. Nothing here reaches
// beyond the site's origin.
import {FileAttachment} from "observablehq:stdlib";
import {notebookPage as start} from "./featurebook.js";
import {vegaEmbed} from "./vega.js";
import {MODE} from "./mode.js";
export {Inputs, html, svg} from "./inputs.js";

// This module is served from <site>/_import/_fb/: the site's root is two levels up.
const base = new URL("../../", import.meta.url).href;

export function notebookPage(opts) {
  return start({
    ...opts,
    base,
    mode: MODE,
    vegaEmbed,
    bundles: {
      mvp: {mainModule: FileAttachment("./duckdb/duckdb-mvp.wasm").href, mainWorker: FileAttachment("./duckdb/duckdb-browser-mvp.worker.js").href},
      eh: {mainModule: FileAttachment("./duckdb/duckdb-eh.wasm").href, mainWorker: FileAttachment("./duckdb/duckdb-browser-eh.worker.js").href}
    }
  });
}
