/**
 * `featurebook new DIR [--from-data FILE]`: a notebook folder that works at
 * once — `project.fdl`, `data/` (a small dataset from a deterministic
 * generator, or the given file), and an `index.md` that uses every cell kind.
 * @module
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { NotebookError } from './node.js';

/** A small, deterministic PRNG (mulberry32): the same folder every time. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Plain UTC timestamps (no zone suffix): DuckDB reads them as TIMESTAMP, which needs no ICU.
const stamp = (t: number) => new Date(t).toISOString().replace('T', ' ').replace('.000Z', '');

/** Orders of 40 customers over 90 days, and a label per customer per week: CSV texts. */
export function sampleData(): { orders: string; labels: string } {
  const r = rng(42);
  const start = Date.UTC(2024, 0, 1);
  const day = 86_400_000;
  const categories = ['books', 'games', 'garden', 'music', 'tools'];
  const rows: string[] = ['order_id,customer_id,ts,amount,category'];
  let id = 1;
  for (let c = 1; c <= 40; c++) {
    const n = 5 + Math.floor(r() * 25);
    const times = Array.from({ length: n }, () => start + Math.floor(r() * 90 * day)).sort((a, b) => a - b);
    for (const t of times) {
      const amount = (5 + r() * (c % 5 === 0 ? 300 : 80)).toFixed(2);
      rows.push(`${id++},c${String(c).padStart(3, '0')},${stamp(t)},${amount},${categories[Math.floor(r() * categories.length)]}`);
    }
  }
  const labels: string[] = ['customer_id,label_ts,churned'];
  for (let c = 1; c <= 40; c++) for (let w = 4; w < 13; w++) labels.push(`c${String(c).padStart(3, '0')},${stamp(start + w * 7 * day)},${r() < 0.2 ? 1 : 0}`);
  return { orders: rows.join('\n') + '\n', labels: labels.join('\n') + '\n' };
}

export const SAMPLE_PROGRAM = `# A first program: customers' orders, and features as of each weekly label.
project shop

source orders {
  path "data/orders.csv"
  timestamp ts
}

source labels {
  path "data/labels.csv"
  timestamp label_ts
}

entity customer { key customer_id }

features customer_orders on orders by customer {
  orders_7d = count() over 7d
  spend_30d = sum(amount) over 30d
  avg_amount_30d = avg(amount) over 30d
}

training_set churn_train {
  spine labels
  features customer_orders.*
  label churned
}
`;

const INDEX = (title: string, source: string, set: string, viewCell: string) => `---
title: ${title}
fdl: [./project.fdl]
---

# ${title}

This page is a notebook: its cells are fenced blocks of Markdown. The
program is \`project.fdl\` (named in the front matter) plus the \`fdl\` cells
of this page; its sources and training sets are tables for the \`sql\` cells.
Run \`featurebook notebook .\` to edit it in the browser, \`featurebook site . --out site\`
to publish it.

An \`fdl\` cell adds to the program (edit it: diagnostics and completion as you type):

\`\`\`fdl
${viewCell}
\`\`\`

A \`js\` cell with an input from the self-hosted inputs library:

\`\`\`js
const limit = view(Inputs.range([1, 50], {value: 10, step: 1, label: "rows"}));
const min_rows = view(Inputs.range([1, 10], {value: 1, step: 1, label: "min rows per day"}));
\`\`\`

A \`sql\` cell: \`\${limit}\` is a bound parameter, and the result is named \`top\`:

\`\`\`sql id=top
SELECT * FROM ${set} ORDER BY 1, 2 LIMIT \${limit}
\`\`\`

The rows of \`${source}\` per day, the days with at least \${min_rows}:

\`\`\`sql id=per_day
SELECT epoch_ms(${'"'}__TS__${'"'}) // 86400000 * 86400000 AS day, count(*) AS n FROM ${source} GROUP BY 1 HAVING count(*) >= \${min_rows} ORDER BY 1
\`\`\`

A \`chart\` cell (Vega-Lite), redrawn when \`per_day\` changes:

\`\`\`chart
{
  "data": {"name": "per_day"},
  "mark": "bar",
  "encoding": {
    "x": {"field": "day", "type": "temporal"},
    "y": {"field": "n", "type": "quantitative"}
  }
}
\`\`\`

Markdown can show values too: \`top\` has \${top.length} rows, \`per_day\` \${per_day.length}.
`;

/** Writes a new notebook folder; refuses a non-empty one. */
export async function newNotebook(dir: string, fromData?: string): Promise<string[]> {
  const abs = resolve(dir);
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory()) throw new NotebookError(`${dir}: exists and is not a folder`);
    const entries = readdirSync(abs);
    if (entries.length) throw new NotebookError(`${dir}: the folder is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); give a new or empty folder`);
  }
  mkdirSync(join(abs, 'data'), { recursive: true });
  const written: string[] = [];
  const write = (rel: string, text: string) => {
    writeFileSync(join(abs, rel), text);
    written.push(rel);
  };
  write('.gitignore', '.observablehq/\ndist/\nsite/\n');
  if (!fromData) {
    const { orders, labels } = sampleData();
    write('data/orders.csv', orders);
    write('data/labels.csv', labels);
    write('project.fdl', SAMPLE_PROGRAM);
    write('index.md', INDEX('Shop', 'orders', 'churn_train', 'features customer_category on orders by customer {\n  categories_30d = count_distinct(category) over 30d\n}').replace('__TS__', 'ts'));
    return written;
  }
  if (!existsSync(fromData)) throw new NotebookError(`--from-data ${fromData}: no such file`);
  const ext = extname(fromData).toLowerCase();
  if (!['.csv', '.parquet', '.json', '.ndjson', '.jsonl'].includes(ext)) throw new NotebookError(`--from-data ${fromData}: expected a .csv, .parquet or .json file`);
  const name = basename(fromData);
  copyFileSync(fromData, join(abs, 'data', name));
  written.push(`data/${name}`);
  const { NodeEngine } = await import('../engine/node.js');
  const { starterProgram } = await import('./starter.js');
  const engine = await NodeEngine.create();
  let columns;
  try {
    const reader = ext === '.parquet' ? 'read_parquet' : ext === '.csv' ? 'read_csv_auto' : 'read_json_auto';
    columns = await engine.describe(`SELECT * FROM ${reader}('${join(abs, 'data', name).replaceAll("'", "''")}')`);
  } catch (err) {
    throw new NotebookError(`--from-data ${fromData}: cannot read it: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    await engine.close();
  }
  const { program, source, set, time } = starterProgram(`data/${name}`, columns);
  write('project.fdl', program);
  const extra = `# add features here; they join the program of project.fdl\nfeatures ${source}_extra on ${source} by ${program.match(/^entity (\w+)/m)?.[1] ?? 'thing'} {\n  rows_1d = count() over 1d\n}`;
  write('index.md', INDEX(source, source, set, extra).replace('__TS__', time));
  return written;
}
