/**
 * The model page (notebooks/model.md) in headless Chromium, on the built
 * site, in two browsers: one without a GPU adapter (`--disable-gpu`: the
 * WASM fallback) and one with WebGPU (`--enable-unsafe-webgpu`: a software
 * adapter). In each:
 *
 *   * the page fits fraud_lr on the training set it builds in DuckDB-WASM,
 *     says which provider ran, and draws the ROC and calibration charts;
 *   * its scores equal, within 1e-6, those of `featurebook fit` +
 *     `featurebook predict` in Node on the same program and data;
 *   * a loaded .onnx — the Node-fitted file, and a foreign MLP — scores the
 *     same rows as `featurebook predict --model` does;
 *   * a corrupt file gets a clear message; no console errors, no requests
 *     outside the site.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { buildSiteOnce, CHROMIUM_ARGS, launchChromium, openWatched, root, serve, type LaunchedBrowser, type WatchedPage } from '../browser/harness.js';
import { mlpOnnx, projectFiles, TempDir, treesOnnx } from './fixture.js';

const READY_MS = 180_000;
const FDL = join(root, 'examples/fraud/fraud.fdl');
let site: { url: string; close: () => Promise<void> };
let tmp: TempDir;
/** Node's scores, in training-set order: fitted model, then the MLP. */
let nodeFitted: number[];
let nodeMlp: number[];
/** The serve test's project: its `score_now` rows (every user at the materialization time) scored by `featurebook predict`. */
let nodeShop: number[];
let nodeTrees: number[];

async function cli(...argv: string[]) {
  let err = '';
  const code = await main(argv, { out: () => {}, err: (s) => (err += s), isTTY: false });
  assert.equal(code, 0, `featurebook ${argv.join(' ')}: ${err}`);
}

const scoresOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { score: number | null }[]).map((r) => r.score ?? NaN);

let siteReady: Promise<void>;
let nodeReady: Promise<void>;

before(() => {
  tmp = new TempDir();
  siteReady = buildSiteOnce().then(async (dist) => {
    site = await serve(dist);
  });
  nodeReady = (async () => {
    await cli('fit', FDL, 'fraud_lr', '--out', tmp.path('fraud_lr.onnx'));
    await cli('build', FDL, 'fraud_train', '--out', tmp.path('train.parquet'));
    await cli('predict', FDL, 'fraud_lr', '--input', tmp.path('train.parquet'), '--out', tmp.path('fitted.json'), '--model', tmp.path('fraud_lr.onnx'));
    tmp.write('mlp.onnx', mlpOnnx(4, { seed: 3, scale: 200 }).bytes);
    await cli('predict', FDL, 'fraud_lr', '--input', tmp.path('train.parquet'), '--out', tmp.path('mlp.json'), '--model', tmp.path('mlp.onnx'));
    nodeFitted = scoresOf(tmp.path('fitted.json'));
    nodeMlp = scoresOf(tmp.path('mlp.json'));
    writeFileSync(tmp.path('corrupt.onnx'), 'this is not an onnx file');
    for (const [p, text] of Object.entries(projectFiles())) tmp.write(`shop/${p}`, text);
    tmp.write('shop/external/mlp.onnx', mlpOnnx(3).bytes);
    const shop = tmp.path('shop/shop.fdl');
    await cli('fit', shop, 'lr');
    await cli('build', shop, 'score_now', '--out', tmp.path('shop/now.parquet'));
    await cli('predict', shop, 'lr', '--input', tmp.path('shop/now.parquet'), '--out', tmp.path('shop/now-scored.json'));
    nodeShop = scoresOf(tmp.path('shop/now-scored.json'));
    tmp.write('shop/external/trees.onnx', treesOnnx().bytes);
    await cli('predict', shop, 'trees', '--input', tmp.path('shop/now.parquet'), '--out', tmp.path('shop/trees-scored.json'));
    nodeTrees = scoresOf(tmp.path('shop/trees-scored.json'));
  })();
  siteReady.catch(() => {});
  nodeReady.catch(() => {});
});

after(async () => {
  await site?.close();
  tmp?.cleanup();
});

/**
 * Page scores vs Node scores, within 1e-6. `nanRows: 'skip'` is for a model
 * that does not handle missing inputs itself (the MLP): its output for them
 * is whatever NaN arithmetic gives on each provider (WebGPU's max(NaN, 0) is 0).
 */
