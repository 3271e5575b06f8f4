/**
 * Featurebook's one runtime error type.
 *
 * The library throws `FeaturebookError` for every problem a user can fix: a
 * stable `code`, a `message` that says what was wrong and what was expected,
 * a `hint` that says what to do, and where — a request or file `field`, or a
 * `span` in FDL source. Diagnostics of a program are not errors (they are
 * returned, not thrown); this type is for everything that stops a run.
 *
 * It is mapped to the outside world exactly twice: by the CLI (exit code and
 * gcc-style text) and by the server (HTTP status and JSON), both from `kind`,
 * never from the message text.
 * @module
 */

/**
 * What sort of failure it is; decides the CLI exit code and the HTTP status.
 *
 * | kind | CLI exit | HTTP |
 * | --- | --- | --- |
 * | `usage` | 2 | 400 |
 * | `input` | 1 | 400 |
 * | `not_found` | 1 | 404 |
 * | `conflict` | 1 | 409 |
 * | `unprocessable` | 1 | 422 |
 * | `unavailable` | 1 | 503 |
 * | `timeout` | 1 | 504 |
 * | `internal` | 1 | 500 |
 */
export type ErrorKind = 'usage' | 'input' | 'not_found' | 'conflict' | 'unprocessable' | 'unavailable' | 'timeout' | 'internal';

/** A place in a source file, 1-based, inclusive end. */
export interface ErrorSpan {
  file?: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface ErrorOptions {
  kind?: ErrorKind;
  hint?: string;
  /** The request, option or file field the error is about. */
  field?: string;
  span?: ErrorSpan;
  /** Structured extras a client may read (kept small; never a stack). */
  details?: unknown;
  cause?: unknown;
}

/**
 * @example
 * ```ts
 * throw new FeaturebookError('unknown_training_set', "no training set named 'x'", {
 *   kind: 'not_found', field: 'name', hint: "one of: fraud_train",
 * });
 * ```
 */
export class FeaturebookError extends Error {
  readonly code: string;
  readonly kind: ErrorKind;
  readonly hint: string | undefined;
  readonly field: string | undefined;
  readonly span: ErrorSpan | undefined;
  readonly details: unknown;
  constructor(code: string, message: string, opts: ErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'FeaturebookError';
    this.code = code;
    this.kind = opts.kind ?? 'input';
    this.hint = opts.hint;
    this.field = opts.field;
    this.span = opts.span;
    this.details = opts.details;
  }
}

/** True for a `FeaturebookError`, also one from another copy of the library (bundles). */
export function isFeaturebookError(e: unknown): e is FeaturebookError {
  return e instanceof FeaturebookError || (e instanceof Error && e.name === 'FeaturebookError' && typeof (e as FeaturebookError).code === 'string');
}

export const HTTP_STATUS: Record<ErrorKind, 400 | 404 | 409 | 422 | 500 | 503 | 504> = {
  usage: 400,
  input: 400,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  unavailable: 503,
  timeout: 504,
  internal: 500,
};

export const EXIT_CODE: Record<ErrorKind, number> = {
  usage: 2,
  input: 1,
  not_found: 1,
  conflict: 1,
  unprocessable: 1,
  unavailable: 1,
  timeout: 1,
  internal: 1,
};
