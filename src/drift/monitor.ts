/**
 * A monitor of a project plan, made runnable: its reference (the train split
 * of its reference training set, built on the engine), its current data
 * (a file, another time range of the training set, or a relation the caller
 * provides) and its features as columns. Used by the CLI, the server and the
 * notebook page.
 * @module
 */
import { duckdb, type Dialect } from '../compile/dialect.js';
import { trainingSetSql, type EmitOptions } from '../compile/emit-sql.js';
import { planStrategies } from '../build.js';
import type { MonitorPlan, ProjectPlan } from '../compile/plan.js';
import type { Engine } from '../engine/engine.js';
import { formatFromPath } from '../lang/check.js';
import { didYouMean } from '../lang/diagnostics.js';
import { computeDrift, DriftError, type DriftFeature, type DriftOptions, type DriftReport, type FeatureKind } from './compute.js';

/** The table a monitor's reference training set is built into. */
export const SET_TABLE = '__fb_drift_set';
/** The relation of the current data read from a file. */
export const CURRENT_TABLE = '__fb_drift_current';

export type CurrentData =
  /** A file with the training set's output columns: `view__feature` columns and the spine's time column. */
  | { kind: 'file'; path: string }
  /** Rows of the reference training set in [from, to) (UTC ms); default: its validation and test rows. */
  | { kind: 'range'; fromMs?: number; toMs?: number }
  /** A relation the caller has already made readable (e.g. prediction logs), with the given time column. */
  | { kind: 'relation'; relation: string; time: string };

export interface MonitorRun {
  monitor: MonitorPlan;
  features: DriftFeature[];
  notAvailable: { feature: string; reason: string }[];
  /** Reference relation (SQL). */
  reference: string;
  /** The spine's time column. */
  time: string;
  describeReference: string;
  /** The table the reference training set was built into. */
  table: string;
}

/** The monitor named `name`, or a DriftError naming the known ones. */
export function findMonitor(plan: ProjectPlan, name: string): MonitorPlan {
  const m = plan.monitors.find((x) => x.name === name);
  if (m) return m;
  const names = plan.monitors.map((x) => x.name);
  const s = didYouMean(name, names);
  throw new DriftError(`no monitor named '${name}'${s ? ` (did you mean '${s}'?)` : ''}`, names.length ? `monitors: ${names.join(', ')}` : 'declare one: monitor NAME { reference TRAINING_SET  features view.*  every 1d }');
}

/** The column of a monitored feature in a training set's output (semantics rule 8). */
export const featureColumn = (f: { view: string; feature: string }) => `${f.view}__${f.feature}`;

/** Numeric or categorical from a feature's FDL type; undefined for types drift does not handle. */
export function featureKind(plan: ProjectPlan, f: { view: string; feature: string }): FeatureKind | undefined {
  const t = plan.views.find((v) => v.name === f.view)?.features.find((x) => x.name === f.feature)?.type;
  if (t === 'integer' || t === 'number') return 'numeric';
  if (t === 'string' || t === 'bool') return 'categorical';
  return undefined;
}

/** The monitor's features as columns, and the ones drift cannot handle. */
export function monitorFeatures(plan: ProjectPlan, m: MonitorPlan): { features: DriftFeature[]; notAvailable: { feature: string; reason: string }[] } {
  const features: DriftFeature[] = [];
  const notAvailable: { feature: string; reason: string }[] = [];
  for (const f of m.features) {
    const kind = featureKind(plan, f);
    const name = `${f.view}.${f.feature}`;
    if (kind) features.push({ feature: name, column: featureColumn(f), kind });
    else notAvailable.push({ feature: name, reason: 'its type is neither numeric, text nor boolean' });
  }
  return { features, notAvailable };
}

/**
 * Builds the monitor's reference training set into a temporary table and
 * names the reference rows (its train split) and the features.
 */
export async function prepareMonitor(engine: Engine, plan: ProjectPlan, name: string, emit: EmitOptions = {}, table = SET_TABLE): Promise<MonitorRun> {
  const d = emit.dialect ?? duckdb;
  const monitor = findMonitor(plan, name);
  const set = plan.trainingSets.find((t) => t.name === monitor.reference);
  if (!set) throw new DriftError(`monitor '${name}' refers to training set '${monitor.reference}', which does not exist`);
  await engine.exec(`CREATE OR REPLACE TEMP TABLE ${d.quoteIdent(table)} AS ${trainingSetSql(plan, set.name, await planStrategies(engine, plan, set.name, emit))}`);
  const { features, notAvailable } = monitorFeatures(plan, monitor);
  const reference = set.split ? `(SELECT * FROM ${d.quoteIdent(table)} WHERE split = 'train')` : d.quoteIdent(table);
  return { monitor, features, notAvailable, reference, table, time: set.time, describeReference: `training set ${set.name}${set.split ? ', train split' : ''}` };
}

/**
 * Reads a --current file into a temporary table and checks its columns, before
 * anything is built: a wrong file fails fast, naming what it lacks.
 */
