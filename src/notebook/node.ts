/**
 * Notebook folders on the Node side (DESIGN §7): the commands `featurebook
 * new`, `notebook` and `site`, and the repository's own site build
 * (scripts/build-site.mjs), all through one machinery:
 *
 *   DIR (pages *.md, *.fdl, data)
 *     ─prepareRoot─▶ DIR/.observablehq/featurebook/root/   a Framework root:
 *         every page transformed (src/notebook/transform.ts), every other file
 *         linked, `_fb/` (the runtime, the library, DuckDB-WASM, vega, inputs),
 *         a generated observablehq.config.js (no `pages`: they are discovered)
 *     ─observable build─▶ root/dist ─checks, data under _fb/files/─▶ --out
 *     ─observable preview─▶ behind a proxy that serves _fb/files/ from DIR and
 *         takes POST /_fb/save (loopback, own Host and Origin only, .md only)
 *
 * Which files are pages: every `*.md` of DIR and its subfolders except
 * contributor notes (CONTEXT.md, README.md, CONTRIBUTING.md, CHANGELOG.md,
 * AGENTS.md, CLAUDE.md, LICENSE.md) and anything under node_modules, dist,
 * a folder whose name starts with `.`, or the output folder.
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, watch } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { connect, createServer as netServer } from 'node:net';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cellsOf, frontMatterFields, splitPage } from './cells.js';
import { parse } from '../lang/parse.js';
import { runsProgramInTab } from './transform.js';
import { fdlFilesOf, joinChunks, transformPage, type PageProblem, type ProgramChunk } from './transform.js';

export class NotebookError extends Error {
  override name = 'NotebookError';
}

const NOTES = new Set(['context.md', 'readme.md', 'contributing.md', 'changelog.md', 'agents.md', 'claude.md', 'license.md']);
const SKIP_DIRS = new Set(['node_modules', 'dist']);
/** Files the pages may read at run time (`_fb/files/`): data and programs. */
export const DATA_EXT = new Set(['.csv', '.tsv', '.parquet', '.json', '.ndjson', '.jsonl', '.fdl', '.arrow', '.txt']);

/** The featurebook package's folder (holds dist/ and node_modules resolution). */
export function packageRoot(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const p = join(d, 'package.json');
    if (existsSync(p) && JSON.parse(readFileSync(p, 'utf8')).name === 'featurebook') return d;
    const up = dirname(d);
    if (up === d) throw new NotebookError('cannot find the featurebook package folder');
    d = up;
  }
}

const work = (dir: string) => join(dir, '.observablehq', 'featurebook');

/** Every file of the folder (relative paths, `/`-separated) outside the skipped folders. */
export function folderFiles(dir: string, skip: string[] = []): string[] {
  const out: string[] = [];
  const skipAbs = skip.map((s) => resolve(s));
  (function walk(d: string) {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (name.startsWith('.') || skipAbs.includes(p)) continue;
      let s;
      try {
        s = statSync(p);
      } catch {
        continue;
      }
      if (s.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(p);
      } else out.push(relative(dir, p).split(sep).join('/'));
    }
  })(resolve(dir));
  return out;
}

/** Whether a folder-relative path is a page. */
export const isPage = (rel: string) => rel.endsWith('.md') && !NOTES.has(basename(rel).toLowerCase());

