/**
 * The playground as a reader uses it, in real Chromium on the built site:
 * keys in the editor (Enter never takes a completion after a complete word,
 * nothing completes inside a number or a duration), the layout (a full-width
 * editor that grows with its text; tables and SQL that scroll inside their
 * own boxes), a result marked stale after an edit, messages that clear, edits
 * kept across a reload, and the training set downloaded as CSV and Parquet.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { NodeEngine } from '../../src/engine/node.js';
import { buildSiteOnce, launchChromium, openWatched, serve, type LaunchedBrowser, type WatchedPage } from './harness.js';

const READY = '[data-testid=build-status][data-rows]';
let site: { url: string; close: () => Promise<void> };
let chromium: LaunchedBrowser;
let tmp: string;

before(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'featurebook-playground-'));
  site = await serve(await buildSiteOnce());
  chromium = await launchChromium();
});
after(async () => {
  await chromium?.close();
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function open(): Promise<WatchedPage> {
  const w = await openWatched(chromium.context, site.url + 'playground');
  await w.page.waitForSelector(READY, { timeout: 180_000 });
  return w;
}

function assertClean(w: WatchedPage, what: string) {
  assert.deepEqual(w.errors, [], `${what}: console errors`);
  assert.deepEqual(w.failed, [], `${what}: failed requests`);
  assert.deepEqual(w.foreign, [], `${what}: requests outside the origin`);
}

/** Closes a page, forgetting the edits it kept (the next test starts from the example). */
async function done(page: Page) {
  await page.evaluate(() => sessionStorage.clear()).catch(() => {});
  await page.close();
}

const editorText = (page: Page) => page.evaluate(() => (window as unknown as { featurebookPlayground: { editor: { text(): string } } }).featurebookPlayground.editor.text());
const setText = (page: Page, text: string) =>
  page.evaluate((t) => (window as unknown as { featurebookPlayground: { editor: { setText(t: string): void } } }).featurebookPlayground.editor.setText(t), text);

/** Puts the cursor at the end of the line that contains `needle`. */
async function endOfLine(page: Page, needle: string) {
  await page.locator('.cm-line', { hasText: needle }).first().click();
  await page.keyboard.press('End');
}

type Rect = { width: number; height: number; right: number };
interface Measure {
  main: number;
  editor: Rect;
  viewport: number;
  scroller: { client: number; scroll: number };
  sql: { client: number; scroll: number; overflowX: string };
  table: { client: number; scroll: number; overflowX: string; right: number };
  pageScroll: number;
  pageWidth: number;
}
const MEASURE = `(() => {
  const r = (s) => document.querySelector(s).getBoundingClientRect();
  const scroller = document.querySelector('.cm-scroller');
  const sql = document.querySelector('[data-testid=sql]');
  const table = document.querySelector('[data-testid=result] .fb-table');
  return {
    main: r('#observablehq-main').width,
    editor: r('.cm-editor').toJSON(),
    viewport: innerHeight,
    scroller: { client: scroller.clientHeight, scroll: scroller.scrollHeight },
    sql: { client: sql.clientWidth, scroll: sql.scrollWidth, overflowX: getComputedStyle(sql).overflowX },
    table: { client: table.clientWidth, scroll: table.scrollWidth, overflowX: getComputedStyle(table).overflowX, right: table.getBoundingClientRect().right },
    pageScroll: document.documentElement.scrollWidth,
    pageWidth: document.documentElement.clientWidth,
  };
})()`;

