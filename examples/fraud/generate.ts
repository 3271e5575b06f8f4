/**
 * Deterministic data for the fraud example: users, merchants, card
 * transactions (about 5% ingested late, some test rows), chargebacks reported
 * weeks after the fact, and labelled transactions as the spine. A fixed seed
 * gives byte-identical files on every run.
 *
 * `transactions.is_chargeback` says whether the transaction was later charged
 * back. It is known only when the chargeback is reported (see
 * `chargebacks.reported_at`), not at `ingested_at`: aggregating it from
 * `transactions` leaks the future, which the notebooks use as a lesson.
 *
 * Fraudulent activity comes in bursts: several high-value transactions within
 * an hour, often abroad and at night. After BEHAVIOUR_CHANGE (2024-06-15)
 * ordinary spending shifts up by about 35% and a new country appears, so drift
 * monitoring has something real to find.
 *
 *   npx tsx examples/fraud/generate.ts [--users 2000] [--seed 7] [--out DIR]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export const START = Date.UTC(2024, 0, 1);
export const END = Date.UTC(2024, 8, 1);
export const BEHAVIOUR_CHANGE = Date.UTC(2024, 5, 15);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface FraudDataOptions {
  users?: number;
  merchants?: number;
  seed?: number;
  outDir: string;
}

export interface FraudDataSummary {
  users: number;
  merchants: number;
  transactions: number;
  chargebacks: number;
  labels: number;
  outDir: string;
}

/** mulberry32: small, fast, good enough for synthetic data, and the same everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    /** Exponential with the given mean. */
    exp: (mean: number) => -Math.log(1 - next()) * mean,
    /** Log-normal amount around `median`. */
    amount: (median: number) => Math.round(median * Math.exp((next() + next() + next() - 1.5) * 0.9) * 100) / 100,
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const csvCell = (v: string | number | boolean | null) => (v === null ? '' : String(v));

const HOME_COUNTRIES = ['US', 'US', 'US', 'GB', 'DE', 'FR', 'CA'];
const FOREIGN = ['NG', 'RU', 'BR', 'ID', 'VN', 'PH'];
const CURRENCIES: Record<string, [string, number]> = {
  US: ['USD', 1],
  CA: ['CAD', 0.74],
  GB: ['GBP', 1.27],
  DE: ['EUR', 1.09],
  FR: ['EUR', 1.09],
  NG: ['NGN', 0.00065],
  RU: ['RUB', 0.011],
  BR: ['BRL', 0.2],
  ID: ['IDR', 0.000064],
  VN: ['VND', 0.00004],
  PH: ['PHP', 0.018],
  MX: ['MXN', 0.058],
};
const CATEGORIES = ['grocery', 'fuel', 'travel', 'electronics', 'restaurant', 'online', 'jewelry'];

