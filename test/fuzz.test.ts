/**
 * Hostile input: thousands of random and mutated programs through the
 * parser, the checker, the compiler and the CLI. Nothing may throw, every
 * diagnostic must carry a valid position, and every program the checker
 * accepts must compile to SQL that DuckDB runs.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parse } from '../src/lang/parse.js';
import { check } from '../src/lang/check.js';
import { planProject } from '../src/compile/plan.js';
import { compileObjects } from '../src/compile/emit-sql.js';
import { hasErrors, type Diagnostic } from '../src/lang/diagnostics.js';
import { main } from '../src/cli/main.js';
import { NodeEngine, TempProject, rng, toCsv, ts } from './helpers.js';

const root = new URL('..', import.meta.url).pathname;

const SEED_PROGRAM = `# Fraud detection
project fraud

source transactions {
  path "tx.csv"
  timestamp ts
  available ingested_at
  column amount_usd = amount * fx_rate
  where status != 'test'
}

source labels {
  path "labels.csv"
  timestamp label_ts
}

entity user { key user_id }
entity merchant { key merchant_id }

features user_spend on transactions by user {
  txn_count_1h  = count() over 1h
  spend_7d      = sum(amount_usd) over 7d
  avg_spend_30d = avg(amount_usd) over 30d where approved
  merchants_30d = count_distinct(merchant_id) over 30d
  last_country  = last(country)
  spend_ratio   = spend_7d / avg_spend_30d
  ttl 90d
  refresh every 1d delay 2h
  description "Spending behaviour of the card holder"
  owner "risk-team"
}

features merchant_risk on transactions by merchant {
  chargebacks_90d = count() over 90d where is_chargeback
  amt_sd = stddev(amount) over 30d
  first_c = first(country)
  mx = max(amount)
  spread = mx - first_c_len
  first_c_len = length(first_c)
}

training_set fraud_train {
  spine labels
  label is_fraud
  features user_spend.*, merchant_risk.chargebacks_90d
  split time 2024-05-01, 2024-06-01
}

model fraud_lr {
  fit logistic on fraud_train
  inputs user_spend.spend_7d, user_spend.txn_count_1h, merchant_risk.chargebacks_90d
}

monitor fraud_drift {
  reference fraud_train
  features user_spend.*
  every 1d
  psi warn 0.1 alert 0.25 sustained 3
  ks alert 0.2
}
`;

const FRAGMENTS = [
  '{', '}', '(', ')', ',', '.', '*', '=', '==', '!=', '<', '>=', '+', '-', '/', '%', '"', "'", '`', '#', '\n',
  'source', 'entity', 'features', 'training_set', 'model', 'monitor', 'project', 'on', 'by', 'over', 'where', 'ttl',
  'refresh', 'every', 'delay', 'spine', 'label', 'split', 'time', 'fit', 'inputs', 'key', 'path', 'timestamp', 'available',
  'column', 'count()', 'sum(', 'last(', 'if(', 'in', 'is', 'not', 'null', 'and', 'or', 'true', '7d', '0d', '99999999999w',
  '1h', '2024-05-01', '2024-13-45', '2024-02-30T25:00:00Z', '1e309', '0.5', '-3', 'amount', 'user_id', 'spend_7d',
  'user_spend.*', 'merchant_risk.mx', 'x.y.z', '\u0000', '\u{1F600}', 'é', '\\', '$', '@', ';', "'; DROP TABLE x; --",
  '"a\\"b"', 'coalesce(', 'lower(1)', 'count_distinct(', 'if(true, 1, "a")', 'pow(2, 3)', 'ln(0)', '`weird name`',
];

function mutate(text: string, r: ReturnType<typeof rng>): string {
  let s = text;
  const n = 1 + r.int(4);
  for (let i = 0; i < n; i++) {
    const at = r.int(s.length + 1);
    switch (r.int(6)) {
      case 0: // delete a range
        s = s.slice(0, at) + s.slice(at + 1 + r.int(12));
        break;
      case 1: // insert a fragment
        s = s.slice(0, at) + r.pick(FRAGMENTS) + (r.next() < 0.5 ? ' ' : '') + s.slice(at);
        break;
      case 2: {
        // swap two lines
        const lines = s.split('\n');
        const a = r.int(lines.length);
        const b = r.int(lines.length);
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        s = lines.join('\n');
        break;
      }
      case 3: {
        // duplicate a line
        const lines = s.split('\n');
        const a = r.int(lines.length);
        lines.splice(a, 0, lines[a]!);
        s = lines.join('\n');
        break;
      }
      case 4: // replace a word
        s = s.replace(/[A-Za-z_]+/g, (w) => (r.next() < 0.03 ? r.pick(FRAGMENTS) : w));
        break;
      case 5: // random characters
        s = s.slice(0, at) + Array.from({ length: 1 + r.int(5) }, () => String.fromCharCode(r.int(0x250))).join('') + s.slice(at);
        break;
    }
  }
  return s;
}

function validSpans(ds: Diagnostic[], text: string) {
  const lines = text.split('\n').length;
  for (const d of ds) {
    assert.ok(d.span.line >= 1 && d.span.column >= 1, `bad position in ${JSON.stringify(d)}`);
    assert.ok(d.span.line <= lines + 1, `line past the end in ${JSON.stringify(d)}`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0);
    assert.ok(d.severity === 'error' || d.severity === 'warning');
  }
}

const SCHEMAS = new Map([
  [
    'transactions',
    [
      { name: 'user_id', type: 'VARCHAR' },
      { name: 'merchant_id', type: 'VARCHAR' },
      { name: 'ts', type: 'TIMESTAMP' },
      { name: 'ingested_at', type: 'TIMESTAMP' },
      { name: 'amount', type: 'DOUBLE' },
      { name: 'fx_rate', type: 'DOUBLE' },
      { name: 'status', type: 'VARCHAR' },
      { name: 'approved', type: 'BOOLEAN' },
      { name: 'is_chargeback', type: 'BOOLEAN' },
      { name: 'country', type: 'VARCHAR' },
    ],
  ],
  [
    'labels',
    [
      { name: 'user_id', type: 'VARCHAR' },
      { name: 'merchant_id', type: 'VARCHAR' },
      { name: 'label_ts', type: 'TIMESTAMP' },
      { name: 'is_fraud', type: 'BOOLEAN' },
    ],
  ],
]);

let engine: NodeEngine;
let tmp: TempProject;
before(async () => {
  engine = await NodeEngine.create({ threads: 1 });
  tmp = new TempProject();
  const tx = [];
  const r = rng(7);
  for (let i = 0; i < 60; i++) {
    tx.push({
      user_id: `u${r.int(4)}`,
      merchant_id: `m${r.int(3)}`,
      ts: new Date(Date.UTC(2024, 4, 1) + r.int(60) * 86400000 + r.int(24) * 3600000),
      ingested_at: new Date(Date.UTC(2024, 4, 1) + r.int(60) * 86400000),
      amount: r.int(10) === 0 ? null : r.int(50000) / 100,
      fx_rate: 1 + r.int(10) / 10,
      status: r.pick(['ok', 'test']),
      approved: r.next() < 0.8,
      is_chargeback: r.next() < 0.1,
      country: r.pick(['US', 'FR', null]),
    });
  }
  tmp.write('tx.csv', toCsv(tx));
  tmp.write(
    'labels.csv',
    toCsv(Array.from({ length: 20 }, (_, i) => ({ user_id: `u${i % 5}`, merchant_id: `m${i % 4}`, label_ts: ts(`2024-0${5 + (i % 3)}-1${i % 10}`), is_fraud: i % 3 === 0 }))),
  );
});
after(async () => {
  await engine.close();
  tmp.cleanup();
});

test('the seed program checks clean against its schemas', () => {
  const { program, diagnostics } = parse(SEED_PROGRAM);
  assert.deepEqual(diagnostics, []);
  const c = check(program, { schemas: SCHEMAS });
  assert.deepEqual(c.diagnostics.filter((d) => d.severity === 'error'), []);
});

test('3000 mutated programs: parse and check never throw; accepted programs compile to SQL DuckDB runs', async () => {
  const r = rng(20241124);
  const corpus = [SEED_PROGRAM, readFileSync(join(root, 'examples/fraud/fraud.fdl'), 'utf8')];
  let accepted = 0;
  let ran = 0;
  for (let i = 0; i < 3000; i++) {
    const text = i % 10 === 9 ? Array.from({ length: r.int(200) }, () => String.fromCharCode(r.int(0x3000))).join('') : mutate(r.pick(corpus), r);
    const { program, diagnostics } = parse(text);
    validSpans(diagnostics, text);
    if (hasErrors(diagnostics)) continue;
    const c = check(program, { schemas: SCHEMAS });
    validSpans(c.diagnostics, text);
    assert.ok(!c.diagnostics.some((d) => d.code === 'internal-error'), `internal error for:\n${text}\n${JSON.stringify(c.diagnostics)}`);
    if (hasErrors(c.diagnostics)) continue;
    accepted++;
    const plan = planProject(program, c, { baseDir: tmp.dir });
    let sql: Record<string, string>;
    try {
      sql = compileObjects(plan, { asOf: '2024-06-15T00:00:00Z' });
    } catch (err) {
      assert.fail(`compiler threw for an accepted program (${(err as Error).message}):\n${text}`);
    }
    // Run the training sets of accepted programs whose sources read the files
    // the fixed schemas describe (a mutant may point a source at the other file,
    // which the checker, given these schemas, cannot know).
    const FILES: Record<string, string> = { transactions: 'tx.csv', labels: 'labels.csv' };
    const matchesFixture = plan.sources.every((s) => FILES[s.name] !== undefined && s.path === join(tmp.dir, FILES[s.name]!));
    if (matchesFixture && ran < 60) {
      for (const t of plan.trainingSets) {
        try {
          await engine.query(sql[t.name]!);
          ran++;
        } catch (err) {
          assert.fail(`DuckDB rejected the SQL of an accepted program (${(err as Error).message.split('\n')[0]}):\n${text}`);
        }
      }
    }
  }
  assert.ok(accepted > 50, `too few mutants were accepted (${accepted}) to test the compiler`);
  assert.ok(ran > 10, `too few accepted mutants ran on DuckDB (${ran})`);
});

test('the CLI never prints a stack trace and exits 0, 1 or 2', async () => {
  const r = rng(99);
  const file = join(tmp.dir, 'fuzz.fdl');
  for (let i = 0; i < 300; i++) {
    writeFileSync(file, mutate(SEED_PROGRAM, r));
    let out = '';
    const io = { out: (s: string) => void (out += s), err: (s: string) => void (out += s), isTTY: false };
    const verb = r.pick(['check', 'compile']);
    const code = await main([verb, file, ...(i % 2 ? ['--no-data'] : [])], io);
    assert.ok([0, 1, 2].includes(code), `exit ${code}`);
    assert.doesNotMatch(out, /\n\s+at .+:\d+:\d+\)?\n/, `stack trace:\n${out}`);
  }
  // Hostile command lines, through the real binary.
  for (const argv of [[], ['nope'], ['check'], ['check', '/nonexistent.fdl'], ['check', tmp.dir], ['build', file, 'x'], ['build', file, 'x', '--out', 'a.txt'], ['compile', file, '--bogus']]) {
    const p = spawnSync(process.execPath, [join(root, 'bin/featurebook.js'), ...argv], { encoding: 'utf8' });
    assert.ok([1, 2].includes(p.status ?? -1), `${argv.join(' ')} exited ${p.status}`);
    assert.doesNotMatch(p.stderr + p.stdout, /\n\s+at .+:\d+:\d+\)?\n/);
    assert.match(p.stderr, /featurebook/);
  }
});
