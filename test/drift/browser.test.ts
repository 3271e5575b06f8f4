/**
 * Drift in Chromium:
 *   * the HTML report opens from a file with the network off: charts drawn,
 *     no console errors, no request but the file itself;
 *   * the notebook page (built site, static server) loads with zero console
 *     errors and zero requests outside its origin, computes in DuckDB-WASM the
 *     same numbers as native DuckDB, and recomputes when a control changes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BEHAVIOUR_CHANGE } from '../../examples/fraud/generate.js';
import { NodeEngine } from '../../src/engine/node.js';
import { loadProject } from '../../src/project.js';
import { runMonitor } from '../../src/drift/monitor.js';
import { renderDriftHtml } from '../../src/drift/render.js';
import type { DriftReport } from '../../src/drift/compute.js';
import { buildSiteOnce, launchChromium, openWatched, root, serve, type LaunchedBrowser } from '../browser/harness.js';

const READY_MS = 180_000;
let chromium: LaunchedBrowser;
let tmp: string;
let native: DriftReport;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'featurebook-drift-browser-'));
  chromium = await launchChromium();
  // The native report of the example as the page computes it (same options as notebooks/drift.md).
  const file = join(root, 'examples/fraud/fraud.fdl');
  const engine = await NodeEngine.create({ threads: 2 });
  const p = await loadProject(readFileSync(file, 'utf8'), { file, engine });
  native = (await runMonitor(engine, p.plan!, 'fraud_drift', { permutations: 10, permutationCap: 300 })).report;
  await engine.close();
});
after(async () => {
  await chromium?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the HTML report', () => {
  test('opens offline: charts drawn, nothing requested, no errors', async () => {
    const path = join(tmp, 'drift.html');
    writeFileSync(path, await renderDriftHtml(native, { generatedAt: '2024-09-01T00:00:00Z' }));
    const page = await chromium.context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await chromium.context.setOffline(true);
    await chromium.context.route('**/*', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
    try {
      await page.goto('file://' + path, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      assert.deepEqual(errors, []);
      assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
      assert.equal(await page.title(), 'Drift report: fraud_drift');
      const info = await page.evaluate(() => ({
        svgs: document.querySelectorAll('svg').length,
        lines: document.querySelectorAll('svg path').length,
        rows: document.querySelectorAll('table tbody tr').length,
        json: JSON.parse(document.getElementById('drift-report')!.textContent!).alerts.length,
      }));
      assert.ok(info.svgs >= 2 + 2 * 17, `svgs: ${info.svgs}`);
      assert.ok(info.lines > 50);
      assert.equal(info.json, native.alerts.length);
    } finally {
      await chromium.context.unroute('**/*');
      await chromium.context.setOffline(false);
      await page.close();
    }
  });
});

describe('the notebook page', () => {
  let site: { url: string; close: () => Promise<void> };
  before(async () => {
    site = await serve(await buildSiteOnce());
  });
  after(async () => site?.close());

  test('/drift loads cleanly, equals native DuckDB, and its controls recompute', async () => {
    const w = await openWatched(chromium.context, site.url + 'drift');
    try {
      const runs = async (n: number) => {
        await w.page.waitForSelector(`[data-testid=drift-status][data-runs="${n}"]:not([data-busy])`, { timeout: READY_MS });
        if (process.env.FEATUREBOOK_DEBUG) console.log(await w.page.textContent('[data-testid=drift-status]'));
      };
      await runs(1);
      await w.page.waitForSelector('[data-testid=drift-chart] svg');
      await w.page.waitForSelector('[data-testid=drift-histogram] svg');
      const report = (await w.page.evaluate(() => (window as any).featurebookDrift.report)) as DriftReport;
      // Same windows, same metrics, same alerts as native DuckDB.
      assert.equal(report.windows.length, native.windows.length);
      report.windows.forEach((win, i) =>
        win.features.forEach((f, j) => {
          const n = native.windows[i]!.features[j]!;
          for (const k of ['psi', 'ks', 'mean_shift'] as const) {
            const a = f[k];
            const b = n[k];
            assert.ok(a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9), `${win.start} ${f.feature} ${k}: wasm ${a} vs native ${b}`);
          }
        }),
      );
      assert.deepEqual(report.alerts.map((a) => [a.feature, a.metric, a.since]), native.alerts.map((a) => [a.feature, a.metric, a.since]));
      assert.ok(report.alerts.length > 0 && report.alerts.every((a) => Date.parse(a.until) > BEHAVIOUR_CHANGE));
      // The table lists the most severe features first.
      const statuses = await w.page.$$eval('[data-testid=drift-table] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-status')));
      assert.equal(statuses.length, 17);
      assert.deepEqual(statuses, [...statuses].sort((a, b) => ['alert', 'warn', 'ok'].indexOf(a!) - ['alert', 'warn', 'ok'].indexOf(b!)));

      // Bins: recomputed with new frozen edges.
      await w.page.fill('[data-testid=drift-bins]', '4');
      await w.page.dispatchEvent('[data-testid=drift-bins]', 'change');
      await runs(2);
      let r = (await w.page.evaluate(() => (window as any).featurebookDrift.report)) as DriftReport;
      assert.equal(r.reference.bins, 4);
      assert.ok(r.features.find((f) => f.kind === 'numeric')!.edges!.length <= 3);
      // Window: daily.
      await w.page.selectOption('[data-testid=drift-every]', String(86_400_000));
      await runs(3);
      r = (await w.page.evaluate(() => (window as any).featurebookDrift.report)) as DriftReport;
      assert.ok(r.windows.length > 100, `daily windows: ${r.windows.length}`);
      // A stricter PSI alert threshold: fewer PSI alerts.
      const psiAlerts = r.alerts.filter((a) => a.metric === 'psi').length;
      await w.page.fill('[data-testid=drift-psi-alert]', '5');
      await w.page.dispatchEvent('[data-testid=drift-psi-alert]', 'change');
      await runs(4);
      r = (await w.page.evaluate(() => (window as any).featurebookDrift.report)) as DriftReport;
      assert.equal(r.thresholds.psi!.alert, 5);
      assert.ok(r.alerts.filter((a) => a.metric === 'psi').length < psiAlerts || psiAlerts === 0);
      // A segment: only the labelled-fraud rows on both sides.
      await w.page.selectOption('[data-testid=drift-segment-column]', 'is_fraud');
      await w.page.waitForSelector('[data-testid=drift-segment-value] option[value="1"]', { state: 'attached' });
      await w.page.selectOption('[data-testid=drift-segment-value]', '1');
      await w.page.waitForFunction(() => (window as any).featurebookDrift.report?.current?.segment?.value === '1', null, { timeout: READY_MS });
      r = (await w.page.evaluate(() => (window as any).featurebookDrift.report)) as DriftReport;
      assert.ok(r.reference.rows < native.reference.rows / 10, `segment reference rows ${r.reference.rows}`);
      assert.deepEqual(w.errors, []);
      assert.deepEqual(w.failed, []);
      assert.deepEqual(w.foreign, []);
    } finally {
      await w.page.close();
    }
  });
});
