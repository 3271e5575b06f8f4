/**
 * Server-side data paths stay inside the data root: lexically, through
 * symlinks, for globs; and DuckDB itself is locked to the root.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataRoot } from '../../server/data-root/index.js';
import { ServerEngine } from '../../server/engine/index.js';
import { ApiError } from '../../server/errors/index.js';

let base: string;
let root: DataRoot;

before(() => {
  base = mkdtempSync(join(tmpdir(), 'featurebook-root-'));
  mkdirSync(join(base, 'root/data/sub'), { recursive: true });
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'root/data/a.csv'), 'x\n1\n');
  writeFileSync(join(base, 'outside/secret.csv'), 'x\n42\n');
  symlinkSync(join(base, 'outside'), join(base, 'root/data/sub/escape'));
  symlinkSync(join(base, 'outside/secret.csv'), join(base, 'root/data/link.csv'));
  symlinkSync(join(base, 'root/data/a.csv'), join(base, 'root/data/inner.csv'));
  root = new DataRoot(join(base, 'root'));
});
after(() => rmSync(base, { recursive: true, force: true }));

test('allows files and globs inside the root', () => {
  assert.equal(root.check(join(base, 'root/data/a.csv')), undefined);
  assert.equal(root.check(join(base, 'root/data/inner.csv')), undefined);
  assert.equal(root.check(join(base, 'root/data/missing.csv')), undefined);
  // link.csv escapes, but *.parquet cannot match it.
  assert.equal(root.check(join(base, 'root/data/*.parquet')), undefined);
  assert.equal(root.check(join(base, 'root/data/a*.csv')), undefined);
});

test('refuses paths outside, .., URLs and relative paths', () => {
  assert.match(root.check(join(base, 'outside/secret.csv'))!, /outside the server's data root/);
  assert.match(root.check(join(base, 'root-evil/x.csv'))!, /outside/);
  assert.match(root.check(base + '/root/data/../../outside/secret.csv')!, /'\.\.' is not allowed/);
  assert.match(root.check(base + '/root/data/../data/a.csv')!, /'\.\.' is not allowed/);
  assert.match(root.check('s3://bucket/x.parquet')!, /remote paths are not allowed/);
  assert.match(root.check('https://example.com/x.csv')!, /remote paths/);
  assert.match(root.check('data/a.csv')!, /not absolute/);
  assert.match(root.check('/etc/passwd')!, /outside/);
});

test('refuses symlinks that lead out, for files and for globs', () => {
  assert.match(root.check(join(base, 'root/data/link.csv'))!, /through a symlink/);
  assert.match(root.check(join(base, 'root/data/sub/escape/secret.csv'))!, /through a symlink/);
  assert.match(root.check(join(base, 'root/data/sub/*/*.csv'))!, /leads outside/);
  assert.match(root.check(join(base, 'root/data/**/*.csv'))!, /leads outside/);
  assert.match(root.check(join(base, 'root/data/*.csv'))!, /link\.csv|leads outside/);
});

test('assert throws 403 path_not_allowed', () => {
  assert.throws(
    () => root.assert('/etc/passwd', "source 'x'"),
    (e: unknown) => e instanceof ApiError && e.status === 403 && e.code === 'path_not_allowed' && /source 'x'/.test(e.message),
  );
});

test('the file a request source lives in must be relative and without ..', () => {
  assert.equal(root.sourceFile(undefined), join(base, 'root/project.fdl'));
  assert.equal(root.sourceFile('data/p.fdl'), join(base, 'root/data/p.fdl'));
  for (const bad of ['/etc/p.fdl', '../p.fdl', 'data/../../p.fdl']) {
    assert.throws(() => root.sourceFile(bad), (e: unknown) => e instanceof ApiError && e.status === 400 && e.field === 'path');
  }
});

test('DuckDB is locked to the root: no reads outside, no writes outside, no unlocking', async () => {
  const engine = await ServerEngine.create({ allowedDirectories: root.allowedDirectories, threads: 1 });
  try {
    const ok = await engine.query(`SELECT * FROM read_csv('${join(base, 'root/data/a.csv')}')`);
    assert.deepEqual(ok.rows, [{ x: 1 }]);
    const refused = [
      `SELECT * FROM read_csv('${join(base, 'outside/secret.csv')}')`,
      `SELECT * FROM read_csv('${join(base, 'root/data/../../outside/secret.csv')}')`,
      `SELECT * FROM read_csv('${join(base, 'root/data/link.csv')}')`,
      `SELECT * FROM read_csv('/etc/passwd')`,
      `COPY (SELECT 1) TO '${join(base, 'outside/out.csv')}'`,
      `SET enable_external_access = true`,
      `SET allowed_directories = ['/']`,
      `SET lock_configuration = false`,
    ];
    for (const sql of refused) await assert.rejects(engine.query(sql), /Permission Error|locked|disabled/, sql);
  } finally {
    await engine.close();
  }
});

test('relative and redact: answers show paths relative to the root, never the root itself', () => {
  assert.equal(root.relative(join(base, 'root/data/a.csv')), 'data/a.csv');
  assert.equal(root.relative(join(base, 'root')), '.');
  assert.equal(root.relative(join(base, 'outside/secret.csv')), '../outside/secret.csv');
  const duck = `No files found that match the pattern "${join(base, 'root/data/x.csv')}"`;
  assert.equal(root.redact(duck), 'No files found that match the pattern "data/x.csv"');
  assert.equal(root.redact(`folder ${join(base, 'root')}`), 'folder .');
  assert.deepEqual(root.redactJson({ error: { message: duck, details: [{ hint: join(base, 'root/data') }] } }), { error: { message: 'No files found that match the pattern "data/x.csv"', details: [{ hint: 'data' }] } });
  const same = { a: 'nothing to hide' };
  assert.equal(root.redactJson(same), same);
  assert.equal(new DataRoot('/').redact('/etc/passwd'), '/etc/passwd');
});
