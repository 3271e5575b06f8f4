/**
 * Notebook folders end to end (DESIGN §7), in headless Chromium:
 *
 *   * a `featurebook new` folder (plus a page written the Observable way and a
 *     contributor note) built by `featurebook site`, served by
 *     `python3 -m http.server` (no clean URLs, no special headers): every page
 *     with zero console errors and zero requests outside its origin; each cell
 *     kind renders and computes (a sql cell with a `${}` parameter, a chart
 *     bound to it, js cells with inputs); the static edit mode (browser
 *     storage, Download .md, Revert to published);
 *   * `featurebook notebook`: edit → save → the file on disk and the reloaded
 *     page; a page saved unchanged is byte-identical; saves with a foreign
 *     Origin or Host are refused; a new page file appears in the sidebar.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startPreview, type Preview } from '../../src/notebook/node.js';
import { launchChromium, openWatched, root, type LaunchedBrowser, type WatchedPage } from '../browser/harness.js';

const READY = 120_000;
let tmp: string;
let chromium: LaunchedBrowser;
let python: ChildProcess | undefined;
let siteUrl: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'bin/featurebook.js'), ...args], { encoding: 'utf8', cwd: tmp });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The library bundle and the notebook files, rebuilt when src/ is newer. */
function ensureBuilt() {
  const stamp = join(root, 'dist/fb/notebook.js');
  const newest = (d: string): number => {
    let t = 0;
    for (const e of spawnSync('find', [d, '-type', 'f', '-newer', stamp], { encoding: 'utf8' }).stdout.split('\n')) if (e) t++;
    return t;
  };
  if (!existsSync(stamp) || newest(join(root, 'src')) > 0) {
    const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
    assert.equal(r.status, 0, 'scripts/build.mjs');
  }
}

const OBSERVABLE_PAGE = `---
title: The Observable way
sql:
  orders: ../data/orders.csv
---

# Orders, the Observable way

\`\`\`sql
SELECT category, count(*) AS n FROM orders GROUP BY 1 ORDER BY 1
\`\`\`
`;

// A report whose query runs at build time: the page loads its result, never the source.
const BIG_PAGE = `---
fdl: [../project.fdl]
---

# Orders, precomputed

\`\`\`sql id=big precompute
SELECT count(*) AS n, sum(amount) AS total FROM orders
\`\`\`
`;

function assertClean(w: WatchedPage, what: string) {
  assert.deepEqual(w.errors, [], `${what}: console errors`);
  assert.deepEqual(w.failed, [], `${what}: failed requests`);
  assert.deepEqual(w.foreign, [], `${what}: requests outside the origin`);
}

const rowsOf = (page: Page, n: number) => page.locator('[data-fb-cell=sql] [data-fb-rows]').nth(n).getAttribute('data-fb-rows').then(Number);

before(async () => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'featurebook-nb-'));
  const made = cli('new', 'demo');
  assert.equal(made.code, 0, made.err);
  mkdirSync(join(tmp, 'demo/reports'));
  writeFileSync(join(tmp, 'demo/reports/observable.md'), OBSERVABLE_PAGE);
  writeFileSync(join(tmp, 'demo/reports/big.md'), BIG_PAGE);
  writeFileSync(join(tmp, 'demo/CONTEXT.md'), '# Notes for contributors: not a page\n');
  const site = cli('site', 'demo', '--out', 'out');
  assert.equal(site.code, 0, site.err);
  python = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1'], { cwd: join(tmp, 'out'), stdio: ['ignore', 'pipe', 'pipe'] });
  siteUrl = await new Promise<string>((res, rej) => {
    python!.stdout!.on('data', (c) => {
      const m = /port (\d+)/.exec(String(c));
      if (m) res(`http://127.0.0.1:${m[1]}/`);
    });
    python!.on('exit', () => rej(new Error('python3 -m http.server exited')));
  });
  chromium = await launchChromium();
});

