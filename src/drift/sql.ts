/**
 * Drift metrics as SQL. Every builder takes relation and column names and
 * quotes them, and writes every engine-specific construct, through the
 * dialect (`src/compile/dialect.ts`); numbers are written as typed
 * DOUBLE literals so that a frozen bin edge reads back bit for bit.
 *
 *   reference summary (rows, nulls, mean, sd, quantile edges, categories)
 *     → per window: rows and nulls and means (one scan for all features)
 *     → per feature and window: PSI over frozen bins, exact two-sample KS
 *     → per feature and size of window: the same metrics under K label shuffles
 *
 * The SQL runs unchanged on native DuckDB and DuckDB-WASM.
 * @module
 */
import { cte, duckdb, type Dialect } from '../compile/dialect.js';

/** Added to both proportions of a bin before the logarithm, so an empty bin gives a large but finite term. */
export const PSI_EPSILON = 1e-4;

/** A bin index or category of a value that was never seen in the reference. */
export const UNSEEN = '(unseen)';

export interface SqlContext {
  d: Dialect;
  /** Relation (table name or parenthesized query) holding the reference rows. */
  reference: string;
  /** Relation holding the current rows. */
  current: string;
  /** Current rows' time column (windows are taken over it). */
  time: string;
  /** Window length; absent = one window over all current rows. */
  everyMs?: number;
  /** Extra condition applied to both relations (a segment drill-down), already SQL. */
  where?: string;
}

/** A DOUBLE literal that reads back as exactly `x` (finite numbers only). */
export const num = (x: number): string => {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return `CAST('${String(x)}' AS DOUBLE)`;
};

/** The numeric value of a feature column as DOUBLE, NaN read as null. */
export const numericValue = (d: Dialect, column: string) => d.cast(`nullif(${d.cast(d.quoteIdent(column), 'double')}, ${d.cast(`'NaN'`, 'double')})`, 'double');

/** The text of a categorical feature (booleans become 'true'/'false'). */
export const categoryValue = (d: Dialect, column: string) => d.cast(d.quoteIdent(column), 'text');

/** The window start (epoch ms, BIGINT) of a row: epoch-aligned UTC buckets of `everyMs`, or 0 for one window. */
export function windowExpr(c: SqlContext): string {
  const d = c.d;
  const t = d.epochMillis(d.toTimestamp(d.quoteIdent(c.time)));
  if (!c.everyMs) return d.cast('0', 'bigint');
  return `${d.cast(`floor(${t} / ${num(c.everyMs)})`, 'bigint')} * ${Math.trunc(c.everyMs)}`;
}

const andWhere = (c: SqlContext, cond?: string) => {
  const parts = [c.where, cond].filter(Boolean);
  return parts.length ? `WHERE ${parts.map((p) => `(${p})`).join(' AND ')}` : '';
};

/**
 * A balanced CASE tree giving the bin of `x` for sorted distinct `edges`:
 * bin i holds edges[i-1] <= x < edges[i], bin 0 everything below the first
 * edge and bin edges.length everything at or above the last (open-ended edge
 * bins catch values outside the reference's range).
 */
export function binExpr(x: string, edges: readonly number[]): string {
  const go = (lo: number, hi: number): string => {
    if (lo === hi) return String(lo);
    const mid = (lo + hi) >> 1; // bins lo..mid lie below edges[mid]
    return `CASE WHEN ${x} < ${num(edges[mid]!)} THEN ${go(lo, mid)} ELSE ${go(mid + 1, hi)} END`;
  };
  return go(0, edges.length);
}

/** Categories as a VALUES relation `(v, i)`. */
function categoriesRelation(d: Dialect, categories: readonly string[]): string {
  if (!categories.length) return `(SELECT ${d.cast('NULL', 'text')} AS __fb_cv, ${d.cast('NULL', 'integer')} AS __fb_ci WHERE false) AS __fb_cat`;
  return `(VALUES ${categories.map((v, i) => `(${d.quoteString(v)}, ${i})`).join(', ')}) AS __fb_cat(__fb_cv, __fb_ci)`;
}

/** A bucket expression for a feature: bin of a number, or category index (unseen = categories.length). */
export type Bucketing = { kind: 'numeric'; edges: readonly number[] } | { kind: 'categorical'; categories: readonly string[] };

