/**
 * Node side of the HTML report: renders the chart specs to SVG with Vega
 * (no browser, no canvas) and assembles the self-contained file.
 * @module
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { histogramSpec, metricOverTimeSpec } from './charts.js';
import type { DriftReport } from './compute.js';
import { driftReportHtml, type ReportCharts } from './html.js';

/** One Vega-Lite spec as SVG text. */
export async function specToSvg(spec: Record<string, unknown>): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The report as a self-contained HTML page (charts inline as SVG). */
export async function renderDriftHtml(report: DriftReport, opts: { generatedAt?: string } = {}): Promise<string> {
  const metrics = ['psi', 'ks', 'mean_shift', 'null_rate'] as const;
  const overview: ReportCharts['overview'] = [];
  for (const m of metrics) {
    if (m !== 'psi' && !report.windows.some((w) => w.features.some((f) => (m === 'ks' ? f.ks : m === 'mean_shift' ? f.mean_shift : f.null_rate_change) !== null))) continue;
    overview.push({ title: m, svg: await specToSvg(metricOverTimeSpec(report, m, { width: 820, height: 220 })) });
  }
  const features: ReportCharts['features'] = {};
  for (const f of report.features) {
    features[f.feature] = {
      histogram: await specToSvg(histogramSpec(report, f.feature)),
      lines: await specToSvg(metricOverTimeSpec(report, 'psi', { features: [f.feature], width: 380, height: 160 })),
    };
  }
  return driftReportHtml(report, { overview, features }, opts);
}
