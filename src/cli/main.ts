/**
 * The `featurebook` command line (docs/cli.md).
 *
 * Exit codes: 0 success; 1 the input has errors or the work failed;
 * 2 the command line itself is wrong. No input produces a stack trace:
 * unexpected failures print one line (set FEATUREBOOK_DEBUG=1 for the trace).
 */
import { isFeaturebookError } from '../errors.js';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { compileObjects, parseUtc } from '../compile/emit-sql.js';
import { NodeEngine } from '../engine/node.js';
import { didYouMean, formatDiagnostic, hasErrors, type Diagnostic } from '../lang/diagnostics.js';
import { loadProject, engineReason, type LoadedProject } from '../project.js';
import { outputFormat, writeTrainingSet } from '../training-set.js';
import { Progress } from './progress.js';
import type { ModelPlan } from '../compile/plan.js';
import type { Program } from '../lang/ast.js';
import { ModelError } from '../model/errors.js';
import { findModel } from '../model/data.js';

export const VERSION = '0.1.0';

const USAGE = `featurebook ${VERSION} — feature definitions (FDL) compiled to point-in-time-correct DuckDB SQL

Usage:
  featurebook check FILE [--no-data] [--json]        diagnostics; exit 0 when none are errors, else 1
  featurebook compile FILE [--object NAME]            print the compiled SQL
  featurebook build FILE SET --out PATH               write training set SET (.parquet, .csv, .arrow, .json)
  featurebook publish FILE --redis URL [--force]      publish the compiled project to Redis
  featurebook materialize FILE [--view NAME] [--as-of TS] [--incremental] [--force] --redis URL
                                                      write online feature values to Redis
  featurebook serve [--redis URL] [--port 8787] [--host 127.0.0.1] [--data-root DIR]
                    [--allowed-hosts a,b] [--query-timeout 30s] [--query-concurrency 2]
                    [--duckdb-memory 25%] [--predlog-max-len N] [--predlog-entry-bytes N]
                    [--predlog-max-bytes N]
                                                      run the HTTP server
  featurebook fit FILE MODEL [--out PATH]             train a built-in model, write its .onnx (default models/MODEL.onnx)
  featurebook predict FILE MODEL --input PATH --out PATH [--model PATH]
                                                      batch inference: the input rows plus a score column
  featurebook drift FILE MONITOR [--current PATH | --from TS --to TS] [--out report.json|.html]
                                                      drift report (JSON on standard output without --out)

Options:
  -h, --help       show this help
  -v, --version    show the version

Docs: docs/cli.md, docs/language.md, docs/http-api.md`;

export class UsageError extends Error {}
export class CliError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

const defaultIo: Io = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stderr.isTTY),
};

function args(argv: string[], options: ParseArgsConfig['options'], positionals: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
  const pos = parsed.positionals;
  if (pos.length < positionals.length) throw new UsageError(`missing ${positionals.slice(pos.length).join(' and ')}`);
  if (pos.length > positionals.length) throw new UsageError(`unexpected argument '${pos[positionals.length]}'`);
  return { values: parsed.values as Record<string, string | boolean | undefined>, pos };
}

