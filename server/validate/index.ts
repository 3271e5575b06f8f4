/**
 * A small schema validator for JSON bodies: no dependencies, no startup
 * cost, and errors that name the offending field (`entities[3].user_id`).
 * Unknown object fields are refused, with a did-you-mean, so a typo in an
 * optional field does not silently do nothing.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { ProjectPlan } from '../../src/compile/plan.js';
import { didYouMean } from '../../src/lang/diagnostics.js';
import { ApiError } from '../errors/index.js';

export interface Schema<T> {
  /** Checks `value` at `path` (a field path for messages) and returns it typed; throws ApiError 400. */
  parse(value: unknown, path: string): T;
  readonly optional?: boolean;
  /** What the schema accepts, for error messages. */
  readonly expected: string;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : typeof v === 'string' ? 'a string' : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? 'a boolean' : typeof v;

export function fail(path: string, message: string): never {
  throw new ApiError(400, 'invalid_body', path ? `${path}: ${message}` : message, path ? { field: path } : {});
}

const mismatch = (path: string, expected: string, v: unknown): never => fail(path, `expected ${expected}, got ${describe(v)}`);

const child = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

export function string(opts: { min?: number; max?: number; pattern?: RegExp; patternHint?: string } = {}): Schema<string> {
  const expected = 'a string';
  return {
    expected,
    parse(v, path) {
      if (typeof v !== 'string') return mismatch(path, expected, v);
      if (opts.min !== undefined && v.length < opts.min) fail(path, opts.min === 1 ? 'must not be empty' : `must have at least ${opts.min} characters`);
      if (opts.max !== undefined && v.length > opts.max) fail(path, `must have at most ${opts.max} characters`);
      if (opts.pattern && !opts.pattern.test(v)) fail(path, opts.patternHint ?? `does not match ${opts.pattern}`);
      return v;
    },
  };
}

export function boolean(): Schema<boolean> {
  return { expected: 'true or false', parse: (v, path) => (typeof v === 'boolean' ? v : mismatch(path, 'true or false', v)) };
}

export function integer(opts: { min?: number; max?: number } = {}): Schema<number> {
  const expected = 'an integer';
  return {
    expected,
    parse(v, path) {
      if (typeof v !== 'number' || !Number.isSafeInteger(v)) return mismatch(path, expected, v);
      if (opts.min !== undefined && v < opts.min) fail(path, `must be at least ${opts.min}`);
      if (opts.max !== undefined && v > opts.max) fail(path, `must be at most ${opts.max}`);
      return v;
    },
  };
}

/** A string or a finite number (entity key values, timestamps given as epoch ms). */
export function scalar(): Schema<string | number> {
  const expected = 'a string or a number';
  return {
    expected,
    parse(v, path) {
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      return mismatch(path, expected, v);
    },
  };
}

export function optional<T>(s: Schema<T>): Schema<T | undefined> {
  return { expected: s.expected, optional: true, parse: (v, path) => (v === undefined ? undefined : s.parse(v, path)) };
}

export function array<T>(item: Schema<T>, opts: { min?: number; max?: number } = {}): Schema<T[]> {
  const expected = `an array of ${item.expected.replace(/^an? /, '')}s`;
  return {
    expected,
    parse(v, path) {
      if (!Array.isArray(v)) return mismatch(path, expected, v);
      if (opts.min !== undefined && v.length < opts.min) fail(path, opts.min === 1 ? 'must not be empty' : `must have at least ${opts.min} items`);
      if (opts.max !== undefined && v.length > opts.max) fail(path, `must have at most ${opts.max} items (got ${v.length})`);
      const out = new Array<T>(v.length);
      for (let i = 0; i < v.length; i++) out[i] = item.parse(v[i], child(path, i));
      return out;
    },
  };
}

/**
 * A JSON object with any keys, each value checked by `value`. The result has
 * no prototype, so a user's key (`__proto__`, `constructor`, `toString`) is
 * only ever its own field, and a lookup of a missing key is undefined.
 */
export function record<T>(value: Schema<T>, opts: { min?: number; max?: number } = {}): Schema<Record<string, T>> {
  const expected = 'an object';
  return {
    expected,
    parse(v, path) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return mismatch(path, expected, v);
      const keys = Object.keys(v);
      if (opts.min !== undefined && keys.length < opts.min) fail(path, 'must not be empty');
      if (opts.max !== undefined && keys.length > opts.max) fail(path, `must have at most ${opts.max} fields`);
      const out = Object.create(null) as Record<string, T>;
      for (const k of keys) out[k] = value.parse((v as Record<string, unknown>)[k], child(path, k));
      return out;
    },
  };
}

/**
 * The one rule for the names of projects, feature blocks, training sets,
 * models and monitors: every route checks names with it, and publish refuses
 * a project that defines a name it would not accept (they become Redis keys,
 * hash tags and URL segments).
 */
export const NAME_RULE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Longest name, characters. */
export const NAME_MAX = 200;
const NAME_HINT = 'letters, digits and _, not starting with a digit';

export type NameKind = 'project' | 'feature block' | 'training set' | 'model' | 'monitor';

/** A body field holding a `kind` name (NAME_RULE). */
export function nameField(kind: NameKind): Schema<string> {
  return string({ min: 1, max: NAME_MAX, pattern: NAME_RULE, patternHint: `must be a ${kind} name (${NAME_HINT})` });
}

