/**
 * The drift report as one self-contained HTML file: styles inline, charts as
 * inline SVG (rendered beforehand, see `render.ts`), the report's JSON
 * embedded for tools; no script, font, image or style is loaded from
 * anywhere, so it opens offline.
 * @module
 */
import type { DriftReport } from './compute.js';
import { featureTable } from './charts.js';

export interface ReportCharts {
  /** Metric-over-time charts (SVG text), e.g. psi, ks. */
  overview: { title: string; svg: string }[];
  /** Per feature: its histogram and its metric lines (SVG text). */
  features: Record<string, { histogram?: string; lines?: string }>;
}

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const fmt = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? '–' : Math.abs(x) >= 1000 ? x.toFixed(0) : Number(x.toPrecision(digits)).toString());
const badge = (s: string) => `<span class="st ${esc(s)}">${esc(s)}</span>`;
/** SVG from our own renderer, with any script or external reference removed for safety. */
const svgOnly = (svg: string | undefined) => (svg ?? '').replace(/<script[\s\S]*?<\/script>/gi, '').replace(/\s(?:xlink:)?href="(?!#)[^"]*"/gi, '');

export function driftReportHtml(report: DriftReport, charts: ReportCharts, opts: { title?: string; generatedAt?: string } = {}): string {
  const title = opts.title ?? `Drift report: ${report.monitor}`;
  const s = report.summary;
  const table = featureTable(report);
  const th = Object.entries(report.thresholds)
    .map(([m, t]) => `<tr><td>${esc(m)}</td><td>${fmt(t.warn)}</td><td>${fmt(t.alert)}</td><td>${t.sustained}</td></tr>`)
    .join('');
  const alerts = report.alerts.length
    ? `<table><thead><tr><th>feature</th><th>metric</th><th>since</th><th>until</th><th>windows</th><th>peak</th></tr></thead><tbody>${report.alerts
        .map((a) => `<tr><td>${esc(a.feature)}</td><td>${esc(a.metric)}</td><td>${esc(a.since)}</td><td>${esc(a.until)}</td><td>${a.windows}</td><td>${fmt(a.peak)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>No alerts.</p>';
  const rows = table
    .map(
      (r) =>
        `<tr><td><a href="#f-${esc(r.feature)}">${esc(r.feature)}</a></td><td>${esc(r.kind)}</td><td>${badge(r.worst)}</td><td>${r.alerts}</td><td>${r.windowsNotOk}</td><td>${fmt(r.psiMax)}</td><td>${fmt(r.psiExpected)}</td><td>${fmt(r.ksMax)}</td><td>${fmt(r.ksExpected)}</td><td>${fmt(r.meanShiftMax)}</td><td>${fmt(r.nullRateChangeMax)}</td></tr>`,
    )
    .join('');
  const windows = report.windows
    .map(
      (w) =>
        `<tr><td>${esc(w.start)}</td><td>${esc(w.end)}</td><td>${w.rows}</td><td>${w.summary.ok}</td><td>${w.summary.warn}</td><td>${w.summary.alert}</td><td>${fmt(w.summary.drifting_share * 100, 3)}%</td><td>${badge(w.summary.status)}</td></tr>`,
    )
    .join('');
  const features = table
    .map((r) => {
      const c = charts.features[r.feature] ?? {};
      return `<details id="f-${esc(r.feature)}"${r.worst !== 'ok' ? ' open' : ''}><summary>${esc(r.feature)} ${badge(r.worst)}</summary><div class="charts">${svgOnly(c.histogram)}${svgOnly(c.lines)}</div></details>`;
    })
    .join('\n');
  const na = report.not_available.length ? `<h2>Not available</h2><ul>${report.not_available.map((x) => `<li>${esc(x.feature)}: ${esc(x.reason)}</li>`).join('')}</ul>` : '';
  // The JSON is embedded as data (type application/json is never executed); `<` is escaped so it cannot close the tag.
  const json = JSON.stringify(report).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<link rel="icon" href="data:,">
<title>${esc(title)}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #ddd; padding: .2rem .6rem; text-align: left; }
.st { border-radius: 3px; padding: 0 .35rem; font-size: .85em; }
.st.ok { background: #e3f2e1; } .st.warn { background: #fbecb3; } .st.alert { background: #f6c4c4; }
.kv td:first-child { color: #666; }
details { margin: .4rem 0; } summary { cursor: pointer; font-weight: 600; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.note { color: #555; font-size: .9em; }
</style>
</head>
<body>
<h1>${esc(title)}</h1>
<table class="kv">
<tr><td>status</td><td>${badge(s.status)}</td></tr>
<tr><td>reference</td><td>${esc(report.reference.source ?? '')} — ${report.reference.rows} rows, ${report.reference.bins} bins</td></tr>
<tr><td>current</td><td>${esc(report.current.source ?? '')} — ${report.current.rows} rows in ${s.windows} window${s.windows === 1 ? '' : 's'}${report.current.every_ms ? ` of ${fmt(report.current.every_ms / 3_600_000)} h` : ''}${report.current.segment ? `, segment ${esc(report.current.segment.column)} = ${esc(report.current.segment.value)}` : ''}</td></tr>
<tr><td>features</td><td>${s.features} monitored, ${s.features_alerting.length} alerting (${fmt(s.share_alerting * 100, 3)}%)${report.not_available.length ? `, ${report.not_available.length} not available` : ''}</td></tr>
<tr><td>windows with an alert</td><td>${s.windows_with_alert}</td></tr>
${opts.generatedAt ? `<tr><td>generated</td><td>${esc(opts.generatedAt)}</td></tr>` : ''}
</table>
<h2>Alerts</h2>
${alerts}
<h2>Over time</h2>
<p class="note">Shaded: warn and alert bands. Dashed: the value expected with no drift at each window's sample sizes (label permutations).</p>
<div class="charts">${charts.overview.map((c) => svgOnly(c.svg)).join('\n')}</div>
<h2>Features, most severe first</h2>
<table><thead><tr><th>feature</th><th>kind</th><th>worst</th><th>alerts</th><th>windows not ok</th><th>max PSI</th><th>PSI if no drift</th><th>max KS</th><th>KS if no drift</th><th>max |z|</th><th>max |Δ null|</th></tr></thead><tbody>${rows}</tbody></table>
${na}
<h2>Thresholds</h2>
<table><thead><tr><th>metric</th><th>warn</th><th>alert</th><th>sustained</th></tr></thead><tbody>${th}</tbody></table>
<h2>Windows</h2>
<table><thead><tr><th>start</th><th>end</th><th>rows</th><th>ok</th><th>warn</th><th>alert</th><th>drifting</th><th>dataset</th></tr></thead><tbody>${windows}</tbody></table>
<h2>Distributions</h2>
<p class="note">Reference (train split) and current shares of non-null values per frozen bucket, all windows together.</p>
${features}
<script type="application/json" id="drift-report">${json}</script>
</body>
</html>
`;
}