describe('the playground', () => {
  test('Enter after a complete word or a duration makes a new line; Tab still completes', async () => {
    const w = await open();
    const { page } = w;
    try {
      await endOfLine(page, 'txn_count_24h');
      await page.keyboard.press('Enter');
      await page.keyboard.type('txn_7d = count() over 7d', { delay: 40 });
      await page.waitForTimeout(400); // let any completion list open
      assert.equal(await page.locator('.cm-tooltip-autocomplete').count(), 0, 'no completion list after 7d');
      await page.keyboard.press('Enter');
      await page.keyboard.type('spend_x = sum(amount_usd) over', { delay: 40 });
      await page.waitForTimeout(400);
      await page.keyboard.press('Enter');
      await page.keyboard.type('n_m = count_dist', { delay: 40 });
      await page.locator('.cm-tooltip-autocomplete').waitFor({ timeout: 10_000 });
      await page.waitForTimeout(300); // CodeMirror ignores an accept within its interaction delay of the list's last update
      await page.keyboard.press('Tab');
      const lines = (await editorText(page)).split('\n');
      const i = lines.findIndex((l) => l.includes('txn_7d'));
      assert.equal(lines[i]!.trim(), 'txn_7d = count() over 7d', JSON.stringify(lines.slice(i, i + 3)));
      assert.equal(lines[i + 1]!.trim(), 'spend_x = sum(amount_usd) over');
      assert.match(lines[i + 2]!.trim(), /^n_m = count_distinct/);
      assertClean(w, 'editor keys');
    } finally {
      await done(page);
    }
  });

  test('a full-width editor that grows with its text; SQL and results scroll inside their boxes', async () => {
    const w = await open();
    const { page } = w;
    try {
      // A string, not a function: tsx would wrap the helper arrow functions in __name(), unknown in the page.
      const box = async () => page.evaluate(MEASURE) as Promise<Measure>;
      const first = await box();
      assert.ok(first.editor.width >= 0.9 * first.main, `editor ${first.editor.width}px of ${first.main}px`);
      // The example is longer than the screen: the editor stops at its maximum and scrolls.
      assert.ok(first.editor.height <= 0.8 * first.viewport, `editor height ${first.editor.height} of ${first.viewport}`);
      assert.ok(first.scroller.scroll > first.scroller.client, 'the editor scrolls');
      // A short program: a short editor (it grows with the text, from a small minimum).
      await setText(page, 'project p\n');
      await page.waitForTimeout(300);
      const short = await box();
      assert.ok(short.editor.height < first.editor.height / 2, `short editor ${short.editor.height} vs ${first.editor.height}`);
      // Wide SQL and a wide table scroll sideways inside their own boxes; the page does not.
      assert.ok(first.sql.scroll > first.sql.client && /auto|scroll/.test(first.sql.overflowX), JSON.stringify(first.sql));
      assert.ok(first.table.scroll > first.table.client && /auto|scroll/.test(first.table.overflowX), JSON.stringify(first.table));
      assert.ok(first.pageScroll <= first.pageWidth, `page is ${first.pageScroll}px wide in ${first.pageWidth}px`);
      assertClean(w, 'layout');
    } finally {
      await done(page);
    }
  });

  test('an edit marks the result stale until Build; "fix the errors" clears once they are fixed', async () => {
    const w = await open();
    const { page } = w;
    try {
      const stale = () => page.locator('[data-testid=result]').getAttribute('data-stale');
      assert.equal(await stale(), 'false');
      assert.ok(!(await page.locator('[data-testid=stale]').isVisible()));
      const example = await editorText(page);
      await endOfLine(page, 'txn_count_24h');
      await page.keyboard.type(' + 1', { delay: 20 });
      assert.equal(await stale(), 'true');
      assert.ok(await page.locator('[data-testid=stale]').isVisible());
      assert.match((await page.locator('[data-testid=stale]').textContent()) ?? '', /stale.*Build/i);
      assert.match((await page.locator('[data-testid=result]').getAttribute('class')) ?? '', /fb-stale/);

      // A program that does not compile: Build says so and keeps the old result (stale).
      await setText(page, example.replace('features user_spend on transactions by user {', 'features user_spend on transactions by user {\n  broken = sum(no_such_column) over 7d'));
      await page.waitForSelector('.fb-editor-diagnostics li.fb-diagnostic', { timeout: 30_000 });
      await page.click('[data-testid=build]');
      await page.waitForSelector('[data-testid=build-status]:has-text("Fix the errors above first.")', { timeout: 30_000 });
      assert.ok((await page.locator('[data-testid=result] tbody tr').count()) > 0, 'the old result stays');
      // Fixed: the message goes without pressing Build.
      await setText(page, example);
      await page.waitForSelector('.fb-editor-diagnostics li.fb-ok', { timeout: 30_000 });
      await page.waitForFunction(() => !document.querySelector('[data-testid=build-status]')!.textContent!.includes('Fix the errors'), null, { timeout: 10_000 });
      // The text is the one built again: not stale; after Build, fresh too.
      assert.equal(await stale(), 'false');
      await page.click('[data-testid=build]');
      await page.waitForFunction(() => /rows × \d+ columns/.test(document.querySelector('[data-testid=build-status]')!.textContent!), null, { timeout: 120_000 });
      assert.equal(await stale(), 'false');
      assertClean(w, 'stale');
    } finally {
      await done(page);
    }
  });

  test('edits survive a reload; "Reset to example" brings the example back', async () => {
    const w = await open();
    const { page } = w;
    try {
      const example = await editorText(page);
      assert.ok(await page.locator('[data-testid=reset]').isDisabled(), 'nothing to reset yet');
      await endOfLine(page, 'txn_count_24h');
      await page.keyboard.type('  # kept', { delay: 20 });
      const edited = await editorText(page);
      assert.notEqual(edited, example);
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector(READY, { timeout: 180_000 });
      assert.equal(await editorText(page), edited);
      assert.match((await page.locator('[data-testid=saved-note]').textContent()) ?? '', /kept in this browser/);
      await page.click('[data-testid=reset]');
      assert.equal(await editorText(page), example);
      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector(READY, { timeout: 180_000 });
      assert.equal(await editorText(page), example);
      assertClean(w, 'persistence');
    } finally {
      await done(page);
    }
  });

  test('the built training set downloads as CSV and as Parquet that DuckDB reads back', async () => {
    const w = await open();
    const { page } = w;
    try {
      const rows = Number(await page.locator('[data-testid=build-status]').getAttribute('data-rows'));
      const save = async (id: string) => {
        const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${id}]`)]);
        const file = join(tmp, d.suggestedFilename());
        await d.saveAs(file);
        return file;
      };
      const csv = await save('download-csv');
      assert.match(csv, /fraud_train\.csv$/);
      const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
      assert.equal(lines.length, rows + 1);
      assert.match(lines[0]!, /^user_id,merchant_id,label_ts,is_fraud,/);
      const parquet = await save('download-parquet');
      assert.match(parquet, /fraud_train\.parquet$/);
      const engine = await NodeEngine.create();
      try {
        const back = await engine.query(`SELECT count(*) AS n, count(DISTINCT user_id) AS users, max(label_ts) AS last FROM read_parquet('${parquet}')`);
        assert.equal(back.rows[0]!.n, rows);
        assert.ok(Number(back.rows[0]!.users) > 10);
        assert.ok(back.rows[0]!.last instanceof Date && (back.rows[0]!.last as Date).getUTCFullYear() === 2024);
        const fromCsv = await engine.query(`SELECT count(*) AS n FROM read_csv('${csv}', header = true)`);
        assert.equal(fromCsv.rows[0]!.n, rows);
      } finally {
        await engine.close();
      }
      assertClean(w, 'downloads');
    } finally {
      await done(page);
    }
  });
});
