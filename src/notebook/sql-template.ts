/**
 * `${expr}` in a notebook's sql cell: each one becomes a `?` placeholder of a
 * prepared statement and its expression a bound parameter, so a value never
 * becomes SQL text. Shared by the page transform (which evaluates the
 * expressions as Framework code) and the page runtime (which runs the SQL).
 * @module
 */

export interface SqlTemplate {
  /** The SQL with `?` in place of each `${…}`. */
  sql: string;
  /** The expressions, in order, as written. */
  params: string[];
}

/** Splits `${…}` out of `text`; braces inside the expression balance, JS string literals are skipped. */
export function sqlTemplate(text: string): SqlTemplate {
  let sql = '';
  const params: string[] = [];
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf('${', i);
    if (at < 0) break;
    sql += text.slice(i, at);
    let depth = 1;
    let j = at + 2;
    while (j < text.length && depth > 0) {
      const c = text[j]!;
      if (c === '"' || c === "'" || c === '`') {
        j++;
        while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      } else if (c === '{') depth++;
      else if (c === '}') depth--;
      j++;
    }
    if (depth > 0) throw new Error(`unclosed \${ at offset ${at}`);
    params.push(text.slice(at + 2, j - 1).trim());
    sql += '?';
    i = j;
  }
  return { sql: sql + text.slice(i), params };
}

/** Data names a Vega-Lite spec binds (`"data": {"name": N}` anywhere in it). */
export function chartDataNames(spec: unknown): string[] {
  const names = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const d = o.data as Record<string, unknown> | undefined;
      if (d && typeof d === 'object' && typeof d.name === 'string') names.add(d.name);
      for (const [k, x] of Object.entries(o)) if (k !== 'datasets') walk(x);
    }
  };
  walk(spec);
  return [...names];
}

/** Line and column (1-based) of a JSON.parse error in `text`, when the message gives a position. */
export function jsonErrorPosition(text: string, err: unknown): { line: number; column: number } {
  const m = /position (\d+)/.exec(String((err as Error)?.message ?? err));
  const lc = /line (\d+) column (\d+)/.exec(String((err as Error)?.message ?? err));
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = m ? Number(m[1]) : 0;
  const before = text.slice(0, pos).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
