/** The body validator: typed values back, field paths and clear messages on failure. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../server/errors/index.js';
import { array, boolean, integer, object, optional, record, scalar, string } from '../../server/validate/index.js';

const fails = (fn: () => unknown, field: string | undefined, message: RegExp) => {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ApiError, `expected ApiError, got ${e}`);
    assert.equal(e.status, 400);
    assert.equal(e.code, 'invalid_body');
    assert.equal(e.field, field);
    assert.match(e.message, message);
    return;
  }
  assert.fail('expected a validation error');
};

const features = object({
  project: string({ min: 1, max: 20 }),
  features: array(string({ min: 1 }), { min: 1, max: 3 }),
  entities: array(record(scalar(), { min: 1 }), { min: 1, max: 2 }),
  limit: optional(integer({ min: 0 })),
  force: optional(boolean()),
});

test('accepts a valid body and drops nothing', () => {
  const v = features.parse({ project: 'p', features: ['a.b'], entities: [{ k: 1 }, { k: 'x' }], limit: 3 }, '');
  assert.deepEqual(v, { project: 'p', features: ['a.b'], entities: [{ __proto__: null, k: 1 }, { __proto__: null, k: 'x' }], limit: 3 });
});

test('names the field that is wrong', () => {
  fails(() => features.parse({ project: 'p', features: ['a.b'], entities: [{ k: 1 }, { k: null }] }, ''), 'entities[1].k', /expected a string or a number, got null/);
  fails(() => features.parse({ project: 'p', features: [], entities: [{ k: 1 }] }, ''), 'features', /must not be empty/);
  fails(() => features.parse({ project: 'p', features: ['a', 'b', 'c', 'd'], entities: [{ k: 1 }] }, ''), 'features', /at most 3 items/);
  fails(() => features.parse({ features: ['a'], entities: [{ k: 1 }] }, ''), 'project', /is required \(a string\)/);
  fails(() => features.parse({ project: 7, features: ['a'], entities: [{ k: 1 }] }, ''), 'project', /expected a string, got a number/);
  fails(() => features.parse({ project: 'p', features: ['a'], entities: [{}] }, ''), 'entities[0]', /must not be empty/);
  fails(() => features.parse({ project: 'p', features: ['a'], entities: [{ k: 1 }], limit: 1.5 }, ''), 'limit', /expected an integer/);
  fails(() => features.parse({ project: 'p', features: ['a'], entities: [{ k: Infinity }] }, ''), 'entities[0].k', /expected a string or a number/);
});

test('refuses unknown fields with a did-you-mean', () => {
  fails(() => features.parse({ project: 'p', featurs: ['a'], features: ['a'], entities: [{ k: 1 }] }, ''), 'featurs', /unknown field \(did you mean 'features'\?\)/);
});

test('refuses non-objects at the top', () => {
  for (const v of [null, [], 'x', 3, true]) fails(() => features.parse(v, ''), undefined, /expected an object/);
});

test('record keys are checked and kept as given', () => {
  const r = record(scalar()).parse({ 'a b': 1, ü: 'x' }, 'e');
  assert.deepEqual(r, { __proto__: null, 'a b': 1, ü: 'x' });
});

test('prototype keys are plain fields: records have no prototype, objects refuse them as unknown', () => {
  const r = record(scalar()).parse(JSON.parse('{"__proto__": 1, "constructor": "c"}'), 'e');
  assert.equal(Object.getPrototypeOf(r), null);
  assert.equal(r.__proto__, 1);
  assert.equal(r.toString, undefined);
  assert.equal(r.constructor, 'c');
  for (const k of ['__proto__', 'constructor', 'toString'])
    fails(() => features.parse(JSON.parse(`{"project": "p", "features": ["a"], "entities": [{"k": 1}], "${k}": 1}`), ''), k, /unknown field/);
});
