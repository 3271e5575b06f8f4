/**
 * What the browser tests share: the built notebook site served on 127.0.0.1,
 * a headless Chromium (installed by scripts/ensure-chromium.sh when missing;
 * never skipped), and pages watched for console errors and for any request
 * that leaves the page's origin.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const root = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');

/** The Chromium to drive: $FEATUREBOOK_CHROMIUM or /usr/bin/chromium, installed if missing. */
export function chromiumPath(): string {
  const r = spawnSync('bash', [join(root, 'scripts/ensure-chromium.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error('Chromium is not available and could not be installed (scripts/ensure-chromium.sh)');
  return r.stdout.trim().split('\n').pop()!;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile (Playwright passes it as --user-data-dir); `args` replaces CHROMIUM_ARGS. */
export async function launchChromium(args: string[] = CHROMIUM_ARGS): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  const profile = mkdtempSync(join(tmpdir(), 'featurebook-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args,
    headless: true,
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** The newest modification time of the files a site build reads (the generated lib/ and data/ aside). */
function siteInputsStamp(): string {
  const dirs = ['src', 'grammar', 'scripts'].map((d) => join(root, d));
  let t = Math.max(...dirs.map(newest));
  const nb = join(root, 'notebooks');
  for (const name of readdirSync(nb)) {
    if (['dist', 'lib', 'data', '.observablehq'].includes(name)) continue;
    const p = join(nb, name);
    t = Math.max(t, statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  for (const f of ['dist/featurebook.browser.js', 'package-lock.json', 'examples/fraud/fraud.fdl']) if (existsSync(join(root, f))) t = Math.max(t, statSync(join(root, f)).mtimeMs);
  return String(t);
}

/**
 * Runs `fn` holding a lock folder, so test files running at the same time
 * never build the site into one folder together (a lock older than 10 minutes
 * is taken as left behind by a killed process).
 */
async function withBuildLock<T>(fn: () => T): Promise<T> {
  const lock = join(root, 'test/.tmp/site-build.lock');
  mkdirSync(join(root, 'test/.tmp'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Builds the site (library bundle, then notebooks/dist) unless it is fresh:
 * FEATUREBOOK_SITE_BUILT=1 says so, or the last build (by any test file) was
 * made from the same inputs. One build at a time across processes.
 */
export async function buildSiteOnce(): Promise<string> {
  const dist = join(root, 'notebooks/dist');
  if (process.env.FEATUREBOOK_SITE_BUILT === '1') return dist;
  return withBuildLock(() => {
    // `npm test` bundles the library first; rebuilding it here while other test files run dist/cli.js
    // could let them read a half-written file, so only a stale bundle is rebuilt.
    const bundle = join(root, 'dist/featurebook.browser.js');
    if (!existsSync(bundle) || Math.max(newest(join(root, 'src')), newest(join(root, 'grammar'))) > statSync(bundle).mtimeMs) {
      const lib = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
      if (lib.status !== 0) throw new Error('scripts/build.mjs failed');
    }
    const stamp = siteInputsStamp();
    const stampFile = join(dist, '.built-from');
    if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return dist;
    const site = spawnSync(process.execPath, [join(root, 'scripts/build-site.mjs')], { cwd: root, encoding: 'utf8' });
    if (site.status !== 0) throw new Error(`scripts/build-site.mjs failed:\n${site.stderr}`);
    writeFileSync(stampFile, stamp);
    return dist;
  });
}

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const { serveStatic } = (await import(join(root, 'scripts/serve-static.mjs'))) as {
    serveStatic: (d: string) => Promise<{ url: string; close: () => Promise<void> }>;
  };
  return serveStatic(dir);
}

export interface WatchedPage {
  page: Page;
  /** Console messages of type error, and uncaught page errors. */
  errors: string[];
  /** Requests to anything but the page's own origin (data: and blob: URLs aside). */
  foreign: string[];
  /** Requests that failed or answered 4xx/5xx. */
  failed: string[];
  /** Every request's URL, in order. */
  requests: string[];
}

/** Opens `url` in a new page that records errors and foreign requests (from workers too). */
export async function openWatched(context: BrowserContext, url: string): Promise<WatchedPage> {
  const origin = new URL(url).origin;
  const page = await context.newPage();
  const w: WatchedPage = { page, errors: [], foreign: [], failed: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') w.errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    w.requests.push(u);
    if (!/^(data|blob|about):/.test(u) && new URL(u).origin !== origin) w.foreign.push(u);
  });
  page.on('requestfailed', (r) => w.failed.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) w.failed.push(`${r.url()} (HTTP ${r.status()})`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return w;
}
