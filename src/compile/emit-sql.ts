/**
 * SQL emission: plan → SQL text, through a `Dialect`.
 *
 * Point-in-time features are computed per view in one of two ways, both exact
 * for the semantics (docs/language.md):
 *
 * - **window** (sources without `available`): spine rows and event rows of a
 *   view go into one stream, partitioned by key and ordered by time; each
 *   feature is a window aggregate over `RANGE BETWEEN w PRECEDING AND CURRENT
 *   ROW EXCLUDE TIES`, read off the spine rows. EXCLUDE TIES drops events at
 *   exactly the spine time (visibility is strict). One sort serves every feature.
 * - **join** (sources with `available`, or dialects without that frame): each
 *   spine row joins the events of its key that were available strictly before
 *   it, and aggregates with per-feature FILTERs for windows.
 *
 * Every user name is quoted with `dialect.quoteIdent`, every string with
 * `dialect.quoteString`; internal names use the `__fb_` prefix.
 *
 * Stage: compile, after the plan. Per view: `viewInputs` plans what it reads
 * (source rows, keys, each aggregate's value column and window), then
 * `windowStrategy` or `joinStrategy` assembles the SQL.
 *
 * May import: `plan.ts` (types), `dialect.ts`, the function registry
 * (`src/lang/functions.ts`) and `src/errors.ts` — never the AST or the
 * checker: everything it needs is in the plan.
 */
import { FeaturebookError } from '../errors.js';
import { aggregateEmptyValue, aggregateSql, functionSql, lookupAggregate, lookupFunction } from '../lang/functions.js';
import { type Dialect, duckdb, qualify } from './dialect.js';
import type { AggregateFeature, FeaturePlan, PlanExpr, ProjectPlan, SourcePlan, TrainingSetPlan, ViewPlan } from './plan.js';

export type Strategy = 'auto' | 'window' | 'join';

export interface EmitOptions {
  dialect?: Dialect;
  /** Maps a plan's absolute source path to what the engine reads (a registered file name in the browser). */
  resolvePath?: (path: string) => string;
  /** Forces a strategy for every view (tests cross-check both): `window` (where the source allows it) or `join`; default `auto` (chosen from data sizes by `planStrategies`, else window). */
  strategy?: Strategy;
  /** Per-view choice, e.g. from `chooseStrategies` (data statistics); overrides `strategy` for those views. */
  strategies?: Record<string, 'window' | 'join'>;
  /**
   * Training sets: build only the first `limit` spine rows (in spine order, see `spineCte`), so the
   * answer is the first `limit` rows of the full one at a fraction of the work.
   */
  limit?: number;
}

/** Internal column names. */
const ROW = '__fb_row';
const T = '__fb_t';
const TS = '__fb_ts';
const AVAIL = '__fb_avail';

interface Ctx {
  d: Dialect;
  plan: ProjectPlan;
  opts: EmitOptions;
  /** CTE name per source name, in order of first use. */
  sourceCtes: Map<string, string>;
  /** Sources read with their file row number (column `__fb_frn`): a Parquet spine keeps its order with it. */
  numbered?: Set<string>;
}

/** The file row number of a numbered source (see `Ctx.numbered`). */
const FRN = '__fb_frn';

const indent = (s: string, n = 2) => s.replace(/^/gm, ' '.repeat(n));

// ---------------------------------------------------------------- expressions

