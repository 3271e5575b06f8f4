/**
 * End to end: the BUILT notebook site (scripts/build-site.mjs), served by a
 * plain static server on 127.0.0.1, driven in headless Chromium.
 *
 *   * every page loads with zero console errors, zero failed requests and
 *     zero requests outside its origin (DuckDB-WASM's worker and wasm included);
 *   * the editor shows diagnostics as you type, at the right line and column,
 *     and completes names;
 *   * the training set built in the browser equals, cell by cell, the file
 *     the native pipeline (`featurebook build`) writes for the same program
 *     and data;
 *   * the report and "your data" pages do their work.
 *
 * Nothing is skipped: without Chromium, scripts/ensure-chromium.sh installs it
 * or the suite fails.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { NodeEngine } from '../../src/engine/node.js';
import type { ColumnInfo, Row } from '../../src/engine/engine.js';
import { loadProject } from '../../src/project.js';
import { buildTrainingSet } from '../../src/training-set.js';
import { resultDifferences, sameCell } from '../wasm/compare.js';
import { buildSiteOnce, launchChromium, openWatched, root, serve, type LaunchedBrowser, type WatchedPage } from './harness.js';

const READY_MS = 180_000;
let site: { url: string; close: () => Promise<void> };
let chromium: LaunchedBrowser;
let tmp: string;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'featurebook-browser-'));
  const dist = await buildSiteOnce();
  site = await serve(dist);
  chromium = await launchChromium();
});

after(async () => {
  await chromium?.close();
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Asserts a watched page stayed clean: no errors, no failed or foreign requests. */
function assertClean(w: WatchedPage, what: string) {
  assert.deepEqual(w.errors, [], `${what}: console errors`);
  assert.deepEqual(w.failed, [], `${what}: failed requests`);
  assert.deepEqual(w.foreign, [], `${what}: requests outside the origin`);
}

const PLAYGROUND_READY = '[data-testid=build-status][data-rows]';

async function openPlayground(): Promise<WatchedPage> {
  const w = await openWatched(chromium.context, site.url + 'playground');
  await w.page.waitForSelector(PLAYGROUND_READY, { timeout: READY_MS });
  return w;
}

describe('every page loads cleanly from the static build', () => {
  const pages: [string, string][] = [
    ['index', 'text=gives 1 declaration and 0 syntax errors'],
    ['playground', PLAYGROUND_READY],
    ['report', '[data-testid=report-status][data-rows]'],
    ['your-data', '[data-testid=data-status]:has-text("ready")'],
  ];
  for (const [path, ready] of pages) {
    test(`/${path}`, async () => {
      const w = await openWatched(chromium.context, site.url + path);
      try {
        await w.page.waitForSelector(ready, { timeout: READY_MS });
        await w.page.waitForTimeout(500);
        assertClean(w, path);
        if (path !== 'index') {
          // The watcher sees the engine's own traffic (worker and wasm), so "no foreign request" means something.
          assert.ok(w.requests.some((u) => /duckdb-(eh|mvp)\.[0-9a-f]+\.wasm$/.test(u)), `the DuckDB wasm file was requested from the site:\n${w.requests.join('\n')}`);
          assert.ok(w.requests.some((u) => /duckdb-browser-(eh|mvp)\.worker\.[0-9a-f]+\.js$/.test(u)), 'the DuckDB worker came from the site');
        }
        assert.ok(w.requests.some((u) => /favicon\.[0-9a-f]+\.svg$/.test(u)) || (await w.page.locator('link[rel=icon]').count()) === 1, 'a favicon of its own');
      } finally {
        await w.page.close();
      }
    });
  }

  test('a missing page is a 404 from the server, not a request elsewhere', async () => {
    const res = await fetch(site.url + 'no-such-page');
    assert.equal(res.status, 404);
    const page = await fetch(site.url + 'playground');
    assert.equal(page.status, 200);
    const wasm = await fetch(site.url + 'no-such-file.wasm');
    assert.equal(wasm.status, 404);
  });
});