export async function readCurrentFile(engine: Engine, plan: ProjectPlan, monitor: MonitorPlan, path: string, d: Dialect = duckdb): Promise<{ relation: string; time: string; describe: string }> {
  const set = plan.trainingSets.find((t) => t.name === monitor.reference);
  if (!set) throw new DriftError(`monitor '${monitor.name}' refers to training set '${monitor.reference}', which does not exist`);
  const { features } = monitorFeatures(plan, monitor);
  const format = formatFromPath(path); // as sources: .csv/.tsv, .parquet, .json/.jsonl/.ndjson, each also .gz or .zst
  if (!format) throw new DriftError(`cannot tell the format of --current '${path}'`, 'use a .parquet, .csv or .json file (compressed .csv.gz or .json.gz too)');
  try {
    await engine.exec(`CREATE OR REPLACE TEMP TABLE ${d.quoteIdent(CURRENT_TABLE)} AS SELECT * FROM ${d.readFile(path, format)}`);
  } catch (err) {
    const m = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(/^[A-Za-z ]*Error: /, '');
    throw new DriftError(`cannot read --current '${path}': ${m}`, `a ${format} file with the columns of training set ${set.name}: ${set.time} and ${features.map((f) => f.column).join(', ')}`);
  }
  const have = new Set((await engine.describe(`SELECT * FROM ${d.quoteIdent(CURRENT_TABLE)}`)).map((c) => c.name));
  const missing = [set.time, ...features.map((f) => f.column)].filter((c) => !have.has(c));
  if (missing.length) {
    const list = (xs: string[]) => (xs.length > 6 ? `${xs.slice(0, 6).join(', ')} and ${xs.length - 6} more` : xs.join(', '));
    throw new DriftError(
      `--current '${path}' has no column${missing.length > 1 ? 's' : ''} ${list(missing.map((m) => `'${m}'`))}`,
      `expected the time column '${set.time}' and one column per feature named view__feature (${list(features.map((f) => f.column))}), as \`featurebook build\` writes them; found: ${list([...have])}`,
    );
  }
  return { relation: d.quoteIdent(CURRENT_TABLE), time: set.time, describe: path };
}

/** The current relation and its description for `current`. */
export async function currentRelation(engine: Engine, run: MonitorRun, plan: ProjectPlan, current: CurrentData, d: Dialect = duckdb): Promise<{ relation: string; time: string; describe: string }> {
  if (current.kind === 'relation') return { relation: current.relation, time: current.time, describe: current.relation };
  if (current.kind === 'file') return readCurrentFile(engine, plan, run.monitor, current.path, d);
  const set = plan.trainingSets.find((t) => t.name === run.monitor.reference)!;
  const t = `CAST(${d.quoteIdent(run.time)} AS TIMESTAMP)`;
  const conds: string[] = [];
  if (current.fromMs !== undefined) conds.push(`${t} >= ${d.timestamp(current.fromMs)}`);
  if (current.toMs !== undefined) conds.push(`${t} < ${d.timestamp(current.toMs)}`);
  if (current.fromMs === undefined && current.toMs === undefined) {
    if (!set.split) throw new DriftError(`training set ${set.name} has no split, so it has no rows outside the reference`, 'give the current data: --current PATH, or --from/--to, or add `split time A, B` to the training set');
    conds.push(`split <> 'train'`);
  }
  const describe = current.fromMs === undefined && current.toMs === undefined ? `training set ${set.name}, validation and test splits` : `training set ${set.name}, ${current.fromMs !== undefined ? new Date(current.fromMs).toISOString() : '…'} to ${current.toMs !== undefined ? new Date(current.toMs).toISOString() : '…'}`;
  return { relation: `(SELECT * FROM ${d.quoteIdent(run.table)} WHERE ${conds.join(' AND ')})`, time: run.time, describe };
}

export interface RunMonitorOptions extends Partial<Pick<DriftOptions, 'permutations' | 'permutationCap' | 'segment' | 'frozen' | 'bins' | 'everyMs' | 'thresholds' | 'datasetShare'>> {
  current?: CurrentData;
  emit?: EmitOptions;
  /** A run prepared earlier (the training set already built): recompute without building it again. */
  prepared?: MonitorRun;
}

/**
 * The whole drift report of monitor `name`: builds the reference training
 * set, reads the current data and computes every metric. Options override
 * the monitor's `every`, `bins` and thresholds (the notebook's controls).
 */
export async function runMonitor(engine: Engine, plan: ProjectPlan, name: string, opts: RunMonitorOptions = {}): Promise<{ report: DriftReport; prepared: MonitorRun }> {
  const current = opts.current ?? { kind: 'range' };
  // A file is read (and its columns checked) before the reference is built.
  const early = current.kind === 'file' ? await readCurrentFile(engine, plan, findMonitor(plan, name), current.path, opts.emit?.dialect) : undefined;
  const run = opts.prepared ?? (await prepareMonitor(engine, plan, name, opts.emit));
  const cur = early ?? (await currentRelation(engine, run, plan, current, opts.emit?.dialect));
  const everyMs = 'everyMs' in opts ? opts.everyMs : run.monitor.everyMs;
  const report = await computeDrift(engine, {
    monitor: run.monitor.name,
    features: run.features,
    reference: run.reference,
    current: cur.relation,
    time: cur.time,
    referenceTime: run.time,
    ...(everyMs ? { everyMs } : {}),
    bins: opts.bins ?? run.monitor.bins,
    thresholds: { ...run.monitor.thresholds, ...(opts.thresholds ?? {}) },
    notAvailable: run.notAvailable,
    describe: { current: cur.describe, reference: run.describeReference },
    ...(opts.permutations !== undefined ? { permutations: opts.permutations } : {}),
    ...(opts.permutationCap !== undefined ? { permutationCap: opts.permutationCap } : {}),
    ...(opts.segment ? { segment: opts.segment } : {}),
    ...(opts.frozen ? { frozen: opts.frozen } : {}),
    ...(opts.datasetShare !== undefined ? { datasetShare: opts.datasetShare } : {}),
  });
  return { report, prepared: run };
}
