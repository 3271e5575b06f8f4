/**
 * The FDL editor: CodeMirror 6 with highlighting from the language's own
 * lexer (`tokenize`), diagnostics as you type (underlines, gutter marks and a
 * list with line:column) and completion of keywords and declared names.
 *
 *   keystroke ─▶ highlight (tokenize, synchronous)
 *             ─▶ after a pause: analyze(text) ─▶ diagnostics ─▶ underlines + list
 *   Ctrl-Space / typing ─▶ completionsAt(text, cursor, last analysis)
 *
 * `analyze` defaults to parse + check; the playground passes `loadProject`
 * with the DuckDB-WASM engine so that column names and types are checked
 * against the loaded data.
 * @module
 */
import { acceptCompletion, autocompletion, closeCompletion, completionStatus, currentCompletions, type CompletionContext as CmCompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { insertNewlineAndIndent } from '@codemirror/commands';
import { EditorState, Prec, RangeSetBuilder } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, keymap, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { basicSetup } from 'codemirror';
import { tokenize } from '../../grammar/tokens.js';
import type { Program } from '../lang/ast.js';
import { check, type CheckResult, type SourceSchemas } from '../lang/check.js';
import { hasErrors, type Diagnostic } from '../lang/diagnostics.js';
import { parse } from '../lang/parse.js';
import { completionsAt } from './complete.js';

/** What one analysis of the text found; `checked` feeds completion with columns and feature types. */
export interface EditorAnalysis {
  diagnostics: Diagnostic[];
  program?: Program;
  checked?: CheckResult;
  /** Raw columns per source name, as read from the data (`loadProject` gives them). */
  schemas?: SourceSchemas;
}

export interface FdlEditorOptions {
  /** Initial text. */
  doc?: string;
  /** Diagnostics for a text. Default: parse, then check with `schemas()`. */
  analyze?: (text: string) => EditorAnalysis | Promise<EditorAnalysis>;
  /** Raw columns per source name, for the default analysis and for completion. */
  schemas?: () => SourceSchemas;
  /** Called on every change of the text, before any analysis. */
  onChange?: (text: string) => void;
  /** Called after each analysis that is still current (the text has not changed since). */
  onAnalysis?: (analysis: EditorAnalysis, text: string) => void;
  /** Pause after typing before analyzing, in ms. Default 250. */
  delay?: number;
  /** A fixed editor height (CSS). Default: none — the editor grows with its text between `minHeight` and `maxHeight`, then scrolls. */
  height?: string;
  /** Default 12em. */
  minHeight?: string;
  /** Default 75vh. */
  maxHeight?: string;
}

export interface FdlEditor {
  /** The editor and its diagnostics list, to put in the page. */
  element: HTMLElement;
  view: EditorView;
  text(): string;
  setText(text: string): void;
  /** The latest analysis (of the current text once `analyzed()` resolves). */
  analysis(): EditorAnalysis | undefined;
  /** Resolves with the analysis of the current text. */
  analyzed(): Promise<EditorAnalysis>;
  destroy(): void;
}

/** Default analysis: the front end's parse and check, as `loadProject` runs them. */
export function defaultAnalyze(text: string, schemas?: SourceSchemas): EditorAnalysis {
  const { program, diagnostics } = parse(text);
  if (hasErrors(diagnostics)) return { diagnostics, program };
  const checked = check(program, { schemas });
  return { diagnostics: [...diagnostics, ...checked.diagnostics], program, checked };
}

// ---------------------------------------------------------------- highlighting

const marks = new Map<string, Decoration>();
const mark = (category: string) => {
  let m = marks.get(category);
  if (!m) marks.set(category, (m = Decoration.mark({ class: `fb-tok-${category}` })));
  return m;
};

function highlight(state: EditorState): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  const len = state.doc.length;
  for (const t of tokenize(state.doc.toString())) {
    if (t.category === 'identifier' || t.category === 'punctuation' || t.to > len || t.from >= t.to) continue;
    b.add(t.from, t.to, mark(t.category));
  }
  return b.finish();
}

const fdlHighlighting = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = highlight(view.state);
    }
    update(u: ViewUpdate) {
      if (u.docChanged) this.decorations = highlight(u.state);
    }
  },
  { decorations: (v) => v.decorations },
);