/** Reads an .fdl file; errors name the path as the user gave it. */
async function readSource(file: string): Promise<string> {
  try {
    const buf = await readFile(resolve(file));
    return buf.toString('utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new CliError(`cannot read '${file}': ${why}`);
  }
}

function printDiagnostics(io: Io, ds: Diagnostic[], file: string, text: string, to: 'out' | 'err') {
  const sorted = [...ds].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
  for (const d of sorted) io[to](formatDiagnostic(d, file, text) + '\n');
}

/** Loads FILE with a native engine; prints diagnostics; throws CliError when there are errors. */
async function load(file: string, io: Io, engine: NodeEngine | undefined, to: 'out' | 'err' = 'err'): Promise<LoadedProject & { text: string }> {
  const text = await readSource(file);
  const project = await loadProject(text, { file: resolve(file), engine });
  printDiagnostics(io, project.diagnostics, file, text, to);
  return { ...project, text };
}

function summary(ds: Diagnostic[]): string {
  const e = ds.filter((d) => d.severity === 'error').length;
  const w = ds.length - e;
  return `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------- commands

async function cmdCheck(argv: string[], io: Io): Promise<number> {
  const { values, pos } = args(argv, { 'no-data': { type: 'boolean' }, json: { type: 'boolean' } }, ['FILE']);
  const engine = values['no-data'] ? undefined : await NodeEngine.create({ threads: 1 });
  try {
    if (values.json) {
      const text = await readSource(pos[0]!);
      const p = await loadProject(text, { file: resolve(pos[0]!), engine });
      const diagnostics = p.diagnostics.map((d) => ({
        severity: d.severity,
        code: d.code,
        message: d.message,
        line: d.span.line,
        column: d.span.column,
        endLine: d.span.endLine,
        endColumn: d.span.endColumn,
        ...(d.hint ? { hint: d.hint } : {}),
      }));
      io.out(JSON.stringify({ ok: !hasErrors(p.diagnostics), diagnostics }, null, 2) + '\n');
      return hasErrors(p.diagnostics) ? 1 : 0;
    }
    const p = await load(pos[0]!, io, engine, 'out');
    if (p.diagnostics.length) io.err(`${pos[0]}: ${summary(p.diagnostics)}\n`);
    return hasErrors(p.diagnostics) ? 1 : 0;
  } finally {
    await engine?.close();
  }
}

async function cmdCompile(argv: string[], io: Io): Promise<number> {
  const { values, pos } = args(argv, { object: { type: 'string' }, 'no-data': { type: 'boolean' } }, ['FILE']);
  const engine = values['no-data'] ? undefined : await NodeEngine.create({ threads: 1 });
  try {
    const p = await load(pos[0]!, io, engine);
    if (!p.plan) return 1;
    const object = values.object as string | undefined;
    const all = compileObjects(p.plan);
    if (object !== undefined && !(object in all)) {
      const s = didYouMean(object, Object.keys(all));
      throw new CliError(`no source, feature block or training set named '${object}'${s ? ` (did you mean '${s}'?)` : ''}; known: ${Object.keys(all).join(', ')}`);
    }
    if (object !== undefined) io.out(all[object] + ';\n');
    else for (const [name, sql] of Object.entries(all)) io.out(`-- ${name}\n${sql};\n\n`);
    return 0;
  } finally {
    await engine?.close();
  }
}

async function cmdBuild(argv: string[], io: Io): Promise<number> {
  const { values, pos } = args(argv, { out: { type: 'string', short: 'o' } }, ['FILE', 'SET']);
  const out = values.out as string | undefined;
  if (!out) throw new UsageError('missing --out PATH (e.g. --out train.parquet)');
  if (!outputFormat(out)) throw new UsageError(`cannot tell the output format of '${out}': use a .parquet, .csv, .arrow or .json file name`);
  const engine = await NodeEngine.create();
  try {
    const p = await load(pos[0]!, io, engine);
    if (!p.plan) return 1;
    const set = pos[1]!;
    if (!p.plan.trainingSets.some((t) => t.name === set)) {
      const names = p.plan.trainingSets.map((t) => t.name);
      const s = didYouMean(set, names);
      throw new CliError(`no training set named '${set}'${s ? ` (did you mean '${s}'?)` : names.length ? `; known: ${names.join(', ')}` : ''}`);
    }
    const progress = new Progress(io.isTTY, io.err, engine);
    progress.start(`building ${set}`);
    const t0 = performance.now();
    let rows: number;
    try {
      rows = await writeTrainingSet(engine, p.plan, set, resolve(out));
    } catch (err) {
      progress.stop();
      throw new CliError(`building '${set}' failed: ${engineReason(err)}`);
    }
    progress.stop();
    const secs = ((performance.now() - t0) / 1000).toFixed(2);
    io.err(`wrote ${rows >= 0 ? rows + ' rows' : 'training set'} to ${out} in ${secs}s\n`);
    return 0;
  } finally {
    await engine.close();
  }
}

/** A model problem as a diagnostic at the model block (its `onnx` path, else its name). */
function modelDiagnostic(err: ModelError, file: string, text: string, program: Program, model: string): string {
  const decl = program.decls.find((d) => d.kind === 'model' && d.name.name === model);
  if (!decl || decl.kind !== 'model') return `featurebook: error: ${err.message}${err.hint ? `\n    hint: ${err.hint}` : ''}`;
  const span = decl.onnx && /ONNX|\.onnx|model file|load/i.test(err.message) ? decl.onnx.span : decl.name.span;
  return formatDiagnostic({ severity: 'error', code: 'model', message: err.message, span, ...(err.hint ? { hint: err.hint } : {}) }, file, text);
}

/** Loads FILE and finds MODEL in it; diagnostics and a missing model end the command. */
async function loadModel(file: string, name: string, io: Io, engine: NodeEngine) {
  const p = await load(file, io, engine);
  if (!p.plan) return undefined;
  let m: ModelPlan;
  try {
    m = findModel(p.plan, name);
  } catch (err) {
    if (err instanceof ModelError) throw new CliError(`${err.message}${err.hint ? `; ${err.hint}` : ''}`);
    throw err;
  }
  return { ...p, plan: p.plan, model: m };
}

async function cmdFit(argv: string[], io: Io): Promise<number> {
  const { values, pos } = args(argv, { out: { type: 'string', short: 'o' } }, ['FILE', 'MODEL']);
  const out = values.out as string | undefined;
  if (out !== undefined && !/\.onnx$/i.test(out)) throw new UsageError(`--out must name an .onnx file, got '${out}'`);
  const engine = await NodeEngine.create();
  try {
    const p = await loadModel(pos[0]!, pos[1]!, io, engine);
    if (!p) return 1;
    const { fitModel } = await import('../model/node.js');
    const { formatFitReport } = await import('../model/fit.js');
    const progress = new Progress(io.isTTY, io.err, engine);
    progress.start(`fitting ${p.model.name}`);
    const t0 = performance.now();
    try {
      const r = await fitModel(engine, p.plan, p.model, out === undefined ? undefined : resolve(out));
      progress.stop();
      const secs = ((performance.now() - t0) / 1000).toFixed(2);
      io.out(`${p.model.name}: logistic regression on ${r.model.inputs.length} inputs, ${r.model.rows} training rows (${r.model.positives} positive), L2 ${r.model.l2}, ${r.model.iterations} Newton steps\n`);
      if (r.unlabelled) io.out(`(${r.unlabelled} rows of ${r.trainingSet} have no label and were left out)\n`);
      io.out(formatFitReport(r) + '\n');
      io.err(`wrote ${out ?? r.path} in ${secs}s\n`);
      return 0;
    } catch (err) {
      progress.stop();
      if (err instanceof ModelError) {
        io.err(modelDiagnostic(err, pos[0]!, p.text, p.program, p.model.name) + '\n');
        return 1;
      }
      throw new CliError(`fitting '${p.model.name}' failed: ${engineReason(err)}`);
    }
  } finally {
    await engine.close();
  }
}

async function cmdPredict(argv: string[], io: Io): Promise<number> {
  const { values, pos } = args(argv, { input: { type: 'string', short: 'i' }, out: { type: 'string', short: 'o' }, model: { type: 'string' } }, ['FILE', 'MODEL']);
  const input = values.input as string | undefined;
  const out = values.out as string | undefined;
  if (!input) throw new UsageError('missing --input PATH (rows with a view__feature column per model input, e.g. from featurebook build)');
  if (!out) throw new UsageError('missing --out PATH (e.g. --out scores.parquet)');
  if (!/\.(parquet|csv|json|arrow)$/i.test(out)) throw new UsageError(`cannot tell the output format of '${out}': use a .parquet, .csv, .json or .arrow file name`);
  const engine = await NodeEngine.create();
  try {
    const p = await loadModel(pos[0]!, pos[1]!, io, engine);
    if (!p) return 1;
    const { predictFile } = await import('../model/node.js');
    const t0 = performance.now();
    try {
      const modelFile = values.model as string | undefined;
      const r = await predictFile(engine, p.plan, p.model, resolve(input), resolve(out), modelFile === undefined ? undefined : resolve(modelFile));
      const secs = (performance.now() - t0) / 1000;
      io.err(`scored ${r.rows} rows with ${modelFile ?? r.path} into ${out} in ${secs.toFixed(2)}s\n`);
      return 0;
    } catch (err) {
      if (err instanceof ModelError) {
        if (err.field === 'input' || err.field === 'out' || /^the input rows/.test(err.message)) throw new CliError(`${input}: ${err.message}${err.hint ? `\n    hint: ${err.hint}` : ''}`);
        io.err(modelDiagnostic(err, pos[0]!, p.text, p.program, p.model.name) + '\n');
        return 1;
      }
      throw new CliError(`predicting with '${p.model.name}' failed: ${engineReason(err)}`);
    }
  } finally {
    await engine.close();
  }
}

async function cmdDrift(argv: string[], io: Io): Promise<number> {
  const { values, pos } = args(
    argv,
    { current: { type: 'string', short: 'c' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string', short: 'o' }, permutations: { type: 'string' }, segment: { type: 'string' } },
    ['FILE', 'MONITOR'],
  );
  const out = values.out as string | undefined;
  if (out !== undefined && !/\.(json|html?)$/i.test(out)) throw new UsageError(`cannot tell the report format of '${out}': use a .json or .html file name`);
  const time = (flag: 'from' | 'to') => {
    const v = values[flag] as string | undefined;
    if (v === undefined) return undefined;
    const ms = parseUtc(v);
    if (Number.isNaN(ms)) throw new UsageError(`--${flag} '${v}' is not a time: use 2024-06-01 or 2024-06-01T12:00:00Z`);
    return ms;
  };
  const fromMs = time('from');
  const toMs = time('to');
  if (values.current !== undefined && (fromMs !== undefined || toMs !== undefined)) throw new UsageError('give either --current PATH or --from/--to, not both');
  const permutations = values.permutations === undefined ? undefined : Number(values.permutations);
  if (permutations !== undefined && !(Number.isInteger(permutations) && permutations >= 0 && permutations <= 1000)) throw new UsageError(`--permutations must be a whole number from 0 to 1000, got '${values.permutations}'`);
  let segment: { column: string; value: string } | undefined;
  if (values.segment !== undefined) {
    const m = /^([^=]+)=(.*)$/.exec(values.segment as string);
    if (!m) throw new UsageError(`--segment must be COLUMN=VALUE, got '${values.segment}'`);
    segment = { column: m[1]!, value: m[2]! };
  }
  const engine = await NodeEngine.create();
  try {
    const p = await load(pos[0]!, io, engine);
    if (!p.plan) return 1;
    const { runMonitor } = await import('../drift/monitor.js');
    const { DriftError } = await import('../drift/compute.js');
    const progress = new Progress(io.isTTY, io.err, engine);
    progress.start(`drift ${pos[1]}`);
    const t0 = performance.now();
    let report;
    try {
      const current = values.current !== undefined ? { kind: 'file' as const, path: resolve(values.current as string) } : { kind: 'range' as const, ...(fromMs !== undefined ? { fromMs } : {}), ...(toMs !== undefined ? { toMs } : {}) };
      ({ report } = await runMonitor(engine, p.plan, pos[1]!, { current, ...(permutations !== undefined ? { permutations } : {}), ...(segment ? { segment } : {}) }));
    } catch (err) {
      progress.stop();
      if (err instanceof DriftError) throw new CliError(`${err.message.replace(resolve(String(values.current ?? '')), String(values.current ?? ''))}${err.hint ? `\n    hint: ${err.hint}` : ''}`);
      throw new CliError(`drift of '${pos[1]}' failed: ${engineReason(err)}`);
    }
    progress.stop();
    const secs = ((performance.now() - t0) / 1000).toFixed(2);
    const s = report.summary;
    const line = `${report.monitor}: ${report.reference.rows} reference rows, ${report.current.rows} current rows in ${s.windows} window${s.windows === 1 ? '' : 's'}; ${report.alerts.length} alert${report.alerts.length === 1 ? '' : 's'} on ${s.features_alerting.length} of ${s.features} features (${secs}s)`;
    if (out === undefined) {
      io.out(JSON.stringify(report, null, 2) + '\n');
      io.err(line + '\n');
      return 0;
    }
    const { writeFile } = await import('node:fs/promises');
    if (/\.html?$/i.test(out)) {
      const { renderDriftHtml } = await import('../drift/render.js');
      await writeFile(resolve(out), await renderDriftHtml(report, { generatedAt: new Date().toISOString() }));
    } else await writeFile(resolve(out), JSON.stringify(report, null, 2) + '\n');
    io.err(`${line}\nwrote ${out}\n`);
    return 0;
  } finally {
    await engine.close();
  }
}

async function serverCommand(verb: 'serve' | 'publish' | 'materialize', argv: string[]): Promise<number> {
  const mod = (await import('../../server/commands.js')) as Record<string, (a: string[]) => Promise<number>>;
  const fn = { serve: mod.runServe, publish: mod.runPublish, materialize: mod.runMaterialize }[verb];
  if (!fn) throw new CliError(`'${verb}' is not available in this build`);
  return fn(argv);
}

const COMMANDS: Record<string, (argv: string[], io: Io) => Promise<number>> = {
  check: cmdCheck,
  compile: cmdCompile,
  build: cmdBuild,
  fit: cmdFit,
  predict: cmdPredict,
  drift: cmdDrift,
  serve: (a) => serverCommand('serve', a),
  publish: (a) => serverCommand('publish', a),
  materialize: (a) => serverCommand('materialize', a),
};

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '-h' || cmd === '--help' || cmd === 'help') {
    (cmd ? io.out : io.err)(USAGE + '\n');
    return cmd ? 0 : 2;
  }
  if (cmd === '-v' || cmd === '--version' || cmd === 'version') {
    io.out(VERSION + '\n');
    return 0;
  }
  try {
    if (rest.includes('-h') || rest.includes('--help')) {
      io.out(USAGE + '\n');
      return 0;
    }
    const run = COMMANDS[cmd];
    if (!run) {
      const s = didYouMean(cmd, Object.keys(COMMANDS));
      throw new UsageError(`unknown command '${cmd}'${s ? ` (did you mean '${s}'?)` : ''}`);
    }
    return await run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`featurebook: ${err.message}\nRun 'featurebook --help' for usage.\n`);
      return 2;
    }
    if (err instanceof CliError || isFeaturebookError(err)) {
      io.err(`featurebook: error: ${err.message}\n`);
      return 1;
    }
    io.err(`featurebook: error: ${engineReason(err)}\n`);
    if (process.env.FEATUREBOOK_DEBUG) io.err(String((err as Error)?.stack) + '\n');
    return 1;
  }
}