function linkOrCopy(from: string, to: string) {
  mkdirSync(dirname(to), { recursive: true });
  if (existsSync(to)) {
    const a = statSync(from);
    const b = statSync(to);
    if (a.ino === b.ino || (a.size === b.size && b.mtimeMs >= a.mtimeMs)) return;
    unlinkSync(to);
  }
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/** `PAGE:LINE:COL: message` lines. */
export const formatProblems = (page: string, ps: PageProblem[]) => ps.map((p) => `${p.file ? join(dirname(page), p.file) : page}:${p.line}:${p.column}: ${p.message}`);

/** Transforms one page into the root; returns its problems as lines. */
function writePage(dir: string, root: string, rel: string): string[] {
  const text = readFileSync(join(dir, rel), 'utf8');
  const fdlFiles: Record<string, string> = {};
  for (const f of fdlFilesOf(splitPage(text).frontMatter)) {
    const p = resolve(dir, dirname(rel), f);
    if (p.startsWith(resolve(dir) + sep) && existsSync(p)) fdlFiles[f] = readFileSync(p, 'utf8');
  }
  const { markdown, problems } = transformPage(text, { path: rel, fdlFiles });
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  const target = join(root, rel);
  if (!existsSync(target) || readFileSync(target, 'utf8') !== markdown) writeFileSync(target, markdown);
  return formatProblems(rel, problems);
}

function configText(dir: string, mode: 'preview' | 'static'): string {
  const user = join(dir, 'observablehq.config.js');
  const head = '<link rel="icon" href="data:,">';
  return [
    '// Generated by featurebook from the notebook folder; do not edit (edit the folder instead).',
    existsSync(user) ? `import user from ${JSON.stringify(user)};` : 'const user = {};',
    'export default {',
    `  title: ${JSON.stringify(basename(resolve(dir)))},`,
    '  search: false,',
    '  ...user,',
    '  root: ".",',
    '  output: "dist",',
    '  // Pages are discovered from the folder, never listed.',
    '  pages: user.pages,',
    `  preserveExtension: ${mode === 'static'},`,
    '  globalStylesheets: user.globalStylesheets ?? [],',
    `  head: user.head ?? ${JSON.stringify(head)},`,
    '};',
    '',
  ].join('\n');
}

/** The files `_fb/` holds, from the package. */
function runtimeFiles(): [string, string][] {
  const pkg = packageRoot();
  const require = createRequire(join(pkg, 'package.json'));
  const duck = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
  const need = (p: string) => {
    if (!existsSync(p)) throw new NotebookError(`${relative(pkg, p)} is missing from the featurebook package: run \`npm run build:lib\` in it`);
    return p;
  };
  return [
    [need(join(pkg, 'dist/fb/notebook.js')), 'notebook.js'],
    [need(join(pkg, 'dist/featurebook.browser.js')), 'featurebook.js'],
    [need(join(pkg, 'dist/fb/vega.js')), 'vega.js'],
    [need(join(pkg, 'dist/fb/inputs.js')), 'inputs.js'],
    ...['duckdb-eh.wasm', 'duckdb-mvp.wasm', 'duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js'].map((f) => [join(duck, f), `duckdb/${f}`] as [string, string]),
  ];
}

export interface PreparedRoot {
  root: string;
  pages: string[];
  problems: string[];
}

/** Writes (or refreshes) the Framework root of a notebook folder. */
export function prepareRoot(dir: string, mode: 'preview' | 'static', skip: string[] = []): PreparedRoot {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new NotebookError(`${dir}: not a folder`);
  const root = join(work(dir), 'root');
  mkdirSync(root, { recursive: true });
  const files = folderFiles(dir, skip);
  const pages = files.filter(isPage);
  if (!pages.length) throw new NotebookError(`${dir}: no pages (*.md) found — \`featurebook new DIR\` writes a folder with one`);
  const problems: string[] = [];
  const wanted = new Set<string>(['observablehq.config.js', '.observablehq']);
  for (const rel of pages) {
    problems.push(...writePage(dir, root, rel));
    wanted.add(rel);
  }
  for (const rel of files) {
    if (rel.endsWith('.md') || rel === 'observablehq.config.js' || rel === 'package.json') continue;
    linkOrCopy(join(dir, rel), join(root, rel));
    wanted.add(rel);
  }
  for (const [from, to] of runtimeFiles()) {
    linkOrCopy(from, join(root, '_fb', to));
    wanted.add(`_fb/${to}`);
  }
  // The generated config and modules are ESM whatever the folder's own package.json says.
  writeFileSync(join(root, 'package.json'), '{"type": "module", "private": true}\n');
  wanted.add('package.json');
  writeFileSync(join(root, '_fb/mode.js'), `export const MODE = ${JSON.stringify(mode)};\n`);
  wanted.add('_fb/mode.js');
  const config = configText(dir, mode);
  if (!existsSync(join(root, 'observablehq.config.js')) || readFileSync(join(root, 'observablehq.config.js'), 'utf8') !== config) writeFileSync(join(root, 'observablehq.config.js'), config);
  // Pages and files deleted from the folder leave the root too.
  for (const rel of folderFiles(root)) if (!wanted.has(rel) && !rel.startsWith('dist/')) rmSync(join(root, rel), { force: true });
  ensureNpmStubs(root);
  return { root, pages, problems };
}

/**
 * Framework's client lazily references a few npm packages; with an empty
 * cache a build asks the registry for their versions. Empty folders stop that.
 */
function ensureNpmStubs(root: string) {
  const stubs = join(packageRoot(), 'dist/fb/npm-cache-stubs.json');
  const list: string[] = existsSync(stubs) ? JSON.parse(readFileSync(stubs, 'utf8')) : [];
  for (const spec of list) mkdirSync(join(root, '.observablehq/cache/_npm', spec), { recursive: true });
}

function frameworkBin(): string {
  const require = createRequire(join(packageRoot(), 'package.json'));
  return join(dirname(require.resolve('@observablehq/framework/package.json')), 'dist/bin/observable.js');
}

/** Problems in the Framework build log. */
export function logProblems(log: string): string[] {
  const problems: string[] = [];
  for (const line of log.split('\n')) {
    if (/PLUGIN_ERROR|\bError\b|\berror:|Unable to resolve|unable to (fetch|resolve)|✗|\bfailed\b/i.test(line)) problems.push(line.trim());
  }
  return problems;
}

/** Imports and external resources of a built page that would leave the site's origin or fail to resolve. */
export function pageProblems(html: string): string[] {
  const problems: string[] = [];
  const specifiers = [
    ...[...html.matchAll(/\bimport\s*\(\s*(["'`])([^"'`]*)\1\s*\)/g)].map((m) => m[2]!),
    ...[...html.matchAll(/\bimport\s+(?:[\w*{}\s,$]+\s+from\s+)?(["'])([^"']+)\1/g)].map((m) => m[2]!),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]!),
  ];
  for (const s of specifiers) if (!/^\.\.?\//.test(s)) problems.push(`non-relative import: ${s}`);
  for (const m of html.matchAll(/<(script|link|img|iframe|source)\b[^>]*\b(src|href)="([^"]+)"/g)) {
    if (/^(https?:)?\/\//i.test(m[3]!)) problems.push(`external ${m[1]}: ${m[3]}`);
  }
  if (/fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|esm\.sh/.test(html)) problems.push('references a CDN or web fonts');
  return problems;
}

function walkExt(dir: string, ext: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walkExt(p, ext, out);
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

function runFramework(root: string, args: string[], quiet: boolean): { child: ChildProcess; done: Promise<{ code: number | null; log: string }> } {
  const child = spawn(process.execPath, [frameworkBin(), ...args], {
    cwd: root,
    env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const take = (c: Buffer) => {
    log += c;
    if (!quiet) process.stderr.write(c);
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const done = new Promise<{ code: number | null; log: string }>((res, rej) => {
    child.on('error', rej);
    child.on('close', (code) => res({ code, log }));
  });
  return { child, done };
}

/** Runs `observable build` in a Framework root; returns its output folder and the problems found. */
export async function buildFramework(root: string, { quiet = false } = {}): Promise<{ dist: string; log: string; problems: string[] }> {
  ensureNpmStubs(root);
  const dist = join(root, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const { code, log } = await runFramework(root, ['build'], quiet).done;
  const problems = code === 0 ? [] : [`observable build exited with ${code}`];
  problems.push(...logProblems(log).map((l) => `build log: ${l}`));
  if (existsSync(dist)) {
    for (const file of walkExt(dist, '.html')) for (const p of pageProblems(readFileSync(file, 'utf8'))) problems.push(`${relative(root, file)}: ${p}`);
    // A CONTEXT.md describes a folder for the people working on it; it must never become a page.
    for (const file of walkExt(dist, '.html')) if (/(^|\/)CONTEXT\.html$/.test(file)) problems.push(`${relative(root, file)}: a CONTEXT.md was built into a page`);
  } else problems.push('no output folder');
  return { dist, log, problems };
}

// ---------------------------------------------------------------- precompute

/** Runs the page's `sql … precompute` cells with native DuckDB; writes `.precomputed/PAGE/ID.parquet` under `outFiles`. */
async function precompute(dir: string, pages: string[], outFiles: string): Promise<string[]> {
  const problems: string[] = [];
  let engine: import('../engine/node.js').NodeEngine | undefined;
  try {
    for (const rel of pages) {
      const text = readFileSync(join(dir, rel), 'utf8');
      const page = splitPage(text);
      const cells = cellsOf(page);
      const pre = cells.filter((c) => c.kind === 'sql' && c.flags.includes('precompute'));
      if (!pre.length) continue;
      const { NodeEngine } = await import('../engine/node.js');
      const { loadProject } = await import('../project.js');
      const { sourceSql, trainingSetSql } = await import('../compile/emit-sql.js');
      const { planStrategies } = await import('../build.js');
      engine ??= await NodeEngine.create();
      const fdl = fdlFilesOf(page.frontMatter);
      const chunks: ProgramChunk[] = fdl.map((f) => ({ file: f, line: 1, text: existsSync(resolve(dir, dirname(rel), f)) ? readFileSync(resolve(dir, dirname(rel), f), 'utf8') : '' }));
      cells.forEach((c, i) => c.kind === 'fdl' && chunks.push({ file: rel, text: c.body, line: c.line, cell: i }));
      const programFile = fdl[0] ? resolve(dir, dirname(rel), fdl[0]) : resolve(dir, rel.replace(/\.md$/, '.fdl'));
      const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
      if (chunks.length) {
        const loaded = await loadProject(joinChunks(chunks).text, { file: programFile, engine });
        if (loaded.plan) {
          for (const s of loaded.plan.sources) await engine.exec(`CREATE OR REPLACE VIEW ${q(s.name)} AS ${sourceSql(loaded.plan, s.name)}`);
          for (const t of loaded.plan.trainingSets) {
            if (!pre.some((c) => new RegExp(`\\b${t.name}\\b`, 'i').test(c.body))) continue;
            await engine.exec(`CREATE OR REPLACE TABLE ${q(t.name)} AS ${trainingSetSql(loaded.plan, t.name, await planStrategies(engine, loaded.plan, t.name))}`);
          }
        }
      }
      for (const c of pre) {
        const target = join(outFiles, '.precomputed', rel.replace(/\.md$/, ''), `${c.id ?? cells.indexOf(c)}.parquet`);
        mkdirSync(dirname(target), { recursive: true });
        try {
          await engine.exec(`COPY (${c.body.replace(/;\s*$/, '')}) TO '${target.replaceAll("'", "''")}' (FORMAT parquet)`);
        } catch (err) {
          problems.push(`${rel}:${c.line + 1}:1: sql precompute: ${(err as Error).message.split('\n')[0]}`);
        }
      }
    }
  } finally {
    await engine?.close();
  }
  return problems;
}

/**
 * What the pages read in the tab: every .fdl file, the sources of the
 * programs of pages that run in the tab, and front-matter `sql:` files. A
 * page whose only queries are precomputed reads none of its sources, so a
 * large source ships only as its results.
 */
export function shippedFiles(dir: string, pages: string[]): Set<string> {
  const out = new Set(folderFiles(dir).filter((f) => f.endsWith('.fdl')));
  const inside = (abs: string) => {
    const rel = relative(resolve(dir), abs).split(sep).join('/');
    if (!rel.startsWith('..') && DATA_EXT.has(extname(rel).toLowerCase())) out.add(rel);
  };
  for (const rel of pages) {
    const page = splitPage(readFileSync(join(dir, rel), 'utf8'));
    const fields = frontMatterFields(page.frontMatter);
    if (fields.sql && typeof fields.sql === 'object' && !Array.isArray(fields.sql)) for (const f of Object.values(fields.sql)) inside(resolve(dir, dirname(rel), f));
    const cells = cellsOf(page);
    if (!runsProgramInTab(cells)) continue;
    const fdl = fdlFilesOf(page.frontMatter);
    const chunks: ProgramChunk[] = fdl.map((f) => ({ file: f, line: 1, text: existsSync(resolve(dir, dirname(rel), f)) ? readFileSync(resolve(dir, dirname(rel), f), 'utf8') : '' }));
    cells.forEach((c) => c.kind === 'fdl' && chunks.push({ file: rel, text: c.body, line: c.line }));
    const base = dirname(fdl[0] ? resolve(dir, dirname(rel), fdl[0]) : resolve(dir, rel));
    for (const d of parse(joinChunks(chunks).text).program.decls) if (d.kind === 'source' && d.path) inside(resolve(base, d.path.value));
  }
  return out;
}

// ---------------------------------------------------------------- site

/** `featurebook site DIR --out PATH` (and `npm run build`): a static site; throws with every problem found. */
export async function buildNotebookSite(dir: string, out: string, { quiet = false } = {}): Promise<{ out: string; pages: string[] }> {
  const outAbs = resolve(out);
  if (resolve(dir) === outAbs) throw new NotebookError('--out must not be the notebook folder itself');
  const { root, pages, problems } = prepareRoot(dir, 'static', [outAbs]);
  if (problems.length) throw new NotebookError(`the pages have problems:\n  ${problems.join('\n  ')}`);
  const built = await buildFramework(root, { quiet });
  if (built.problems.length) throw new NotebookError(`the site build has problems:\n  ${built.problems.join('\n  ')}`);
  const files = join(built.dist, '_fb/files');
  for (const rel of shippedFiles(dir, pages)) if (existsSync(join(dir, rel))) linkOrCopy(join(dir, rel), join(files, rel));
  const pre = await precompute(dir, pages, files);
  if (pre.length) throw new NotebookError(`precomputed queries failed:\n  ${pre.join('\n  ')}`);
  rmSync(outAbs, { recursive: true, force: true });
  mkdirSync(dirname(outAbs), { recursive: true });
  try {
    renameSync(built.dist, outAbs);
  } catch {
    cpSync(built.dist, outAbs, { recursive: true });
    rmSync(built.dist, { recursive: true, force: true });
  }
  return { out: outAbs, pages };
}

// ---------------------------------------------------------------- preview

async function freePort(host: string): Promise<number> {
  return new Promise((res, rej) => {
    const s = netServer();
    s.once('error', rej);
    s.listen(0, host, () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

const isLoopback = (host: string) => host === '127.0.0.1' || host === 'localhost' || host === '::1' || host.startsWith('127.');

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Where a save may write: a `.md` path inside the folder, not hidden, not a skipped folder. */
export function savePath(dir: string, rel: unknown): string | { error: string } {
  if (typeof rel !== 'string' || !rel || rel.length > 500) return { error: 'path: expected the page path, e.g. "index.md"' };
  if (!rel.endsWith('.md')) return { error: `path: ${rel}: only .md pages can be saved` };
  if (rel.includes('\0') || rel.includes('\\') || rel.startsWith('/')) return { error: `path: ${rel}: expected a relative path inside the notebook folder` };
  const parts = rel.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.startsWith('.') || SKIP_DIRS.has(p))) return { error: `path: ${rel}: expected a path inside the notebook folder (no '..', hidden or skipped folders)` };
  const base = realpathSync(dir);
  const target = join(base, ...parts);
  // A symbolic link in the way must not lead outside the folder.
  let d = dirname(target);
  while (!existsSync(d)) d = dirname(d);
  const real = realpathSync(d);
  if (real !== base && !real.startsWith(base + sep)) return { error: `path: ${rel}: outside the notebook folder` };
  if (existsSync(target) && realpathSync(target) !== target) return { error: `path: ${rel}: is a link` };
  return target;
}

export interface Preview {
  url: string;
  close(): Promise<void>;
}

/** `featurebook notebook DIR`: Framework's preview behind a proxy that saves pages. */
export async function startPreview(dir: string, { port = 3000, host = '127.0.0.1', quiet = false, log = (s: string): void => void process.stderr.write(s) }: { port?: number; host?: string; quiet?: boolean; log?: (s: string) => void } = {}): Promise<Preview> {
  const folder = resolve(dir);
  let prepared = prepareRoot(folder, 'preview');
  for (const p of prepared.problems) log(`${p}\n`);
  const inner = await freePort('127.0.0.1');
  const fw = runFramework(prepared.root, ['preview', '--host', '127.0.0.1', '--port', String(inner), '--no-open'], quiet);
  await new Promise<void>((res, rej) => {
    const t0 = Date.now();
    const tick = () => {
      const s = connect(inner, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        res();
      });
      s.once('error', () => (Date.now() - t0 > 60_000 ? rej(new NotebookError('the Framework preview did not start')) : setTimeout(tick, 200)));
    };
    tick();
  });

  let refreshTimer: NodeJS.Timeout | undefined;
  const refresh = () => {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      try {
        prepared = prepareRoot(folder, 'preview');
        for (const p of prepared.problems) log(`${p}\n`);
      } catch (err) {
        log(`${(err as Error).message}\n`);
      }
    }, 100);
  };
  const watcher = watch(folder, { recursive: true }, (_e, name) => {
    const n = String(name ?? '');
    if (!n || n.split(sep).some((p) => p.startsWith('.') || SKIP_DIRS.has(p))) return;
    refresh();
  });

  let ownHosts: Set<string>;
  const server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/_fb/save') return save(req, res);
    if (url.pathname.startsWith('/_fb/files/')) return file(url, res);
    const fwd = httpRequest({ host: '127.0.0.1', port: inner, path: req.url, method: req.method, headers: { ...req.headers, host: `127.0.0.1:${inner}` } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    fwd.on('error', () => sendJson(res, 502, { error: 'the Framework preview is not answering' }));
    req.pipe(fwd);
  }
  function file(url: URL, res: ServerResponse) {
    const rel = decodeURIComponent(url.pathname.slice('/_fb/files/'.length));
    const parts = rel.split('/');
    if (!DATA_EXT.has(extname(rel).toLowerCase()) || parts.some((p) => p === '..' || p === '' || (p.startsWith('.') && p !== '.precomputed'))) return sendJson(res, 404, { error: 'not found' });
    const p = parts[0] === '.precomputed' ? join(work(folder), ...parts) : join(folder, ...parts);
    if (!existsSync(p) || !statSync(p).isFile()) return sendJson(res, 404, { error: `${rel}: not found` });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(p));
  }
  async function save(req: IncomingMessage, res: ServerResponse) {
    if (!isLoopback(host)) return sendJson(res, 403, { error: 'saving works only when the preview listens on loopback (--host 127.0.0.1)' });
    if (!ownHosts.has(String(req.headers.host ?? ''))) return sendJson(res, 403, { error: `Host ${req.headers.host ?? '(none)'} is not this preview's own` });
    const origin = req.headers.origin;
    if (origin !== undefined && !ownHosts.has(origin.replace(/^http:\/\//, '')) ) return sendJson(res, 403, { error: `Origin ${origin} is not this preview's own` });
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST a page: {"path": "page.md", "markdown": "..."}' });
    let body = '';
    for await (const chunk of req) {
      body += chunk;
      if (body.length > 5_000_000) return sendJson(res, 413, { error: 'a page is at most 5 MB' });
    }
    let msg: { path?: unknown; markdown?: unknown; create?: unknown };
    try {
      msg = JSON.parse(body);
    } catch {
      return sendJson(res, 400, { error: 'expected JSON: {"path": "page.md", "markdown": "..."}' });
    }
    if (typeof msg.markdown !== 'string') return sendJson(res, 400, { error: 'markdown: expected the page text' });
    const target = savePath(folder, msg.path);
    if (typeof target !== 'string') return sendJson(res, 400, target);
    if (msg.create === true && existsSync(target)) return sendJson(res, 409, { error: `${msg.path} already exists` });
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, msg.markdown);
    refresh();
    return sendJson(res, 200, { saved: msg.path, bytes: Buffer.byteLength(msg.markdown) });
  }
  // Live reload is Framework's websocket: pass upgrades through.
  server.on('upgrade', (req, socket, head) => {
    const up = connect(inner, '127.0.0.1', () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`, ...Object.entries(req.headers).map(([k, v]) => `${k}: ${k === 'host' ? `127.0.0.1:${inner}` : k === 'origin' ? `http://127.0.0.1:${inner}` : v}`), '', ''];
      up.write(lines.join('\r\n'));
      if (head.length) up.write(head);
      up.pipe(socket).pipe(up);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  });
  const actual = await new Promise<number>((res, rej) => {
    server.once('error', rej);
    server.listen(port, host, () => res((server.address() as { port: number }).port));
  });
  ownHosts = new Set([`${host}:${actual}`, `127.0.0.1:${actual}`, `localhost:${actual}`].filter((h) => isLoopback(host) || h.startsWith(host)));
  const pre = await precompute(folder, prepared.pages, work(folder)).catch((e) => [String(e)]);
  for (const p of pre) log(`${p}\n`);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}/`,
    async close() {
      watcher.close();
      clearTimeout(refreshTimer);
      fw.child.kill('SIGTERM');
      await new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections?.();
    },
  };
}
