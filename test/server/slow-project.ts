/**
 * A project whose training set is slow on purpose (a heavy query that once
 * held DuckDB for many seconds): a spine of `rows` events that is also its own event source, with a
 * `count_distinct … over 3650d` per user — every spine row sees years of its
 * user's events. Data written by DuckDB itself (Parquet), deterministic.
 */
import { join } from 'node:path';
import { NodeEngine } from '../../src/engine/node.js';
import type { DataDir } from './helpers.js';

export const SLOW_SET = 'slow';

/**
 * Writes `data/slow_events.parquet` (`rows` rows, `users` users) into `d` and
 * returns the FDL text of the project (`project slow`, training set `slow`).
 */
export async function writeSlowProject(d: DataDir, opts: { rows: number; users?: number }): Promise<string> {
  const users = opts.users ?? 50;
  const file = join(d.dir, 'data/slow_events.parquet');
  d.write('data/.keep', '');
  const engine = await NodeEngine.create({ threads: 2 });
  try {
    await engine.exec(
      `COPY (
        SELECT 'u' || (i % ${users}) AS user_id,
               'm' || ((i * 7919) % 100003) AS merchant_id,
               TIMESTAMP '2015-01-01' + to_seconds((i * 157) % 315360000) AS ts,
               (i % 97) * 1.5 AS amount,
               (i % 11 = 0)::INTEGER AS label
        FROM range(${opts.rows}) t(i)
      ) TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`,
    );
  } finally {
    await engine.close();
  }
  return `project slow

source events { path "data/slow_events.parquet" timestamp ts }

entity user { key user_id }

features history on events by user {
  merchants_10y = count_distinct(merchant_id) over 3650d
  spend_10y     = sum(amount) over 3650d
}

training_set ${SLOW_SET} {
  spine events
  label label
  features history.*
}
`;
}