/** `SELECT <bucket> AS b, <value> AS v FROM rel` pieces for a feature. */
function bucketed(d: Dialect, column: string, b: Bucketing, from: string, extraCols: string, where: string): string {
  if (b.kind === 'numeric') {
    const v = numericValue(d, column);
    return `SELECT ${extraCols}${v} AS v, ${binExpr(v, b.edges)} AS b FROM ${from} ${where}`;
  }
  const v = categoryValue(d, column);
  return `SELECT ${extraCols}${v} AS v, coalesce(__fb_cat.__fb_ci, ${b.categories.length}) AS b FROM ${from} LEFT JOIN ${categoriesRelation(d, b.categories)} ON ${v} = __fb_cat.__fb_cv ${where}`;
}

// ---------------------------------------------------------------- reference

/** Rows, nulls, mean and sample sd of each numeric column, rows and nulls of each categorical one, over the reference. */
export function referenceStatsSql(c: SqlContext, features: { column: string; kind: 'numeric' | 'categorical' }[]): string {
  const d = c.d;
  const cols = features.flatMap((f, i) => {
    const out = [`count(${d.quoteIdent(f.column)}) AS n${i}`];
    if (f.kind === 'numeric') {
      const v = numericValue(d, f.column);
      out.push(`count(${v}) AS nn${i}`, `avg(${v}) AS m${i}`, `stddev_samp(${v}) AS s${i}`);
    }
    return out;
  });
  return `SELECT count(*) AS rows${cols.length ? ', ' + cols.join(', ') : ''} FROM ${c.reference} ${andWhere(c)}`;
}

/**
 * Quantile bin edges of a numeric column: `quantile_cont` (linear
 * interpolation between order statistics) at 1/B, 2/B, … (B-1)/B of the
 * reference's non-null values.
 */
export function referenceEdgesSql(c: SqlContext, column: string, bins: number): string {
  const ps = Array.from({ length: bins - 1 }, (_, i) => num((i + 1) / bins));
  return `SELECT ${c.d.quantiles('cont', numericValue(c.d, column), ps)} AS q FROM ${c.reference} ${andWhere(c)}`;
}

/** `referenceEdgesSql` for several columns in one scan: `q<i>` (interpolated) and `d<i>` (a data value near it) per column. */
export function referenceEdgesAllSql(c: SqlContext, columns: string[], bins: number): string {
  const ps = Array.from({ length: bins - 1 }, (_, i) => num((i + 1) / bins));
  return `SELECT ${columns.map((col, i) => `${c.d.quantiles('cont', numericValue(c.d, col), ps)} AS q${i}, ${c.d.quantiles('disc', numericValue(c.d, col), ps)} AS d${i}`).join(', ')} FROM ${c.reference} ${andWhere(c)}`;
}

/** The reference's categories of a column with their counts, most frequent first (ties by value), at most `limit`. */
export function referenceCategoriesSql(c: SqlContext, column: string, limit: number): string {
  const v = categoryValue(c.d, column);
  return `SELECT ${v} AS v, count(*) AS n FROM ${c.reference} ${andWhere(c, `${v} IS NOT NULL`)} GROUP BY 1 ORDER BY n DESC, v LIMIT ${Math.trunc(limit)}`;
}

/** Counts of the reference's non-null values per bucket. */
export function referenceBucketsSql(c: SqlContext, column: string, b: Bucketing): string {
  const v = b.kind === 'numeric' ? numericValue(c.d, column) : categoryValue(c.d, column);
  return `SELECT b, count(*) AS n FROM (${bucketed(c.d, column, b, c.reference, '', andWhere(c, `${v} IS NOT NULL`))}) GROUP BY b ORDER BY b`;
}

// ---------------------------------------------------------------- current

/** Per window: rows, and per feature its non-null count (and mean for numeric features). One scan. */
export function windowStatsSql(c: SqlContext, features: { column: string; kind: 'numeric' | 'categorical' }[]): string {
  const d = c.d;
  const cols = features.flatMap((f, i) => {
    if (f.kind !== 'numeric') return [`count(${d.quoteIdent(f.column)}) AS n${i}`];
    const v = numericValue(d, f.column);
    return [`count(${d.quoteIdent(f.column)}) AS n${i}`, `count(${v}) AS nn${i}`, `avg(${v}) AS m${i}`];
  });
  const t = d.toTimestamp(d.quoteIdent(c.time));
  return `SELECT ${windowExpr(c)} AS w, min(${t}) AS __t0, max(${t}) AS __t1, count(*) AS rows${cols.length ? ', ' + cols.join(', ') : ''}
FROM ${c.current} ${andWhere(c, `${d.quoteIdent(c.time)} IS NOT NULL`)}
GROUP BY 1 ORDER BY 1`;
}

