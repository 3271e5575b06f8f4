/** Query results as Arrow: timestamps are UTC whatever the machine's zone (tests run in America/Los_Angeles). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toArrowTable } from '../src/arrow.js';

test('a TIMESTAMP value given as text without a zone is read as UTC', () => {
  const at = Date.UTC(2024, 0, 1, 12, 30);
  const t = toArrowTable({
    columns: [{ name: 't', type: 'TIMESTAMP' }],
    rows: [{ t: '2024-01-01 12:30:00' }, { t: '2024-01-01T12:30:00' }, { t: '2024-01-01T12:30:00Z' }, { t: '2024-01-01T13:30:00+01:00' }, { t: new Date(at) }, { t: '2024-01-01' }],
  });
  const got = Array.from({ length: 6 }, (_, i) => t.getChild('t')!.get(i));
  assert.deepEqual(got, [at, at, at, at, at, Date.UTC(2024, 0, 1)]);
});
