/**
 * `featurebook drift` end to end on the fraud example, generated afresh:
 * the behaviour change of 2024-06-15 is caught (alerts after it, none
 * before), the JSON follows docs/cli.md, `--current FILE` and `--from/--to`
 * give the same numbers as the training set's own time range, the HTML
 * report is one file with nothing to fetch, and bad input gets a clear
 * error with a hint and the right exit code.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEHAVIOUR_CHANGE, generateFraudData } from '../../examples/fraud/generate.js';
import { main } from '../../src/cli/main.js';
import { NodeEngine } from '../../src/engine/node.js';
import type { DriftReport } from '../../src/drift/compute.js';

const root = new URL('../..', import.meta.url).pathname;
let dir: string;
let fdl: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false });
  return { code, out, err };
}

let report: DriftReport;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'featurebook-drift-'));
  await generateFraudData({ users: 2000, seed: 7, outDir: join(dir, 'data') });
  fdl = join(dir, 'fraud.fdl');
  copyFileSync(join(root, 'examples/fraud/fraud.fdl'), fdl);
  const r = await cli('drift', fdl, 'fraud_drift', '--permutations', '8');
  assert.equal(r.code, 0, r.err);
  report = JSON.parse(r.out);
  assert.match(r.err, /fraud_drift: \d+ reference rows, \d+ current rows in \d+ windows; \d+ alerts? on \d+ of 17 features/);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('the fraud example', () => {
  test("its behaviour change is caught: alerts after 2024-06-15, none before", () => {
    assert.ok(report.alerts.length >= 3, `alerts: ${JSON.stringify(report.alerts)}`);
    for (const a of report.alerts) assert.ok(Date.parse(a.until) > BEHAVIOUR_CHANGE, `alert before the change: ${JSON.stringify(a)}`);
    for (const w of report.windows) {
      if (Date.parse(w.end) <= BEHAVIOUR_CHANGE) assert.ok(w.features.every((f) => f.status !== 'alert'), `window ${w.start} alerts before the change`);
    }
    // The new country shows in last_country within the week of the change; higher spending in the spend features once their windows fill.
    const country = report.alerts.find((a) => a.feature === 'user_spend.last_country' && a.metric === 'psi');
    assert.ok(country && Date.parse(country.since) <= BEHAVIOUR_CHANGE + 7 * 86_400_000, JSON.stringify(country));
    assert.ok(report.alerts.some((a) => /spend/.test(a.feature) && a.metric === 'psi'), 'a spending feature alerts on PSI');
    // Before the change the metrics sit near their no-drift values; after, far above them.
    const lc = (w: DriftReport['windows'][number]) => w.features.find((f) => f.feature === 'user_spend.last_country')!;
    const before = report.windows.filter((w) => Date.parse(w.end) <= BEHAVIOUR_CHANGE && w.rows > 300);
    const afterW = report.windows.filter((w) => Date.parse(w.start) >= BEHAVIOUR_CHANGE + 14 * 86_400_000);
    assert.ok(before.length >= 3 && afterW.length >= 3);
    for (const w of before) assert.ok(lc(w).psi! < 5 * lc(w).psi_expected! + 0.05, `${w.start}: ${lc(w).psi} vs ${lc(w).psi_expected}`);
    for (const w of afterW) assert.ok(lc(w).psi! > 10 * lc(w).psi_expected!, `${w.start}: ${lc(w).psi} vs ${lc(w).psi_expected}`);
  });

  test('the JSON has the shape of docs/cli.md', () => {
    assert.equal(report.monitor, 'fraud_drift');
    assert.equal(typeof report.reference.rows, 'number');
    assert.ok(report.reference.rows > 1000);
    const week = 7 * 86_400_000;
    for (const w of report.windows) {
      assert.equal(Date.parse(w.end) - Date.parse(w.start), week);
      assert.equal(Date.parse(w.start) % week, 0, 'epoch-aligned');
      assert.equal(typeof w.rows, 'number');
      assert.equal(w.features.length, 17);
      for (const f of w.features) {
        for (const k of ['feature', 'psi', 'ks', 'ks_pvalue', 'mean_shift', 'null_rate_reference', 'null_rate_current', 'status'] as const) assert.ok(k in f, `${k} missing`);
        assert.ok(['ok', 'warn', 'alert'].includes(f.status));
      }
    }
    for (const a of report.alerts) {
      assert.deepEqual(Object.keys(a).slice(0, 3), ['feature', 'metric', 'since']);
      assert.ok(!Number.isNaN(Date.parse(a.since)));
    }
    const lc = report.windows[0]!.features.find((f) => f.feature === 'user_spend.last_country')!;
    assert.equal(lc.kind, 'categorical');
    assert.equal(lc.ks, null);
    // The current data is the validation and test rows: from 2024-05-01 on.
    assert.ok(Date.parse(report.windows[0]!.end) > Date.UTC(2024, 4, 1) && Date.parse(report.windows[0]!.start) <= Date.UTC(2024, 4, 1));
  });

  test('--current FILE (rows from featurebook build) and --from/--to give the same numbers', async () => {
    const set = join(dir, 'set.parquet');
    assert.equal((await cli('build', fdl, 'fraud_train', '--out', set)).code, 0);
    const engine = await NodeEngine.create({ threads: 1 });
    const current = join(dir, 'current.parquet');
    await engine.exec(`COPY (SELECT * FROM read_parquet('${set}') WHERE label_ts >= TIMESTAMP '2024-05-01') TO '${current}' (FORMAT parquet)`);
    const gz = join(dir, 'current.csv.gz'); // compressed, as sources may be
    await engine.exec(`COPY (SELECT * FROM read_parquet('${current}')) TO '${gz}' (FORMAT csv, HEADER true, COMPRESSION gzip)`);
    await engine.close();
    const c = await cli('drift', fdl, 'fraud_drift', '--current', gz, '--permutations', '0');
    assert.equal(c.code, 0, c.err);
    const a = await cli('drift', fdl, 'fraud_drift', '--current', current, '--permutations', '0');
    const b = await cli('drift', fdl, 'fraud_drift', '--from', '2024-05-01', '--to', '2024-09-01', '--permutations', '0');
    assert.equal(a.code, 0, a.err);
    assert.equal(b.code, 0, b.err);
    // Averages are summed in parallel: equal up to rounding.
    const ra = JSON.parse(a.out) as DriftReport;
    const same = (x: DriftReport, y: DriftReport, what: string) => {
      assert.equal(x.windows.length, y.windows.length);
      x.windows.forEach((w, i) =>
        w.features.forEach((f, j) => {
          const g = y.windows[i]!.features[j]!;
          assert.equal(f.status, g.status, `${what} ${w.start} ${f.feature}`);
          for (const k of ['psi', 'ks', 'mean_shift'] as const) {
            const u = f[k];
            const v = g[k];
            assert.ok(u === v || (u !== null && v !== null && Math.abs(u - v) < 1e-9), `${what} ${w.start} ${f.feature} ${k}: ${u} vs ${v}`);
          }
        }),
      );
    };
    same(ra, JSON.parse(b.out), '--current vs --from/--to');
    same(ra, report, '--current vs the default');
    same(ra, JSON.parse(c.out), '--current .parquet vs .csv.gz');
    assert.equal(ra.current.source, current);
  });

  test('--out report.html writes one self-contained page', async () => {
    const out = join(dir, 'report.html');
    const r = await cli('drift', fdl, 'fraud_drift', '--permutations', '0', '--out', out);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /wrote .*report\.html/);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /<svg/);
    assert.match(html, /user_spend\.last_country/);
    assert.doesNotMatch(html, /<script[^>]*\ssrc=/i);
    assert.doesNotMatch(html, /<link[^>]*stylesheet/i);
    const urls = [...html.matchAll(/(?:https?:)?\/\/[A-Za-z0-9.-]+/g)].map((m) => m[0]).filter((u) => !/^http:\/\/www\.w3\.org$/.test(u));
    assert.deepEqual([...new Set(urls)].filter((u) => !u.includes('vega.github.io')), [], 'no addresses to fetch');
    const embedded = JSON.parse(/<script type="application\/json" id="drift-report">([\s\S]*?)<\/script>/.exec(html)![1]!);
    assert.equal(embedded.monitor, 'fraud_drift');
  });
});

describe('bad input', () => {
  test('unknown monitor: did-you-mean and the known ones, exit 1', async () => {
    const r = await cli('drift', fdl, 'fraud_drif');
    assert.equal(r.code, 1);
    assert.match(r.err, /no monitor named 'fraud_drif' \(did you mean 'fraud_drift'\?\)\n {4}hint: monitors: fraud_drift/);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
  });

  test('a --current file without the feature columns names them and what was found', async () => {
    const r = await cli('drift', fdl, 'fraud_drift', '--current', join(dir, 'data/labels.csv'));
    assert.equal(r.code, 1);
    assert.match(r.err, /--current '.*labels\.csv' has no columns 'user_spend__txn_count_1h', .* and 11 more/);
    assert.match(r.err, /hint: expected the time column 'label_ts' and one column per feature named view__feature .*found: txn_id, user_id, merchant_id, label_ts, is_fraud/);
  });

  test('an unreadable or malformed --current file, a bad --out, a bad time', async () => {
    let r = await cli('drift', fdl, 'fraud_drift', '--current', join(dir, 'missing.parquet'));
    assert.equal(r.code, 1);
    assert.match(r.err, /cannot read --current '.*missing\.parquet'/);
    assert.match(r.err, /hint: a parquet file with the columns of training set fraud_train: label_ts and user_spend__txn_count_1h/);
    writeFileSync(join(dir, 'broken.parquet'), 'not parquet at all');
    r = await cli('drift', fdl, 'fraud_drift', '--current', join(dir, 'broken.parquet'));
    assert.equal(r.code, 1);
    assert.match(r.err, /cannot read --current/);
    r = await cli('drift', fdl, 'fraud_drift', '--current', join(dir, 'x.txt'));
    assert.match(r.err, /cannot tell the format of --current/);
    r = await cli('drift', fdl, 'fraud_drift', '--out', 'r.pdf');
    assert.equal(r.code, 2);
    assert.match(r.err, /use a \.json or \.html file name/);
    r = await cli('drift', fdl, 'fraud_drift', '--from', 'yesterday');
    assert.equal(r.code, 2);
    assert.match(r.err, /--from 'yesterday' is not a time/);
    r = await cli('drift', fdl, 'fraud_drift', '--segment', 'nope');
    assert.equal(r.code, 2);
    r = await cli('drift', fdl, 'fraud_drift', '--from', '2030-01-01', '--permutations', '0');
    assert.equal(r.code, 0, 'an empty time range is no error: no windows');
    assert.deepEqual(JSON.parse(r.out).windows, []);
  });

  test('an empty reference (the train split has no rows) is an error with a hint', async () => {
    const text = readFileSync(fdl, 'utf8').replace('split time 2024-05-01, 2024-06-01', 'split time 2023-01-01, 2024-06-01');
    const f = join(dir, 'early.fdl');
    writeFileSync(f, text);
    const r = await cli('drift', f, 'fraud_drift');
    assert.equal(r.code, 1);
    assert.match(r.err, /the reference has no rows\n {4}hint: .*train rows are the reference/);
  });
});