/**
 * PSI of one feature per window against reference proportions `refP`
 * (one per bucket, summing to 1):
 * Σ_b (a_b − e_b) · ln((a_b + ε) / (e_b + ε)), a = current proportions.
 * Numeric features also get the exact two-sample KS statistic (see `ksSql`).
 */
export function windowMetricsSql(c: SqlContext, column: string, b: Bucketing, refP: readonly number[], withKs = true): string {
  const d = c.d;
  const v = b.kind === 'numeric' ? numericValue(d, column) : categoryValue(d, column);
  const refValues = `(VALUES ${refP.map((p, i) => `(${i}, ${num(p)})`).join(', ')}) AS r(b, p)`;
  const numericKs = b.kind === 'numeric' && withKs;
  // Numeric features with KS: one scan groups the window's values; the bins come from the distinct values.
  const cur = bucketed(d, column, b, c.current, `${windowExpr(c)} AS w, `, andWhere(c, `${d.quoteIdent(c.time)} IS NOT NULL AND ${v} IS NOT NULL`));
  const cnt = numericKs
    ? `${cte(d, '__fb_cv', `SELECT ${windowExpr(c)} AS w, ${v} AS v, count(*) AS n FROM ${c.current} ${andWhere(c, `${d.quoteIdent(c.time)} IS NOT NULL AND ${v} IS NOT NULL`)} GROUP BY 1, 2`, true)},
${cte(d, '__fb_cnt', `SELECT w, ${binExpr('v', (b as { edges: readonly number[] }).edges)} AS b, sum(n) AS n FROM __fb_cv GROUP BY 1, 2`, true)},`
    : b.kind === 'categorical'
      ? // Group the window's values first (few distinct categories), then map the groups to buckets: no join over every row.
        `__fb_cv AS (SELECT ${windowExpr(c)} AS w, ${v} AS v, count(*) AS n FROM ${c.current} ${andWhere(c, `${d.quoteIdent(c.time)} IS NOT NULL AND ${v} IS NOT NULL`)} GROUP BY 1, 2),
${cte(d, '__fb_cnt', `SELECT x.w, coalesce(__fb_cat.__fb_ci, ${b.categories.length}) AS b, sum(x.n) AS n FROM __fb_cv x LEFT JOIN ${categoriesRelation(d, b.categories)} ON x.v = __fb_cat.__fb_cv GROUP BY 1, 2`, true)},`
      : `${cte(d, '__fb_cnt', `SELECT w, b, count(*) AS n FROM (${cur}) GROUP BY w, b`, true)},`;
  const psi = `${cnt}
__fb_tot AS (SELECT w, sum(n) AS n FROM __fb_cnt GROUP BY w),
__fb_psi AS (
  SELECT t.w, sum((coalesce(x.n, 0) / t.n - r.p) * ln((coalesce(x.n, 0) / t.n + ${num(PSI_EPSILON)}) / (r.p + ${num(PSI_EPSILON)}))) AS psi
  FROM __fb_tot t CROSS JOIN ${refValues} LEFT JOIN __fb_cnt x ON x.w = t.w AND x.b = r.b
  GROUP BY t.w
),
__fb_counts AS (SELECT w, ${d.listAgg(d.list(['b', 'n']), 'b')} AS counts FROM __fb_cnt GROUP BY w)`;
  if (!numericKs) return `WITH ${psi}\nSELECT p.w, p.psi, ${d.cast('NULL', 'double')} AS ks, c.counts FROM __fb_psi p LEFT JOIN __fb_counts c ON c.w = p.w ORDER BY p.w`;
  return `WITH ${psi},
${ksCtes(c, column)}
SELECT p.w, p.psi, k.ks, c.counts FROM __fb_psi p LEFT JOIN __fb_ks k ON k.w = p.w LEFT JOIN __fb_counts c ON c.w = p.w ORDER BY p.w`;
}

