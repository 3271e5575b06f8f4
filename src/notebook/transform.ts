/**
 * A notebook page (DESIGN §7) → an Observable Framework page.
 *
 *   page.md ─splitPage─▶ front matter, Markdown, cells
 *     ```fdl            ─▶ ```js __fbpage.fdl(i)                    (a live FDL editor)
 *     ```sql [id=NAME]  ─▶ ```js const NAME = await __fbpage.sql(…)  (${expr} → bound parameters)
 *     ```chart          ─▶ ```js __fbpage.chart(i, {NAME})          (redrawn when NAME changes)
 *     ```js             ─▶ itself
 *   each wrapped in <div data-fb-cell="KIND">; a first cell starts the page's
 *   runtime (`/_fb/notebook.js`) with the page's own Markdown, which the
 *   runtime splits again (the same cell indices) and the edit mode edits.
 *
 * Front matter `sql:` is taken out (Framework would load its CDN-backed
 * DuckDBClient) and handed to the runtime, which loads those tables into the
 * page's self-hosted DuckDB-WASM. Problems found without running anything —
 * FDL errors, a chart that is not JSON, a CDN-only built-in — are returned
 * with the page's line and column; the site build fails on them, the preview
 * shows them in the cell.
 *
 * Browser- and Node-safe.
 * @module
 */
import { check } from '../lang/check.js';
import { hasErrors, type Diagnostic } from '../lang/diagnostics.js';
import { parse } from '../lang/parse.js';
import { cellsOf, frontMatterFields, lines, splitPage, type CellBlock } from './cells.js';
import { chartDataNames, jsonErrorPosition, sqlTemplate } from './sql-template.js';

export interface PageProblem {
  line: number;
  column: number;
  message: string;
  /** The file the problem is in when it is not the page (an fdl file named in the front matter). */
  file?: string;
}

export interface TransformOptions {
  /** The page's path in the folder, e.g. `reports/weekly.md`. */
  path: string;
  /** Texts of the files the front matter names under `fdl:`, by the name as written. */
  fdlFiles?: Record<string, string>;
  /** Where the runtime is, from the Framework root. */
  runtime?: string;
}

export interface TransformedPage {
  markdown: string;
  problems: PageProblem[];
}

// Framework built-ins that load from a CDN; this site has no network beyond its own origin.
const CDN_BUILTINS = ['Plot', 'd3', 'DuckDBClient', 'duckdb', 'aq', 'Arrow', 'L', 'mapboxgl', 'echarts', 'mermaid', 'tex', 'dot', 'vl', 'vg', 'topojson', '_'];
// What the runtime module provides for js cells (self-hosted).
const PROVIDED = ['Inputs', 'html', 'svg'];

const js = (v: unknown) => JSON.stringify(v).replace(/<\/(script)/gi, '<\\/$1').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The program's chunks: the front matter's fdl files, then the page's fdl cells. */
export interface ProgramChunk {
  file: string;
  text: string;
  /** Page line of the chunk's first line (cells), or 1 (files). */
  line: number;
  cell?: number;
}

/** Whether a page compiles its program in the tab: it has fdl cells, or queries that are not precomputed. */
export function runsProgramInTab(cells: CellBlock[]): boolean {
  return cells.some((c) => c.kind === 'fdl' || (c.kind === 'sql' && !c.flags.includes('precompute')));
}

/** Joins chunks into one program text; `locate` maps a line of it back to its chunk. */
export function joinChunks(chunks: ProgramChunk[]): { text: string; locate: (line: number) => { chunk: ProgramChunk; line: number } | undefined } {
  const starts: number[] = [];
  let text = '';
  let line = 1;
  for (const c of chunks) {
    starts.push(line);
    const t = c.text.endsWith('\n') || c.text === '' ? c.text : c.text + '\n';
    text += t;
    line += lines(t).length;
  }
  return {
    text,
    locate(l) {
      for (let i = chunks.length - 1; i >= 0; i--) if (l >= starts[i]!) return { chunk: chunks[i]!, line: l - starts[i]! + 1 };
      return undefined;
    },
  };
}

