/**
 * The cell model of a notebook page (DESIGN §7): a page's Markdown split into
 * its front matter, Markdown text and fenced cells, and joined back byte for
 * byte. Every byte of the page belongs to exactly one piece, so
 * `joinPage(splitPage(s)) === s` for any string; an editor that changes one
 * cell rewrites only that cell's bytes.
 *
 * Fences follow CommonMark at the top level: up to three spaces, then three or
 * more backticks or tildes; the block ends at a line of the same character, at
 * least as long, with nothing after it but spaces, or at the end of the page.
 * Fences in block quotes or list items stay Markdown text.
 *
 * Browser- and Node-safe (no imports).
 * @module
 */

export type CellKind = 'fdl' | 'sql' | 'chart' | 'js' | 'code';

export interface MarkdownBlock {
  type: 'markdown';
  text: string;
  /** 1-based line of the block's first line in the page. */
  line: number;
}

export interface CellBlock {
  type: 'cell';
  kind: CellKind;
  /** The info string after the fence, trimmed (`sql id=top`). */
  info: string;
  /** The cell's name (`id=NAME`), if any. */
  id?: string;
  /** Words of the info string after the language, e.g. `precompute`, `echo`. */
  flags: string[];
  /** The opening fence line, with its line ending. */
  open: string;
  /** The cell's text, every line with its line ending. */
  body: string;
  /** The closing fence line with its line ending; '' when the fence runs to the end of the page. */
  close: string;
  /** 1-based line of the opening fence. */
  line: number;
}

export type Block = MarkdownBlock | CellBlock;

export interface NotebookPage {
  /** The front matter with its `---` lines, or '' when there is none. */
  frontMatter: string;
  blocks: Block[];
}

const KINDS: Record<string, CellKind> = { fdl: 'fdl', sql: 'sql', chart: 'chart', js: 'js' };

/** Lines of `text`, each with its own line ending (\n, \r\n or \r); the last may have none. */
export function lines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

const stripEnd = (line: string) => line.replace(/(?:\r\n|\r|\n)$/, '');

interface Opening {
  char: string;
  len: number;
  info: string;
}

function opening(line: string): Opening | undefined {
  const m = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(stripEnd(line));
  if (!m) return undefined;
  const fence = m[1]!;
  const info = m[2]!;
  // A backtick fence's info string may not contain a backtick (CommonMark 4.5).
  if (fence[0] === '`' && info.includes('`')) return undefined;
  return { char: fence[0]!, len: fence.length, info: info.trim() };
}

function closes(line: string, o: Opening): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(stripEnd(line));
  return !!m && m[1]![0] === o.char && m[1]!.length >= o.len;
}