after(async () => {
  await chromium?.close();
  python?.kill();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('a featurebook new folder as a static site on python3 -m http.server', () => {
  test('commands: new refuses a non-empty folder; site publishes pages only, with .html links', () => {
    const again = cli('new', 'demo');
    assert.equal(again.code, 1);
    assert.match(again.err, /demo: the folder is not empty/);
    assert.ok(existsSync(join(tmp, 'out/index.html')));
    assert.ok(existsSync(join(tmp, 'out/reports/observable.html')));
    assert.ok(!existsSync(join(tmp, 'out/CONTEXT.html')), 'CONTEXT.md is not a page');
    const html = readFileSync(join(tmp, 'out/index.html'), 'utf8');
    assert.match(html, /href="\.\/reports\/observable\.html"/);
  });

  test('every cell kind renders and computes; inputs drive a parameter and the chart bound to it', async () => {
    const w = await openWatched(chromium.context, siteUrl + 'index.html');
    const { page } = w;
    await page.waitForSelector('[data-fb-cell=chart] [data-fb-rendered]', { timeout: READY });
    for (const kind of ['fdl', 'sql', 'chart', 'js']) assert.ok((await page.locator(`[data-fb-cell=${kind}]`).count()) > 0, kind);
    // fdl: a live editor with its diagnostics list (no problems).
    await page.waitForSelector('[data-fb-cell=fdl] .cm-editor', { timeout: READY });
    assert.equal(await rowsOf(page, 0), 10, 'top: LIMIT ${limit} = 10');
    const before = await rowsOf(page, 1);
    const drawn = await page.locator('[data-fb-cell=chart] [data-fb-rendered]').getAttribute('data-fb-rendered');
    assert.equal(Number(drawn), before, 'the chart draws per_day');
    // The second range input is min_rows: raise it and per_day (and the chart) recompute.
    const range = page.locator('[data-fb-cell=js] input[type=range]').nth(1);
    await range.fill('8');
    await page.waitForFunction((n) => {
      const r = document.querySelectorAll('[data-fb-cell=sql] [data-fb-rows]')[1];
      const c = document.querySelector('[data-fb-cell=chart] [data-fb-rendered]');
      return r && Number(r.getAttribute('data-fb-rows')) < n && c && c.getAttribute('data-fb-rendered') === r.getAttribute('data-fb-rows');
    }, before, { timeout: READY });
    assert.match(await page.locator('body').innerText(), /top has 10 rows/);
    // Sorting by a column reorders the rows.
    await page.locator('[data-fb-cell=sql] th[data-fb-sort=n]').nth(0).click();
    assert.equal(await page.locator('[data-fb-cell=sql] th[data-fb-sort=n]').nth(0).getAttribute('aria-sort'), 'ascending');
    // Downloads: CSV and Parquet of a result.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-fb-download=csv]').first().click()]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    assert.equal(csvText.trim().split('\n').length, 11, 'header + 10 rows');
    const [pq] = await Promise.all([page.waitForEvent('download'), page.locator('[data-fb-download=parquet]').first().click()]);
    assert.equal(readFileSync((await pq.path())!).subarray(0, 4).toString(), 'PAR1');
    assertClean(w, 'index');
    assert.ok(w.requests.some((u) => /duckdb-(eh|mvp)\.[0-9a-f]+\.wasm$/.test(u)), 'DuckDB-WASM came from the site');
    await page.close();
  });

  test('an fdl cell is a live editor: an error shows at its line and column', async () => {
    const w = await openWatched(chromium.context, siteUrl + 'index.html');
    const { page } = w;
    await page.waitForSelector('[data-fb-cell=fdl] .cm-content', { timeout: READY });
    await page.waitForSelector('[data-fb-cell=sql] [data-fb-rows]', { timeout: READY });
    await page.click('[data-fb-cell=fdl] .cm-content');
    await page.keyboard.press('Control+End');
    // insertText, not typing: the editor would close braces as they are typed.
    await page.keyboard.insertText('features broken on nowhere by customer {\n  n = count() over 1d\n}');
    const item = page.locator('[data-fb-cell=fdl] [data-line][data-severity=error]').first();
    await item.waitFor({ timeout: READY });
    assert.match(await item.innerText(), /nowhere/);
    assert.equal(await item.getAttribute('data-line'), '4', 'the line within the cell');
    assert.equal(await item.getAttribute('data-column'), '20');
    await page.close();
  });

  test('a page written the Observable way (front matter sql:, a sql cell) runs offline', async () => {
    const w = await openWatched(chromium.context, siteUrl + 'reports/observable.html');
    await w.page.waitForSelector('[data-fb-cell=sql] [data-fb-rows]', { timeout: READY });
    assert.equal(await rowsOf(w.page, 0), 5, 'five categories');
    await w.page.waitForTimeout(300);
    assertClean(w, 'reports/observable');
    await w.page.close();
  });

  test('a precomputed query ships as its result: the page reads the Parquet, not the source', async () => {
    const w = await openWatched(chromium.context, siteUrl + 'reports/big.html');
    await w.page.waitForSelector('[data-fb-cell=sql] [data-fb-rows]', { timeout: READY });
    const orders = readFileSync(join(tmp, 'demo/data/orders.csv'), 'utf8').trim().split('\n').length - 1;
    assert.match(await w.page.locator('[data-fb-cell=sql] tbody tr').first().innerText(), new RegExp(`^${orders}\\t`));
    assert.ok(w.requests.some((u) => u.endsWith('/_fb/files/.precomputed/reports/big/big.parquet')), w.requests.join('\n'));
    assert.ok(!w.requests.some((u) => u.endsWith('orders.csv')), 'the source is not read');
    assertClean(w, 'reports/big');
    await w.page.close();
  });

  test('static edit mode: edits kept in browser storage, Download .md, Revert to published', async () => {
    const w = await openWatched(chromium.context, siteUrl + 'index.html');
    const { page } = w;
    await page.waitForSelector('[data-fb-cell=sql] [data-fb-rows]', { timeout: READY });
    await page.click('[data-fb-action=edit]');
    const area = page.locator('.fb-edit-block[data-fb-cell=sql] textarea').first();
    const text = await area.inputValue();
    await area.fill(text.replace('LIMIT ${limit}', 'LIMIT 3'));
    await area.press('Shift+Enter');
    await page.waitForSelector('.fb-edit-block[data-fb-cell=sql] .fb-edit-output [data-fb-rows="3"]', { timeout: READY });
    await page.reload();
    await page.waitForSelector('[data-fb-state=local-edits]:not([hidden])', { timeout: READY });
    await page.click('[data-fb-action=edit]');
    assert.match(await page.locator('.fb-edit-block[data-fb-cell=sql] textarea').first().inputValue(), /LIMIT 3/);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-fb-action=download]')]);
    assert.equal(dl.suggestedFilename(), 'index.md');
    const md = readFileSync((await dl.path())!, 'utf8');
    assert.equal(md, readFileSync(join(tmp, 'demo/index.md'), 'utf8').replace('LIMIT ${limit}', 'LIMIT 3'));
    await page.click('[data-fb-action=revert]');
    assert.equal(await page.evaluate(() => localStorage.getItem('featurebook:page:index.md')), null);
    assert.ok(await page.locator('[data-fb-state=local-edits]').isHidden());
    assert.match(await page.locator('.fb-edit-block[data-fb-cell=sql] textarea').first().inputValue(), /LIMIT \$\{limit\}/);
    assertClean(w, 'edit mode');
    await page.close();
  });
});

/** POST /_fb/save with the given headers. */
function post(url: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: { error?: string } }> {
  const u = new URL('/_fb/save', url);
  return new Promise((res, rej) => {
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (r) => {
      let t = '';
      r.on('data', (c) => (t += c));
      r.on('end', () => res({ status: r.statusCode!, body: JSON.parse(t) }));
    });
    req.on('error', rej);
    req.end(JSON.stringify(body));
  });
}

