// Observable Framework configuration of the Featurebook notebook site. No
// `pages`: they are discovered from the folder (featurebook's notebook
// machinery builds this folder like any other; see docs/notebooks.md).
// The site must work from any static file server with no network beyond its
// own origin: no web fonts (globalStylesheets: []), a favicon of its own (else
// Chromium's automatic /favicon.ico request 404s), no search index fetches,
// every library a local ESM file under lib/ (see scripts/prepare-notebooks.mjs).
// Telemetry: run Framework with OBSERVABLE_TELEMETRY_DISABLE=1 (the scripts do).
export default {
  title: "Featurebook",
  root: ".",
  output: "dist",
  globalStylesheets: [],
  // The site's look (fonts inlined from npm packages by prepare-notebooks): no stylesheet from elsewhere.
  style: "style.css",
  head: '<link rel="icon" href="./favicon.svg" type="image/svg+xml" sizes="any">',
  footer: "Featurebook — feature definitions compiled to point-in-time-correct DuckDB SQL, run here in DuckDB-WASM.",
  search: false,
  toc: false,
  pager: false,
};