/**
 * The exact two-sample Kolmogorov–Smirnov statistic per window,
 * D = sup_x |F_ref(x) − F_cur(x)| over empirical CDFs of the non-null values.
 *
 * Both CDFs are step functions that change only at data values, so the sup
 * is reached at a value of either sample. Between two distinct current values
 * F_cur is flat, so it is enough to look, at each distinct current value v,
 * at |F_ref(v) − F_cur(v)| and at the left limits |F_ref(v⁻) − F_cur(v⁻)|.
 * F_ref(v) and F_ref(v⁻) come from the reference's cumulative counts by an
 * ASOF join, so the reference is sorted once, not once per window.
 */
function ksCtes(c: SqlContext, column: string): string {
  const d = c.d;
  const v = numericValue(d, column);
  return `__fb_rv AS (SELECT ${v} AS v, count(*) AS n FROM ${c.reference} ${andWhere(c, `${v} IS NOT NULL`)} GROUP BY 1),
__fb_rn AS (SELECT sum(n) AS n FROM __fb_rv),
__fb_rcdf AS (SELECT v, sum(n) OVER (ORDER BY v) AS le, sum(n) OVER (ORDER BY v) - n AS lt FROM __fb_rv),
__fb_ccdf AS (
  SELECT w, v, sum(n) OVER (PARTITION BY w ORDER BY v) AS le, sum(n) OVER (PARTITION BY w ORDER BY v) - n AS lt, sum(n) OVER (PARTITION BY w) AS total
  FROM __fb_cv
),
__fb_ks AS (
  SELECT x.w, max(greatest(
    abs(coalesce(r.le, 0) / (SELECT n FROM __fb_rn) - x.le / x.total),
    abs(coalesce(CASE WHEN r.v = x.v THEN r.lt ELSE r.le END, 0) / (SELECT n FROM __fb_rn) - x.lt / x.total)
  )) AS ks
  FROM __fb_ccdf x ${d.asofLeftJoin('__fb_rcdf r', 'x.v >= r.v')}
  GROUP BY x.w
)`;
}

// ---------------------------------------------------------------- permutations

/**
 * A deterministic sample of at most `cap` rows of `from` (those passing
 * `where`), with the given columns: the rows with the smallest hash of their
 * first four columns (the time column first), ties broken by those columns.
 * Drawn once per report, so the per-feature shuffles never rescan the data;
 * hashing a few columns rather than all keeps the scan cheap.
 */
export function sampleSql(d: Dialect, from: string, columns: string[], cap: number, where: string): string {
  const cols = columns.map((x) => d.quoteIdent(x));
  const key = cols.slice(0, 4).join(', ');
  return `SELECT ${cols.join(', ')} FROM ${from} ${where} ORDER BY ${d.hash(key)}, ${cols.slice(0, 4).map((x) => `${x} NULLS FIRST`).join(', ')} LIMIT ${Math.trunc(cap)}`;
}

export const sampleWhere = (c: SqlContext, current: boolean) => andWhere(c, current ? `${c.d.quoteIdent(c.time)} IS NOT NULL` : undefined);

export interface PermutationSql {
  /** Label shuffles per sample size (K). */
  permutations: number;
  /** Reference rows pooled (a deterministic hash sample). */
  referenceCap: number;
  /** Current rows pooled (a deterministic hash sample over every window). */
  currentCap: number;
  /** Sizes of the "current" group to shuffle for (one per class of window sizes), each below the pool's size. */
  sizes: readonly number[];
  /** Columns hashed to draw the samples and the shuffles (the feature column and the time column at least). */
  hashColumns: { reference: string[]; current: string[] };
}

/**
 * The metrics expected with no drift, by permutation: a sample of the
 * reference and a sample of the current rows are pooled; for each size s,
 * the pool's labels are shuffled K times, s rows become "current" and the
 * rest "reference", and each metric is computed between the two groups. The
 * answer per size is the mean over the K shuffles (of |z| for the mean
 * shift, of |Δ| for the null rate). Samples and shuffles are ordered by
 * `hash()`, so the answer is deterministic.
 */