const theme = EditorView.theme({
  '&': { fontSize: '13px', border: '1px solid var(--theme-foreground-faintest, #ddd)', borderRadius: '4px' },
  '.cm-content': { fontFamily: 'var(--monospace, ui-monospace, monospace)' },
  '.fb-tok-keyword': { color: '#7c3aed', fontWeight: '600' },
  '.fb-tok-string': { color: '#0a7f3f' },
  '.fb-tok-number': { color: '#b45309' },
  '.fb-tok-duration': { color: '#c2410c' },
  '.fb-tok-timestamp': { color: '#0e7490' },
  '.fb-tok-comment': { color: '#6b7280', fontStyle: 'italic' },
  '.fb-tok-operator': { color: '#be185d' },
});

// ---------------------------------------------------------------- diagnostics

/** A diagnostic's span as a CodeMirror range (span ends are inclusive; points at the end stay in the document). */
function toCm(d: Diagnostic, length: number): CmDiagnostic {
  const from = Math.max(0, Math.min(d.span.startOffset, length));
  const to = Math.max(from, Math.min(d.span.endOffset + 1, length));
  return { from, to, severity: d.severity, message: d.hint ? `${d.message}\nhint: ${d.hint}` : d.message, source: d.code };
}

function renderList(list: HTMLElement, diagnostics: Diagnostic[], view: EditorView) {
  list.replaceChildren();
  list.dataset.count = String(diagnostics.length);
  if (!diagnostics.length) {
    const ok = document.createElement('li');
    ok.className = 'fb-ok';
    ok.textContent = 'No problems.';
    list.append(ok);
    return;
  }
  for (const d of diagnostics) {
    const li = document.createElement('li');
    li.className = `fb-diagnostic fb-${d.severity}`;
    li.dataset.line = String(d.span.line);
    li.dataset.column = String(d.span.column);
    li.dataset.severity = d.severity;
    li.dataset.code = d.code;
    const at = document.createElement('code');
    at.textContent = `${d.span.line}:${d.span.column}`;
    const sev = document.createElement('strong');
    sev.textContent = d.severity;
    li.append(at, ' ', sev, ` ${d.message}`);
    if (d.hint) {
      const hint = document.createElement('div');
      hint.className = 'fb-hint';
      hint.textContent = `hint: ${d.hint}`;
      li.append(hint);
    }
    li.addEventListener('click', () => {
      const r = toCm(d, view.state.doc.length);
      view.dispatch({ selection: { anchor: r.from, head: r.to }, scrollIntoView: true });
      view.focus();
    });
    list.append(li);
  }
}

const listStyle = `
.fb-editor-diagnostics { list-style: none; padding: 0; margin: 0.5em 0; font-size: 13px; max-height: 12em; overflow: auto; }
.fb-editor-diagnostics li { padding: 2px 6px; cursor: pointer; border-left: 3px solid transparent; }
.fb-editor-diagnostics li.fb-error { border-left-color: #dc2626; }
.fb-editor-diagnostics li.fb-warning { border-left-color: #d97706; }
.fb-editor-diagnostics li.fb-ok { color: #15803d; cursor: default; }
.fb-editor-diagnostics code { color: #555; margin-right: 0.3em; }
.fb-editor-diagnostics .fb-hint { color: #555; margin-left: 3.5em; }
`;

// ---------------------------------------------------------------- completion keys

/**
 * Enter while the completion list is open: a new line, not a completion, when
 * the word before the cursor is already complete — one of the offered names
 * exactly, or nothing at all (Tab or a click still accept). Typing
 * `over 7d` + Enter must never become `over 7declined_7d`.
 */
const enterAfterCompleteToken = Prec.highest(
  keymap.of([
    {
      key: 'Enter',
      run(view) {
        if (completionStatus(view.state) !== 'active') return false;
        const head = view.state.selection.main.head;
        const line = view.state.doc.lineAt(head);
        const word = /[A-Za-z0-9_]*$/.exec(line.text.slice(0, head - line.from))![0];
        const complete = word === '' || /^[0-9]/.test(word) || currentCompletions(view.state).some((c) => c.label === word);
        if (!complete) return false;
        closeCompletion(view);
        return insertNewlineAndIndent(view);
      },
    },
    { key: 'Tab', run: (view) => completionStatus(view.state) === 'active' && acceptCompletion(view) },
  ]),
);

