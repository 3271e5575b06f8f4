/**
 * Plain-loop implementations of the drift metrics, written from their
 * definitions (docs/drift.md) with no SQL, to check the SQL against.
 */

export type Num = number | null;

/** Linear-interpolation quantile of sorted values (order statistic (n-1)p). */
export function quantile(sorted: number[], p: number): number {
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function edgesOf(values: Num[], bins: number): number[] {
  const xs = values.filter((v): v is number => v !== null && !Number.isNaN(v)).sort((a, b) => a - b);
  if (!xs.length) return [];
  const out: number[] = [];
  for (let i = 1; i < bins; i++) {
    const q = quantile(xs, i / bins);
    if (!out.includes(q)) out.push(q);
  }
  return out.sort((a, b) => a - b);
}

/** Bin = number of edges at or below x. */
export function binOf(x: number, edges: number[]): number {
  let b = 0;
  for (const e of edges) if (x >= e) b++;
  return b;
}

export function psiFromCounts(ref: number[], cur: number[], eps = 1e-4): number {
  const nr = ref.reduce((a, b) => a + b, 0);
  const nc = cur.reduce((a, b) => a + b, 0);
  let s = 0;
  for (let i = 0; i < ref.length; i++) {
    const e = ref[i]! / nr;
    const a = cur[i]! / nc;
    s += (a - e) * Math.log((a + eps) / (e + eps));
  }
  return s;
}

export function numericPsi(ref: Num[], cur: Num[], bins: number): number | null {
  const edges = edgesOf(ref, bins);
  const r = new Array(edges.length + 1).fill(0);
  const c = new Array(edges.length + 1).fill(0);
  for (const x of ref) if (x !== null) r[binOf(x, edges)]++;
  for (const x of cur) if (x !== null) c[binOf(x, edges)]++;
  if (!r.some((x) => x) || !c.some((x) => x)) return null;
  return psiFromCounts(r, c);
}

/** Categorical PSI: the reference's categories (all of them here) plus one bucket for unseen values. */
export function categoricalPsi(ref: (string | null)[], cur: (string | null)[]): number | null {
  const cats = [...new Set(ref.filter((x): x is string => x !== null))];
  const idx = (x: string) => {
    const i = cats.indexOf(x);
    return i < 0 ? cats.length : i;
  };
  const r = new Array(cats.length + 1).fill(0);
  const c = new Array(cats.length + 1).fill(0);
  for (const x of ref) if (x !== null) r[idx(x)]++;
  for (const x of cur) if (x !== null) c[idx(x)]++;
  if (!r.some((x) => x) || !c.some((x) => x)) return null;
  return psiFromCounts(r, c);
}

/** sup over every value of either sample of |F_ref − F_cur| (right-continuous ECDFs). */
export function ks(ref: Num[], cur: Num[]): number | null {
  const a = ref.filter((x): x is number => x !== null);
  const b = cur.filter((x): x is number => x !== null);
  if (!a.length || !b.length) return null;
  let d = 0;
  for (const v of [...a, ...b]) {
    let fa = 0;
    for (const x of a) if (x <= v) fa++;
    let fb = 0;
    for (const x of b) if (x <= v) fb++;
    d = Math.max(d, Math.abs(fa / a.length - fb / b.length));
  }
  return d;
}

export function meanShift(ref: Num[], cur: Num[]): number | null {
  const a = ref.filter((x): x is number => x !== null);
  const b = cur.filter((x): x is number => x !== null);
  if (a.length < 2 || !b.length) return null;
  const ma = a.reduce((s, x) => s + x, 0) / a.length;
  const mb = b.reduce((s, x) => s + x, 0) / b.length;
  let ss = 0;
  for (const x of a) ss += (x - ma) ** 2;
  const sd = Math.sqrt(ss / (a.length - 1));
  if (sd === 0) return ma === mb ? 0 : null;
  return (mb - ma) / sd;
}

export const nullRate = (xs: unknown[]) => (xs.length ? xs.filter((x) => x === null).length / xs.length : null);

/** Kolmogorov's Q by direct summation, for the p-value check. */
export function kolmogorovQ(lambda: number): number {
  let s = 0;
  for (let j = 1; j < 1000; j++) s += 2 * (j % 2 ? 1 : -1) * Math.exp(-2 * j * j * lambda * lambda);
  return Math.min(1, Math.max(0, s));
}

export { rng } from '../helpers.js';
