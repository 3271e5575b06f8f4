// ONNX Runtime Web for the model page: the self-hosted build (lib/ort/, never
// a CDN), WebGPU when this browser has an adapter, WASM otherwise, and the
// Vega-Lite charts of a scored split (ROC curve, calibration).
import {FileAttachment} from "observablehq:stdlib";
import * as ort from "../lib/ort/ort.js";
import {vegaEmbed} from "../lib/vega.js";
import {rocCurve, calibration} from "../lib/featurebook.js";

ort.env.wasm.wasmPaths = {wasm: FileAttachment("../lib/ort/ort-wasm-simd-threaded.jsep.wasm").href};
// One thread: the site is not cross-origin isolated, so there is no SharedArrayBuffer.
ort.env.wasm.numThreads = 1;
ort.env.logLevel = "error";

export {ort};

/**
 * Execution providers to try, best first: WebGPU only when the browser
 * offers an adapter (asking ONNX Runtime to try it otherwise just fails
 * noisily), then WASM, which always works.
 */
export async function preferredProviders() {
  try {
    if (navigator.gpu && (await navigator.gpu.requestAdapter())) return ["webgpu", "wasm"];
  } catch {
    // no usable adapter
  }
  return ["wasm"];
}

/** The ROC curve of `scores` against `labels`, with the chance diagonal. */
export async function rocChart(scores, labels, {title = "ROC curve"} = {}) {
  const pts = rocCurve(scores, labels);
  // At most ~400 points keep the SVG small.
  const step = Math.max(1, Math.ceil(pts.length / 400));
  const values = pts.filter((_, i) => i % step === 0 || i === pts.length - 1).map((p) => ({fpr: p.fpr, tpr: p.tpr}));
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 300,
    height: 300,
    layer: [
      {data: {values: [{fpr: 0, tpr: 0}, {fpr: 1, tpr: 1}]}, mark: {type: "line", strokeDash: [4, 4], color: "#aaa"}, encoding: {x: {field: "fpr", type: "quantitative"}, y: {field: "tpr", type: "quantitative"}}},
      {
        data: {values},
        mark: {type: "line", interpolate: "step-after"},
        encoding: {
          x: {field: "fpr", type: "quantitative", title: "false positive rate", scale: {domain: [0, 1]}},
          y: {field: "tpr", type: "quantitative", title: "true positive rate", scale: {domain: [0, 1]}}
        }
      }
    ]
  };
  const div = document.createElement("div");
  div.dataset.testid = "roc-chart";
  await vegaEmbed(div, spec, {actions: false, renderer: "svg", mode: "vega-lite"});
  return div;
}

/** Calibration: mean predicted probability vs observed positive rate in ten score bins. */
export async function calibrationChart(scores, labels, {title = "Calibration"} = {}) {
  const values = calibration(scores, labels, 10);
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 300,
    height: 300,
    layer: [
      {data: {values: [{meanScore: 0, observed: 0}, {meanScore: 1, observed: 1}]}, mark: {type: "line", strokeDash: [4, 4], color: "#aaa"}, encoding: {x: {field: "meanScore", type: "quantitative"}, y: {field: "observed", type: "quantitative"}}},
      {
        data: {values},
        mark: {type: "line", point: true},
        encoding: {
          x: {field: "meanScore", type: "quantitative", title: "mean predicted probability", scale: {domain: [0, 1]}},
          y: {field: "observed", type: "quantitative", title: "observed positive rate", scale: {domain: [0, 1]}},
          size: {field: "rows", type: "quantitative", title: "rows"},
          tooltip: [{field: "lo"}, {field: "hi"}, {field: "rows"}, {field: "meanScore", format: ".3f"}, {field: "observed", format: ".3f"}]
        }
      }
    ]
  };
  const div = document.createElement("div");
  div.dataset.testid = "calibration-chart";
  await vegaEmbed(div, spec, {actions: false, renderer: "svg", mode: "vega-lite"});
  return div;
}
