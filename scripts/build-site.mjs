// Builds the notebook site into notebooks/dist: a static site that works from
// any static file server with no network beyond its own origin.
//
//   node scripts/build.mjs && node scripts/build-site.mjs      (npm run build:site)
//
// notebooks/ is a notebook folder like any other: it is built by the same
// machinery as `featurebook site` (src/notebook/node.ts, bundled to
// dist/notebook.js): pages discovered from the folder, cells transformed, the
// runtime and DuckDB-WASM under _fb/, and the build failed when
//   * a page has a cell error, an unresolved import or a CDN-only built-in (named by page and line);
//   * Framework exits non-zero, or its log shows PLUGIN_ERROR or an error (it exits 0 on a broken import);
//   * a built page imports anything that is not a relative path (a CDN, a bare
//     package name, an absolute URL), or links a script, stylesheet or font
//     from another origin.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { notebooks, prepareNotebooks, root } from './prepare-notebooks.mjs';

const machinery = join(root, 'dist/notebook.js');
if (!existsSync(machinery)) {
  console.error('dist/notebook.js is missing: run `node scripts/build.mjs` first');
  process.exit(1);
}
const { buildFramework: buildRoot, buildNotebookSite, logProblems, pageProblems } = await import(machinery);
export { logProblems, pageProblems };

/** Runs Framework's build in a Framework project (its own config) and returns the output folder and the problems found. */
export async function buildFramework(project, { quiet = false } = {}) {
  return buildRoot(project, { quiet });
}

/** Prepares and builds notebooks/ into notebooks/dist; throws with every problem found. */
export async function buildSite({ quiet = false } = {}) {
  await prepareNotebooks();
  const { out } = await buildNotebookSite(notebooks, join(notebooks, 'dist'), { quiet });
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, '/'))) {
  // `--project DIR` builds and checks a plain Framework project instead (no preparation): the guard's own tests use it.
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
    console.error(`serve it with: node scripts/serve-static.mjs ${relative(process.cwd(), dist)}  (or any static server: links end in .html)`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