describe('featurebook notebook: editing and saving', () => {
  let preview: Preview;
  let dir: string;
  before(async () => {
    dir = join(tmp, 'live');
    cpSync(join(tmp, 'demo'), dir, { recursive: true, filter: (p) => !p.includes('.observablehq') });
    // A page with CRLF line endings and no final newline: saved unchanged, it must stay byte for byte.
    writeFileSync(join(dir, 'crlf.md'), '# CRLF page\r\n\r\n```sql id=one\r\nSELECT 1 AS one\r\n```\r\n\r\nend');
    preview = await startPreview(dir, { port: 0, quiet: true, log: () => {} });
  });
  after(async () => preview?.close());

  test('a save with a foreign Origin or Host is refused; paths are confined to .md pages in the folder', async () => {
    const own = new URL(preview.url);
    const foreignOrigin = await post(preview.url, { path: 'x.md', markdown: 'x' }, { origin: 'http://evil.example' });
    assert.equal(foreignOrigin.status, 403);
    assert.match(foreignOrigin.body.error!, /Origin http:\/\/evil\.example is not this preview's own/);
    const foreignHost = await post(preview.url, { path: 'x.md', markdown: 'x' }, { host: `evil.example:${own.port}` });
    assert.equal(foreignHost.status, 403);
    assert.match(foreignHost.body.error!, /Host evil\.example/);
    for (const path of ['../x.md', 'data/orders.csv', '.hidden/x.md', '/etc/x.md']) {
      const r = await post(preview.url, { path, markdown: 'x' }, { origin: own.origin });
      assert.equal(r.status, 400, path);
    }
    assert.ok(!existsSync(join(dir, 'x.md')) && !existsSync(join(tmp, 'x.md')));
  });

  test('a page saved with no change is byte-identical', async () => {
    const w = await openWatched(chromium.context, preview.url + 'crlf');
    await w.page.waitForSelector('[data-fb-cell=sql] [data-fb-rows]', { timeout: READY });
    const before = readFileSync(join(dir, 'crlf.md'));
    const mtime = statSync(join(dir, 'crlf.md')).mtimeMs;
    await w.page.click('[data-fb-action=edit]');
    await w.page.click('[data-fb-action=save]');
    await w.page.waitForSelector('[data-fb-status=saved]', { timeout: READY });
    assert.ok(statSync(join(dir, 'crlf.md')).mtimeMs >= mtime);
    assert.deepEqual(readFileSync(join(dir, 'crlf.md')), before);
    await w.page.close();
  });

  test('edit → save writes the file; the page reloads with the new result', async () => {
    const w = await openWatched(chromium.context, preview.url);
    const { page } = w;
    await page.waitForSelector('[data-fb-cell=sql] [data-fb-rows]', { timeout: READY });
    await page.click('[data-fb-action=edit]');
    const area = page.locator('.fb-edit-block[data-fb-cell=sql] textarea').first();
    await area.fill((await area.inputValue()).replace('LIMIT ${limit}', 'LIMIT 4'));
    await page.click('[data-fb-action=save]');
    await page.waitForSelector('[data-fb-status=saved]', { timeout: READY });
    assert.match(readFileSync(join(dir, 'index.md'), 'utf8'), /ORDER BY 1, 2 LIMIT 4\n/);
    // Live reload: the page comes back with the saved query's result (or reload it ourselves).
    await page.waitForSelector('[data-fb-cell=sql] [data-fb-rows="4"]', { timeout: 20_000 }).catch(() => page.reload());
    await page.waitForSelector('[data-fb-cell=sql] [data-fb-rows="4"]', { timeout: READY });
    await page.close();
  });

  test('a new page file appears in the sidebar without configuration', async () => {
    writeFileSync(join(dir, 'reports/fresh.md'), '# A fresh page\n\nHello.\n');
    await new Promise((r) => setTimeout(r, 1500));
    const w = await openWatched(chromium.context, preview.url + 'reports/fresh');
    await w.page.waitForSelector('#observablehq-sidebar a[href$="fresh"]', { timeout: READY, state: 'attached' });
    assert.match(await w.page.locator('h1').first().innerText(), /A fresh page/);
    await w.page.close();
  });
});
