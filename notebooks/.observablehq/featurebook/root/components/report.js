// A training set's report: per feature its null rate, min / max / mean and a
// histogram, and the label balance per split — all computed by DuckDB-WASM
// over a table holding the built training set.
import {duckdbDialect as d, typeOfDuckDb} from "../lib/featurebook.js";
import {vegaEmbed} from "../lib/vega.js";

const BINS = 20;

/**
 * Statistics of every feature column of table `table` (a built training set
 * whose plan entry is `set`): [{feature, type, rows, nulls, nullRate, min, max, mean, histogram | top}].
 */
export async function featureStats(engine, table, set) {
  const t = d.quoteIdent(table);
  const columns = await engine.describe(`SELECT * FROM ${t}`);
  const features = new Set(set.features.map((f) => `${f.view}__${f.feature}`));
  const out = [];
  for (const c of columns.filter((c) => features.has(c.name))) {
    const q = d.quoteIdent(c.name);
    const kind = typeOfDuckDb(c.type);
    const numeric = kind === "integer" || kind === "number";
    const head = (await engine.query(
      numeric
        ? `SELECT count(*) AS n, count(${q}) AS nn, min(${q}) AS lo, max(${q}) AS hi, avg(${q}) AS mean FROM ${t}`
        : `SELECT count(*) AS n, count(${q}) AS nn, NULL AS lo, NULL AS hi, NULL AS mean FROM ${t}`
    )).rows[0];
    const s = {feature: c.name, type: c.type, kind, rows: head.n, nulls: head.n - head.nn, nullRate: head.n ? (head.n - head.nn) / head.n : 0, min: head.lo, max: head.hi, mean: head.mean};
    if (numeric && head.nn > 0) {
      const lo = Number(head.lo), hi = Number(head.hi);
      const width = hi > lo ? (hi - lo) / BINS : 1;
      const r = await engine.query(
        `SELECT least(CAST(floor((${q} - ${lo}) / ${width}) AS INTEGER), ${BINS - 1}) AS bin, count(*) AS n FROM ${t} WHERE ${q} IS NOT NULL GROUP BY 1 ORDER BY 1`
      );
      s.histogram = r.rows.map((b) => ({x0: lo + b.bin * width, x1: lo + (b.bin + 1) * width, count: b.n}));
    } else if (head.nn > 0) {
      const r = await engine.query(`SELECT CAST(${q} AS VARCHAR) AS value, count(*) AS n FROM ${t} WHERE ${q} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 12`);
      s.top = r.rows.map((b) => ({value: b.value, count: b.n}));
    }
    out.push(s);
  }
  return out;
}

/** Rows and positive-label rate per split and label value: [{split, label, value, rows, share}]. */
export async function labelBalance(engine, table, set) {
  const t = d.quoteIdent(table);
  const split = set.split ? d.quoteIdent("split") : "'all'";
  const out = [];
  for (const label of set.labels) {
    const l = d.quoteIdent(label);
    const r = await engine.query(
      `SELECT ${split} AS split, CAST(${l} AS VARCHAR) AS value, count(*) AS n, sum(count(*)) OVER (PARTITION BY ${split}) AS total FROM ${t} GROUP BY 1, 2 ORDER BY 1, 2`
    );
    for (const row of r.rows) out.push({split: row.split, label, value: row.value ?? "∅", rows: row.n, share: row.n / row.total});
  }
  const order = ["train", "validation", "test", "all"];
  return out.sort((a, b) => order.indexOf(a.split) - order.indexOf(b.split));
}

/** Small multiples: one histogram (or top-values chart) per feature. */
export async function histogramsChart(stats, {columns = 4} = {}) {
  const numeric = stats.filter((s) => s.histogram);
  const categorical = stats.filter((s) => s.top);
  const div = document.createElement("div");
  div.className = "fb-histograms";
  if (numeric.length) {
    const values = numeric.flatMap((s) => s.histogram.map((b) => ({feature: s.feature, ...b})));
    const spec = {
      data: {values},
      facet: {field: "feature", type: "nominal", title: null, sort: numeric.map((s) => s.feature), header: {labelFontSize: 11, labelLimit: 220}},
      columns,
      spec: {
        width: 180,
        height: 90,
        mark: {type: "bar", color: "#4e79a7"},
        encoding: {
          x: {field: "x0", type: "quantitative", bin: {binned: true}, title: null, axis: {tickCount: 4, labelFontSize: 9, format: "~s"}},
          x2: {field: "x1"},
          y: {field: "count", type: "quantitative", title: null, axis: {tickCount: 3, labelFontSize: 9, format: "~s"}},
          tooltip: [{field: "x0", title: "from", format: ".4~g"}, {field: "x1", title: "to", format: ".4~g"}, {field: "count"}]
        }
      },
      resolve: {scale: {x: "independent", y: "independent"}}
    };
    const el = document.createElement("div");
    await vegaEmbed(el, spec, {actions: false, renderer: "svg", mode: "vega-lite"});
    div.append(el);
  }
  if (categorical.length) {
    const values = categorical.flatMap((s) => s.top.map((b) => ({feature: s.feature, ...b})));
    const spec = {
      data: {values},
      facet: {field: "feature", type: "nominal", title: null, header: {labelFontSize: 11}},
      columns,
      spec: {width: 180, height: {step: 12}, mark: {type: "bar", color: "#59a14f"}, encoding: {y: {field: "value", type: "nominal", sort: "-x", title: null}, x: {field: "count", type: "quantitative", title: null, axis: {format: "~s"}}}},
      resolve: {scale: {y: "independent", x: "independent"}}
    };
    const el = document.createElement("div");
    await vegaEmbed(el, spec, {actions: false, renderer: "svg", mode: "vega-lite"});
    div.append(el);
  }
  return div;
}

/** Stacked bars: label values per split. */
export async function balanceChart(balance) {
  const div = document.createElement("div");
  const spec = {
    data: {values: balance},
    width: 360,
    height: {step: 26},
    mark: "bar",
    encoding: {
      y: {field: "split", type: "nominal", sort: ["train", "validation", "test", "all"], title: null},
      x: {field: "rows", type: "quantitative", stack: "normalize", title: "share of rows", axis: {format: "%"}},
      color: {field: "value", type: "nominal", title: balance[0]?.label ?? "label"},
      tooltip: [{field: "split"}, {field: "value", title: "label"}, {field: "rows"}, {field: "share", format: ".2%"}]
    }
  };
  await vegaEmbed(div, spec, {actions: false, renderer: "svg", mode: "vega-lite"});
  return div;
}
