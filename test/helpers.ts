/**
 * Test helpers: temporary projects on disk, run through the real pipeline
 * on real DuckDB.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { NodeEngine } from '../src/engine/node.js';
import type { QueryResult, Row } from '../src/engine/engine.js';
import { loadProject } from '../src/project.js';
import { buildTrainingSet } from '../src/training-set.js';
import { formatDiagnostic } from '../src/lang/diagnostics.js';
import type { Strategy } from '../src/compile/emit-sql.js';

export type Cell = string | number | boolean | null | Date;

/** Writes rows as CSV with a header; Dates as ISO-like UTC timestamps. */
export function toCsv(rows: Record<string, Cell>[], columns?: string[]): string {
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const cell = (v: Cell | undefined) => {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return v.toISOString().replace('T', ' ').replace('Z', '');
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

export class TempProject {
  readonly dir: string;
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'featurebook-test-'));
  }
  write(rel: string, content: string) {
    const p = join(this.dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
    return p;
  }
  cleanup() {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Builds training set `set` of FDL text `fdl` (written as `dir/project.fdl`); fails loudly on diagnostics. */
export async function build(engine: NodeEngine, dir: string, fdl: string, set: string, strategy?: Strategy): Promise<QueryResult> {
  const file = join(dir, 'project.fdl');
  writeFileSync(file, fdl);
  const p = await loadProject(fdl, { file, engine });
  const errors = p.diagnostics.filter((d) => d.severity === 'error');
  if (!p.plan || errors.length) throw new Error('diagnostics:\n' + errors.map((d) => formatDiagnostic(d, file, fdl)).join('\n'));
  return buildTrainingSet(engine, p.plan, set, strategy ? { strategy } : {});
}

export const ts = (s: string) => new Date(s.length === 10 ? s + 'T00:00:00Z' : s.endsWith('Z') ? s : s + 'Z');

/** Rows with Dates turned into ISO strings, for readable deepEqual. */
export function plain(rows: Row[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v])));
}

/** A small seeded PRNG (mulberry32), so every failure reproduces. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    /** A standard normal draw (Box–Muller). */
    normal: () => Math.sqrt(-2 * Math.log(next() || 1e-12)) * Math.cos(2 * Math.PI * next()),
  };
}

export { NodeEngine };
