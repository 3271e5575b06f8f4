/**
 * The page transform: cells become Framework cells with data-fb-cell, `${}`
 * in sql becomes bound parameters, and problems found without running — FDL
 * errors, a chart that is not JSON, a CDN-only built-in — name the page's
 * line and column; `featurebook site` fails on them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { transformPage } from '../../src/notebook/transform.js';
import { sqlTemplate } from '../../src/notebook/sql-template.js';
import { savePath } from '../../src/notebook/node.js';

const root = new URL('../..', import.meta.url).pathname;

test('sql ${} become ? placeholders with their expressions as parameters', () => {
  // Braces and quotes inside an expression do not end it.
  assert.deepEqual(sqlTemplate("SELECT * FROM t WHERE a > ${n} AND b = ${({x: '}'}).x}"), { sql: 'SELECT * FROM t WHERE a > ? AND b = ?', params: ['n', "({x: '}'}).x"] });
  const t = sqlTemplate('SELECT ${a} + ${ {b: 1}.b } AS s');
  assert.equal(t.sql, 'SELECT ? + ? AS s');
  assert.deepEqual(t.params, ['a', '{b: 1}.b']);
  assert.throws(() => sqlTemplate('SELECT ${a'), /unclosed/);
});

test('cells become Framework cells carrying data-fb-cell; front matter sql: is taken out', () => {
  const page = '---\ntitle: T\nsql:\n  t: ./t.csv\n---\n# T\n\n```fdl\nproject p\n```\n\n```sql id=top\nSELECT ${n} AS x\n```\n\n```chart\n{"data": {"name": "top"}, "mark": "bar"}\n```\n\n```js\nconst n = 1;\n```\n\n```python\nprint(1)\n```\n';
  const { markdown, problems } = transformPage(page, { path: 'p.md' });
  assert.deepEqual(problems, []);
  for (const k of ['fdl', 'sql', 'chart', 'js']) assert.match(markdown, new RegExp(`<div data-fb-cell="${k}">`));
  assert.match(markdown, /const top = await __fbpage\.sql\(__fbprog, 1, \[n\], display\);/);
  assert.match(markdown, /__fbpage\.chart\(2, \{top\}\)/);
  assert.doesNotMatch(markdown, /^sql:/m);
  assert.match(markdown, /```python\nprint\(1\)\n```/);
});

test('problems name the page line and column', () => {
  const page = '# T\n\n```fdl\nsource s {\n  path "a.csv"\n  timestamp ts\n}\nfeatures f on nope by e {\n  x = count() over 1d\n}\n```\n\n```chart\n{"mark": "bar",,}\n```\n\n```js\nPlot.plot({})\n```\n';
  const { problems } = transformPage(page, { path: 'p.md' });
  const lines = problems.map((p) => `${p.line}:${p.column}: ${p.message.split(':')[0]}`);
  assert.ok(lines.some((l) => /^8:\d+: fdl/.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => /^14:\d+: chart/.test(l)), lines.join('\n'));
  assert.ok(lines.includes('18:1: js'), lines.join('\n'));
});

test('featurebook site fails naming the page and line of a cell error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'featurebook-site-'));
  try {
    mkdirSync(join(dir, 'nb/sub'), { recursive: true });
    writeFileSync(join(dir, 'nb/index.md'), '# Fine\n');
    writeFileSync(join(dir, 'nb/sub/bad.md'), '# Bad\n\n```chart\n{nope}\n```\n');
    const r = spawnSync(process.execPath, [join(root, 'bin/featurebook.js'), 'site', join(dir, 'nb'), '--out', join(dir, 'out')], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /sub\/bad\.md:4:2: chart: not a JSON Vega-Lite spec/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('saves are confined to .md pages inside the folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'featurebook-save-'));
  try {
    assert.equal(savePath(dir, 'a/b.md'), join(dir, 'a/b.md'));
    for (const bad of ['../a.md', 'a.fdl', '/abs.md', 'a/../../b.md', '.git/x.md', 'node_modules/x.md', 'a\\b.md', '', 42]) assert.equal(typeof savePath(dir, bad), 'object', String(bad));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('featurebook new --from-data writes a starter program that checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'featurebook-new-'));
  try {
    writeFileSync(join(dir, 'ev.csv'), 'user_id,event_ts,amount\nu1,2024-01-01 10:00:00,3.5\nu2,2024-01-02 11:00:00,4\n');
    const cli = (...a: string[]) => spawnSync(process.execPath, [join(root, 'bin/featurebook.js'), ...a], { cwd: dir, encoding: 'utf8' });
    const made = cli('new', 'nb', '--from-data', 'ev.csv');
    assert.equal(made.status, 0, made.stderr);
    const checked = cli('check', 'nb/project.fdl');
    assert.equal(checked.status, 0, checked.stdout + checked.stderr);
    const { problems } = transformPage(readFileSync(join(dir, 'nb/index.md'), 'utf8'), { path: 'index.md', fdlFiles: { './project.fdl': readFileSync(join(dir, 'nb/project.fdl'), 'utf8') } });
    assert.deepEqual(problems, []);
    assert.equal(cli('new', 'nb2', '--from-data', 'missing.csv').status, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
