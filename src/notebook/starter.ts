/**
 * A first program for a data file (`featurebook new --from-data FILE`): a
 * source on the file, an entity on its likeliest key column, a few windowed
 * features and a training set with the file itself as the spine. The same
 * heuristics as the "Your data" page's starter (notebooks/components/starter.js).
 * @module
 */
import { keywords } from '../editor/complete.js';
import { typeOfDuckDb } from '../lang/types.js';

const RESERVED = new Set(['and', 'or', 'not', 'in', 'is', 'true', 'false', 'null']);
const fdlName = (s: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !RESERVED.has(s.toLowerCase()) ? s : '`' + s.replaceAll('`', '') + '`');
function identifier(s: string): string {
  const id = s.replace(/^.*\//, '').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^([0-9])/, '_$1').replace(/^_+|_+$/g, '').toLowerCase() || 'data';
  return RESERVED.has(id) || keywords.includes(id) ? `${id}_data` : id;
}

export function starterProgram(path: string, columns: { name: string; type: string }[]): { program: string; source: string; set: string; time: string } {
  const source = identifier(path);
  const kind = (c: { type: string }) => typeOfDuckDb(c.type);
  const times = columns.filter((c) => kind(c) === 'time');
  const strings = columns.filter((c) => kind(c) === 'string');
  const ints = columns.filter((c) => kind(c) === 'integer');
  const key = [...strings, ...ints].find((c) => /(^|_)(id|key)$/i.test(c.name)) ?? strings[0] ?? ints[0];
  const time = times.find((c) => /(^|_)(ts|time|timestamp|date|at)$/i.test(c.name)) ?? times[0];
  const numbers = columns.filter((c) => ['integer', 'number'].includes(kind(c)) && c !== key && !/(^|_)id$/i.test(c.name)).slice(0, 3);
  let entity = key ? identifier(key.name.replace(/_?(id|key)$/i, '') || key.name) : 'thing';
  if (entity === source) entity = `${entity}_entity`;
  const view = `${entity}_${source}`;
  const lines = [
    `# A starting point generated from ${path}: edit freely.`,
    `project ${source}`,
    '',
    `source ${source} {`,
    `  path "${path.replaceAll('"', '')}"`,
    time ? `  timestamp ${fdlName(time.name)}` : '  # no time column found: every source needs one\n  timestamp ts',
    '}',
    '',
    `entity ${entity} { key ${key ? fdlName(key.name) : 'id'} }`,
    '',
    `features ${view} on ${source} by ${entity} {`,
    '  rows_7d = count() over 7d',
    '  rows_30d = count() over 30d',
  ];
  for (const c of numbers) lines.push(`  ${identifier(c.name)}_sum_7d = sum(${fdlName(c.name)}) over 7d`, `  ${identifier(c.name)}_avg_30d = avg(${fdlName(c.name)}) over 30d`);
  lines.push('}', '', `training_set ${source}_train {`, `  spine ${source}`, `  features ${view}.*`, '}', '');
  return { program: lines.join('\n'), source, set: `${source}_train`, time: time?.name ?? 'ts' };
}
