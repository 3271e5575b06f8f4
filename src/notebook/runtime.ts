/**
 * The notebook page runtime (DESIGN §7): what the cells of a transformed page
 * call (src/notebook/transform.ts writes the calls). One per page:
 *
 *   notebookPage(opts) ─▶ DuckDB-WASM engine (self-hosted), the page's program
 *     fdl(i)            a live FDL editor; edits recompile the program
 *     program()         a generator: yields the program state each time it changes
 *     sql(state, i, params, display)   a prepared query; shows a table; its value is the rows
 *     chart(i, data)    Vega-Lite with the named results as datasets
 *     toolbar()         the edit mode (DESIGN §7 "Editing in the browser")
 *
 * The page's Markdown is passed in whole and split again here with the same
 * cell model, so cell `i` means the same cell on both sides.
 * @module
 */
import { parquetWriteBuffer } from 'hyparquet-writer';
import { planStrategies } from '../build.js';
import { sourceSql, trainingSetSql } from '../compile/emit-sql.js';
import { dialectFor } from '../compile/dialect.js';
import { joinPath, type ProjectPlan } from '../compile/plan.js';
import type { QueryResult, Row, Value } from '../engine/engine.js';
import { WasmEngine, type WasmBundles } from '../engine/wasm.js';
import { fdlEditor, type EditorAnalysis } from '../editor/fdl-editor.js';
import type { SourceDecl } from '../lang/ast.js';
import type { Diagnostic } from '../lang/diagnostics.js';
import { parse } from '../lang/parse.js';
import { dirname, loadProject } from '../project.js';
import { cellsOf, joinPage, lineEnding, newCell, splitPage, type Block, type CellBlock, type CellKind } from './cells.js';
import { sqlTemplate } from './sql-template.js';
import { joinChunks, runsProgramInTab, type ProgramChunk } from './transform.js';

export interface NotebookPageOptions {
  /** The page's path in the folder (`reports/weekly.md`). */
  path: string;
  /** The page's Markdown, as published. */
  source: string;
  /** fdl files named by the front matter, relative to the page. */
  fdl?: string[];
  /** Observable-style `sql:` tables: name → file relative to the page. */
  sql?: Record<string, string>;
  /** DuckDB-WASM's self-hosted builds. */
  bundles: WasmBundles;
  /** vega-embed's default export. */
  vegaEmbed: (el: HTMLElement, spec: unknown, opts: unknown) => Promise<unknown>;
  /** The site's root URL (ends with /). */
  base: string;
  /** `preview` under `featurebook notebook` (saving works), `static` in a built site. */
  mode: 'preview' | 'static';
}

/** What sql cells see: the engine with the program's tables in place. */
export interface ProgramState {
  version: number;
  plan?: ProjectPlan;
  diagnostics: Diagnostic[];
}

/** Rows of a query (an array, so js cells and charts use it directly), with its columns. */
export type ResultRows = Row[] & { columns: QueryResult['columns']; ms: number };

const ROOT = '/nb';
const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** A folder-relative path (`a/../b.csv` → `b.csv`), or undefined when it leaves the folder. */
export function folderPath(pageDir: string, rel: string): string | undefined {
  const abs = joinPath(ROOT + (pageDir ? '/' + pageDir : ''), rel);
  return abs.startsWith(ROOT + '/') ? abs.slice(ROOT.length + 1) : undefined;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string | undefined)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') e.className = v;
    else e.setAttribute(k, v);
  }
  e.append(...children.filter((c): c is Node | string => c !== undefined));
  return e;
}