export function permutationSql(c: SqlContext, column: string, b: Bucketing, p: PermutationSql): string {
  const d = c.d;
  const hr = d.hash(...p.hashColumns.reference.map((x) => d.quoteIdent(x)));
  const hc = d.hash(...p.hashColumns.current.map((x) => d.quoteIdent(x)));
  const numeric = b.kind === 'numeric';
  const rs = bucketed(d, column, b, c.reference, `${hr} AS h, `, andWhere(c));
  const cs = bucketed(d, column, b, c.current, `${hc} AS h, `, andWhere(c, `${d.quoteIdent(c.time)} IS NOT NULL`));
  const sizes = p.sizes.length ? p.sizes.map((x) => `(${Math.trunc(x)})`).join(', ') : '(0)';
  return `WITH __fb_pool AS (
  (SELECT v, b, h, 1 AS src FROM (${rs}) ORDER BY h, v NULLS FIRST LIMIT ${Math.trunc(p.referenceCap)})
  UNION ALL
  (SELECT v, b, h, 0 AS src FROM (${cs}) ORDER BY h, v NULLS FIRST LIMIT ${Math.trunc(p.currentCap)})
),
__fb_perm AS (
  SELECT z.s, k.k, p.v, p.b,
    row_number() OVER (PARTITION BY z.s, k.k ORDER BY ${d.hash(d.xor('p.h', d.hash('k.k', 'p.src')))}, p.h, p.src, p.v NULLS FIRST) <= z.s AS cur
  FROM __fb_pool p CROSS JOIN ${d.series(p.permutations, 'k', 'k')} CROSS JOIN (VALUES ${sizes}) AS z(s)
),
__fb_grp AS (
  SELECT s, k, count(*) FILTER (WHERE cur) AS n_c, count(*) FILTER (WHERE NOT cur) AS n_r,
    count(v) FILTER (WHERE cur) AS nn_c, count(v) FILTER (WHERE NOT cur) AS nn_r${
      numeric ? `,\n    avg(v) FILTER (WHERE cur) AS m_c, avg(v) FILTER (WHERE NOT cur) AS m_r, stddev_samp(v) FILTER (WHERE NOT cur) AS s_r` : ''
    }
  FROM __fb_perm GROUP BY s, k
),
__fb_bk AS (
  SELECT s, k, b, count(*) FILTER (WHERE cur) AS c, count(*) FILTER (WHERE NOT cur) AS r
  FROM __fb_perm WHERE v IS NOT NULL GROUP BY s, k, b
),
__fb_ppsi AS (
  SELECT t.s, t.k, CASE WHEN t.nn_c > 0 AND t.nn_r > 0 THEN sum((coalesce(x.c, 0) / t.nn_c - coalesce(x.r, 0) / t.nn_r) * ln((coalesce(x.c, 0) / t.nn_c + ${num(PSI_EPSILON)}) / (coalesce(x.r, 0) / t.nn_r + ${num(PSI_EPSILON)}))) END AS psi
  FROM __fb_grp t CROSS JOIN ${d.series(b.kind === 'numeric' ? b.edges.length + 1 : b.categories.length + 1, 'bb', 'b')} LEFT JOIN __fb_bk x ON x.s = t.s AND x.k = t.k AND x.b = bb.b
  GROUP BY t.s, t.k, t.nn_c, t.nn_r
)${
    numeric
      ? `,
__fb_pcdf AS (
  SELECT s, k, v,
    count(*) FILTER (WHERE cur) OVER (PARTITION BY s, k ORDER BY v RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cc,
    count(*) FILTER (WHERE NOT cur) OVER (PARTITION BY s, k ORDER BY v RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cr
  FROM __fb_perm WHERE v IS NOT NULL
),
__fb_pks AS (
  SELECT x.s, x.k, CASE WHEN g.nn_c > 0 AND g.nn_r > 0 THEN max(abs(x.cc / g.nn_c - x.cr / g.nn_r)) END AS ks
  FROM __fb_pcdf x JOIN __fb_grp g ON g.s = x.s AND g.k = x.k GROUP BY x.s, x.k, g.nn_c, g.nn_r
)`
      : ''
  }
SELECT g.s, ${d.anyValue('g.n_c')} AS n_c, ${d.anyValue('g.n_r')} AS n_r, avg(p.psi) AS psi,
  ${numeric ? `avg(k.ks) AS ks, avg(abs((g.m_c - g.m_r) / nullif(g.s_r, 0))) AS mean_shift` : `${d.cast('NULL', 'double')} AS ks, ${d.cast('NULL', 'double')} AS mean_shift`},
  avg(abs(1 - g.nn_c / g.n_c - (1 - g.nn_r / nullif(g.n_r, 0)))) AS null_rate
FROM __fb_grp g
  LEFT JOIN __fb_ppsi p ON p.s = g.s AND p.k = g.k${numeric ? `\n  LEFT JOIN __fb_pks k ON k.s = g.s AND k.k = g.k` : ''}
GROUP BY g.s ORDER BY g.s`;
}

export const defaultDialect = duckdb;