/** A name from the URL: 400 naming `field` unless it follows NAME_RULE. */
export function assertName(value: string, field: string, kind: NameKind): string {
  if (value.length > NAME_MAX || !NAME_RULE.test(value)) {
    throw new ApiError(400, 'invalid_body', `'${value.slice(0, 80)}' is not a ${kind} name (${NAME_HINT})`, { field });
  }
  return value;
}

/**
 * Refuses (422, field `source`) a plan defining a name that no route would
 * accept, e.g. a back-quoted `` `my proj}{x` `` project: checked before
 * anything of it is written.
 */
export function assertPlanNames(plan: ProjectPlan): void {
  const named: [NameKind, { name: string }[]][] = [
    ['project', [{ name: plan.project }]],
    ['feature block', plan.views],
    ['training set', plan.trainingSets],
    ['model', plan.models],
    ['monitor', plan.monitors],
  ];
  for (const [kind, items] of named) {
    for (const { name } of items) {
      if (name.length <= NAME_MAX && NAME_RULE.test(name)) continue;
      throw new ApiError(422, 'invalid_project', `${kind} name '${name.slice(0, 80)}' cannot be served: on the server, names are ${NAME_HINT} (at most ${NAME_MAX}); rename it in the source`, {
        field: 'source',
        details: { kind, name: name.slice(0, 200) },
      });
    }
  }
}

type Shape = Record<string, Schema<unknown>>;
type ObjectOf<S extends Shape> = { [K in keyof S as S[K] extends { optional: true } ? never : K]: Infer<S[K]> } & {
  [K in keyof S as S[K] extends { optional: true } ? K : never]?: Infer<S[K]>;
};

/**
 * An object with known fields; unknown fields are refused.
 *
 * @example
 * ```ts
 * const body = object({ source: string({ min: 1 }), object: optional(string()) })
 * const { source } = body.parse(json, '')
 * ```
 */
export function object<S extends Shape>(shape: S, opts: { check?: (o: ObjectOf<S>, path: string) => void } = {}): Schema<ObjectOf<S>> {
  const expected = 'an object';
  const known = Object.keys(shape);
  return {
    expected,
    parse(v, path) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return mismatch(path, expected, v);
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        if (!Object.hasOwn(shape, k)) {
          const s = didYouMean(k, known);
          fail(child(path, k), `unknown field${s ? ` (did you mean '${s}'?)` : ''}; allowed: ${known.join(', ')}`);
        }
      }
      const out: Record<string, unknown> = {};
      for (const k of known) {
        const s = shape[k]!;
        if (o[k] === undefined && !s.optional) fail(child(path, k), `is required (${s.expected})`);
        const x = s.parse(o[k], child(path, k));
        if (x !== undefined) out[k] = x;
      }
      opts.check?.(out as ObjectOf<S>, path);
      return out as ObjectOf<S>;
    },
  };
}

/**
 * A request header (lower-case `name`). On Node it reads the socket's
 * IncomingMessage: asking the adapter would build a WHATWG Headers object,
 * which costs more than the rest of a small request.
 */
export function requestHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming?.headers) {
    const v = incoming.headers[name];
    return Array.isArray(v) ? v.join(', ') : v;
  }
  return c.req.header(name);
}

/** The default body limit when a caller gives none (1 MiB). */
export const DEFAULT_BODY_LIMIT = 1 << 20;

const tooLarge = (limit: number) => new ApiError(413, 'body_too_large', `the request body is larger than ${limit} bytes`);

/**
 * The request body as text, refused (413) past `limit` bytes. On Node it
 * reads the socket's IncomingMessage directly: much cheaper than having the
 * adapter build a WHATWG Request and stream for each call.
 */
export async function readBody(c: Context, limit: number): Promise<string> {
  const declared = requestHeader(c, 'content-length');
  if (declared !== undefined && Number(declared) > limit) throw tooLarge(limit);
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && typeof incoming.on === 'function' && !incoming.readableEnded) {
    return new Promise((done, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (d: Buffer) => {
        size += d.length;
        if (size > limit) {
          incoming.off('data', onData);
          incoming.resume(); // the adapter drains the rest once the answer is sent
          reject(tooLarge(limit));
        } else chunks.push(d);
      };
      incoming.on('data', onData);
      incoming.once('end', () => done(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, size).toString('utf8')));
      incoming.once('error', () => reject(new ApiError(400, 'invalid_body', 'the request body could not be read')));
    });
  }
  const buf = await c.req.arrayBuffer();
  if (buf.byteLength > limit) throw tooLarge(limit);
  return new TextDecoder().decode(buf);
}

/**
 * Reads the request body as JSON and validates it. 415 unless the body is
 * declared JSON; 413 past `limit` bytes; 400 for malformed JSON or a body
 * that does not fit `schema`.
 *
 * @example
 * ```ts
 * const { source } = await readJson(c, object({ source: string() }), 1 << 20)
 * ```
 */
export async function readJson<T>(c: Context, schema: Schema<T>, limit = DEFAULT_BODY_LIMIT): Promise<T> {
  const type = requestHeader(c, 'content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', `send the body as JSON with 'Content-Type: application/json'${type ? ` (got '${type.slice(0, 80)}')` : ''}`);
  }
  const text = await readBody(c, limit);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    throw new ApiError(400, 'invalid_json', `the body is not valid JSON${m ? ` (at character ${m[1]})` : ''}`);
  }
  return schema.parse(json, '');
}
