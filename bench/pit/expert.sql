-- The hand-written baseline for bench/pit: the same 9 features as bench.fdl's
-- training set, written the way an expert would write them for DuckDB.
-- {{events}}, {{spine}} and {{out}} are replaced by quoted paths (expert.mjs).
--
-- * main: one stream of spine rows and events, partitioned by user and ordered
--   by time, one sort shared by every window; only the columns it needs.
--   EXCLUDE TIES drops events at exactly the spine time (strict visibility).
-- * last(category): ties at the same time are broken by value, so "last" is the
--   largest (time, category) pair. Instead of arg_max over a struct (slow: a
--   struct comparison per row and string copies in every segment-tree node),
--   the pair is packed into one HUGEINT (time in µs × n + the category's rank
--   among the n distinct categories) and a plain max() finds it.
-- * count_distinct(merchant_id) over 30d: each event counts +1 from its time
--   until the next event of the same (user, merchant) or 30 days later,
--   whichever comes first (-1 there); a running sum read at the spine rows is
--   the number of distinct merchants in the window. A narrow second stream.
-- * Spine order from the Parquet row number (no row_number() window).
COPY (
WITH
sp AS (
  SELECT file_row_number AS r, user_id, ts, label
  FROM read_parquet({{spine}}, file_row_number = true)
),
dict AS (
  SELECT category, (row_number() OVER (ORDER BY category) - 1)::HUGEINT AS code
  FROM (SELECT DISTINCT category FROM read_parquet({{events}}) WHERE category IS NOT NULL)
),
ev AS (
  SELECT user_id, ts, amount, merchant_id,
    epoch_us(ts)::HUGEINT * (SELECT count(*) FROM dict) + dict.code AS tk
  FROM read_parquet({{events}}) e LEFT JOIN dict USING (category)
  WHERE user_id IS NOT NULL AND ts IS NOT NULL
),
main AS (
  SELECT r, user_id, ts, label,
    count(e) OVER w1h AS txn_1h,
    count(e) OVER w1d AS txn_1d,
    sum(amount) OVER w7 AS spend_7d,
    min(amount) OVER w7 AS min_amount_7d,
    avg(amount) OVER w30 AS avg_amount_30d,
    max(amount) OVER w30 AS max_amount_30d,
    sum(amount) OVER w90 AS spend_90d,
    max(tk) OVER w90 AS last_tk_90d
  FROM (
    SELECT r, user_id, ts, label, NULL::DOUBLE AS amount, NULL::HUGEINT AS tk, NULL::BOOLEAN AS e FROM sp
    UNION ALL
    SELECT NULL, user_id, ts, NULL, amount, tk, TRUE FROM ev
  )
  WINDOW
    w1h AS (PARTITION BY user_id ORDER BY ts RANGE BETWEEN INTERVAL 1 HOUR PRECEDING AND CURRENT ROW EXCLUDE TIES),
    w1d AS (PARTITION BY user_id ORDER BY ts RANGE BETWEEN INTERVAL 1 DAY PRECEDING AND CURRENT ROW EXCLUDE TIES),
    w7 AS (PARTITION BY user_id ORDER BY ts RANGE BETWEEN INTERVAL 7 DAY PRECEDING AND CURRENT ROW EXCLUDE TIES),
    w30 AS (PARTITION BY user_id ORDER BY ts RANGE BETWEEN INTERVAL 30 DAY PRECEDING AND CURRENT ROW EXCLUDE TIES),
    w90 AS (PARTITION BY user_id ORDER BY ts RANGE BETWEEN INTERVAL 90 DAY PRECEDING AND CURRENT ROW EXCLUDE TIES)
  QUALIFY r IS NOT NULL
),
cd AS (
  SELECT r, sum(w) OVER (PARTITION BY user_id ORDER BY ts RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE TIES) AS merchants_30d
  FROM (
    SELECT r, user_id, ts, NULL::INTEGER AS w FROM sp
    UNION ALL
    SELECT NULL, user_id, ts, 1 FROM ev WHERE merchant_id IS NOT NULL
    UNION ALL
    SELECT NULL, user_id, least(lead(ts) OVER (PARTITION BY user_id, merchant_id ORDER BY ts), ts + INTERVAL 30 DAY), -1
    FROM ev WHERE merchant_id IS NOT NULL
  )
  QUALIFY r IS NOT NULL
)
SELECT
  main.user_id,
  main.ts,
  main.label,
  main.txn_1h AS user_activity__txn_1h,
  main.txn_1d AS user_activity__txn_1d,
  main.spend_7d AS user_activity__spend_7d,
  main.min_amount_7d AS user_activity__min_amount_7d,
  main.avg_amount_30d AS user_activity__avg_amount_30d,
  main.max_amount_30d AS user_activity__max_amount_30d,
  main.spend_90d AS user_activity__spend_90d,
  dict.category AS user_activity__last_category_90d,
  coalesce(cd.merchants_30d, 0)::BIGINT AS user_activity__merchants_30d
FROM main
JOIN cd USING (r)
LEFT JOIN dict ON dict.code = main.last_tk_90d % (SELECT count(*) FROM dict)
ORDER BY main.r
) TO {{out}} (FORMAT parquet)
