/**
 * The notebook cell model round-trips: splitting any page and joining it
 * again gives the same bytes, and generated fences come back as the cells
 * they were made from (kind, name, body), whatever the line endings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { cellsOf, frontMatterFields, joinPage, newCell, splitPage } from '../../src/notebook/cells.js';

const eolArb = fc.constantFrom('\n', '\r\n');
const mdLine = fc.constantFrom('# Title', 'Some text with `code` and ``double``.', '', '  indented', '> quote ```js', '- item', '    ```js', '---', '~~', '``', 'x ${1} y');
const bodyLine = fc.constantFrom('SELECT 1', 'source s { path "a.csv" }', '``', '```', '  ``', '~~~', 'const x = `tmpl ${1}`;', '', '{"mark": "bar"}', '    ````');

interface Piece {
  kind: 'md' | 'fence';
  lines?: string[];
  char?: '`' | '~';
  len?: number;
  info?: string;
  body?: string[];
}
const pieceArb: fc.Arbitrary<Piece> = fc.oneof(
  fc.record({ kind: fc.constant('md' as const), lines: fc.array(mdLine, { minLength: 1, maxLength: 4 }) }),
  fc.record({
    kind: fc.constant('fence' as const),
    char: fc.constantFrom('`' as const, '~' as const),
    len: fc.integer({ min: 3, max: 6 }),
    info: fc.constantFrom('fdl', 'sql id=top', 'sql', 'chart', 'js', 'js echo', 'python', '', 'sql id=big precompute'),
    body: fc.array(bodyLine, { maxLength: 5 }),
  }),
);

/** A page from pieces; a fence body never contains a line that would close it. */
function render(pieces: Piece[], eol: string, fm: boolean, trailing: boolean): { text: string; fences: Piece[] } {
  const out: string[] = [];
  const fences: Piece[] = [];
  if (fm) out.push('---', 'title: A page', 'fdl: [./project.fdl]', '---');
  for (const p of pieces) {
    if (p.kind === 'md') {
      // Markdown lines that would open a fence belong to fence pieces only.
      out.push(...p.lines!.map((l) => (/^ {0,3}(```|~~~)/.test(l) ? `x${l}` : l)));
    } else {
      const fence = p.char!.repeat(p.len!);
      const body = p.body!.filter((l) => !new RegExp(`^ {0,3}\\${p.char}{${p.len},}\\s*$`).test(l));
      out.push(fence + p.info!, ...body, fence);
      fences.push({ ...p, body });
    }
  }
  // A page that starts with `---` has front matter up to the next `---` line: only generated on purpose.
  if (!fm && out[0] === '---') out[0] = 'x---';
  let text = out.join(eol);
  if (trailing) text += eol;
  return { text, fences };
}

test('join(split(page)) is the page, byte for byte (generated pages)', () => {
  fc.assert(
    fc.property(fc.array(pieceArb, { maxLength: 8 }), eolArb, fc.boolean(), fc.boolean(), (pieces, eol, fm, trailing) => {
      const { text, fences } = render(pieces, eol, fm, trailing);
      const page = splitPage(text);
      assert.equal(joinPage(page), text);
      const cells = cellsOf(page);
      assert.equal(cells.length, fences.length);
      cells.forEach((c, i) => {
        const f = fences[i]!;
        assert.equal(c.info, f.info);
        assert.equal(c.body, f.body!.map((l) => l + eol).join(''));
        assert.equal(c.kind, ['fdl', 'sql', 'chart', 'js'].find((k) => f.info!.split(' ')[0] === k) ?? 'code');
      });
      if (fm) assert.ok(page.frontMatter.startsWith('---'));
    }),
    { numRuns: 3000 },
  );
});

test('join(split(s)) === s for arbitrary text of fence-prone characters', () => {
  const chars = fc.constantFrom('`', '~', '\n', '\r', '-', ' ', 'a', 's', 'q', 'l', '{', '}', '$');
  fc.assert(fc.property(fc.array(chars, { maxLength: 200 }).map((a) => a.join('')), (s) => assert.equal(joinPage(splitPage(s)), s)), { numRuns: 2000 });
});

test('cells: kinds, names, lines, an unterminated fence, nested backticks', () => {
  const text = '---\ntitle: T\nsql:\n  gaia: ./gaia.parquet\n---\n# Hi\n\n````sql id=top\nSELECT ```x``` \n````\ntext\n~~~chart\n{}\n~~~\n```fdl\nsource s';
  const page = splitPage(text);
  const cells = cellsOf(page);
  assert.deepEqual(cells.map((c) => [c.kind, c.id, c.line]), [['sql', 'top', 8], ['chart', undefined, 12], ['fdl', undefined, 15]]);
  assert.equal(cells[0]!.body, 'SELECT ```x``` \n');
  assert.equal(cells[2]!.close, '');
  assert.equal(cells[2]!.body, 'source s');
  assert.deepEqual(frontMatterFields(page.frontMatter), { title: 'T', sql: { gaia: './gaia.parquet' } });
  assert.deepEqual(frontMatterFields('---\nfdl: [./a.fdl, "../b.fdl"]\n---\n'), { fdl: ['./a.fdl', '../b.fdl'] });
  assert.equal(joinPage(page), text);
});

test('newCell fences a body containing backtick fences with a longer fence', () => {
  const c = newCell('js', '```\nx\n````', { eol: '\r\n' });
  assert.equal(c.open, '`````js\r\n');
  const page = splitPage('a\n' + c.open + c.body + c.close);
  assert.equal(cellsOf(page)[0]!.body, '```\nx\n````\r\n');
  assert.equal(newCell('sql', 'SELECT 1', { id: 'one' }).open, '```sql id=one\n');
});