/** The kind, name and flags of an info string (`sql id=top precompute`). */
export function parseInfo(info: string): { kind: CellKind; id?: string; flags: string[] } {
  const words = info.split(/\s+/).filter(Boolean);
  const lang = (words[0] ?? '').toLowerCase();
  const kind = KINDS[lang] ?? 'code';
  let id: string | undefined;
  const flags: string[] = [];
  for (const w of words.slice(1)) {
    const m = /^id=(.+)$/.exec(w);
    if (m) id = m[1]!.replace(/^["']|["']$/g, '');
    else flags.push(w);
  }
  return id === undefined ? { kind, flags } : { kind, id, flags };
}

/** The page's front matter: a first line `---`, up to the next `---` (or `...`) line. */
function frontMatterEnd(ls: string[]): number {
  if (ls.length < 2 || stripEnd(ls[0]!) !== '---') return 0;
  for (let i = 1; i < ls.length; i++) {
    const l = stripEnd(ls[i]!);
    if (l === '---' || l === '...') return i + 1;
  }
  return 0;
}

/** Splits a page into front matter, Markdown blocks and cells. */
export function splitPage(text: string): NotebookPage {
  const ls = lines(text);
  const fm = frontMatterEnd(ls);
  const page: NotebookPage = { frontMatter: ls.slice(0, fm).join(''), blocks: [] };
  let md: string[] = [];
  let mdLine = fm + 1;
  const flush = (next: number) => {
    if (md.length) page.blocks.push({ type: 'markdown', text: md.join(''), line: mdLine });
    md = [];
    mdLine = next;
  };
  for (let i = fm; i < ls.length; ) {
    const o = opening(ls[i]!);
    if (!o) {
      md.push(ls[i]!);
      i++;
      continue;
    }
    flush(i + 1);
    let j = i + 1;
    while (j < ls.length && !closes(ls[j]!, o)) j++;
    const { kind, id, flags } = parseInfo(o.info);
    const cell: CellBlock = { type: 'cell', kind, info: o.info, flags, open: ls[i]!, body: ls.slice(i + 1, j).join(''), close: j < ls.length ? ls[j]! : '', line: i + 1 };
    if (id !== undefined) cell.id = id;
    page.blocks.push(cell);
    i = j + 1;
    mdLine = i + 1;
  }
  flush(0);
  return page;
}

/** The page's text: exactly the bytes `splitPage` read, with any edits made to the pieces. */
export function joinPage(page: NotebookPage): string {
  return page.frontMatter + page.blocks.map((b) => (b.type === 'markdown' ? b.text : b.open + b.body + b.close)).join('');
}

/** The cells of a page, in order. */
export function cellsOf(page: NotebookPage): CellBlock[] {
  return page.blocks.filter((b): b is CellBlock => b.type === 'cell');
}

/**
 * A new cell of `kind` with `body` (a line ending is added when missing),
 * fenced with enough backticks that no line of the body closes it.
 */
export function newCell(kind: Exclude<CellKind, 'code'>, body: string, opts: { id?: string; flags?: string[]; eol?: string } = {}): CellBlock {
  const eol = opts.eol ?? '\n';
  const text = body === '' || /(\r\n|\r|\n)$/.test(body) ? body : body + eol;
  const longest = Math.max(2, ...[...text.matchAll(/^ {0,3}(`+)/gm)].map((m) => m[1]!.length));
  const fence = '`'.repeat(longest + 1);
  const info = [kind, ...(opts.id ? [`id=${opts.id}`] : []), ...(opts.flags ?? [])].join(' ');
  const cell: CellBlock = { type: 'cell', kind, info, flags: opts.flags ?? [], open: fence + info + eol, body: text, close: fence + eol, line: 0 };
  if (opts.id) cell.id = opts.id;
  return cell;
}

/** The line ending a page mostly uses (for new text), `\n` by default. */
export function lineEnding(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * The front matter's simple `key: value` entries and `key: [a, b]` lists
 * (enough for `title`, `fdl: [./project.fdl]` and `sql: {name: path}` —
 * both the inline and the indented block forms). Not a YAML parser.
 */
export function frontMatterFields(frontMatter: string): Record<string, string | string[] | Record<string, string>> {
  const out: Record<string, string | string[] | Record<string, string>> = {};
  const ls = lines(frontMatter).map(stripEnd).slice(1, -1);
  const unquote = (s: string) => s.trim().replace(/^(["'])(.*)\1$/, '$2');
  for (let i = 0; i < ls.length; i++) {
    const m = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(ls[i]!);
    if (!m) continue;
    const key = m[1]!;
    const value = m[2]!.replace(/\s+#.*$/, '').trim();
    if (value.startsWith('[')) out[key] = value.replace(/^\[|\]$/g, '').split(',').map(unquote).filter(Boolean);
    else if (value.startsWith('{')) {
      const map: Record<string, string> = {};
      for (const part of value.replace(/^\{|\}$/g, '').split(',')) {
        const kv = /^\s*([^:]+):\s*(.+)$/.exec(part);
        if (kv) map[unquote(kv[1]!)] = unquote(kv[2]!);
      }
      out[key] = map;
    } else if (value === '') {
      // An indented block: `- item` lines make a list, `name: value` lines a map.
      const items: string[] = [];
      const map: Record<string, string> = {};
      while (i + 1 < ls.length && /^\s+\S/.test(ls[i + 1]!)) {
        const l = ls[++i]!.trim();
        const li = /^-\s*(.+)$/.exec(l);
        const kv = /^([^:]+):\s*(.+)$/.exec(l);
        if (li) items.push(unquote(li[1]!));
        else if (kv) map[unquote(kv[1]!)] = unquote(kv[2]!);
      }
      out[key] = items.length ? items : map;
    } else out[key] = unquote(value);
  }
  return out;
}
