// The drift page's pieces: controls, the per-feature table and the charts.
// Metrics and decisions come from the library (src/drift, exported by the
// browser bundle); this file only arranges them on the page.
import {featureTable, histogramSpec, metricOverTimeSpec} from "../lib/featurebook.js";
import {vegaEmbed} from "../lib/vega.js";
import {el} from "./table.js";

const EMBED = {actions: false, renderer: "svg", mode: "vega-lite"};

/** A labelled control; `input` is the element whose value is read. */
export function control(label, input) {
  return el("label", {class: "fb-control"}, el("span", {}, label), input);
}

export function select(options, value, props = {}) {
  const s = el("select", props, ...options.map(([v, text]) => el("option", {value: String(v)}, text)));
  s.value = String(value);
  return s;
}

export function numberInput(value, props = {}) {
  return el("input", {type: "number", value: String(value), ...props});
}

const fmt = (x) => (x === null || x === undefined ? "–" : Number(Number(x).toPrecision(3)).toString());

/** The per-feature table, most severe first; clicking a row picks the feature. */
export function severityTable(report, onPick, picked) {
  const rows = featureTable(report);
  const head = ["feature", "kind", "worst", "alerts", "windows not ok", "max PSI", "PSI if no drift", "max KS", "KS if no drift", "max |z|", "max |Δ null|"];
  return el(
    "div",
    {class: "fb-table", "data-testid": "drift-table"},
    el(
      "table",
      {},
      el("thead", {}, el("tr", {}, ...head.map((h) => el("th", {}, h)))),
      el(
        "tbody",
        {},
        ...rows.map((r) =>
          el(
            "tr",
            {class: r.feature === picked ? "fb-picked" : "", "data-feature": r.feature, "data-status": r.worst, onclick: () => onPick(r.feature), style: "cursor: pointer"},
            el("td", {}, r.feature),
            el("td", {}, r.kind),
            el("td", {}, el("span", {class: `fb-st fb-${r.worst}`}, r.worst)),
            el("td", {class: "fb-num"}, String(r.alerts)),
            el("td", {class: "fb-num"}, String(r.windowsNotOk)),
            el("td", {class: "fb-num"}, fmt(r.psiMax)),
            el("td", {class: "fb-num"}, fmt(r.psiExpected)),
            el("td", {class: "fb-num"}, fmt(r.ksMax)),
            el("td", {class: "fb-num"}, fmt(r.ksExpected)),
            el("td", {class: "fb-num"}, fmt(r.meanShiftMax)),
            el("td", {class: "fb-num"}, fmt(r.nullRateChangeMax))
          )
        )
      )
    )
  );
}

/** The alerts as a list. */
export function alertList(report) {
  if (!report.alerts.length) return el("p", {"data-testid": "drift-alerts", "data-count": "0"}, "No alerts.");
  return el(
    "ul",
    {"data-testid": "drift-alerts", "data-count": String(report.alerts.length)},
    ...report.alerts.map((a) => el("li", {}, `${a.feature} — ${a.metric} from ${a.since.slice(0, 10)} to ${a.until.slice(0, 10)} (${a.windows} windows, peak ${fmt(a.peak)})`))
  );
}

export async function metricChart(report, metric, thresholds) {
  return vegaEmbed(el("div"), metricOverTimeSpec(report, metric, {width: 760, height: 240, thresholds}), EMBED).then((r) => r.view.container());
}

export async function histogramChart(report, feature, windows) {
  return vegaEmbed(el("div"), histogramSpec(report, feature, windows, {width: 520, height: 200}), EMBED).then((r) => r.view.container());
}
