// The feature timeline of one entity: its source events (late ones drawn up
// to when they became available), the as-of point of every spine row, and for
// one spine row the window each feature of a block aggregates over.
import {sourceSql, duckdbDialect} from "../lib/featurebook.js";
import {vegaEmbed} from "../lib/vega.js";

/** The time a block is evaluated at for spine time `t` (semantics rule 6). */
export function asOfTime(view, t) {
  if (!view.refresh) return t;
  const {everyMs, delayMs} = view.refresh;
  const x = t - delayMs;
  return x - (((x % everyMs) + everyMs) % everyMs);
}

/**
 * Timeline data for entity `keyValues` (key column → value) of block `viewName`
 * in training set `setName`, whose built rows are `rows`; `selected` is the
 * spine row whose windows are drawn. Returns {records, asOf, events}.
 */
export async function timelineData(engine, plan, {setName, viewName, rows, selected, resolvePath = (p) => p, maxEvents = 3000}) {
  const set = plan.trainingSets.find((s) => s.name === setName);
  const view = plan.views.find((v) => v.name === viewName);
  if (!set || !view) throw new Error(`unknown training set or block: ${setName}, ${viewName}`);
  const sel = rows[selected];
  const keyOf = (r) => view.keys.map((k) => r[k]);
  const key = keyOf(sel);
  const same = (r) => keyOf(r).every((v, i) => v === key[i]);
  const spineTimes = rows.filter(same).map((r) => r[set.time]).filter((t) => t instanceof Date).map((t) => t.getTime());
  const t = sel[set.time].getTime();
  const asOf = asOfTime(view, t);

  const d = duckdbDialect;
  const cond = view.keys.map((k, i) => `${d.quoteIdent(k)} = ${key[i] === null ? "NULL" : typeof key[i] === "number" ? key[i] : d.quoteString(String(key[i]))}`).join(" AND ");
  const src = sourceSql(plan, view.source, {resolvePath});
  const ev = await engine.query(`SELECT __fb_ts AS ts, __fb_avail AS available FROM (${src}) WHERE ${cond} AND __fb_ts IS NOT NULL ORDER BY __fb_ts LIMIT ${maxEvents}`);
  const events = ev.rows.map((r) => ({ts: r.ts.getTime(), available: r.available ? r.available.getTime() : r.ts.getTime()}));

  const records = [];
  const first = events.length ? events[0].ts : asOf;
  for (const f of view.features) {
    if (f.kind !== "aggregate") continue;
    const start = f.windowMs ? asOf - f.windowMs : first;
    records.push({lane: `${view.name}.${f.name}`, kind: "window", start, end: asOf, label: f.windowMs ? `${f.fn} over ${formatMs(f.windowMs)}` : `${f.fn} (lifetime)`});
  }
  for (const e of events) {
    const late = e.available - e.ts > 60_000;
    records.push({lane: "events", kind: "event", start: e.ts, end: e.available, label: late ? `known ${formatMs(e.available - e.ts)} later` : "on time", late, visible: e.available < asOf});
  }
  for (const s of spineTimes) records.push({lane: `spine (${set.spine})`, kind: "asof", start: s, end: s, label: s === t ? "selected" : "spine row", selected: s === t});
  return {records, asOf, t, events, key};
}

export function formatMs(ms) {
  /** @type {[string, number][]} */
  const units = [["w", 604_800_000], ["d", 86_400_000], ["h", 3_600_000], ["m", 60_000], ["s", 1000]];
  for (const [u, n] of units) if (ms >= n && ms % n === 0) return `${ms / n}${u}`;
  for (const [u, n] of units) if (ms >= n) return `${(ms / n).toFixed(1)}${u}`;
  return `${ms}ms`;
}

/** The Vega-Lite spec of a timeline. */
export function timelineSpec({records, asOf, t}, {width = 640} = {}) {
  const lanes = [...new Set(records.map((r) => r.lane))];
  // From a little before the longest window to a little after the spine time: lifetime windows run off the left edge.
  const windows = records.filter((r) => r.kind === "window" && r.label.includes(" over ")).map((r) => r.start);
  const span = Math.max(3 * 86_400_000, asOf - Math.min(asOf - 7 * 86_400_000, ...windows));
  const domain = [asOf - span * 1.15, Math.max(t, asOf) + span * 0.1];
  const x = {field: "start", type: "temporal", title: null, scale: {type: "utc", domain}, axis: {formatType: "utc", labelAngle: 0}};
  const y = {field: "lane", type: "nominal", title: null, sort: lanes, axis: {labelLimit: 260}};
  return {
    width,
    height: {step: 22},
    data: {values: records},
    layer: [
      {params: [{name: "zoom", select: {type: "interval", encodings: ["x"]}, bind: "scales"}], transform: [{filter: "datum.kind === 'window'"}], mark: {type: "bar", height: 12, opacity: 0.55, clip: true}, encoding: {x, x2: {field: "end"}, y, color: {value: "#4e79a7"}, tooltip: [{field: "lane"}, {field: "label"}]}},
      {transform: [{filter: "datum.kind === 'event' && datum.late"}], mark: {type: "rule", strokeWidth: 1.5, clip: true}, encoding: {x, x2: {field: "end"}, y, color: {value: "#e15759"}}},
      {transform: [{filter: "datum.kind === 'event'"}], mark: {type: "point", filled: true, size: 30, clip: true}, encoding: {x, y, color: {field: "visible", type: "nominal", title: "visible at as-of", scale: {domain: [true, false], range: ["#59a14f", "#bab0ac"]}}, tooltip: [{field: "start", type: "temporal", title: "event time", formatType: "utc", format: "%Y-%m-%d %H:%M:%S"}, {field: "label"}]}},
      {transform: [{filter: "datum.kind === 'asof'"}], mark: {type: "tick", thickness: 2, clip: true}, encoding: {x, y, color: {condition: {test: "datum.selected", value: "#f28e2b"}, value: "#79706e"}, tooltip: [{field: "start", type: "temporal", title: "spine time", formatType: "utc", format: "%Y-%m-%d %H:%M:%S"}]}},
      {data: {values: [{start: asOf, label: "as of"}, ...(asOf !== t ? [{start: t, label: "spine time"}] : [])]}, mark: {type: "rule", strokeDash: [4, 3]}, encoding: {x, color: {field: "label", type: "nominal", title: null, scale: {domain: ["as of", "spine time"], range: ["#f28e2b", "#9c755f"]}}}}
    ],
    resolve: {scale: {color: "independent"}},
    config: {view: {stroke: null}, axis: {labelFontSize: 11}}
  };
}

/** Renders a timeline into a new element. */
export async function timelineChart(data, options) {
  const div = document.createElement("div");
  div.className = "fb-timeline";
  await vegaEmbed(div, timelineSpec(data, options), {actions: false, renderer: "svg", mode: "vega-lite"});
  return div;
}
