// Builds the notebook site into notebooks/dist: a static site that works from
// any static file server with no network beyond its own origin.
//
//   node scripts/build.mjs && node scripts/build-site.mjs      (npm run build:site)
//
// Framework exits 0 even when a page's import is broken (it logs PLUGIN_ERROR
// and the page fails at runtime), so this script fails the build itself when
//   * Framework exits non-zero, or its log shows PLUGIN_ERROR or an error;
//   * a built page imports anything that is not a relative path (a CDN, a bare
//     package name, an absolute URL), or links a script, stylesheet or font
//     from another origin.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureNpmCacheStubs, notebooks, prepareNotebooks, root } from './prepare-notebooks.mjs';

/** Every file under `dir` whose name ends with `ext`. */
function walk(dir, ext, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, ext, out);
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

/** Problems in the Framework build log. */
export function logProblems(log) {
  const problems = [];
  for (const line of log.split('\n')) {
    if (/PLUGIN_ERROR|\bError\b|\berror:|Unable to resolve|unable to (fetch|resolve)|✗|\bfailed\b/i.test(line)) problems.push(line.trim());
  }
  return problems;
}

/** Imports and external resources of a built page that would leave the site's origin or fail to resolve. */
export function pageProblems(html) {
  const problems = [];
  const specifiers = [
    ...[...html.matchAll(/\bimport\s*\(\s*(["'`])([^"'`]*)\1\s*\)/g)].map((m) => m[2]),
    ...[...html.matchAll(/\bimport\s+(?:[\w*{}\s,$]+\s+from\s+)?(["'])([^"']+)\1/g)].map((m) => m[2]),
    ...[...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]),
  ];
  for (const s of specifiers) if (!/^\.\.?\//.test(s)) problems.push(`non-relative import: ${s}`);
  for (const m of html.matchAll(/<(script|link|img|iframe|source)\b[^>]*\b(src|href)="([^"]+)"/g)) {
    if (/^(https?:)?\/\//i.test(m[3])) problems.push(`external ${m[1]}: ${m[3]}`);
  }
  if (/fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|esm\.sh/.test(html)) problems.push('references a CDN or web fonts');
  return problems;
}

/**
 * Runs Framework's build in `project` (its config, root and output) and
 * returns the output folder and the problems found in its log and pages.
 */
export async function buildFramework(project, { quiet = false } = {}) {
  ensureNpmCacheStubs(project);
  const dist = join(project, 'dist');
  rmSync(dist, { recursive: true, force: true });
  const bin = join(root, 'node_modules/@observablehq/framework/dist/bin/observable.js');
  const { code, log } = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'build'], {
      cwd: project,
      env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    const take = (chunk) => {
      text += chunk;
      if (!quiet) process.stderr.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (c) => resolve({ code: c, log: text }));
  });
  const problems = code === 0 ? [] : [`observable build exited with ${code}`];
  problems.push(...logProblems(log).map((l) => `build log: ${l}`));
  if (existsSync(dist)) {
    for (const file of walk(dist, '.html')) {
      for (const p of pageProblems(readFileSync(file, 'utf8'))) problems.push(`${relative(root, file)}: ${p}`);
    }
    // CONTEXT.md describes a folder for people working on it; it must never become a page (front matter `draft: true`).
    for (const file of walk(dist, '.html')) if (/(^|\/)CONTEXT\.html$/.test(file)) problems.push(`${relative(root, file)}: a CONTEXT.md was built into a page; give it the front matter 'draft: true'`);
  } else problems.push('no output folder');
  return { dist, log, problems };
}

/** Prepares and builds notebooks/; throws with every problem found. */
export async function buildSite({ quiet = false } = {}) {
  await prepareNotebooks();
  const { dist, problems } = await buildFramework(notebooks, { quiet });
  if (problems.length) throw new Error(`the site build has problems:\n  ${problems.join('\n  ')}`);
  return dist;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  // `--project DIR` builds and checks another Framework project instead (no preparation): the guard's own tests use it.
  const i = process.argv.indexOf('--project');
  try {
    const t0 = Date.now();
    let dist;
    if (i > 0) {
      const r = await buildFramework(process.argv[i + 1]);
      if (r.problems.length) throw new Error(`the site build has problems:\n  ${r.problems.join('\n  ')}`);
      dist = r.dist;
    } else dist = await buildSite();
    console.error(`site built in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${relative(process.cwd(), dist) || '.'}`);
    console.error(`serve it with: node scripts/serve-static.mjs ${relative(process.cwd(), dist)}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