// ---------------------------------------------------------------- the editor

/**
 * Creates an FDL editor.
 * @example
 * const editor = fdlEditor({ doc: text, onAnalysis: (a) => show(a.diagnostics) });
 * display(editor.element);
 */
export function fdlEditor(opts: FdlEditorOptions = {}): FdlEditor {
  const analyze = opts.analyze ?? ((text: string) => defaultAnalyze(text, opts.schemas?.()));
  const element = document.createElement('div');
  element.className = 'fb-editor';
  const style = document.createElement('style');
  style.textContent = listStyle;
  const host = document.createElement('div');
  const list = document.createElement('ul');
  list.className = 'fb-editor-diagnostics';
  list.setAttribute('aria-label', 'Diagnostics');
  element.append(style, host, list);

  let latest: EditorAnalysis | undefined;
  // What the last analysis that got as far as checking knew: completion keeps offering
  // columns and features while the text does not parse.
  let known: Pick<EditorAnalysis, 'checked' | 'schemas'> = {};
  let latestText: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiters: ((a: EditorAnalysis) => void)[] = [];

  const complete = (ctx: CmCompletionContext): CompletionResult | null => {
    const text = ctx.state.doc.toString();
    const { from, items } = completionsAt(text, ctx.pos, { checked: latest?.checked ?? known.checked, schemas: opts.schemas?.() ?? latest?.schemas ?? known.schemas });
    if (!items.length || (from === ctx.pos && !ctx.explicit && !/\.$/.test(text.slice(0, ctx.pos)))) return null;
    return {
      from,
      options: items.map((i) => ({ label: i.label, type: i.type === 'aggregate' ? 'function' : i.type === 'column' ? 'property' : i.type === 'view' ? 'class' : i.type === 'feature' ? 'variable' : i.type, detail: i.detail, boost: i.boost })),
      validFor: /^[A-Za-z_][A-Za-z0-9_]*$/,
    };
  };

  const run = async () => {
    const text = view.state.doc.toString();
    let result: EditorAnalysis;
    try {
      result = await analyze(text);
    } catch (err) {
      // An analysis that fails is a bug, not the user's: show it where they look.
      const message = err instanceof Error ? err.message : String(err);
      result = { diagnostics: [{ severity: 'error', code: 'internal-error', message, span: { startOffset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 } }] };
    }
    if (view.state.doc.toString() !== text) return; // typed meanwhile: a newer run follows
    latest = result;
    latestText = text;
    if (result.checked) known = { checked: result.checked, schemas: result.schemas };
    view.dispatch(setDiagnostics(view.state, result.diagnostics.map((d) => toCm(d, view.state.doc.length))));
    renderList(list, result.diagnostics, view);
    element.dataset.analyzed = String(Date.now());
    opts.onAnalysis?.(result, text);
    const w = waiters;
    waiters = [];
    for (const f of w) f(result);
  };
  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    element.dataset.analyzed = '';
    timer = setTimeout(() => {
      timer = undefined;
      void run();
    }, ms);
  };

  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: opts.doc ?? '',
      extensions: [
        enterAfterCompleteToken,
        basicSetup,
        fdlHighlighting,
        theme,
        lintGutter(),
        autocompletion({ override: [complete], activateOnTyping: true }),
        EditorView.theme(
          opts.height
            ? { '.cm-scroller': { height: opts.height, overflow: 'auto' } }
            : { '&': { maxHeight: opts.maxHeight ?? '75vh' }, '.cm-scroller': { overflow: 'auto', minHeight: opts.minHeight ?? '12em' } },
        ),
        EditorView.updateListener.of((u) => {
          if (!u.docChanged) return;
          schedule(opts.delay ?? 250);
          opts.onChange?.(u.state.doc.toString());
        }),
      ],
    }),
  });
  schedule(0);

  return {
    element,
    view,
    text: () => view.state.doc.toString(),
    setText(text: string) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    analysis: () => latest,
    analyzed() {
      if (latest && latestText === view.state.doc.toString() && !timer) return Promise.resolve(latest);
      return new Promise((resolve) => waiters.push(resolve));
    },
    destroy() {
      if (timer) clearTimeout(timer);
      view.destroy();
    },
  };
}