function formatValue(v: Value | undefined): string {
  if (v === null || v === undefined) return '∅';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString().replace('T', ' ').replace(/\.000Z$|Z$/, '');
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** CSV text of a result (RFC 4180 quoting; times as ISO 8601). */
export function resultCsv(columns: { name: string }[], rows: Row[]): string {
  const cell = (v: Value | undefined) => {
    if (v === null || v === undefined) return '';
    const s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [columns.map((c) => cell(c.name)).join(','), ...rows.map((r) => columns.map((c) => cell(r[c.name])).join(','))].join('\n') + '\n';
}

/** Parquet bytes of a result (numbers as DOUBLE or INT32, times as TIMESTAMP, lists and structs as JSON). */
export function resultParquet(columns: { name: string; type: string }[], rows: Row[]): ArrayBuffer {
  const columnData = columns.map((c) => {
    const t = c.type.toUpperCase();
    const data = rows.map((r) => r[c.name] ?? null);
    if (t === 'BOOLEAN') return { name: c.name, data, type: 'BOOLEAN' as const };
    if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT)$/.test(t)) return { name: c.name, data, type: 'INT32' as const };
    if (data.every((v) => v === null || typeof v === 'number')) return { name: c.name, data, type: 'DOUBLE' as const };
    if (data.every((v) => v === null || v instanceof Date)) return { name: c.name, data, type: 'TIMESTAMP' as const };
    return { name: c.name, data: data.map((v) => (v === null ? null : typeof v === 'object' ? JSON.stringify(v) : String(v))), type: 'STRING' as const };
  });
  return parquetWriteBuffer({ columnData } as never);
}

