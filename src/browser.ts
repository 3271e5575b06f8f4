/**
 * The library's browser entry: what notebook pages import (bundled by
 * scripts/build.mjs to dist/featurebook.browser.js, copied to
 * notebooks/lib/featurebook.js). The same modules as the CLI and the server
 * use, plus the DuckDB-WASM engine and the FDL editor. Nothing here may
 * import Node built-ins.
 * @module
 */

export { parse } from './lang/parse.js';
export { check, formatFromPath } from './lang/check.js';
export { diag, didYouMean, formatDiagnostic, hasErrors, MESSAGES, type Diagnostic, type Severity } from './lang/diagnostics.js';
export type * from './lang/ast.js';
export { typeOfDuckDb, type FdlType } from './lang/types.js';
export { AGGREGATES, FUNCTIONS, aggregateEmptyValue, aggregateNames, functionNames, lookupAggregate, lookupFunction, type AggregateDef, type FunctionDef } from './lang/functions.js';
export { tokenize, keywordTokens, type HighlightToken, type TokenCategory } from '../grammar/tokens.js';
export { loadProject, basename, dirname, engineReason, type LoadOptions, type LoadedProject } from './project.js';
export { joinPath, planProject, type ProjectPlan, type ViewPlan, type TrainingSetPlan, type SourcePlan, type FeaturePlan } from './compile/plan.js';
export { compileObjects, materializeSql, pickStrategies, sourceSql, strategyStatsSql, trainingSetSql, type EmitOptions } from './compile/emit-sql.js';
export { duckdb as duckdbDialect, duckdbWasm as duckdbWasmDialect, dialectFor, isoTimestamp } from './compile/dialect.js';
export { planStrategies, buildTrainingSet } from './build.js';
export { computeDrift, summarizeReference, bucketLabels, DriftError, type DriftReport, type DriftOptions, type DriftFeature, type ReferenceSummary, type FeatureReference, type FeatureWindow, type DriftWindow } from './drift/compute.js';
export { decide, ksPValue, summarize, METRICS as DRIFT_METRICS, type Alert as DriftAlert, type Status as DriftStatus } from './drift/decide.js';
export { runMonitor, prepareMonitor, findMonitor, monitorFeatures, featureColumn, type MonitorRun, type CurrentData } from './drift/monitor.js';
export { histogramSpec, histogramData, metricOverTimeSpec, featureTable, type FeatureRow } from './drift/charts.js';
export { driftReportHtml } from './drift/html.js';
export type { ColumnInfo, Engine, QueryResult, Row, Value } from './engine/engine.js';
export { WasmEngine, normalizeTable, parquetToArrowIpc, type WasmBundle, type WasmBundles } from './engine/wasm.js';
export { resultToCsv, resultToParquet } from './export.js';
export { fdlEditor, type FdlEditor, type FdlEditorOptions, type EditorAnalysis } from './editor/fdl-editor.js';
export { completionsAt, keywords, type CompletionItem } from './editor/complete.js';
export { fitOnRows, fitTarget, formatFitReport, SPLITS, type FitResult, type SplitReport } from './model/fit.js';
export { Scorer, ortReason, type Ort, type Scores } from './model/infer.js';
export { ModelError } from './model/errors.js';
export { columnsToMatrix, findModel, inputColumn, inputColumnsOf, inputName, modelPath, rowsToMatrix } from './model/data.js';
export { readMetadata } from './model/onnx.js';
export { auc, accuracy, calibration, logLoss, metrics, rocCurve, type Metrics } from './model/metrics.js';
export { fitLogistic, logisticOnnx, predictLogistic, type LogisticModel } from './model/logistic.js';

export { splitPage, joinPage, cellsOf, newCell, parseInfo, lineEnding, frontMatterFields, type NotebookPage, type Block, type CellBlock, type MarkdownBlock, type CellKind } from './notebook/cells.js';
export { notebookPage, resultCsv, resultParquet, type NotebookPageOptions, type ProgramState, type ResultRows } from './notebook/runtime.js';
export { sqlTemplate, chartDataNames } from './notebook/sql-template.js';
