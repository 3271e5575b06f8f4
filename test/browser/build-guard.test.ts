/**
 * The site build's guard: Framework exits 0 when a page's import cannot be
 * resolved, so scripts/build-site.mjs reads the log and the built pages and
 * fails itself. Each case builds a one-page Framework project.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { root } from './harness.js';

const { logProblems, pageProblems } = (await import(join(root, 'scripts/build-site.mjs'))) as {
  logProblems: (log: string) => string[];
  pageProblems: (html: string) => string[];
};

// Inside the repository, so that Framework resolves bare imports from its node_modules.
const base = join(root, 'test/.tmp/build-guard');
after(() => rmSync(base, { recursive: true, force: true }));

function project(name: string, page: string): string {
  const dir = join(base, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'observablehq.config.js'), 'export default { root: ".", output: "dist", globalStylesheets: [], search: false };\n');
  writeFileSync(join(dir, 'index.md'), page);
  writeFileSync(join(dir, 'ok.js'), 'export const ok = 42;\n');
  return dir;
}

function buildProject(dir: string) {
  return spawnSync(process.execPath, [join(root, 'scripts/build-site.mjs'), '--project', dir], { cwd: root, encoding: 'utf8', env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: '1' } });
}

describe('the site build fails loudly', () => {
  test('a page that imports only local files builds', () => {
    const r = buildProject(project('clean', '# Clean\n\n```js\nimport {ok} from "./ok.js";\ndisplay(ok);\n```\n'));
    assert.equal(r.status, 0, r.stderr);
  });

  test('a bare package import that Framework cannot bundle (chevrotain) fails the build', () => {
    const r = buildProject(project('bare', '# Bare\n\n```js\nimport {Lexer} from "chevrotain";\ndisplay(typeof Lexer);\n```\n'));
    assert.notEqual(r.status, 0, 'the build must fail');
    assert.match(r.stderr, /problems/);
  });

  test('an import of a local file that does not exist fails the build', () => {
    const r = buildProject(project('missing', '# Missing\n\n```js\nimport {x} from "./lib/missing.js";\ndisplay(x);\n```\n'));
    assert.notEqual(r.status, 0, 'the build must fail');
  });
});

describe('what the guard looks for', () => {
  test('errors in the build log', () => {
    assert.deepEqual(logProblems('load /index in 3ms\nbuilt 1 page\n'), []);
    assert.equal(logProblems('[PLUGIN_ERROR] something\n').length, 1);
    assert.equal(logProblems('Error: unable to fetch: https://registry.npmjs.org/x\n').length, 1);
  });

  test('non-relative imports and external resources in built pages', () => {
    assert.deepEqual(pageProblems('<script type="module">import("./_import/a.js"); import {x} from "../b.js";</script><link rel="modulepreload" href="./_npm/c.js">'), []);
    assert.equal(pageProblems('<script type="module">import("https://cdn.jsdelivr.net/npm/d3/+esm")</script>').length, 2);
    assert.equal(pageProblems('<script type="module">import {Lexer} from "chevrotain";</script>').length, 1);
    assert.equal(pageProblems('<link rel="modulepreload" href="/_npm/x.js">').length, 1);
    assert.equal(pageProblems('<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Source+Serif">').length, 2);
  });
});