function download(name: string, data: BlobPart, type: string) {
  const a = el('a', { href: URL.createObjectURL(new Blob([data], { type })), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** A sortable table of rows with its row count, time and downloads. */
function resultView(name: string, r: ResultRows, limit = 200): HTMLElement {
  let order: { col: string; dir: 1 | -1 } | undefined;
  const tbody = el('tbody');
  const fill = () => {
    const rows = order ? [...r].sort((a, b) => cmp(a[order!.col], b[order!.col]) * order!.dir) : r;
    tbody.replaceChildren(...rows.slice(0, limit).map((row) => el('tr', {}, ...r.columns.map((c) => el('td', typeof row[c.name] === 'number' ? { class: 'fb-num' } : {}, formatValue(row[c.name]))))));
  };
  const head = el(
    'tr',
    {},
    ...r.columns.map((c) => {
      const th = el('th', { title: `${c.type} — click to sort`, 'data-fb-sort': c.name }, c.name, el('div', { class: 'fb-type' }, c.type.toLowerCase()));
      th.addEventListener('click', () => {
        order = order?.col === c.name ? { col: c.name, dir: order.dir === 1 ? -1 : 1 } : { col: c.name, dir: 1 };
        th.parentElement?.querySelectorAll('th').forEach((x) => x.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', order.dir === 1 ? 'ascending' : 'descending');
        fill();
      });
      return th;
    }),
  );
  fill();
  const csv = el('button', { type: 'button', 'data-fb-download': 'csv' }, 'CSV');
  csv.addEventListener('click', () => download(`${name}.csv`, resultCsv(r.columns, r), 'text/csv'));
  const pq = el('button', { type: 'button', 'data-fb-download': 'parquet' }, 'Parquet');
  pq.addEventListener('click', () => download(`${name}.parquet`, resultParquet(r.columns, r), 'application/vnd.apache.parquet'));
  const more = r.length > limit ? ` (first ${limit} shown)` : '';
  return el(
    'div',
    { class: 'fb-result', 'data-fb-rows': String(r.length) },
    el('div', { class: 'fb-result-bar' }, el('span', { 'data-fb-status': 'ok' }, `${r.length.toLocaleString('en-US')} rows${more} · ${r.ms.toFixed(0)} ms`), ' ', csv, ' ', pq),
    el('div', { class: 'fb-table' }, el('table', {}, el('thead', {}, head), tbody)),
  );
}

function cmp(a: Value | undefined, b: Value | undefined): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** An error shown in its cell. */
function errorView(message: string): HTMLElement {
  return el('pre', { class: 'fb-cell-error', role: 'alert', 'data-fb-status': 'error' }, message);
}

/** `LINE n:` and the caret line of a DuckDB error → page line and column. */
export function sqlErrorPosition(message: string, cellLine: number): { line: number; column: number } {
  const m = /LINE (\d+): (.*)\n( *)\^/.exec(message);
  if (!m) return { line: cellLine + 1, column: 1 };
  const prefix = `LINE ${m[1]}: `.length;
  return { line: cellLine + Number(m[1]), column: Math.max(1, m[3]!.length - prefix + 1) };
}

const STYLE = `
.fb-result-bar{font-size:.85em;color:var(--theme-foreground-muted,#666);margin:.3em 0}
.fb-result .fb-table{max-height:28em;overflow:auto}
.fb-result th{cursor:pointer;white-space:nowrap}.fb-result th[aria-sort=ascending]::after{content:" ▲"}.fb-result th[aria-sort=descending]::after{content:" ▼"}
.fb-type{font-weight:normal;font-size:.75em;opacity:.6}.fb-num{text-align:right;font-variant-numeric:tabular-nums}
.fb-cell-error{color:#b00020;background:#fff4f4;border-left:3px solid #b00020;padding:.5em;white-space:pre-wrap}
.fb-toolbar{display:flex;gap:.4em;flex-wrap:wrap;align-items:center;margin:.5em 0;font-size:.9em}
.fb-toolbar [hidden]{display:none}.fb-local{background:#fff3c4;padding:.1em .4em;border-radius:3px}
.fb-edit-block{border:1px solid var(--theme-foreground-faintest,#ddd);border-radius:4px;margin:.6em 0;padding:.4em}
.fb-edit-block textarea{width:100%;font-family:var(--monospace,monospace);font-size:.85em;box-sizing:border-box}
.fb-edit-head{display:flex;gap:.3em;align-items:center;font-size:.85em;margin-bottom:.3em}
.fb-editing .fb-notebook-content{display:none}
`;

/** Starts a page's runtime; the transformed page's first cell calls it. */
export function notebookPage(opts: NotebookPageOptions) {
  const pageDir = dirname('/' + opts.path).slice(1);
  const page = splitPage(opts.source);
  const cells = cellsOf(page);
  const texts = cells.map((c) => c.body);
  const fileUrl = (rel: string) => new URL('_fb/files/' + rel.split('/').map(encodeURIComponent).join('/'), opts.base).href;
  const programFile = (() => {
    const first = opts.fdl?.[0] && folderPath(pageDir, opts.fdl[0]);
    return ROOT + '/' + (first || (pageDir ? pageDir + '/' : '') + opts.path.replace(/^.*\//, '').replace(/\.md$/, '.fdl'));
  })();
  const named = new Map<string, ResultRows>();
  const paramValues = new Map<string, unknown>();
  if (!document.getElementById('fb-notebook-style')) document.head.append(el('style', { id: 'fb-notebook-style' }, STYLE));

  let enginePromise: Promise<WasmEngine> | undefined;
  const engine = () =>
    (enginePromise ??= (async () => {
      const e = await WasmEngine.create(opts.bundles);
      for (const [name, rel] of Object.entries(opts.sql ?? {})) {
        const path = folderPath(pageDir, rel);
        if (!path) throw new Error(`front matter sql: ${name}: ${rel} is outside the notebook folder`);
        const abs = ROOT + '/' + path;
        await e.registerFile(abs, new URL(fileUrl(path)));
        const reader = /\.parquet$/i.test(abs) ? 'read_parquet' : /\.(json|ndjson|jsonl)$/i.test(abs) ? 'read_json_auto' : 'read_csv_auto';
        await e.exec(`CREATE OR REPLACE VIEW ${q(name)} AS SELECT * FROM ${reader}(${lit(abs)})`);
      }
      return e;
    })());

  // ---- the program
  let fileChunks: ProgramChunk[] | undefined;
  const registered = new Set<string>();
  let state: ProgramState = { version: 0, diagnostics: [] };
  let lastLocate: ReturnType<typeof joinChunks>['locate'] = () => undefined;
  let lastSchemas: EditorAnalysis['schemas'];
  let lastChecked: EditorAnalysis['checked'];
  let lastProgram: EditorAnalysis['program'];
  const built = new Map<string, number>();
  const waiters: (() => void)[] = [];
  const fdlIdx = cells.map((c, i) => (c.kind === 'fdl' ? i : -1)).filter((i) => i >= 0);

  async function compileOnce() {
    const e = await engine();
    fileChunks ??= !runsProgramInTab(cells) ? [] : await Promise.all(
      (opts.fdl ?? []).map(async (rel) => {
        const path = folderPath(pageDir, rel);
        const res = path ? await fetch(fileUrl(path)) : undefined;
        return { file: rel, line: 1, text: res?.ok ? await res.text() : `# ${rel}: not found\n` };
      }),
    );
    // A page whose queries are all precomputed needs no program (nor its sources) in the tab.
    const chunks = runsProgramInTab(cells) ? [...fileChunks, ...fdlIdx.map((i) => ({ file: opts.path, text: texts[i]!, line: cells[i]!.line, cell: i }))] : [];
    const next: ProgramState = { version: state.version + 1, diagnostics: [] };
    if (chunks.length) {
      const { text, locate } = joinChunks(chunks);
      lastLocate = locate;
      for (const d of parse(text).program.decls) {
        const s = d as SourceDecl;
        if (d.kind !== 'source' || !s.path) continue;
        const abs = joinPath(dirname(programFile), s.path.value);
        if (registered.has(abs) || !abs.startsWith(ROOT + '/')) continue;
        try {
          await e.registerFile(abs, new URL(fileUrl(abs.slice(ROOT.length + 1))));
          registered.add(abs);
        } catch {
          // loadProject reports the unreadable source at its position
        }
      }
      const loaded = await loadProject(text, { file: programFile, engine: e });
      next.diagnostics = loaded.diagnostics;
      lastSchemas = Object.fromEntries(loaded.schemas) as never;
      lastChecked = loaded.checked;
      lastProgram = loaded.program;
      if (loaded.plan) {
        next.plan = loaded.plan;
        for (const s of loaded.plan.sources) await e.exec(`CREATE OR REPLACE VIEW ${q(s.name)} AS ${sourceSql(loaded.plan, s.name, { dialect: dialectFor('wasm') })}`);
      }
    }
    state = next;
    waiters.splice(0).forEach((w) => w());
  }

  let compiling: Promise<void> | undefined;
  let dirty = false;
  function recompile(): Promise<void> {
    dirty = true;
    compiling ??= (async () => {
      try {
        while (dirty) {
          dirty = false;
          await compileOnce();
        }
      } finally {
        compiling = undefined;
      }
    })();
    return compiling;
  }

  /** Diagnostics of one fdl cell (lines relative to the cell's text). */
  function cellAnalysis(i: number): EditorAnalysis {
    const diagnostics: Diagnostic[] = [];
    for (const d of state.diagnostics) {
      const at = lastLocate(d.span.line);
      if (at?.chunk.cell !== i) continue;
      const shift = d.span.line - at.line;
      diagnostics.push({ ...d, span: { ...d.span, line: at.line, endLine: d.span.endLine - shift } });
    }
    const a: EditorAnalysis = { diagnostics };
    if (lastSchemas) a.schemas = lastSchemas;
    if (lastChecked) a.checked = lastChecked;
    if (lastProgram) a.program = lastProgram;
    return a;
  }

  async function ensureTables(sql: string) {
    const plan = state.plan;
    if (!plan) return;
    const e = await engine();
    for (const t of plan.trainingSets) {
      if (built.get(t.name) === state.version || !new RegExp(`\\b${t.name}\\b`, 'i').test(sql)) continue;
      const emit = await planStrategies(e, plan, t.name);
      await e.exec(`CREATE OR REPLACE TABLE ${q(t.name)} AS ${trainingSetSql(plan, t.name, emit)}`);
      built.set(t.name, state.version);
    }
  }

  const toParam = (v: unknown) => (v instanceof Date ? v.toISOString() : v !== null && typeof v === 'object' ? JSON.stringify(v) : v === undefined ? null : v);

  /** Runs sql text with parameter values; throws an error message with the page's line and column. */
  async function runSql(i: number, text: string, values: unknown[]): Promise<ResultRows> {
    const { sql } = sqlTemplate(text);
    await ensureTables(sql);
    const e = await engine();
    const t0 = performance.now();
    try {
      const r = await e.queryParams(sql, values.map(toParam));
      return Object.assign(r.rows, { columns: r.columns, ms: performance.now() - t0 });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const at = sqlErrorPosition(message, cells[i]?.line ?? 0);
      throw new Error(`${opts.path}:${at.line}:${at.column}: ${message}`);
    }
  }

  function chartView(specText: string, data: Record<string, unknown>): HTMLElement {
    const box = el('div', { class: 'fb-chart' });
    let spec: Record<string, unknown>;
    try {
      spec = JSON.parse(specText);
    } catch (err) {
      return errorView(`chart: not JSON: ${(err as Error).message}`);
    }
    const datasets = { ...(spec.datasets as object), ...Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v])) };
    opts
      .vegaEmbed(box, { width: 'container', ...spec, datasets }, { actions: false, renderer: 'svg', mode: 'vega-lite' })
      .then(() => (box.dataset.fbRendered = String(Object.values(data).reduce((n: number, v) => n + (Array.isArray(v) ? v.length : 0), 0))))
      .catch((err) => box.replaceWith(errorView(`chart: ${(err as Error).message}`)));
    return box;
  }

  const api = {
    /** A generator of program states: sql cells depend on it, so they re-run when the program changes. */
    program: async function* (): AsyncGenerator<ProgramState> {
      let seen = -1;
      void recompile();
      for (;;) {
        if (state.version === seen || state.version === 0) await new Promise<void>((r) => waiters.push(r));
        seen = state.version;
        yield state;
      }
    },

    fdl(i: number): HTMLElement {
      const lines = texts[i]!.split('\n').length;
      const editor = fdlEditor({
        doc: texts[i]!.replace(/\r\n/g, '\n'),
        height: `${Math.min(30, Math.max(4, lines + 1)) * 1.45}em`,
        analyze: async (text) => {
          texts[i] = text;
          await recompile();
          return cellAnalysis(i);
        },
      });
      return editor.element;
    },

    async sql(_state: ProgramState, i: number, params: unknown[], display: (x: unknown) => void): Promise<ResultRows | undefined> {
      const cell = cells[i]!;
      const { params: exprs } = sqlTemplate(texts[i]!);
      exprs.forEach((x, k) => paramValues.set(x, params[k]));
      try {
        const r = cell.flags.includes('precompute') ? await precomputed(i) : await runSql(i, texts[i]!, params);
        if (cell.id) named.set(cell.id, r);
        display(resultView(cell.id ?? 'result', r));
        return r;
      } catch (err) {
        // A named result fails its dependents too (Framework shows the error in each); an unnamed one shows it here.
        if (cell.id) throw err;
        display(errorView((err as Error).message));
        return undefined;
      }
    },

    chart(i: number, data: Record<string, unknown>): HTMLElement {
      return chartView(texts[i]!, data);
    },

    cellError(_i: number, message: string): HTMLElement {
      return errorView(message);
    },

    toolbar(): HTMLElement {
      return editMode();
    },
  };

  /** A query computed when the site was built (`precompute`): its rows ship as Parquet. */
  async function precomputed(i: number): Promise<ResultRows> {
    const e = await engine();
    const rel = `.precomputed/${opts.path.replace(/\.md$/, '')}/${cells[i]!.id ?? i}.parquet`;
    const abs = `${ROOT}/${rel}`;
    const t0 = performance.now();
    if (!registered.has(abs)) {
      await e.registerFile(abs, new URL(fileUrl(rel)));
      registered.add(abs);
    }
    const r = await e.query(`SELECT * FROM read_parquet(${lit(abs)})`);
    return Object.assign(r.rows, { columns: r.columns, ms: performance.now() - t0 });
  }

  // ---- the edit mode
  const storageKey = `featurebook:page:${opts.path}`;
  const stored = (): string | undefined => {
    try {
      return localStorage.getItem(storageKey) ?? undefined;
    } catch {
      return undefined;
    }
  };

  function editMode(): HTMLElement {
    const eol = lineEnding(opts.source);
    let blocks: Block[] = splitPage(stored() ?? opts.source).blocks;
    let frontMatter = splitPage(stored() ?? opts.source).frontMatter;
    const button = (action: string, label: string, title = '') => el('button', { type: 'button', 'data-fb-action': action, title }, label);
    const edit = button('edit', 'Edit', 'edit this page’s cells');
    const save = button(opts.mode === 'preview' ? 'save' : 'download', opts.mode === 'preview' ? 'Save' : 'Download .md', opts.mode === 'preview' ? 'write the page into the folder' : 'download the edited page');
    const runAll = button('run-all', 'Run all');
    const newPage = button('new-page', 'New page');
    const revert = button('revert', opts.mode === 'preview' ? 'Discard local edits' : 'Revert to published');
    const marker = el('span', { class: 'fb-local', 'data-fb-state': 'local-edits', hidden: '' }, 'local edits');
    const status = el('span', { 'data-fb-status': '' });
    const panel = el('div', { class: 'fb-edit-panel', hidden: '' });
    const bar = el('div', { class: 'fb-toolbar' }, edit, save, runAll, newPage, revert, marker, status);
    for (const b of [save, runAll, revert]) b.hidden = true;
    const wrap = el('div', { class: 'fb-notebook-editor' }, bar, panel);

    const markdown = () => joinPage({ frontMatter, blocks });
    const refreshMarker = () => {
      const local = stored();
      marker.hidden = local === undefined || local === opts.source;
      if (!editing) revert.hidden = marker.hidden;
    };
    const persist = () => {
      const md = markdown();
      try {
        if (md === opts.source) localStorage.removeItem(storageKey);
        else localStorage.setItem(storageKey, md);
      } catch {
        // storage full or disabled: edits live in the tab only
      }
      refreshMarker();
    };

    let editing = false;
    const render = () => {
      panel.replaceChildren(
        ...(frontMatter ? [blockEditor({ type: 'markdown', text: frontMatter, line: 1 }, -1)] : []),
        ...blocks.map((b, k) => blockEditor(b, k)),
        button('add-cell', '+ cell'),
      );
      panel.lastElementChild!.addEventListener('click', () => addCell(blocks.length));
    };

    const ensureEol = (s: string) => (s === '' || /(\r\n|\r|\n)$/.test(s) ? s : s + eol);
    const fromTextarea = (s: string) => s.replace(/\r\n|\r|\n/g, eol);

    function blockEditor(b: Block, k: number): HTMLElement {
      const kind = b.type === 'markdown' ? 'markdown' : b.kind;
      const original = b.type === 'markdown' ? b.text : b.body;
      const area = el('textarea', { rows: String(Math.min(20, original.split('\n').length + 1)), spellcheck: 'false', 'data-fb-edit': kind });
      area.value = original.replace(/\r\n|\r/g, '\n');
      const out = el('div', { class: 'fb-edit-output' });
      const head = el('div', { class: 'fb-edit-head' }, el('strong', {}, k < 0 ? 'front matter' : kind + (b.type === 'cell' && b.id ? ` id=${b.id}` : '')));
      const box = el('div', { class: 'fb-edit-block', 'data-fb-block': kind, 'data-fb-index': String(k) }, head, area, out);
      if (b.type === 'cell') box.setAttribute('data-fb-cell', kind === 'code' ? 'js' : kind);
      area.addEventListener('input', () => {
        // Only a changed text replaces the block's bytes: an untouched page joins back as it was.
        const value = ensureEol(fromTextarea(area.value));
        if (k < 0) frontMatter = value;
        else if (b.type === 'markdown') blocks[k] = { ...b, text: k < blocks.length - 1 ? ensureEol(value) : fromTextarea(area.value) };
        else blocks[k] = { ...b, body: value, close: b.close || '```' + eol };
        persist();
      });
      if (b.type === 'cell' && k >= 0) {
        const run = button('run', 'Run', 'Shift+Enter');
        run.addEventListener('click', () => runBlock(k, out));
        area.addEventListener('keydown', (ev) => {
          if (ev.key === 'Enter' && ev.shiftKey) {
            ev.preventDefault();
            void runBlock(k, out);
          }
        });
        head.append(' ', run);
      }
      if (k >= 0) {
        const up = button('move-up', '↑', 'move up');
        const down = button('move-down', '↓', 'move down');
        const del = button('delete-cell', 'Delete');
        const add = button('add-cell', '+ cell below');
        up.addEventListener('click', () => move(k, -1));
        down.addEventListener('click', () => move(k, 1));
        del.addEventListener('click', () => {
          blocks.splice(k, 1);
          persist();
          render();
        });
        add.addEventListener('click', () => addCell(k + 1));
        head.append(' ', up, down, del, add);
      }
      return box;
    }

    function move(k: number, d: number) {
      const j = k + d;
      if (j < 0 || j >= blocks.length) return;
      [blocks[k], blocks[j]] = [blocks[j]!, blocks[k]!];
      for (const x of [k, j]) {
        const b = blocks[x]!;
        if (b.type === 'markdown') blocks[x] = { ...b, text: ensureEol(b.text) };
        else blocks[x] = { ...b, close: ensureEol(b.close || '```') };
      }
      persist();
      render();
    }

    function addCell(at: number) {
      const kind = (prompt('Cell kind: fdl, sql, chart, js or markdown', 'sql') ?? '').trim().toLowerCase();
      if (!kind) return;
      if (at > 0) {
        const prev = blocks[at - 1]!;
        if (prev.type === 'markdown') blocks[at - 1] = { ...prev, text: ensureEol(prev.text) };
        else blocks[at - 1] = { ...prev, close: ensureEol(prev.close || '```') };
      }
      if (kind === 'markdown') blocks.splice(at, 0, { type: 'markdown', text: eol, line: 0 });
      else if (['fdl', 'sql', 'chart', 'js'].includes(kind)) {
        const id = kind === 'sql' ? (prompt('Name of the result (id), or empty', '') ?? '').trim() : '';
        const body = { fdl: '', sql: 'SELECT 1 AS one', chart: '{"mark": "bar"}', js: '' }[kind as 'fdl']!;
        blocks.splice(at, 0, newCell(kind as Exclude<CellKind, 'code'>, body, id ? { id, eol } : { eol }));
      }
      persist();
      render();
    }

    /** Runs one block of the edit panel in the tab. */
    async function runBlock(k: number, out: HTMLElement) {
      const b = blocks[k];
      if (!b || b.type !== 'cell') return;
      out.replaceChildren(el('span', { 'data-fb-status': 'running' }, 'running…'));
      try {
        if (b.kind === 'fdl') {
          const others = blocks.filter((x): x is CellBlock => x.type === 'cell' && x.kind === 'fdl');
          fdlIdx.splice(0, fdlIdx.length);
          // The edited program: the panel's fdl cells take the place of the page's.
          others.forEach((x, n) => {
            const slot = cells.length + n;
            cells[slot] = { ...x, line: 0 };
            texts[slot] = x.body;
            fdlIdx.push(slot);
          });
          await recompile();
          const errors = state.diagnostics.filter((d) => d.severity === 'error');
          out.replaceChildren(errors.length ? errorView(errors.map((d) => `${d.span.line}:${d.span.column}: ${d.message}`).join('\n')) : el('span', { 'data-fb-status': 'ok' }, `program: ${state.plan?.sources.length ?? 0} sources, ${state.plan?.trainingSets.length ?? 0} training sets`));
        } else if (b.kind === 'sql') {
          const { params } = sqlTemplate(b.body);
          const values = params.map((x) => {
            if (named.has(x)) return named.get(x);
            if (paramValues.has(x)) return paramValues.get(x);
            throw new Error(`\${${x}} has no value in this tab yet: ${opts.mode === 'preview' ? 'save the page to run it' : 'only values the published page computed can be used here'}`);
          });
          const r = await runSql(k, b.body, values);
          if (b.id) named.set(b.id, r);
          out.replaceChildren(resultView(b.id ?? 'result', r));
        } else if (b.kind === 'chart') {
          out.replaceChildren(chartView(b.body, Object.fromEntries(named)));
        } else out.replaceChildren(el('span', { 'data-fb-status': 'info' }, opts.mode === 'preview' ? 'js cells run when the page is saved' : 'js cells run in the published page; download the page and build it to run an edited one'));
      } catch (err) {
        out.replaceChildren(errorView((err as Error).message));
      }
    }

    edit.addEventListener('click', () => {
      editing = !editing;
      edit.textContent = editing ? 'Done' : 'Edit';
      document.body.classList.toggle('fb-editing', editing);
      panel.hidden = !editing;
      for (const x of [save, runAll]) x.hidden = !editing;
      revert.hidden = !editing && marker.hidden;
      if (editing) render();
    });
    runAll.addEventListener('click', async () => {
      for (const box of panel.querySelectorAll<HTMLElement>('.fb-edit-block[data-fb-cell]')) {
        const k = Number(box.dataset.fbIndex);
        await runBlock(k, box.querySelector('.fb-edit-output')!);
      }
    });
    revert.addEventListener('click', () => {
      try {
        localStorage.removeItem(storageKey);
      } catch {
        // nothing stored
      }
      const p = splitPage(opts.source);
      blocks = p.blocks;
      frontMatter = p.frontMatter;
      refreshMarker();
      if (editing) render();
      status.textContent = 'reverted to the published page';
    });
    save.addEventListener('click', async () => {
      const md = markdown();
      if (opts.mode === 'static') {
        download(opts.path.replace(/^.*\//, ''), md, 'text/markdown');
        return;
      }
      status.textContent = 'saving…';
      const res = await fetch(new URL('_fb/save', opts.base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path: opts.path, markdown: md }) });
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      if (!res.ok) {
        status.textContent = `not saved: ${body.error ?? res.status}`;
        status.dataset.fbStatus = 'error';
        return;
      }
      try {
        localStorage.removeItem(storageKey);
      } catch {
        // nothing stored
      }
      status.textContent = 'saved';
      status.dataset.fbStatus = 'saved';
    });
    newPage.addEventListener('click', async () => {
      const name = (prompt('New page (a path in the folder, ending in .md)', 'new-page.md') ?? '').trim();
      if (!name) return;
      const path = (pageDir ? pageDir + '/' : '') + (name.endsWith('.md') ? name : name + '.md');
      const md = `# ${name.replace(/\.md$/, '').replace(/^.*\//, '')}${eol}${eol}\`\`\`sql id=answer${eol}SELECT 42 AS answer${eol}\`\`\`${eol}`;
      if (opts.mode === 'static') {
        download(path.replace(/^.*\//, ''), md, 'text/markdown');
        return;
      }
      const res = await fetch(new URL('_fb/save', opts.base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ path, markdown: md, create: true }) });
      const body = (await res.json().catch(() => ({}))) as { error?: string };
      if (!res.ok) status.textContent = `not created: ${body.error ?? res.status}`;
      else location.href = new URL(path.replace(/\.md$/, ''), opts.base).href;
    });
    refreshMarker();
    return wrap;
  }

  return api;
}
