/**
 * The whole front end in one call: parse, read source schemas with the
 * engine, check, plan. Used by the CLI, the server and the notebooks.
 */
import type { Program, SourceDecl } from './lang/ast.js';
import { check, formatFromPath, type CheckResult } from './lang/check.js';
import { type Diagnostic, diag, hasErrors } from './lang/diagnostics.js';
import { parse } from './lang/parse.js';
import { duckdb, type Dialect } from './compile/dialect.js';
import { joinPath, planProject, type ProjectPlan } from './compile/plan.js';
import type { ColumnInfo, Engine } from './engine/engine.js';

export interface LoadOptions {
  /** Absolute path of the .fdl file; relative source paths resolve against its folder. */
  file: string;
  /** Reads source schemas so the checker can check columns and types. Without one, names are checked but not columns. */
  engine?: Engine;
  dialect?: Dialect;
  /** Maps an absolute source path to what the engine reads (e.g. a registered file name in DuckDB-WASM). */
  resolvePath?: (path: string) => string;
  /** Called to confine data paths (server mode); return an error message to refuse a path. */
  checkPath?: (absPath: string) => string | undefined;
}

export interface LoadedProject {
  program: Program;
  diagnostics: Diagnostic[];
  checked?: CheckResult;
  schemas: Map<string, ColumnInfo[]>;
  /** Present when there are no errors. */
  plan?: ProjectPlan;
}

export const dirname = (file: string) => {
  const i = file.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : file.slice(0, i);
};

export const basename = (file: string) => file.slice(file.lastIndexOf('/') + 1).replace(/\.fdl$/, '');

/** Parses, reads schemas, checks and plans `text`. Never throws for bad input: problems come back as diagnostics. */
export async function loadProject(text: string, opts: LoadOptions): Promise<LoadedProject> {
  const { program, diagnostics } = parse(text);
  const schemas = new Map<string, ColumnInfo[]>();
  const result: LoadedProject = { program, diagnostics: [...diagnostics], schemas };
  if (hasErrors(diagnostics)) return result;
  const baseDir = dirname(opts.file);
  const d = opts.dialect ?? duckdb;

  if (opts.engine) {
    const sources = program.decls.filter((x): x is SourceDecl => x.kind === 'source');
    for (const s of sources) {
      if (!s.path) continue;
      const abs = joinPath(baseDir, s.path.value);
      const refused = opts.checkPath?.(abs);
      if (refused) {
        result.diagnostics.push(diag('unreadable-source', s.path.span, { source: s.name.name, path: s.path.value, reason: refused, hint: 'this server reads data only from files inside its data root whose names do not start with a dot' }));
        continue;
      }
      const format = (s.format?.name.toLowerCase() as 'csv' | 'parquet' | 'json' | undefined) ?? formatFromPath(s.path.value);
      if (!format || !['csv', 'parquet', 'json'].includes(format)) continue; // the checker reports it
      try {
        const target = opts.resolvePath ? opts.resolvePath(abs) : abs;
        schemas.set(s.name.name, await opts.engine.describe(`SELECT * FROM ${d.readFile(target, format)}`));
      } catch (err) {
        result.diagnostics.push(diag('unreadable-source', s.path.span, { source: s.name.name, path: s.path.value, reason: engineReason(err) }));
      }
    }
  }
  const checked = check(program, { schemas });
  result.checked = checked;
  result.diagnostics.push(...checked.diagnostics);
  if (hasErrors(result.diagnostics)) return result;
  result.plan = planProject(program, checked, { baseDir, defaultProject: basename(opts.file) });
  return result;
}

/** The first line of an engine error, without DuckDB's error-class prefix. */
export function engineReason(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split('\n')[0]!.replace(/^[A-Za-z ]*Error: /, '').slice(0, 300);
}
