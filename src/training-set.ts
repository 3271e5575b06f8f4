/**
 * Building training sets: compile, run on an engine, write to a file.
 */
import { writeFile } from 'node:fs/promises';
import type { ProjectPlan } from './compile/plan.js';
import { trainingSetSql, type EmitOptions } from './compile/emit-sql.js';
import type { Engine } from './engine/engine.js';
import { planStrategies } from './build.js';
import { toArrowIpc } from './arrow.js';
import { duckdb } from './compile/dialect.js';

export type OutputFormat = 'parquet' | 'csv' | 'arrow' | 'json';

/** The output format an --out path asks for, by extension. */
export function outputFormat(path: string): OutputFormat | undefined {
  const m = /\.(parquet|csv|arrow|json)$/i.exec(path);
  return m ? (m[1]!.toLowerCase() as OutputFormat) : undefined;
}

export { planStrategies, buildTrainingSet } from './build.js';

/**
 * Builds training set `name` into `outPath` (format from its extension) and
 * returns the number of rows written. Parquet, CSV and JSON are written by
 * the engine itself; Arrow IPC through apache-arrow.
 */
export async function writeTrainingSet(engine: Engine, plan: ProjectPlan, name: string, outPath: string, opts: EmitOptions = {}): Promise<number> {
  const format = outputFormat(outPath);
  if (!format) throw new Error(`cannot tell the output format of '${outPath}': use .parquet, .csv, .arrow or .json`);
  const emit = await planStrategies(engine, plan, name, opts);
  const sql = trainingSetSql(plan, name, emit);
  if (format === 'arrow') {
    const result = await engine.query(sql);
    await writeFile(outPath, toArrowIpc(result));
    return result.rows.length;
  }
  const d = emit.dialect ?? duckdb;
  const r = await engine.query(d.copyTo(sql, outPath, format));
  const count = r.rows[0] ? Number(Object.values(r.rows[0])[0]) : NaN;
  return Number.isFinite(count) ? count : -1;
}