/** Replaces the editor's text as if pasted. */
async function pasteProgram(page: Page, text: string) {
  await page.locator('.cm-content').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** Waits until the diagnostics list shows an entry matching `pred`, and returns the entries. */
async function diagnosticsWhere(page: Page, pred: (d: { line: number; column: number; code: string; text: string }) => boolean, what: string) {
  const deadline = Date.now() + 30_000;
  let last: { line: number; column: number; code: string; text: string }[] = [];
  while (Date.now() < deadline) {
    last = await page.$$eval('.fb-editor-diagnostics li.fb-diagnostic', (lis) =>
      lis.map((li) => ({ line: Number((li as HTMLElement).dataset.line), column: Number((li as HTMLElement).dataset.column), code: (li as HTMLElement).dataset.code ?? '', text: li.textContent ?? '' })),
    );
    if (last.some(pred)) return last;
    await page.waitForTimeout(100);
  }
  assert.fail(`${what}: not shown; the list has ${JSON.stringify(last)}`);
}

describe('the playground editor', () => {
  const program = (line8: string) => `project t
source transactions {
  path "data/transactions.parquet"
  timestamp ts
}
entity user { key user_id }
features f on transactions by user {
${line8}
}
`;

  test('typing an error shows its diagnostic at the right line and column', async () => {
    const w = await openPlayground();
    const { page } = w;
    try {
      // A checker error that needs the data's schema: a misspelt column.
      const line8 = '  total = sum(amount_usdd) over 7d';
      await pasteProgram(page, program(line8));
      const col = line8.indexOf('amount_usdd') + 1;
      const list = await diagnosticsWhere(page, (d) => d.line === 8 && d.column === col && d.text.includes("'amount_usdd'"), 'unknown column');
      assert.equal(list.length, 1, JSON.stringify(list));
      assert.match(list[0]!.text, /did you mean 'amount'/);
      // The underline covers exactly the misspelt name.
      const underlined = await page.locator('.cm-lintRange-error').allTextContents();
      assert.deepEqual(underlined, ['amount_usdd']);

      // Real keystrokes: a stray operator at the end of line 8 is a syntax error where it was typed.
      await page.locator('.cm-line').nth(7).click();
      await page.keyboard.press('End');
      await page.keyboard.type(' +', { delay: 30 });
      const plus = (line8 + ' +').indexOf('+') + 1;
      const syntax = await diagnosticsWhere(page, (d) => d.line === 8 && d.column === plus && d.code === 'syntax-error', 'syntax error');
      assert.ok(syntax.every((d) => d.code === 'syntax-error'), 'checking waits until the program parses');
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');
      await diagnosticsWhere(page, (d) => d.line === 8 && d.column === col, 'back to the unknown column');

      // Fixing it clears the list.
      await pasteProgram(page, program('  total = sum(amount) over 7d'));
      await page.waitForSelector('.fb-editor-diagnostics li.fb-ok', { timeout: 30_000 });
      assert.equal(await page.locator('.cm-lintRange-error').count(), 0);
      assertClean(w, 'playground editing');
    } finally {
      await page.close();
    }
  });

  /** Whether the completion list comes to hold `label` within the timeout (the list updates as typing and schema loading catch up). */
  const offered = (page: Page, label: string) =>
    page
      .waitForFunction(
        (l) => [...document.querySelectorAll('.cm-tooltip-autocomplete li .cm-completionLabel')].some((e) => e.textContent === l),
        label,
        { timeout: 20_000 },
      )
      .then(() => true, () => false);

  test('completes feature names after view., columns in a block, keywords at the top level', async () => {
    const w = await openPlayground();
    const { page } = w;
    try {
      await pasteProgram(page, program('  total = sum(amount) over 7d') + 'training_set s {\n  spine transactions\n  features ');
      await page.waitForSelector('.fb-editor-diagnostics li', { timeout: 30_000 });
      await page.keyboard.type('f.', { delay: 30 });
      const options = page.locator('.cm-tooltip-autocomplete li .cm-completionLabel');
      await options.first().waitFor({ timeout: 10_000 });
      assert.deepEqual((await options.allTextContents()).sort(), ['*', 'total']);
      await page.keyboard.press('Escape');

      // Inside the features block: the source's columns (from the loaded Parquet file) are offered.
      await page.locator('.cm-line').nth(7).click();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('  n = count_distinct(merch', { delay: 20 });
      assert.ok(await offered(page, 'merchant_id'), `merchant_id offered (saw ${JSON.stringify(await options.allTextContents())})`);
      await page.keyboard.press('Escape');

      // At the top level: declaration keywords.
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('ent', { delay: 20 });
      assert.ok(await offered(page, 'entity'), `entity offered (saw ${JSON.stringify(await options.allTextContents())})`);
      await page.keyboard.press('Escape');
      assertClean(w, 'playground completion');
    } finally {
      await page.close();
    }
  });

  test('highlights with the language\'s own tokens', async () => {
    const w = await openPlayground();
    try {
      await pasteProgram(w.page, '# a comment\n' + program('  total = sum(amount) over 7d') + 'training_set s {\n  spine transactions\n  features f.*\n}\n');
      await w.page.waitForSelector('.fb-editor-diagnostics li.fb-ok', { timeout: 30_000 });
      const keywords = await w.page.locator('.fb-tok-keyword').allTextContents();
      for (const k of ['project', 'source', 'features', 'training_set', 'over']) assert.ok(keywords.includes(k), k);
      assert.ok((await w.page.locator('.fb-tok-duration').allTextContents()).includes('7d'));
      assert.deepEqual(await w.page.locator('.fb-tok-comment').allTextContents(), ['# a comment']);
      // `total` is a name, `sum` a call: neither is marked as a keyword.
      assert.ok(!keywords.includes('total') && !keywords.includes('sum'));
      assert.ok((await w.page.locator('.fb-tok-string').allTextContents()).includes('"data/transactions.parquet"'));
    } finally {
      await w.page.close();
    }
  });
});

/** The browser's result (dates arrive as Dates through Playwright). */
type BrowserResult = { name: string; ms: number; columns: ColumnInfo[]; rows: Row[] };

async function nativeTrainingSet(fdl: string, set: string): Promise<{ columns: ColumnInfo[]; rows: Row[] }> {
  const out = join(tmp, `${set}-${Date.now()}.parquet`);
  const r = spawnSync(process.execPath, [join(root, 'bin/featurebook.js'), 'build', fdl, set, '--out', out], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  assert.equal(r.status, 0, `featurebook build failed:\n${r.stderr}`);
  const engine = await NodeEngine.create();
  try {
    return await engine.query(`SELECT * FROM read_parquet('${out}')`);
  } finally {
    await engine.close();
  }
}

describe('browser and native build the same training set', () => {
  test('fraud_train built in the playground equals `featurebook build` output, cell by cell', async () => {
    const w = await openPlayground();
    try {
      const built = (await w.page.evaluate(() => {
        const b = (window as unknown as { featurebookPlayground: { lastBuild: unknown } }).featurebookPlayground.lastBuild;
        return b;
      })) as BrowserResult;
      assert.equal(built.name, 'fraud_train');
      const native = await nativeTrainingSet(join(root, 'notebooks/data/fraud/fraud.fdl'), 'fraud_train');
      assert.ok(native.rows.length > 10_000);
      assert.deepEqual(resultDifferences(native, built), []);
      const shown = await w.page.locator('[data-testid=build-status]').textContent();
      assert.match(shown ?? '', new RegExp(`${native.rows.length.toLocaleString('en-US')} rows × ${native.columns.length} columns, built in [\\d,]+ ms`));
      assert.equal(await w.page.locator('[data-testid=result] tbody tr').count(), 100);
      // The timeline of the first fraud label's user is drawn.
      await w.page.waitForSelector('[data-testid=timeline] svg', { timeout: 60_000 });
      assertClean(w, 'playground build');
    } finally {
      await w.page.close();
    }
  });

  test('the report page summarises the same training set', async () => {
    const w = await openWatched(chromium.context, site.url + 'report');
    try {
      await w.page.waitForSelector('[data-testid=report-status][data-rows]', { timeout: READY_MS });
      const report = (await w.page.evaluate(() => (window as unknown as { featurebookReport: unknown }).featurebookReport)) as {
        rows: number;
        stats: { feature: string; nullRate: number; min: number | null; max: number | null; mean: number | null; histogram?: { count: number }[]; top?: unknown[]; nulls: number }[];
        balance: { split: string; value: string; rows: number }[];
      };
      const native = await nativeTrainingSet(join(root, 'notebooks/data/fraud/fraud.fdl'), 'fraud_train');
      assert.equal(report.rows, native.rows.length);
      const features = native.columns.map((c) => c.name).filter((n) => n.includes('__'));
      assert.deepEqual(report.stats.map((s) => s.feature), features);
      for (const s of report.stats) {
        const values = native.rows.map((r) => r[s.feature]);
        const nulls = values.filter((v) => v === null).length;
        assert.equal(s.nulls, nulls, `${s.feature} nulls`);
        const nums = values.filter((v): v is number => typeof v === 'number');
        if (nums.length) {
          // Floating features (stddev…) differ between engines in the last digits: compare within the tolerance.
          assert.ok(sameCell(s.min, Math.min(...nums)), `${s.feature} min ${s.min} vs ${Math.min(...nums)}`);
          assert.ok(sameCell(s.max, Math.max(...nums)), `${s.feature} max ${s.max} vs ${Math.max(...nums)}`);
          const mean = nums.reduce((a, b) => a + b, 0) / nums.length;
          assert.ok(Math.abs(s.mean! - mean) <= 1e-9 * Math.max(1, Math.abs(mean)), `${s.feature} mean`);
          assert.equal(s.histogram!.reduce((a, b) => a + b.count, 0), nums.length, `${s.feature} histogram counts every value`);
        } else {
          assert.ok(s.top && s.top.length > 0, `${s.feature} top values`);
        }
      }
      for (const split of ['train', 'validation', 'test']) {
        for (const value of ['0', '1']) {
          const expected = native.rows.filter((r) => r.split === split && String(r.is_fraud) === value).length;
          const got = report.balance.find((b) => b.split === split && b.value === value)?.rows ?? 0;
          assert.equal(got, expected, `${split} is_fraud=${value}`);
        }
      }
      assert.ok((await w.page.locator('.fb-histograms svg').count()) >= 1);
      assertClean(w, 'report');
    } finally {
      await w.page.close();
    }
  });
});

describe('your data', () => {
  test('a CSV from disk: schema shown, a starter program that checks, a training set equal to native', async () => {
    const lines = ['account_id,event_time,amount,channel'];
    for (let i = 0; i < 400; i++) {
      const t = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000 * 5 + (i % 7) * 60_000).toISOString().replace('T', ' ').replace('Z', '');
      lines.push(`a${i % 13},${t},${((i * 37) % 101) + 0.25},${i % 3 ? 'web' : 'store'}`);
    }
    const csv = join(tmp, 'payments.csv');
    writeFileSync(csv, lines.join('\n') + '\n');

    const w = await openWatched(chromium.context, site.url + 'your-data');
    try {
      await w.page.waitForSelector('[data-testid=data-status]:has-text("ready")', { timeout: READY_MS });
      await w.page.setInputFiles('[data-testid=file-input]', csv);
      await w.page.waitForSelector('[data-testid=data-status][data-rows="400"]', { timeout: 60_000 });
      const schema = await w.page.locator('[data-testid=schema] tbody tr').allTextContents();
      assert.deepEqual(schema, ['account_idVARCHAR', 'event_timeTIMESTAMP', 'amountDOUBLE', 'channelVARCHAR']);
      await w.page.waitForSelector('.fb-editor-diagnostics li.fb-ok', { timeout: 30_000 });
      const text = await w.page.evaluate(() => (window as unknown as { featurebookYourData: { editor: { text(): string } } }).featurebookYourData.editor.text());
      assert.match(text, /source payments \{\n  path "payments\.csv"\n  timestamp event_time/);
      assert.match(text, /entity account \{ key account_id \}/);

      await w.page.click('[data-testid=build]');
      await w.page.waitForSelector('[data-testid=build-status][data-rows]', { timeout: 60_000 });
      const built = (await w.page.evaluate(() => (window as unknown as { featurebookYourData: { lastBuild: unknown } }).featurebookYourData.lastBuild)) as BrowserResult;

      // The same program on native DuckDB, with the file beside it.
      const file = join(tmp, 'project.fdl');
      writeFileSync(file, text);
      const engine = await NodeEngine.create();
      try {
        const p = await loadProject(readFileSync(file, 'utf8'), { file, engine });
        assert.ok(p.plan, JSON.stringify(p.diagnostics));
        const native = await buildTrainingSet(engine, p.plan, built.name);
        assert.equal(native.rows.length, 400);
        assert.deepEqual(resultDifferences(native, built), []);
      } finally {
        await engine.close();
      }
      assertClean(w, 'your data');
    } finally {
      await w.page.close();
    }
  });
});
