/**
 * An independent reference implementation of the semantics (docs/language.md), written as plain
 * loops over rows. It reads only the AST (never the plan or the SQL), so the
 * compiler can be checked against it on random programs and data.
 *
 * Deliberately naive: for every spine row and every feature it scans every
 * source row. Correctness, not speed.
 */
import type { Expr, FeaturesDecl, Program, SourceDecl, TrainingSetDecl } from '../../src/lang/ast.js';

export type Cell = null | number | string | boolean | Date;
export type Row = Record<string, Cell>;

const isNull = (v: Cell | undefined): v is null | undefined => v === null || v === undefined;

function ms(v: Cell | undefined): number | null {
  if (isNull(v)) return null;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number') return v;
  const t = Date.parse(String(v).replace(' ', 'T') + (/[zZ]|[+-]\d\d:?\d\d$/.test(String(v)) ? '' : 'Z'));
  return Number.isFinite(t) ? t : null;
}

/** SQL-style comparison; null when either side is null. */
function compare(a: Cell, b: Cell): number | null {
  if (isNull(a) || isNull(b)) return null;
  if (a instanceof Date || b instanceof Date) return ms(a)! - ms(b)!;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const num = (v: Cell): number | null => (isNull(v) ? null : typeof v === 'boolean' ? Number(v) : v instanceof Date ? v.getTime() : Number(v));

/** Evaluates an expression over a row with SQL null semantics. `name` resolves bare names. */
export function evaluate(e: Expr, name: (n: string) => Cell): Cell {
  const ev = (x: Expr) => evaluate(x, name);
  switch (e.type) {
    case 'literal': {
      const v = e.value;
      if (v.kind === 'null') return null;
      if (v.kind === 'timestamp') return new Date(v.ms);
      if (v.kind === 'duration') return v.ms;
      return v.value;
    }
    case 'column':
      return name(e.name);
    case 'featureRef':
      return name(e.feature.name);
    case 'unary': {
      const v = ev(e.operand);
      if (isNull(v)) return null;
      return e.op === '-' ? -num(v)! : !v;
    }
    case 'binary': {
      if (e.op === 'and' || e.op === 'or') {
        const a = ev(e.left);
        const b = ev(e.right);
        if (e.op === 'and') {
          if (a === false || b === false) return false;
          return isNull(a) || isNull(b) ? null : true;
        }
        if (a === true || b === true) return true;
        return isNull(a) || isNull(b) ? null : false;
      }
      const a = ev(e.left);
      const b = ev(e.right);
      if (isNull(a) || isNull(b)) return null;
      switch (e.op) {
        case '+':
          return num(a)! + num(b)!;
        case '-':
          return num(a)! - num(b)!;
        case '*':
          return num(a)! * num(b)!;
        case '/':
          return num(b) === 0 ? null : num(a)! / num(b)!;
        case '%': {
          if (num(b) === 0) return null;
          return num(a)! % num(b)!; // truncated, like SQL
        }
        case '=':
          return compare(a, b) === 0;
        case '!=':
          return compare(a, b) !== 0;
        case '<':
          return compare(a, b)! < 0;
        case '<=':
          return compare(a, b)! <= 0;
        case '>':
          return compare(a, b)! > 0;
        case '>=':
          return compare(a, b)! >= 0;
      }
      return null;
    }
    case 'in': {
      const v = ev(e.operand);
      if (isNull(v)) return null;
      let sawNull = false;
      for (const x of e.list) {
        const w = ev(x);
        if (isNull(w)) sawNull = true;
        else if (compare(v, w) === 0) return !e.negated;
      }
      return sawNull ? null : e.negated;
    }
    case 'isNull': {
      const v = ev(e.operand);
      return e.negated ? !isNull(v) : isNull(v);
    }
    case 'if':
      return ev(e.cond) === true ? ev(e.then) : ev(e.else);
    case 'call': {
      const args = e.args.map(ev);
      const a = args[0] ?? null;
      const b = args[1] ?? null;
      const fn = e.callee.name.toLowerCase();
      switch (fn) {
        case 'coalesce':
          return args.find((x) => !isNull(x)) ?? null;
        case 'least':
        case 'greatest': {
          // Nulls are ignored; null only when every argument is null.
          const xs = args.filter((x) => !isNull(x));
          if (!xs.length) return null;
          return xs.reduce((m, x) => (fn === 'least' ? compare(x, m)! < 0 : compare(x, m)! > 0) ? x : m);
        }
        case 'round': {
          if (isNull(a) || (args.length > 1 && isNull(b))) return null;
          // Half away from zero, as C's round(); negative digits round to tens, hundreds, …
          const away = (x: number) => Math.sign(x) * Math.round(Math.abs(x));
          const digits = args.length > 1 ? Math.trunc(num(b)!) : 0;
          if (digits < 0) {
            const m = 10 ** -digits;
            return away(num(a)! / m) * m;
          }
          const m = 10 ** digits;
          const r = away(num(a)! * m) / m;
          return Number.isFinite(r) ? r : num(a);
        }
        case 'exp':
          return isNull(a) ? null : Math.exp(num(a)!);
        case 'log10':
          return isNull(a) || num(a)! <= 0 ? null : Math.log10(num(a)!);
        case 'pow':
          return isNull(a) || isNull(b) ? null : Math.pow(num(a)!, num(b)!);
        case 'contains':
          return isNull(a) || isNull(b) ? null : String(a).includes(String(b));
        case 'month':
          return isNull(a) ? null : new Date(ms(a)!).getUTCMonth() + 1;
        case 'year':
          return isNull(a) ? null : new Date(ms(a)!).getUTCFullYear();
        case 'abs':
          return isNull(a) ? null : Math.abs(num(a)!);
        case 'lower':
          return isNull(a) ? null : String(a).toLowerCase();
        case 'upper':
          return isNull(a) ? null : String(a).toUpperCase();
        case 'length':
          return isNull(a) ? null : [...String(a)].length;
        case 'ln':
          return isNull(a) || num(a)! <= 0 ? null : Math.log(num(a)!);
        case 'sqrt':
          return isNull(a) || num(a)! < 0 ? null : Math.sqrt(num(a)!);
        case 'floor':
          return isNull(a) ? null : Math.floor(num(a)!);
        case 'ceil':
          return isNull(a) ? null : Math.ceil(num(a)!);
        case 'hour':
          return isNull(a) ? null : new Date(ms(a)!).getUTCHours();
        case 'day_of_week':
          return isNull(a) ? null : new Date(ms(a)!).getUTCDay();
        case 'epoch_seconds':
          return isNull(a) ? null : ms(a)! / 1000;
      }
      throw new Error(`reference: function '${e.callee.name}' is not implemented`);
    }
  }
}

interface Event {
  row: Row;
  ts: number;
  avail: number;
}

function prepareSource(s: SourceDecl, rows: Row[]): { rows: Row[]; events: Event[] } {
  const out: Row[] = [];
  for (const raw of rows) {
    const row: Row = { ...raw };
    for (const c of s.columns) row[c.name.name] = evaluate(c.expr, (n) => row[n] ?? null);
    if (s.where && evaluate(s.where, (n) => row[n] ?? null) !== true) continue;
    out.push(row);
  }
  const events: Event[] = [];
  for (const row of out) {
    const ts = ms(row[s.timestamp!.name] ?? null);
    if (ts === null) continue;
    const av = s.available ? ms(row[s.available.name] ?? null) : null;
    events.push({ row, ts, avail: av ?? ts });
  }
  return { rows: out, events };
}

function aggregate(fn: string, values: Cell[], rows: Event[], countRows: boolean): Cell {
  if (fn === 'count') return countRows ? rows.length : values.filter((v) => !isNull(v)).length;
  const nn = values.map((v, i) => ({ v, e: rows[i]! })).filter((x) => !isNull(x.v));
  if (fn === 'count_distinct') return new Set(nn.map((x) => (x.v instanceof Date ? x.v.getTime() : typeof x.v) + ':' + String(x.v instanceof Date ? x.v.getTime() : x.v))).size;
  if (!nn.length) return null;
  const nums = nn.map((x) => num(x.v)!);
  switch (fn) {
    case 'sum':
      return nums.reduce((a, b) => a + b, 0);
    case 'avg':
      return nums.reduce((a, b) => a + b, 0) / nums.length;
    case 'min':
      return nn.reduce((m, x) => (compare(x.v, m.v)! < 0 ? x : m)).v;
    case 'max':
      return nn.reduce((m, x) => (compare(x.v, m.v)! > 0 ? x : m)).v;
    case 'variance':
    case 'stddev': {
      if (nums.length < 2) return null;
      const mean = nums.reduce((a, b) => a + b, 0) / nums.length;
      const v = nums.reduce((a, b) => a + (b - mean) ** 2, 0) / (nums.length - 1);
      return fn === 'variance' ? v : Math.sqrt(v);
    }
    case 'first':
    case 'last': {
      // Order by (timestamp, availability, value) and take the first / last.
      const sorted = [...nn].sort((p, q) => p.e.ts - q.e.ts || p.e.avail - q.e.avail || compare(p.v, q.v)!);
      return (fn === 'first' ? sorted[0] : sorted[sorted.length - 1])!.v;
    }
  }
  throw new Error(`reference: aggregate '${fn}' is not implemented`);
}

const AGGS = new Set(['count', 'sum', 'avg', 'min', 'max', 'stddev', 'variance', 'count_distinct', 'first', 'last']);

/** Feature values of one view for key values `key` at time `t` (rules 1–7). */
export function viewValues(v: FeaturesDecl, keys: string[], events: Event[], key: Cell[], t: number, applyRefresh = true): Map<string, Cell> {
  let at = t;
  if (applyRefresh && v.refresh) {
    const p = v.refresh.every.ms;
    const d = v.refresh.delay?.ms ?? 0;
    at = Math.floor((t - d) / p) * p;
  }
  const mine = key.some(isNull) ? [] : events.filter((e) => keys.every((k, i) => compare(e.row[k] ?? null, key[i]!) === 0));
  const visible = mine.filter((e) => e.avail < at);
  const values = new Map<string, Cell>();
  const derived: FeaturesDecl['features'] = [];
  for (const f of v.features) {
    const e = f.expr;
    if (!(e.type === 'call' && AGGS.has(e.callee.name))) {
      derived.push(f);
      continue;
    }
    const w = f.over?.ms ?? v.ttl?.ms;
    let rows = w === undefined ? visible : visible.filter((x) => x.ts >= at - w && x.ts < at);
    if (f.where) rows = rows.filter((x) => evaluate(f.where!, (n) => x.row[n] ?? null) === true);
    const arg = e.args[0];
    const vals = rows.map((x) => (arg ? evaluate(arg, (n) => x.row[n] ?? null) : 1));
    values.set(f.name.name, aggregate(e.callee.name, vals, rows, !arg));
  }
  // Derived features, in dependency order (repeat until all resolve; the checker rules out cycles).
  let pending = derived;
  for (let guard = 0; pending.length && guard < 100; guard++) {
    const next: typeof pending = [];
    for (const f of pending) {
      try {
        values.set(
          f.name.name,
          evaluate(f.expr, (n) => {
            if (!values.has(n)) throw new Error('pending');
            return values.get(n)!;
          }),
        );
      } catch {
        next.push(f);
      }
    }
    pending = next;
  }
  return values;
}

/** Builds training set `setName` of `program` over `data` (rows per source name). */
export function referenceTrainingSet(program: Program, setName: string, data: Record<string, Row[]>): { columns: string[]; rows: Row[] } {
  const decl = <K extends string>(kind: K, name: string) => program.decls.find((d) => d.kind === kind && d.name.name === name);
  const set = decl('trainingSet', setName) as TrainingSetDecl;
  const spineDecl = decl('source', set.spine!.name) as SourceDecl;
  const spine = prepareSource(spineDecl, data[spineDecl.name.name] ?? []);
  const selected: { view: FeaturesDecl; feature: string }[] = [];
  for (const s of set.features) {
    const v = decl('features', s.view.name) as FeaturesDecl;
    for (const f of s.feature ? [s.feature.name] : v.features.map((x) => x.name.name)) {
      if (!selected.some((x) => x.view === v && x.feature === f)) selected.push({ view: v, feature: f });
    }
  }
  const keysOf = (v: FeaturesDecl) => (decl('entity', v.entity.name) as { keys: { name: string }[] }).keys.map((k) => k.name);
  const keyCols: string[] = [];
  for (const s of selected) for (const k of keysOf(s.view)) if (!keyCols.includes(k)) keyCols.push(k);
  const eventsOf = new Map<FeaturesDecl, Event[]>();
  for (const s of selected) {
    if (eventsOf.has(s.view)) continue;
    const src = decl('source', s.view.source.name) as SourceDecl;
    eventsOf.set(s.view, prepareSource(src, data[src.name.name] ?? []).events);
  }
  const time = spineDecl.timestamp!.name;
  const columns = [...keyCols, time, ...set.labels.map((l) => l.name), ...selected.map((s) => `${s.view.name.name}__${s.feature}`)];
  if (set.split) columns.push('split');

  const rows: Row[] = [];
  for (const sr of spine.rows) {
    const out: Row = {};
    for (const k of keyCols) out[k] = sr[k] ?? null;
    out[time] = sr[time] ?? null;
    for (const l of set.labels) out[l.name] = sr[l.name] ?? null;
    const t = ms(sr[time] ?? null);
    const cache = new Map<FeaturesDecl, Map<string, Cell>>();
    for (const s of selected) {
      let vals = cache.get(s.view);
      if (!vals) {
        const ks = keysOf(s.view);
        vals = t === null ? viewValues(s.view, ks, [], ks.map(() => null), 0) : viewValues(s.view, ks, eventsOf.get(s.view)!, ks.map((k) => sr[k] ?? null), t);
        cache.set(s.view, vals);
      }
      out[`${s.view.name.name}__${s.feature}`] = vals.get(s.feature) ?? null;
    }
    if (set.split) out.split = t === null ? null : t < set.split.train.ms ? 'train' : t < set.split.test.ms ? 'validation' : 'test';
    rows.push(out);
  }
  return { columns, rows };
}
