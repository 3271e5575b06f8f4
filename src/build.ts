/**
 * Building training sets on an engine, without touching files: shared by the
 * CLI, the server and the browser (nothing here imports Node built-ins).
 */
import type { ProjectPlan } from './compile/plan.js';
import { pickStrategies, strategyStatsSql, trainingSetSql, type EmitOptions } from './compile/emit-sql.js';
import { dialectFor } from './compile/dialect.js';
import type { Engine, QueryResult } from './engine/engine.js';

/**
 * Emit options for `engine`: its dialect (unless the caller chose one) and a
 * strategy per view chosen from the data's sizes (unless the caller forced
 * one). See `pickStrategies`.
 */
export async function planStrategies(engine: Engine, plan: ProjectPlan, name: string, opts: EmitOptions = {}): Promise<EmitOptions> {
  const withDialect: EmitOptions = { ...opts, dialect: opts.dialect ?? dialectFor(engine.kind) };
  if (opts.strategies || (opts.strategy && opts.strategy !== 'auto')) return withDialect;
  const sql = strategyStatsSql(plan, name, withDialect);
  if (!sql) return withDialect;
  const r = await engine.query(sql);
  const stats = r.rows.map((x) => ({ view: String(x.view), pairs: Number(x.pairs ?? 0), stream: Number(x.stream ?? 0) }));
  return { ...withDialect, strategies: pickStrategies(plan, stats) };
}

/** Builds training set `name` on `engine` and returns its rows (values normalized). */
export async function buildTrainingSet(engine: Engine, plan: ProjectPlan, name: string, opts: EmitOptions = {}): Promise<QueryResult> {
  return engine.query(trainingSetSql(plan, name, await planStrategies(engine, plan, name, opts)));
}