export async function generateFraudData(opts: FraudDataOptions): Promise<FraudDataSummary> {
  const users = opts.users ?? 2000;
  const merchants = opts.merchants ?? Math.max(20, Math.round(users / 10));
  const r = prng(opts.seed ?? 7);
  mkdirSync(opts.outDir, { recursive: true });

  const merchantCat = Array.from({ length: merchants }, () => r.pick(CATEGORIES));
  const risky = Array.from({ length: merchants }, (_, m) => m).filter(() => r.next() < 0.08);
  if (risky.length === 0) risky.push(0);

  const tx: string[] = ['txn_id,user_id,merchant_id,ts,ingested_at,amount,currency,fx_rate,country,category,status,approved,is_chargeback'];
  const cb: string[] = ['txn_id,user_id,merchant_id,reported_at,amount'];
  const labels: string[] = ['txn_id,user_id,merchant_id,label_ts,is_fraud'];
  let nTx = 0;
  let nCb = 0;
  let nLabels = 0;

  const emit = (u: number, m: number, ts: number, amountUsd: number, country: string, fraud: boolean, testRow: boolean) => {
    const id = ++nTx;
    const [currency, fx] = CURRENCIES[country] ?? ['USD', 1];
    const amount = Math.round((amountUsd / fx) * 100) / 100;
    // Most rows are ingested within minutes; about 5% arrive hours to days late.
    const late = r.next() < 0.05;
    const ingested = ts + (late ? HOUR + r.exp(18 * HOUR) : r.exp(3 * 60_000));
    const approved = fraud ? r.next() < 0.85 : r.next() < 0.97;
    const uid = `u${String(u).padStart(5, '0')}`;
    const mid = `m${String(m).padStart(4, '0')}`;
    const chargeback = !testRow && (fraud ? r.next() < 0.8 : r.next() < 0.004);
    tx.push(
      [id, uid, mid, iso(ts), iso(Math.round(ingested)), amount, currency, fx, country, merchantCat[m]!, testRow ? 'test' : 'ok', approved, chargeback]
        .map(csvCell)
        .join(','),
    );
    if (testRow) return;
    if (chargeback) {
      nCb++;
      cb.push([id, uid, mid, iso(ts + 10 * DAY + r.exp(15 * DAY)), amount].map(csvCell).join(','));
    }
    // A sample of transactions is labelled; every fraudulent one is.
    if (fraud || r.next() < 0.09) {
      nLabels++;
      labels.push([id, uid, mid, iso(ts), fraud ? 1 : 0].map(csvCell).join(','));
    }
  };

  for (let u = 0; u < users; u++) {
    const home = r.pick(HOME_COUNTRIES);
    const median = 15 + r.exp(40);
    const perDay = 0.05 + r.exp(0.36);
    const favourite = Array.from({ length: 3 + r.int(5) }, () => r.int(merchants));
    const isFraudVictim = r.next() < 0.04;
    let t = START + r.exp(DAY / perDay);
    while (t < END) {
      const after = t >= BEHAVIOUR_CHANGE;
      const m = r.next() < 0.8 ? r.pick(favourite) : r.int(merchants);
      const country = after && r.next() < 0.12 ? 'MX' : r.next() < 0.03 ? r.pick(HOME_COUNTRIES) : home;
      emit(u, m, Math.round(t), r.amount(median * (after ? 1.35 : 1)), country, false, r.next() < 0.01);
      t += r.exp(DAY / perDay);
    }
    if (isFraudVictim) {
      // One to three bursts of fraud at random times.
      for (let b = 1 + r.int(3); b > 0; b--) {
        let ft = START + r.next() * (END - START - DAY);
        const country = r.pick(FOREIGN);
        for (let k = 2 + r.int(6); k > 0; k--) {
          const m = r.next() < 0.6 ? r.pick(risky) : r.int(merchants);
          emit(u, m, Math.round(ft), r.amount(median * 6 + 150), country, true, false);
          ft += r.exp(12 * 60_000);
        }
      }
    }
  }

  // Write CSV, then let DuckDB type it and write the transactions as Parquet.
  const txCsv = join(opts.outDir, 'transactions.tmp.csv');
  writeFileSync(txCsv, tx.join('\n') + '\n');
  writeFileSync(join(opts.outDir, 'chargebacks.csv'), cb.join('\n') + '\n');
  writeFileSync(join(opts.outDir, 'labels.csv'), labels.join('\n') + '\n');
  const users_: string[] = ['user_id,home_country,signup_date'];
  for (let u = 0; u < users; u++) users_.push(`u${String(u).padStart(5, '0')},${HOME_COUNTRIES[u % HOME_COUNTRIES.length]},${iso(START - r.int(700) * DAY).slice(0, 10)}`);
  writeFileSync(join(opts.outDir, 'users.csv'), users_.join('\n') + '\n');
  const ms_: string[] = ['merchant_id,category'];
  for (let m = 0; m < merchants; m++) ms_.push(`m${String(m).padStart(4, '0')},${merchantCat[m]}`);
  writeFileSync(join(opts.outDir, 'merchants.csv'), ms_.join('\n') + '\n');

  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await db.connect();
  const q = (p: string) => `'${p.replaceAll("'", "''")}'`;
  await con.run(
    `COPY (SELECT * FROM read_csv(${q(txCsv)}, header = true, columns = {txn_id: 'BIGINT', user_id: 'VARCHAR', merchant_id: 'VARCHAR', ts: 'TIMESTAMP', ingested_at: 'TIMESTAMP', amount: 'DOUBLE', currency: 'VARCHAR', fx_rate: 'DOUBLE', country: 'VARCHAR', category: 'VARCHAR', status: 'VARCHAR', approved: 'BOOLEAN', is_chargeback: 'BOOLEAN'}) ORDER BY ts, txn_id) TO ${q(join(opts.outDir, 'transactions.parquet'))} (FORMAT parquet)`,
  );
  con.closeSync();
  db.closeSync();
  rmSync(txCsv);
  return { users, merchants, transactions: nTx, chargebacks: nCb, labels: nLabels, outDir: opts.outDir };
}

async function main() {
  const args = process.argv.slice(2);
  const get = (k: string) => {
    const i = args.indexOf(k);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const outDir = get('--out') ?? join(new URL('.', import.meta.url).pathname, 'data');
  const t0 = performance.now();
  const s = await generateFraudData({ users: Number(get('--users') ?? 2000), seed: Number(get('--seed') ?? 7), outDir });
  console.log(
    `wrote ${s.transactions} transactions, ${s.chargebacks} chargebacks, ${s.labels} labels (${s.users} users, ${s.merchants} merchants) to ${s.outDir} in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
  );
}

if (process.argv[1]?.endsWith('generate.ts')) await main();
