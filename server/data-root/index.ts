/**
 * Confines server-side data paths to one folder, the data root.
 *
 * Every path the server reads — a source's file or glob, the folder an FDL
 * source is taken to live in — must lie inside the root, lexically and after
 * following symlinks. This is the first line; the second is DuckDB itself,
 * whose file access the server locks to the same folder (`server/engine`).
 * @module
 */
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ApiError } from '../errors/index.js';

const GLOB = /[*?[\]{}]/;
const HIDDEN_RULE = "hidden files and folders (names starting with '.') are never read on this server";
const HIDDEN = (name: string) => `'${name.slice(0, 80)}' is hidden: ${HIDDEN_RULE}; put the data in a file whose path has no such name`;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
/** How many directory entries a glob check may visit before refusing. */
const MAX_GLOB_ENTRIES = 20_000;

/** A glob as DuckDB reads it (`*`, `**`, `?`, `[...]`, `{a,b}`), as an anchored RegExp. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else if (ch === '{') {
      re += '(?:';
      braces++;
    } else if (ch === '}' && braces > 0) {
      re += ')';
      braces--;
    } else if (ch === ',' && braces > 0) re += '|';
    else re += ch.replace(/[.+^$()|{}\\]/g, '\\$&');
  }
  try {
    return new RegExp(`^${re}$`);
  } catch {
    return /^/; // unparseable: treat every escaping link as matched
  }
}

export class DataRoot {
  /** The root as configured (absolute). */
  readonly path: string;
  /** The root with symlinks resolved. */
  readonly real: string;

  /**
   * @example
   * ```ts
   * const root = new DataRoot(process.env.FEATUREBOOK_DATA_ROOT ?? process.cwd())
   * root.check('/srv/data/events.parquet') // undefined: allowed
   * ```
   */
  constructor(path: string) {
    const abs = resolve(path);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new Error(`data root '${abs}' does not exist`);
    }
    if (!st.isDirectory()) throw new Error(`data root '${abs}' is not a folder`);
    this.path = abs;
    this.real = realpathSync(abs);
  }

  /**
   * `p` (absolute) relative to the root, as answers show it: `data/tx.csv`,
   * `../elsewhere/x.csv` outside it, `.` for the root itself.
   */
  relative(p: string): string {
    const base = [this.real, this.path].find((r) => p === r || p.startsWith(r + sep)) ?? this.path;
    return relative(base, p) || '.';
  }

  /**
   * `text` with the root's absolute path (as given and as resolved) replaced
   * by paths relative to it, so answers never show where the server keeps
   * its data: `No files found that match the pattern "/srv/data/x.csv"` →
   * `… "x.csv"`. A root of `/` is left alone.
   */
  redact(text: string): string {
    for (const r of this.prefixes) {
      if (!text.includes(r)) continue;
      text = text.replaceAll(r + sep, '').replaceAll(r, '.');
    }
    return text;
  }

  /**
   * A JSON value with `redact` applied to every string in it; `outside`:
   * absolute paths elsewhere (a CLI-published project's folder) to show
   * relative to the root as well (`../../home/me/proj`).
   */
  redactJson<T>(v: T, outside: readonly string[] = []): T {
    if (v === undefined) return v;
    const json = JSON.stringify(v);
    let out = this.redact(json);
    const q = (s: string) => JSON.stringify(s).slice(1, -1);
    for (const p of [...outside].filter((x) => isAbsolute(x) && x.length > 1).sort((a, b) => b.length - a.length)) out = out.replaceAll(q(p), q(this.relative(p)));
    return out === json ? v : (JSON.parse(out) as T);
  }

  /** The root's paths, longest first (one may be a prefix of the other); none for `/`. */
  private get prefixes(): string[] {
    return [...new Set([this.path, this.real])].filter((r) => r.length > 1 && JSON.stringify(r) === `"${r}"`).sort((a, b) => b.length - a.length);
  }

  /** The directories DuckDB may read (the root as given and as resolved). */
  get allowedDirectories(): string[] {
    return [...new Set([this.path, this.real])].map((d) => (d.endsWith(sep) ? d : d + sep));
  }

  private inside(p: string): boolean {
    return [this.path, this.real].some((r) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep));
  }

  /** The first hidden name (starting with '.') on the way from the root to `p`, if any. */
  private hidden(p: string): string | undefined {
    const r = [this.real, this.path].find((x) => p === x || p.startsWith(x.endsWith(sep) ? x : x + sep));
    if (r === undefined) return undefined;
    return p
      .slice(r.length)
      .split(/[\\/]/)
      .find((x) => x.startsWith('.'));
  }

  /**
   * Why absolute path (or glob) `p` may not be read, or undefined when it may.
   * Refuses URLs, `..` segments, paths outside the root, hidden files and
   * folders (a name starting with '.', such as `.env`: never read, not even
   * through a symlink or a glob), and symlinks that lead out of the root
   * (for globs: escaping links the glob could reach).
   */
  check(p: string): string | undefined {
    if (URL_LIKE.test(p)) return 'remote paths are not allowed on this server; put the data under the data root';
    if (!isAbsolute(p)) return 'the path is not absolute';
    if (p.includes('\0')) return 'the path contains a NUL character';
    if (p.split(/[\\/]/).includes('..')) return "'..' is not allowed in data paths on this server";
    if (!this.inside(p)) return `the path is outside the server's data root`;
    const dot = this.hidden(p);
    if (dot !== undefined) return HIDDEN(dot);
    const parts = p.split(sep);
    const g = parts.findIndex((x) => GLOB.test(x));
    const fixed = g < 0 ? p : parts.slice(0, g).join(sep) || sep;
    // Resolve symlinks on the longest existing prefix of the fixed part.
    let probe = fixed;
    for (;;) {
      try {
        const real = realpathSync(probe);
        if (!this.inside(real)) return `the path leads outside the server's data root through a symlink`;
        const hid = this.hidden(real);
        if (hid !== undefined) return `the path leads to a hidden file or folder ('${hid}') through a symlink; ${HIDDEN_RULE}`;
        break;
      } catch {
        const up = probe.slice(0, probe.lastIndexOf(sep)) || sep;
        if (up === probe) break;
        probe = up;
      }
    }
    if (g >= 0) return this.checkGlobFolder(fixed, globRegExp(p), p.includes('**') ? Infinity : parts.length - g);
    return undefined;
  }

  /**
   * A glob may reach through symlinks under its folder: refuse escaping links
   * to folders (they could be walked) and escaping links to files the glob matches.
   */
  private checkGlobFolder(dir: string, matches: RegExp, depth: number): string | undefined {
    let seen = 0;
    const stack: [string, number][] = [[dir, 1]];
    while (stack.length) {
      const [d, level] = stack.pop()!;
      let names: string[];
      try {
        names = readdirSync(d);
      } catch {
        continue;
      }
      for (const n of names) {
        if (++seen > MAX_GLOB_ENTRIES) return `the glob's folder holds too many entries to check (more than ${MAX_GLOB_ENTRIES})`;
        const p = join(d, n);
        let st;
        try {
          st = lstatSync(p);
        } catch {
          continue;
        }
        if (n.startsWith('.') && (st.isDirectory() ? level < depth : matches.test(p))) return `the glob could match the hidden ${st.isDirectory() ? 'folder' : 'file'} '${n}'; ${HIDDEN_RULE}: narrow the glob`;
        if (st.isSymbolicLink()) {
          let real: string;
          let isDir: boolean;
          try {
            real = realpathSync(p);
            isDir = statSync(real).isDirectory();
          } catch {
            continue; // dangling: nothing to read
          }
          // A folder link matters only where the glob goes deeper than it.
          if (!this.inside(real) && (isDir ? level < depth : matches.test(p))) return `'${readlinkSync(p)}' (a symlink under the glob's folder) leads outside the server's data root`;
        } else if (st.isDirectory() && level < depth) stack.push([p, level + 1]);
      }
    }
    return undefined;
  }

  /** Throws 403 `path_not_allowed` unless `p` may be read. `what` names the path in the message. */
  assert(p: string, what: string): void {
    const why = this.check(p);
    if (why) throw new ApiError(403, 'path_not_allowed', `${what}: ${why}`);
  }

  /**
   * Where an FDL source sent in a request is taken to live: `rel` (default
   * `project.fdl`) under the root. Relative source paths resolve against its
   * folder. Throws 400 for absolute paths or `..`.
   */
  sourceFile(rel: string | undefined, field = 'path'): string {
    const r = rel ?? 'project.fdl';
    if (isAbsolute(r) || /^[a-z]:/i.test(r)) throw new ApiError(400, 'invalid_body', `${field}: must be relative to the data root`, { field });
    if (r.split(/[\\/]/).includes('..')) throw new ApiError(400, 'invalid_body', `${field}: '..' is not allowed`, { field });
    if (r.includes('\0')) throw new ApiError(400, 'invalid_body', `${field}: contains a NUL character`, { field });
    return join(this.path, r);
  }
}