function assertClose(page: number[], node: number[], what: string, nanRows: 'equal' | 'skip' = 'equal', distinct = 20) {
  assert.equal(page.length, node.length, `${what}: row count`);
  let worst = 0;
  for (let i = 0; i < node.length; i++) {
    if (Number.isNaN(node[i]!)) {
      if (nanRows === 'equal') assert.ok(page[i] === null || Number.isNaN(page[i]!), `${what} row ${i}: ${page[i]} where Node gave NaN`);
      continue;
    }
    worst = Math.max(worst, Math.abs(page[i]! - node[i]!));
  }
  assert.ok(worst <= 1e-6, `${what}: largest difference ${worst}`);
  assert.ok(new Set(node.slice(0, 200)).size >= distinct, `${what}: scores vary`);
}

function assertClean(w: WatchedPage, what: string) {
  assert.deepEqual(w.errors, [], `${what}: console errors`);
  assert.deepEqual(w.failed, [], `${what}: failed requests`);
  assert.deepEqual(w.foreign, [], `${what}: requests outside the origin`);
}

async function upload(w: WatchedPage, file: string) {
  await w.page.evaluate(() => delete document.querySelector<HTMLElement>('[data-testid=onnx-status]')!.dataset.done);
  await w.page.setInputFiles('[data-testid=onnx-input]', file);
  await w.page.waitForSelector('[data-testid=onnx-status][data-done]', { timeout: 60_000, state: 'attached' }).catch(async (e) => {
    const status = await w.page.textContent('[data-testid=onnx-status]', { timeout: 5000 }).catch((x) => `(unreadable: ${(x as Error).message.split('\n')[0]})`);
    throw new Error(`${(e as Error).message}\nstatus: ${status}\nerrors: ${w.errors.join('\n')}\nfailed: ${w.failed.join('\n')}`);
  });
  return w.page.evaluate(() => ({ text: document.querySelector('[data-testid=onnx-status]')!.textContent, loaded: (window as any).featurebookModel.loaded }));
}

