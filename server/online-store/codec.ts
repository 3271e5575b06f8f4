/**
 * How values are stored in the online store: an entity's key values become
 * one hash field, and a view's feature values for that entity one JSON array
 * (in the generation's feature order). Docs: docs/redis.md.
 * @module
 */
import type { Value } from '../../src/engine/engine.js';

/** Separates the parts of a composite entity key (ASCII unit separator). */
export const KEY_SEPARATOR = '\u001f';

/** One key value as text: numbers in their shortest form, times as ISO-8601 UTC. */
export function keyText(v: Value | undefined): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (v === null || v === undefined) return '';
  return typeof v === 'boolean' ? String(v) : JSON.stringify(v);
}

/** The hash field for an entity: its key values joined by the unit separator. */
export function entityField(values: readonly (Value | undefined)[]): string {
  if (values.length === 1) return keyText(values[0]);
  let s = keyText(values[0]);
  for (let i = 1; i < values.length; i++) s += KEY_SEPARATOR + keyText(values[i]);
  return s;
}

/** JSON for one value; non-finite numbers (which JSON cannot hold) as the strings "NaN", "Infinity", "-Infinity". */
export function valueJson(v: Value): string {
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? String(v) : `"${v}"`;
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      if (v === null) return 'null';
      if (v instanceof Date) return `"${v.toISOString()}"`;
      return JSON.stringify(v);
  }
}

/** Packs the values `row[from..to)` as a JSON array. */
export function packValues(row: readonly Value[], from = 0, to = row.length): string {
  let s = '[';
  for (let i = from; i < to; i++) {
    if (i > from) s += ',';
    s += valueJson(row[i]!);
  }
  return s + ']';
}

export const unpackValues = (packed: string): unknown[] => JSON.parse(packed) as unknown[];

/** Numbers closer than this (relative; absolute near zero) count as the same value in incremental runs. */
export const FLOAT_TOLERANCE = 1e-9;

/**
 * Whether two packed value arrays hold the same values, numbers compared
 * within FLOAT_TOLERANCE: a float aggregate computed twice on the same rows
 * may differ in its last digits (DuckDB sums in parallel, in any order).
 */
export function samePacked(a: string, b: string): boolean {
  if (a === b) return true;
  let x: unknown[], y: unknown[];
  try {
    x = unpackValues(a);
    y = unpackValues(b);
  } catch {
    return false;
  }
  if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const u = x[i];
    const v = y[i];
    if (u === v) continue;
    if (typeof u !== 'number' || typeof v !== 'number') return false;
    if (Math.abs(u - v) > FLOAT_TOLERANCE * Math.max(Math.abs(u), Math.abs(v), 1e-3)) return false;
  }
  return true;
}

/** A value as the HTTP API returns it: what `valueJson` would store, parsed back. */
export function servedValue(v: Value): unknown {
  return JSON.parse(valueJson(v));
}
