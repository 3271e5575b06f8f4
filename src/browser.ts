/**
 * The library's browser entry: what notebook pages import (bundled by
 * scripts/build.mjs to dist/featurebook.browser.js, copied to
 * notebooks/lib/featurebook.js). The same modules as the CLI and the server
 * use, plus the DuckDB-WASM engine and the FDL editor. Nothing here may
 * import Node built-ins.
 * @module
 */
import type { ProjectPlan } from './compile/plan.js';
import { pickStrategies, strategyStatsSql, trainingSetSql, type EmitOptions } from './compile/emit-sql.js';
import type { Engine, QueryResult } from './engine/engine.js';

export { parse } from './lang/parse.js';
export { check, formatFromPath } from './lang/check.js';
export { diag, didYouMean, formatDiagnostic, hasErrors, MESSAGES, type Diagnostic, type Severity } from './lang/diagnostics.js';
export type * from './lang/ast.js';
export { AGGREGATES, FUNCTIONS, typeOfDuckDb, type FdlType } from './lang/types.js';
export { tokenize, keywordTokens, type HighlightToken, type TokenCategory } from '../grammar/tokens.js';
export { loadProject, basename, dirname, engineReason, type LoadOptions, type LoadedProject } from './project.js';
export { joinPath, planProject, type ProjectPlan, type ViewPlan, type TrainingSetPlan, type SourcePlan, type FeaturePlan } from './compile/plan.js';
export { compileObjects, materializeSql, pickStrategies, sourceSql, strategyStatsSql, trainingSetSql, type EmitOptions } from './compile/emit-sql.js';
export { duckdb as duckdbDialect, isoTimestamp } from './compile/dialect.js';
export type { ColumnInfo, Engine, QueryResult, Row, Value } from './engine/engine.js';
export { WasmEngine, normalizeTable, parquetToArrowIpc, type WasmBundle, type WasmBundles } from './engine/wasm.js';
export { fdlEditor, type FdlEditor, type FdlEditorOptions, type EditorAnalysis } from './editor/fdl-editor.js';
export { completionsAt, keywords, type CompletionItem } from './editor/complete.js';

/**
 * Emit options with each view's strategy chosen from the data's sizes, as the
 * CLI chooses it. (src/training-set.ts has the same function but also writes
 * files with Node's fs, so it cannot be bundled for the browser.)
 */
export async function planStrategies(engine: Engine, plan: ProjectPlan, name: string, opts: EmitOptions = {}): Promise<EmitOptions> {
  if (opts.strategies || (opts.strategy && opts.strategy !== 'auto')) return opts;
  const sql = strategyStatsSql(plan, name, opts);
  if (!sql) return opts;
  const r = await engine.query(sql);
  const stats = r.rows.map((x) => ({ view: String(x.view), pairs: Number(x.pairs ?? 0), stream: Number(x.stream ?? 0) }));
  return { ...opts, strategies: pickStrategies(plan, stats) };
}

/** Builds training set `name` on `engine` and returns its rows (values normalized). */
export async function buildTrainingSet(engine: Engine, plan: ProjectPlan, name: string, opts: EmitOptions = {}): Promise<QueryResult> {
  return engine.query(trainingSetSql(plan, name, await planStrategies(engine, plan, name, opts)));
}