const browsers: [string, string[], string][] = [
  ['WASM fallback (--disable-gpu: no adapter)', CHROMIUM_ARGS, 'wasm'],
  ['WebGPU (--enable-unsafe-webgpu: software adapter)', [...CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu'), '--enable-unsafe-webgpu'], 'webgpu'],
];

/** One browser per provider, both started (and their pages loaded) at once, while Node computes its scores. */
const opened = new Map<string, { chromium: LaunchedBrowser; w: WatchedPage }>();
let ready: Promise<void>;

async function openModelPage(name: string, args: string[]) {
  const chromium = await launchChromium(args);
  const w = await openWatched(chromium.context, site.url + 'model');
  opened.set(name, { chromium, w });
  await w.page.waitForSelector('[data-testid=model-status][data-ready], .fb-failed', { timeout: READY_MS });
}

before(async () => {
  await siteReady;
  ready = Promise.all(browsers.map(([name, args]) => openModelPage(name, args))).then(() => {});
  ready.catch(() => {});
});

after(async () => {
  for (const { chromium } of opened.values()) await chromium.close();
});

for (const [name, , provider] of browsers) {
  describe(name, () => {
    let w: WatchedPage;
    before(async () => {
      await Promise.all([ready, nodeReady]);
      w = opened.get(name)!.w;
    });

    test(`fits in the page, runs on ${provider}, agrees with featurebook fit + predict`, async () => {
      const status = await w.page.textContent('[data-testid=model-status]');
      assert.doesNotMatch(status!, /Failed/, status!);
      assert.equal(await w.page.getAttribute('[data-provider]', 'data-provider'), provider);
      const fitted = await w.page.evaluate(() => (window as any).featurebookModel.fitted);
      assert.equal(fitted.provider, provider);
      assertClose(fitted.scores, nodeFitted, `page-fitted model on ${provider}`);
      // Charts drawn: a ROC curve and a calibration chart as SVG; a metrics row per split.
      assert.equal(await w.page.locator('[data-testid=roc-chart] svg').count(), 1);
      assert.equal(await w.page.locator('[data-testid=calibration-chart] svg').count(), 1);
      assert.equal(await w.page.locator('[data-testid=metrics] tbody tr').count(), 3);
      assert.ok((await w.page.locator('[data-testid=predictions] tbody tr').count()) === 20);
      assertClean(w, 'model page');
      assert.ok(w.requests.some((u) => /ort-wasm-simd-threaded\.jsep\.[0-9a-f]+\.wasm$/.test(u)), 'the ORT wasm came from the site');
    });

    test(`a loaded .onnx (the Node-fitted file, a foreign MLP) scores as featurebook predict does, on ${provider}`, async () => {
      const a = await upload(w, tmp.path('fraud_lr.onnx'));
      assert.match(a.text!, /Scored 19,?\d{3} rows|Scored \d[\d,]* rows/);
      assert.equal(a.loaded.provider, provider);
      assertClose(a.loaded.scores, nodeFitted, `fraud_lr.onnx on ${provider}`);
      const b = await upload(w, tmp.path('mlp.onnx'));
      assert.equal(b.loaded.name, 'mlp.onnx');
      assertClose(b.loaded.scores, nodeMlp, `foreign MLP on ${provider}`, 'skip');
      const c = await upload(w, tmp.path('corrupt.onnx'));
      assert.match(c.text!, /corrupt\.onnx is not a model ONNX Runtime can load/);
      assertClean(w, 'model page after uploads');
    });

    test(`your own rows (training-set rows at a materialization time) score as featurebook predict does, on ${provider}`, async () => {
      await w.page.setInputFiles('[data-testid=rows-input]', tmp.path('shop/now.parquet'));
      await w.page.setInputFiles('[data-testid=custom-onnx-input]', tmp.path('shop/models/lr.onnx'));
      // The fitted model names its input columns in its metadata: the field fills itself.
      await w.page.waitForFunction(() => (document.querySelector('[data-testid=columns]') as HTMLInputElement).value !== '', null, { timeout: 10_000 });
      assert.equal(await w.page.inputValue('[data-testid=columns]'), 'u__n_7d, u__spend_30d, u__avg_14d, u__big_30d');
      await w.page.click('[data-testid=score-rows]');
      await w.page.waitForSelector('[data-testid=custom-status][data-done]', { timeout: 60_000, state: 'attached' });
      const status = await w.page.textContent('[data-testid=custom-status]');
      assert.match(status!, /^Scored 300 rows of now\.parquet with lr\.onnx on (WASM|WebGPU)\.$/, status!);
      const custom = await w.page.evaluate(() => (window as any).featurebookModel.custom);
      assert.equal(custom.provider, provider);
      assertClose(custom.scores, nodeShop, `shop rows on ${provider}`);
      // A foreign model from ai.onnx.ml (a tree ensemble) on the same rows, columns typed by hand.
      await w.page.setInputFiles('[data-testid=custom-onnx-input]', tmp.path('shop/external/trees.onnx'));
      await w.page.fill('[data-testid=columns]', 'u__n_7d, u__spend_30d, u__big_30d');
      await w.page.evaluate(() => delete document.querySelector<HTMLElement>('[data-testid=custom-status]')!.dataset.done);
      await w.page.click('[data-testid=score-rows]');
      await w.page.waitForSelector('[data-testid=custom-status][data-done]', { timeout: 60_000, state: 'attached' });
      const trees = await w.page.evaluate(() => (window as any).featurebookModel.custom);
      assert.match((await w.page.textContent('[data-testid=custom-status]'))!, /^Scored 300 rows of now\.parquet with trees\.onnx/);
      assertClose(trees.scores, nodeTrees, `tree ensemble on ${provider}`, 'equal', 3); // a few leaves: few distinct scores
      // A column the rows lack is named.
      await w.page.fill('[data-testid=columns]', 'u__n_7d, u__spend_30, u__avg_14d, u__big_30d');
      await w.page.evaluate(() => delete document.querySelector<HTMLElement>('[data-testid=custom-status]')!.dataset.done);
      await w.page.click('[data-testid=score-rows]');
      await w.page.waitForSelector('[data-testid=custom-status][data-done]', { timeout: 60_000, state: 'attached' });
      assert.match((await w.page.textContent('[data-testid=custom-status]'))!, /no column 'u__spend_30' — did you mean 'u__spend_30d'\?/);
      assertClean(w, 'model page after scoring your rows');
    });
  });
}