/** Declared names of a page's js cells (imports, const/let/var, functions, classes). */
function declaredNames(cells: CellBlock[]): Set<string> {
  const names = new Set<string>();
  for (const c of cells) {
    if (c.kind !== 'js') continue;
    for (const m of c.body.matchAll(/\b(?:const|let|var|function\*?|class)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]!);
    for (const m of c.body.matchAll(/\bimport\s+(?:\*\s+as\s+([\w$]+)|([\w$]+)|\{([^}]*)\})/g)) {
      if (m[1]) names.add(m[1]);
      if (m[2]) names.add(m[2]);
      for (const part of (m[3] ?? '').split(',')) {
        const n = part.trim().split(/\s+as\s+/).pop();
        if (n) names.add(n);
      }
    }
  }
  return names;
}

/** Free uses of `name` in code (comments and strings aside, roughly): line/column of the first. */
function firstUse(body: string, name: string): { line: number; column: number } | undefined {
  const ls = lines(body);
  const re = new RegExp(`(^|[^\\w$.])${name.replace('$', '\\$')}\\s*(\\.|\\(|\`)`);
  for (let i = 0; i < ls.length; i++) {
    const code = ls[i]!.replace(/\/\/.*$/, '').replace(/(["'])(?:\\.|(?!\1).)*\1/g, '""');
    const m = re.exec(code);
    if (m) return { line: i, column: m.index + m[1]!.length + 1 };
  }
  return undefined;
}

/** The front matter without its `sql:` entry. */
function withoutSql(frontMatter: string): string {
  if (!frontMatter) return '';
  const ls = lines(frontMatter);
  const out: string[] = [];
  for (let i = 0; i < ls.length; i++) {
    if (/^sql:/.test(ls[i]!)) {
      while (i + 1 < ls.length - 1 && /^\s+\S/.test(ls[i + 1]!)) i++;
      continue;
    }
    out.push(ls[i]!);
  }
  return out.join('');
}

/** The page's fdl files, as named in the front matter. */
export function fdlFilesOf(frontMatter: string): string[] {
  const v = frontMatterFields(frontMatter).fdl;
  return typeof v === 'string' ? [v] : Array.isArray(v) ? v : [];
}

/** Problems of the page's program (parse + check, no data): errors only, at their page or file positions. */
export function programProblems(chunks: ProgramChunk[]): PageProblem[] {
  if (!chunks.length) return [];
  const { text, locate } = joinChunks(chunks);
  const { program, diagnostics } = parse(text);
  const ds: Diagnostic[] = hasErrors(diagnostics) ? diagnostics : [...diagnostics, ...check(program, {}).diagnostics];
  const out: PageProblem[] = [];
  for (const d of ds) {
    if (d.severity !== 'error') continue;
    const at = locate(d.span.line);
    if (!at) continue;
    const isCell = at.chunk.cell !== undefined;
    const p: PageProblem = { line: isCell ? at.chunk.line + at.line : at.line, column: d.span.column, message: `fdl: ${d.message}${d.hint ? ` (${d.hint})` : ''}` };
    if (!isCell) p.file = at.chunk.file;
    out.push(p);
  }
  return out;
}

/** Rewrites a notebook page into Framework Markdown; see the module comment. */
export function transformPage(text: string, opts: TransformOptions): TransformedPage {
  const page = splitPage(text);
  const cells = cellsOf(page);
  const problems: PageProblem[] = [];
  const fields = frontMatterFields(page.frontMatter);
  const sqlTables = typeof fields.sql === 'object' && !Array.isArray(fields.sql) ? fields.sql : {};
  const fdlFiles = fdlFilesOf(page.frontMatter);

  // The program, checked without data.
  const chunks: ProgramChunk[] = [];
  for (const f of fdlFiles) {
    const t = opts.fdlFiles?.[f];
    if (t === undefined) problems.push({ line: 1, column: 1, message: `the front matter names fdl file '${f}', which does not exist (paths are relative to the page)` });
    else chunks.push({ file: f, text: t, line: 1 });
  }
  cells.forEach((c, i) => {
    if (c.kind === 'fdl') chunks.push({ file: opts.path, text: c.body, line: c.line, cell: i });
  });
  problems.push(...programProblems(chunks));

  const declared = declaredNames(cells);
  const provided = PROVIDED.filter((n) => !declared.has(n) && cells.some((c) => c.kind === 'js' && firstUse(c.body, n)));
  const runtime = opts.runtime ?? '/_fb/notebook.js';
  const eol = '\n';
  let out = withoutSql(page.frontMatter);
  const fence = (code: string, kind?: string) => {
    const body = `\`\`\`js${eol}${code}${eol}\`\`\`${eol}`;
    return kind ? `${eol}<div data-fb-cell="${kind}">${eol}${eol}${body}${eol}</div>${eol}${eol}` : `${eol}${body}${eol}`;
  };
  out += fence(
    `import {notebookPage as __fbNotebook${provided.map((n) => `, ${n}`).join('')}} from ${js(runtime)};${eol}` +
      `const __fbpage = __fbNotebook(${js({ path: opts.path, source: text, fdl: fdlFiles, sql: sqlTables })});`,
  );
  out += fence('const __fbprog = __fbpage.program();');
  out += `${eol}<div class="fb-notebook-bar">${eol}${eol}${'```js'}${eol}__fbpage.toolbar()${eol}${'```'}${eol}${eol}</div>${eol}${eol}`;

  let i = -1;
  for (const b of page.blocks) {
    if (b.type === 'markdown') {
      out += b.text;
      continue;
    }
    i++;
    out += cellPiece(b, i);
  }
  return { markdown: out, problems };

  function cellPiece(c: CellBlock, i: number): string {
    const cellProblem = (line: number, column: number, message: string) => {
      problems.push({ line, column, message });
      return fence(`__fbpage.cellError(${i}, ${js(`${opts.path}:${line}:${column}: ${message}`)})`, c.kind);
    };
    if (c.kind === 'fdl') return fence(`__fbpage.fdl(${i})`, 'fdl');
    if (c.kind === 'sql') {
      let t;
      try {
        t = sqlTemplate(c.body);
      } catch (err) {
        return cellProblem(c.line + 1, 1, `sql: ${(err as Error).message}`);
      }
      if (c.id !== undefined && !/^[A-Za-z_$][\w$]*$/.test(c.id)) return cellProblem(c.line, 1, `sql: id=${c.id} is not a JavaScript name (letters, digits, _ and $)`);
      if (c.flags.includes('precompute') && t.params.length) return cellProblem(c.line, 1, 'sql: a precomputed query runs at build time and cannot take ${…} parameters');
      const call = `await __fbpage.sql(__fbprog, ${i}, [${t.params.join(', ')}], display)`;
      return fence(c.id ? `const ${c.id} = ${call};` : `${call};`, 'sql');
    }
    if (c.kind === 'chart') {
      let spec: unknown;
      try {
        spec = JSON.parse(c.body);
      } catch (err) {
        const p = jsonErrorPosition(c.body, err);
        return cellProblem(c.line + p.line, p.column, `chart: not a JSON Vega-Lite spec: ${(err as Error).message}`);
      }
      const names = chartDataNames(spec).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
      return fence(`__fbpage.chart(${i}, {${names.join(', ')}})`, 'chart');
    }
    if (c.kind === 'js') {
      for (const name of CDN_BUILTINS) {
        if (declared.has(name)) continue;
        const at = firstUse(c.body, name);
        if (at) problems.push({ line: c.line + 1 + at.line, column: at.column, message: `js: '${name}' is one of Framework's built-ins that load from a CDN, and this site makes no request beyond its own origin: import a local file instead` });
      }
      const body = c.body === '' || /\n$/.test(c.body) ? c.body : c.body + eol;
      return `${eol}<div data-fb-cell="js">${eol}${eol}${c.open}${body}${c.close || '```' + eol}${eol}</div>${eol}${eol}`;
    }
    return c.open + c.body + (c.close || '');
  }
}