/** Emits a row-level or derived expression; `name` maps column and feature names to SQL. */
export function exprSql(e: PlanExpr, d: Dialect, name: (n: string) => string): string {
  const go = (x: PlanExpr): string => exprSql(x, d, name);
  switch (e.kind) {
    case 'literal': {
      const v = e.value;
      if (e.outOfRange !== undefined) throw new FeaturebookError('number_out_of_range', `number out of range: ${e.outOfRange}`, { kind: 'input', hint: 'write a number between about -1.8e308 and 1.8e308' });
      switch (e.type) {
        case 'integer':
        case 'number':
          return e.type === 'integer' && Math.abs(v as number) < 2 ** 53 ? String(v) : d.cast(formatDouble(v as number), 'double');
        case 'string':
          return d.quoteString(v as string);
        case 'bool':
          return v ? 'TRUE' : 'FALSE';
        case 'time':
          return d.timestamp(v as number);
        case 'duration':
          return d.interval(v as number);
        default:
          return 'NULL';
      }
    }
    case 'column':
      return name(e.name);
    case 'feature':
      return name(e.feature);
    case 'unary':
      return e.op === '-' ? `(- ${go(e.operand)})` : `(NOT ${go(e.operand)})`;
    case 'binary': {
      const l = go(e.left);
      const r = go(e.right);
      switch (e.op) {
        case '/':
          // Division by zero yields null; `/` is always floating-point division.
          return `(${d.cast(l, 'double')} / NULLIF(${d.cast(r, 'double')}, 0))`;
        case '%':
          return `(${l} % NULLIF(${r}, 0))`;
        case '!=':
          return `(${l} <> ${r})`;
        case 'and':
          return `(${l} AND ${r})`;
        case 'or':
          return `(${l} OR ${r})`;
        default:
          return `(${l} ${e.op} ${r})`;
      }
    }
    case 'in':
      return `(${go(e.operand)} ${e.negated ? 'NOT IN' : 'IN'} (${e.list.map(go).join(', ')}))`;
    case 'isNull':
      return `(${go(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'if':
      return `(CASE WHEN ${go(e.cond)} THEN ${go(e.then)} ELSE ${go(e.else)} END)`;
    case 'call':
      return callSql(e.fn, e.args.map(go), d);
  }
  throw new FeaturebookError('internal', `cannot emit expression of kind ${(e as PlanExpr).kind}`, { kind: 'internal' });
}

function formatDouble(x: number): string {
  const s = String(x);
  return /e/i.test(s) ? s : s.includes('.') ? s : `${s}.0`;
}

/** A registered scalar function (the registry writes its SQL). */
function callSql(fn: string, a: string[], d: Dialect): string {
  const f = lookupFunction(fn);
  if (!f) throw new FeaturebookError('unknown_function', `unknown function '${fn}'`, { kind: 'internal', hint: 'plan the program with this version of Featurebook' });
  return functionSql(f, a, d);
}

// ---------------------------------------------------------------- sources

/** The SELECT reading one source: derived columns, filter, and typed time columns. */
export function sourceQuery(src: SourcePlan, d: Dialect, opts: EmitOptions, numbered = false): string {
  const path = opts.resolvePath ? opts.resolvePath(src.path) : src.path;
  let q = numbered
    ? d.readFileNumbered(path, FRN)
    : `SELECT * FROM ${d.readFile(path, src.format)}`;
  // One level per derived column, so later columns (and `where`) can use earlier ones.
  for (const c of src.columns) {
    q = `SELECT *, ${exprSql(c.expr, d, d.quoteIdent)} AS ${d.quoteIdent(c.name)}\nFROM (\n${indent(q)}\n)`;
  }
  const ts = d.toTimestamp(d.quoteIdent(src.timestamp));
  const avail = src.available ? `coalesce(${d.toTimestamp(d.quoteIdent(src.available))}, ${ts})` : ts;
  const where = src.where ? `\nWHERE ${exprSql(src.where, d, d.quoteIdent)}` : '';
  return `SELECT *, ${ts} AS ${TS}, ${avail} AS ${AVAIL}\nFROM (\n${indent(q)}\n)${where}`;
}

function sourceCte(ctx: Ctx, name: string): string {
  let cte = ctx.sourceCtes.get(name);
  if (!cte) {
    cte = `src_${ctx.sourceCtes.size}`;
    ctx.sourceCtes.set(name, cte);
  }
  return cte;
}

function findSource(plan: ProjectPlan, name: string): SourcePlan {
  const s = plan.sources.find((x) => x.name === name);
  if (!s) throw new FeaturebookError('unknown_source', `unknown source '${name}'`, { kind: 'not_found' });
  return s;
}

function findView(plan: ProjectPlan, name: string): ViewPlan {
  const v = plan.views.find((x) => x.name === name);
  if (!v) throw new FeaturebookError('unknown_view', `unknown feature block '${name}'`, { kind: 'not_found' });
  return v;
}

// ---------------------------------------------------------------- views

/** The value column an aggregate reads: its argument (or 1 for count()) where its filter holds. */
function aggregateInput(f: AggregateFeature, d: Dialect): string {
  const v = f.arg ? exprSql(f.arg, d, d.quoteIdent) : '1';
  return f.where ? `CASE WHEN ${exprSql(f.where, d, d.quoteIdent)} THEN ${v} END` : v;
}

/**
 * SQL measuring what each strategy would cost for the views of a training set:
 * one row per view with `pairs` (spine rows × events sharing a key, what the
 * join reads) and `stream` (spine rows + events, what each window pass reads).
 */
export function strategyStatsSql(plan: ProjectPlan, name: string, opts: EmitOptions = {}): string | undefined {
  const set = plan.trainingSets.find((t) => t.name === name);
  if (!set) throw new FeaturebookError('unknown_training_set', `unknown training set '${name}'`, { kind: 'not_found' });
  const ctx: Ctx = { d: opts.dialect ?? duckdb, plan, opts, sourceCtes: new Map() };
  const d = ctx.d;
  // With a limit, the sizes of the limited spine (about its rows: which ones does not change the choice much).
  const spine = opts.limit === undefined ? sourceCte(ctx, set.spine) : `(SELECT * FROM ${sourceCte(ctx, set.spine)} LIMIT ${limitOf(opts.limit)})`;
  const rows: string[] = [];
  for (const vn of new Set(set.features.map((f) => f.view))) {
    const v = findView(plan, vn);
    const src = findSource(plan, v.source);
    if (src.available) continue;
    const keys = v.keys.map(d.quoteIdent).join(', ');
    const ev = sourceCte(ctx, v.source);
    rows.push(
      `SELECT ${d.quoteString(v.name)} AS view, (SELECT sum(s.n * e.n) FROM (SELECT ${keys}, count(*) AS n FROM ${spine} GROUP BY ${keys}) s JOIN (SELECT ${keys}, count(*) AS n FROM ${ev} GROUP BY ${keys}) e USING (${keys})) AS pairs, (SELECT count(*) FROM ${spine}) + (SELECT count(*) FROM ${ev}) AS stream`,
    );
  }
  if (!rows.length) return undefined;
  return `${withClause(ctx, [])}\n${rows.join('\nUNION ALL\n')}`;
}

/**
 * Picks the strategy of each view from measured sizes: the join reads every
 * (spine row, event) pair of a key, the window strategy reads spine and events
 * once per aggregate. With few events per key the join wins (about 2× on the
 * benchmark); with heavy keys its pairs grow quadratically and windows win.
 */
export function pickStrategies(plan: ProjectPlan, stats: { view: string; pairs: number; stream: number }[]): Record<string, 'window' | 'join'> {
  const out: Record<string, 'window' | 'join'> = {};
  for (const s of stats) {
    const v = findView(plan, s.view);
    const aggs = Math.max(1, v.features.filter((f) => f.kind === 'aggregate').length);
    // Measured here: a joined pair costs about half of one row through one window aggregate.
    out[s.view] = s.pairs <= 2 * s.stream * aggs ? 'join' : 'window';
  }
  return out;
}

/** A limit as SQL text: a whole number ≥ 0, nothing else. */
function limitOf(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new FeaturebookError('invalid_limit', `limit must be a whole number ≥ 0, got ${n}`, { kind: 'input', field: 'limit' });
  return String(n);
}

function strategyOf(v: ViewPlan, src: SourcePlan, ctx: Ctx): 'window' | 'join' {
  // The window strategy orders by event time, which is exact only when rows are known at their event time.
  if (!ctx.d.supportsWindowExcludeTies || src.available) return 'join';
  return ctx.opts.strategies?.[v.name] ?? (ctx.opts.strategy === 'join' ? 'join' : 'window');
}

const aggName = (i: number) => `__fb_a${i}`;
const valName = (i: number) => `__fb_v${i}`;

/**
 * What one view reads, planned before any strategy is chosen: the source rows
 * (key and time not null), the key columns, and per aggregate feature its
 * value column (argument where its filter holds) and window.
 */
interface ViewInputs {
  /** CTE name the view's aggregates end up in (and the prefix of its helper CTEs). */
  name: string;
  /** The source CTE. */
  srcCte: string;
  /** Quoted key columns. */
  keys: string[];
  keyNotNull: string;
  /** Aggregate features in order (`i` names the output column `__fb_a<i>`), with their value SQL. */
  aggs: { f: AggregateFeature; i: number; input: string }[];
  /** The spine rows to evaluate at: `__fb_row`, keys, `__fb_t` (after refresh). */
  spinePart: string;
  /** `FROM <source> WHERE <key and time not null>`: the event rows. */
  events: string;
}

/** Plans one view's inputs for the rows of `spineCte` (`__fb_row`, key columns, `__fb_t`). */
function viewInputs(ctx: Ctx, v: ViewPlan, name: string, spineCte: string, asOf: (t: string) => string): ViewInputs {
  const d = ctx.d;
  const srcCte = sourceCte(ctx, v.source);
  const keys = v.keys.map(d.quoteIdent);
  const keyNotNull = keys.map((k) => `${k} IS NOT NULL`).join(' AND ');
  const aggs = v.features.filter((f): f is AggregateFeature => f.kind === 'aggregate').map((f, i) => ({ f, i, input: aggregateInput(f, d) }));
  const spinePart = `SELECT ${ROW}, ${keys.join(', ')}, ${asOf(T)} AS ${T}\nFROM ${spineCte}\nWHERE ${keyNotNull} AND ${T} IS NOT NULL`;
  return { name, srcCte, keys, keyNotNull, aggs, spinePart, events: `FROM ${srcCte}\nWHERE ${keyNotNull} AND ${TS} IS NOT NULL` };
}

/**
 * CTEs computing one view's aggregates for every row of `spineCte`
 * (`__fb_row`, key columns, `__fb_t` = the time to evaluate at), as CTE `name`
 * with columns `__fb_row` and `__fb_a<i>` per aggregate feature.
 */
function viewCtes(ctx: Ctx, v: ViewPlan, name: string, spineCte: string, asOf: (t: string) => string): string[] {
  const inputs = viewInputs(ctx, v, name, spineCte, asOf);
  return strategyOf(v, findSource(ctx.plan, v.source), ctx) === 'window' ? windowStrategy(ctx.d, inputs) : joinStrategy(ctx.d, inputs);
}

/** A CTE holding `__fb_row` and some `__fb_a<i>` columns. */
type Part = { cte: string; cols: string[] };

/** The window strategy: one stream and window pass for the plain aggregates, one running sum per count_distinct, joined on `__fb_row`. */
function windowStrategy(d: Dialect, inp: ViewInputs): string[] {
  const ctes: string[] = [];
  const parts: Part[] = [];
  const plain = inp.aggs.filter((x) => x.f.fn !== 'count_distinct');
  if (plain.length) parts.push(windowAggregates(d, inp, plain, ctes));
  for (const a of inp.aggs.filter((x) => x.f.fn === 'count_distinct')) parts.push(countDistinctRunning(d, inp, a, ctes));
  ctes.push(joinParts(inp, parts));
  return ctes;
}

/** The view's CTE from its parts (the spine rows alone when it has no aggregates). */
function joinParts(inp: ViewInputs, parts: Part[]): string {
  const name = inp.name;
  if (parts.length === 0) return `${name} AS (\n${indent(inp.spinePart)}\n)`;
  if (parts.length === 1) return `${name} AS (\n  SELECT * FROM ${parts[0]!.cte}\n)`;
  const cols = parts.flatMap((p) => p.cols.map((c) => `${p.cte}.${c}`));
  const joins = parts.slice(1).map((p) => `LEFT JOIN ${p.cte} USING (${ROW})`);
  return `${name} AS (\n${indent(`SELECT ${[`${parts[0]!.cte}.${ROW}`, ...cols].join(', ')}\nFROM ${parts[0]!.cte}\n${joins.join('\n')}`)}\n)`;
}

/** A first/last value dictionary: CTE `cte` maps each distinct value `__fb_x<j>` to its rank `__fb_code<j>`. */
type Dict = { cte: string; j: number };

/**
 * Spine and event rows in one stream, partitioned by key and ordered by time;
 * each plain aggregate is a window over `RANGE BETWEEN w PRECEDING AND CURRENT
 * ROW EXCLUDE TIES`, read off the spine rows. Pushes its CTEs to `ctes`.
 */
function windowAggregates(d: Dialect, inp: ViewInputs, plain: ViewInputs['aggs'], ctes: string[]): Part {
  const { name, keys } = inp;
  // Aggregates reading the same input share one value column in the stream.
  const valueCols = new Map<string, string>();
  const valueCol = (sql: string) => {
    let c = valueCols.get(sql);
    if (!c) valueCols.set(sql, (c = valName(valueCols.size)));
    return c;
  };
  // first/last order by (time, value) (rule 5; availability = time here). A struct comparison per
  // row is slow, so each distinct value gets its rank in a dictionary, time and rank are packed into
  // one 128-bit integer (epoch µs × n + rank), and plain min()/max() over that finds the first/last row.
  const dicts = new Map<string, Dict>();
  const dictOf = (sql: string) => {
    let dd = dicts.get(sql);
    if (!dd) {
      const j = dicts.size;
      dd = { cte: `${name}_d${j}`, j };
      dicts.set(sql, dd);
      ctes.push(
        `${dd.cte} AS (\n${indent(
          `SELECT __fb_x AS __fb_x${j}, ${d.cast('row_number() OVER (ORDER BY __fb_x) - 1', 'int128')} AS __fb_code${j}\nFROM (\n${indent(`SELECT DISTINCT ${sql} AS __fb_x\n${inp.events}`)}\n)\nWHERE __fb_x IS NOT NULL`,
        )}\n)`,
      );
    }
    return dd;
  };
  const dictSize = (dd: Dict) => `(SELECT count(*) FROM ${dd.cte})`;
  const packed = (dd: Dict) => `${d.cast(d.epochMicros(TS), 'int128')} * ${dictSize(dd)} + __fb_code${dd.j}`;
  const isFirstLast = (f: AggregateFeature) => f.fn === 'first' || f.fn === 'last';
  const colOf = new Map<number, string>();
  for (const { f, i, input } of plain) colOf.set(i, valueCol(isFirstLast(f) ? packed(dictOf(input)) : input));

  ctes.push(`${name}_in AS (\n${indent(windowStream(inp, valueCols, dicts))}\n)`);
  // One named window per distinct frame; all share PARTITION BY and ORDER BY, so DuckDB sorts once.
  const windows = new Map<string, { name: string; def: string }>();
  const windowOf = (ms: number | undefined) => {
    const key = String(ms ?? 'all');
    let w = windows.get(key);
    if (!w) {
      const wn = `w${windows.size}`;
      const lower = ms === undefined ? 'UNBOUNDED PRECEDING' : `${d.interval(ms)} PRECEDING`;
      w = { name: wn, def: `${wn} AS (PARTITION BY ${keys.join(', ')} ORDER BY ${T} RANGE BETWEEN ${lower} AND CURRENT ROW EXCLUDE TIES)` };
      windows.set(key, w);
    }
    return w.name;
  };
  const cols = plain.map(({ f, i }) => {
    const x = colOf.get(i)!;
    const agg = f.fn === 'first' ? `min(${x})` : f.fn === 'last' ? `max(${x})` : windowAggregate(f, x, '', d);
    return `${agg} OVER ${windowOf(f.windowMs)} AS ${aggName(i)}`;
  });
  const windowDefs = [...windows.values()].map((w) => w.def);
  ctes.push(`${name}_w AS (\n${indent(qualify(d, `SELECT ${[ROW, ...cols].join(',\n  ')}\nFROM ${name}_in\nWINDOW ${windowDefs.join(',\n  ')}`, `${ROW} IS NOT NULL`))}\n)`);
  const outCols = plain.map((x) => aggName(x.i));
  const packedAggs = plain.filter((x) => isFirstLast(x.f));
  if (!packedAggs.length) return { cte: `${name}_w`, cols: outCols };
  // Decode: the rank is the packed value modulo n (kept non-negative for times before 1970).
  const decoded = plain.map(({ f, i, input }) => (isFirstLast(f) ? `dl${i}.__fb_x${dicts.get(input)!.j} AS ${aggName(i)}` : `w.${aggName(i)}`));
  const joins = packedAggs.map(({ i, input }) => {
    const dd = dicts.get(input)!;
    const n = dictSize(dd);
    return `LEFT JOIN ${dd.cte} AS dl${i} ON dl${i}.__fb_code${dd.j} = ((w.${aggName(i)} % ${n}) + ${n}) % ${n}`;
  });
  ctes.push(`${name}_wd AS (\n${indent(`SELECT ${[`w.${ROW}`, ...decoded].join(',\n  ')}\nFROM ${name}_w AS w\n${joins.join('\n')}`)}\n)`);
  return { cte: `${name}_wd`, cols: outCols };
}

/** The stream of the window strategy: spine rows (values null), then event rows with their value columns (and dictionary codes). */
function windowStream(inp: ViewInputs, valueCols: Map<string, string>, dicts: Map<string, Dict>): string {
  const { keys, srcCte, keyNotNull } = inp;
  const dictList = [...dicts.entries()];
  const evSql = [...valueCols].map(([sql, c]) => `, ${sql} AS ${c}`);
  const evFrom = dictList.length
    ? `FROM ${srcCte}\n${dictList.map(([sql, dd]) => `LEFT JOIN ${dd.cte} ON ${dd.cte}.__fb_x${dd.j} = ${sql}`).join('\n')}\nWHERE ${keyNotNull} AND ${TS} IS NOT NULL`
    : inp.events;
  return [
    `SELECT ${ROW}, ${keys.join(', ')}, ${T}${[...valueCols.values()].map((c) => `, NULL AS ${c}`).join('')}\nFROM (\n${indent(inp.spinePart)}\n)`,
    `SELECT NULL AS ${ROW}, ${keys.join(', ')}, ${TS} AS ${T}${evSql.join('')}\n${evFrom}`,
  ].join('\nUNION ALL\n');
}

/**
 * count_distinct over a RANGE frame is slow; instead each occurrence of a value counts +1 from its
 * time until the value's next occurrence or the window's end (whichever is first), and a running
 * sum over those +1/-1 points gives the number of distinct values seen in the window.
 */
function countDistinctRunning(d: Dialect, inp: ViewInputs, { f, i, input }: ViewInputs['aggs'][number], ctes: string[]): Part {
  const keys = inp.keys.join(', ');
  const cd = `${inp.name}_cd${i}`;
  const next = `lead(${TS}) OVER (PARTITION BY ${keys}, __fb_x ORDER BY ${TS})`;
  // The retraction point: the next occurrence, or the end of the window if that comes first (least ignores nulls).
  const end = f.windowMs === undefined ? '__fb_next' : `least(__fb_next, ${TS} + ${d.interval(f.windowMs)})`;
  const points = [
    `SELECT ${ROW}, ${keys}, ${T}, ${d.typedNull('integer')} AS __fb_w\nFROM (\n${indent(inp.spinePart)}\n)`,
    `SELECT NULL, ${keys}, ${TS}, 1\nFROM ${cd}_ev`,
    `SELECT NULL, ${keys}, ${end}, -1\nFROM ${cd}_ev\nWHERE ${end} IS NOT NULL`,
  ].join('\nUNION ALL\n');
  const running = `sum(__fb_w) OVER (PARTITION BY ${keys} ORDER BY ${T} RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE TIES)`;
  ctes.push(
    `${cd}_ev AS (\n${indent(
      `SELECT ${keys}, ${TS}, ${next} AS __fb_next\nFROM (\n${indent(`SELECT ${keys}, ${TS}, ${input} AS __fb_x\n${inp.events}`)}\n)\nWHERE __fb_x IS NOT NULL`,
    )}\n)`,
    `${cd} AS (\n${indent(qualify(d, `SELECT ${ROW}, ${d.cast(running, 'bigint')} AS ${aggName(i)}\nFROM (\n${indent(points)}\n)`, `${ROW} IS NOT NULL`))}\n)`,
  );
  return { cte: cd, cols: [aggName(i)] };
}

/**
 * The join strategy: each spine row joins the events of its key available
 * strictly before it (and, when every aggregate has a window, within the
 * widest one), and aggregates with per-feature FILTERs for windows.
 */
function joinStrategy(d: Dialect, inp: ViewInputs): string[] {
  const { name, keys, aggs } = inp;
  const events = `SELECT ${keys.join(', ')}, ${TS}, ${AVAIL}${aggs.map(({ input, i }) => `, ${input} AS ${valName(i)}`).join('')}\n${inp.events}`;
  const on = [...keys.map((k) => `ev.${k} = sp.${k}`), `ev.${AVAIL} < sp.${T}`];
  if (aggs.length > 0 && aggs.every(({ f }) => f.windowMs !== undefined)) {
    const maxW = Math.max(...aggs.map(({ f }) => f.windowMs!));
    on.push(`ev.${TS} < sp.${T}`, `ev.${TS} >= sp.${T} - ${d.interval(maxW)}`);
  }
  const cols = aggs.map(({ f, i }) => {
    const x = `ev.${valName(i)}`;
    const inWindow = f.windowMs === undefined ? undefined : `ev.${TS} >= sp.${T} - ${d.interval(f.windowMs)} AND ev.${TS} < sp.${T}`;
    return `${windowAggregate(f, x, d.struct([['t', `ev.${TS}`], ['a', `ev.${AVAIL}`], ['v', x]]), d, inWindow)} AS ${aggName(i)}`;
  });
  return [
    `${name}_sp AS (\n${indent(inp.spinePart)}\n)`,
    `${name}_ev AS (\n${indent(events)}\n)`,
    `${name} AS (\n${indent(`SELECT ${[`sp.${ROW}`, ...cols].join(',\n  ')}\nFROM ${name}_sp AS sp\nLEFT JOIN ${name}_ev AS ev\n  ON ${on.join('\n  AND ')}\nGROUP BY sp.${ROW}`)}\n)`,
  ];
}

/** One aggregate call (without OVER), reading value column `x`; `order` ranks rows for first/last (semantics rule 5). */
function windowAggregate(f: AggregateFeature, x: string, order: string, d: Dialect, filter?: string): string {
  const where = (extra?: string) => {
    const conds = [extra, filter].filter(Boolean);
    return conds.length ? ` FILTER (WHERE ${conds.join(' AND ')})` : '';
  };
  const def = lookupAggregate(f.fn);
  if (!def) throw new FeaturebookError('unknown_aggregate', `unknown aggregate '${f.fn}'`, { kind: 'internal', hint: 'plan the program with this version of Featurebook' });
  return `${aggregateSql(def, x, d, order)}${where(def.skipsNulls ? `${x} IS NOT NULL` : undefined)}`;
}

/** SQL for every feature of a view, given the CTE alias holding its aggregates. */
function featureColumns(v: ViewPlan, alias: string, d: Dialect): Map<string, string> {
  const out = new Map<string, string>();
  const byName = new Map(v.features.map((f) => [f.name, f] as const));
  let i = 0;
  const aggIndex = new Map<string, number>();
  for (const f of v.features) if (f.kind === 'aggregate') aggIndex.set(f.name, i++);
  const sqlOf = (f: FeaturePlan, depth: number): string => {
    const done = out.get(f.name);
    if (done) return done;
    if (depth > 64) throw new FeaturebookError('too_deep', `derived features of '${v.name}' nest too deeply`, { kind: 'input', hint: 'derived features may build on each other at most 64 levels deep' });
    let s: string;
    if (f.kind === 'aggregate') {
      const a = `${alias}.${aggName(aggIndex.get(f.name)!)}`;
      // Rule 4: count and count_distinct of nothing are 0 (also for spine rows with no key or time).
      const empty = aggregateEmptyValue(f.fn);
      s = empty === null ? a : `coalesce(${a}, ${empty})`;
    } else {
      s = exprSql(f.expr, d, (n) => {
        const dep = byName.get(n);
        if (!dep) throw new FeaturebookError('unknown_feature', `unknown feature '${n}' in '${v.name}.${f.name}'`, { kind: 'input' });
        return sqlOf(dep, depth + 1);
      });
    }
    out.set(f.name, s);
    return s;
  };
  for (const f of v.features) sqlOf(f, 0);
  return out;
}

function withClause(ctx: Ctx, rest: string[]): string {
  const srcs = [...ctx.sourceCtes].map(([name, cte]) => `${cte} AS (\n${indent(sourceQuery(findSource(ctx.plan, name), ctx.d, ctx.opts, ctx.numbered?.has(name)))}\n)`);
  return `WITH\n${[...srcs, ...rest].join(',\n')}`;
}

// ---------------------------------------------------------------- training sets

/** SQL building training set `name` (the semantics in docs/language.md): one row per spine row, in spine order. */
export function trainingSetSql(plan: ProjectPlan, name: string, opts: EmitOptions = {}): string {
  const set = plan.trainingSets.find((t) => t.name === name);
  if (!set) throw new FeaturebookError('unknown_training_set', `unknown training set '${name}'`, { kind: 'not_found' });
  const ctx: Ctx = { d: opts.dialect ?? duckdb, plan, opts, sourceCtes: new Map() };
  return trainingSetSqlIn(ctx, set);
}

function trainingSetSqlIn(ctx: Ctx, set: TrainingSetPlan): string {
  const d = ctx.d;
  // Spine order: a single Parquet file numbers its rows in a parallel scan; anything else
  // (CSV, JSON, globs) is numbered as read, by row_number() over the scan.
  const spineSource = findSource(ctx.plan, set.spine);
  const numbered = Boolean(d.supportsFileRowNumber && spineSource.rowNumberable) && spineSource.format === 'parquet' && !/[*?[{]/.test(spineSource.path);
  if (numbered) (ctx.numbered ??= new Set()).add(set.spine);
  const spineSrc = sourceCte(ctx, set.spine);
  const spineRows = numbered
    ? `SELECT ${FRN} AS ${ROW}, ${d.starExcept([FRN])}, ${TS} AS ${T}\nFROM ${spineSrc}`
    : `SELECT row_number() OVER () AS ${ROW}, *, ${TS} AS ${T}\nFROM ${spineSrc}`;
  // A limit keeps the spine rows with the smallest numbers — the ones the full answer starts with,
  // since it is ordered by them — before any feature is computed.
  const limit = ctx.opts.limit;
  const ctes: string[] = [
    `spine AS (\n${indent(limit === undefined ? spineRows : `SELECT *\nFROM (\n${indent(spineRows)}\n)\nORDER BY ${ROW}\nLIMIT ${limitOf(limit)}`)}\n)`,
  ];
  const usedViews = [...new Set(set.features.map((f) => f.view))];
  const joins: string[] = [];
  const featureSql = new Map<string, Map<string, string>>();
  usedViews.forEach((vn, i) => {
    const v = findView(ctx.plan, vn);
    const alias = `view_${i}`;
    const r = v.refresh;
    const asOf = r ? (t: string) => d.refreshAsOf(t, r.everyMs, r.delayMs) : (t: string) => t;
    ctes.push(...viewCtes(ctx, v, alias, 'spine', asOf));
    joins.push(`LEFT JOIN ${alias} ON ${alias}.${ROW} = spine.${ROW}`);
    featureSql.set(vn, featureColumns(v, alias, d));
  });
  const cols = [
    ...set.keys.map((k) => `spine.${d.quoteIdent(k)}`),
    `spine.${d.quoteIdent(set.time)}`,
    ...set.labels.map((l) => `spine.${d.quoteIdent(l)}`),
    ...set.features.map((f) => `${featureSql.get(f.view)!.get(f.feature)} AS ${d.quoteIdent(`${f.view}__${f.feature}`)}`),
  ];
  if (set.split) {
    cols.push(
      `CASE WHEN spine.${T} IS NULL THEN NULL WHEN spine.${T} < ${d.timestamp(set.split.trainEndMs)} THEN 'train' WHEN spine.${T} < ${d.timestamp(set.split.validationEndMs)} THEN 'validation' ELSE 'test' END AS ${d.quoteIdent('split')}`,
    );
  }
  const body = `SELECT\n  ${cols.join(',\n  ')}\nFROM spine\n${joins.join('\n')}${joins.length ? '\n' : ''}ORDER BY spine.${ROW}`;
  return `${withClause(ctx, ctes)}\n${body}`;
}

// ---------------------------------------------------------------- materialization

export interface MaterializeOptions extends EmitOptions {
  /** Time to materialize at: epoch ms, an ISO string, or a Date. Default: the engine's current time. */
  asOf?: number | string | Date;
}

/**
 * SQL for the values of view `name` as of a time (semantics rule 9): one row
 * per key with at least one visible row, with the key columns, each feature
 * under its plain name, and `__as_of`. Refresh does not apply.
 */
export function materializeSql(plan: ProjectPlan, name: string, opts: MaterializeOptions = {}): string {
  const v = findView(plan, name);
  // One spine row per key: the join reads each event once, so it is always the cheaper strategy here.
  const ctx: Ctx = { d: opts.dialect ?? duckdb, plan, opts: { strategy: 'join', ...opts }, sourceCtes: new Map() };
  const d = ctx.d;
  const asOf = opts.asOf === undefined ? d.currentTimestamp() : d.timestamp(toMs(opts.asOf));
  const src = sourceCte(ctx, v.source);
  const keys = v.keys.map(d.quoteIdent);
  const spine = `spine AS (\n${indent(
    `SELECT row_number() OVER () AS ${ROW}, ${keys.join(', ')}, ${asOf} AS ${T}\nFROM (\n  SELECT DISTINCT ${keys.join(', ')}\n  FROM ${src}\n  WHERE ${keys.map((k) => `${k} IS NOT NULL`).join(' AND ')} AND ${TS} IS NOT NULL AND ${AVAIL} < ${asOf}\n)`,
  )}\n)`;
  const ctes = [spine, ...viewCtes(ctx, v, 'view_0', 'spine', (t) => t)];
  const feats = featureColumns(v, 'view_0', d);
  const cols = [...keys.map((k) => `spine.${k}`), ...v.features.map((f) => `${feats.get(f.name)} AS ${d.quoteIdent(f.name)}`), `spine.${T} AS __as_of`];
  return `${withClause(ctx, ctes)}\nSELECT\n  ${cols.join(',\n  ')}\nFROM spine\nLEFT JOIN view_0 ON view_0.${ROW} = spine.${ROW}\nORDER BY spine.${ROW}`;
}

export function toMs(t: number | string | Date): number {
  const ms = typeof t === 'number' ? t : t instanceof Date ? t.getTime() : parseUtc(t);
  if (!Number.isFinite(ms)) throw new FeaturebookError('invalid_time', `invalid time '${String(t)}': use e.g. 2024-06-01 or 2024-06-01T12:00:00Z`, { kind: 'input' });
  return ms;
}

/** Parses an ISO date or date-time as UTC (a missing zone means UTC). */
export function parseUtc(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s.trim());
  if (!m) return NaN;
  const [, y, mo, da, h = '0', mi = '0', se = '0', frac = '', zone] = m;
  let ms = Date.UTC(+y!, +mo! - 1, +da!, +h, +mi, +se, frac ? Math.round(parseFloat(frac) * 1000) : 0);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== +y! || back.getUTCMonth() !== +mo! - 1 || back.getUTCDate() !== +da! || +h > 23 || +mi > 59 || +se > 59) return NaN;
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const hh = +zone.slice(1, 3);
    const mm = +zone.slice(-2);
    ms -= sign * (hh * 60 + mm) * 60000;
  }
  return ms;
}

// ---------------------------------------------------------------- objects

/** SQL for a source (its rows after derived columns and filter). */
export function sourceSql(plan: ProjectPlan, name: string, opts: EmitOptions = {}): string {
  return sourceQuery(findSource(plan, name), opts.dialect ?? duckdb, opts);
}

/** Compiled SQL for every object (or one), keyed by name: sources, views (as of now), training sets. */
export function compileObjects(plan: ProjectPlan, opts: MaterializeOptions & { object?: string } = {}): Record<string, string> {
  // Entries, then fromEntries: an object named `__proto__` becomes an own field, not the prototype.
  const out: [string, string][] = [];
  const want = (n: string) => opts.object === undefined || opts.object === n;
  for (const s of plan.sources) if (want(s.name)) out.push([s.name, sourceSql(plan, s.name, opts)]);
  for (const v of plan.views) if (want(v.name)) out.push([v.name, materializeSql(plan, v.name, opts)]);
  for (const t of plan.trainingSets) if (want(t.name)) out.push([t.name, trainingSetSql(plan, t.name, opts)]);
  return Object.fromEntries(out);
}
