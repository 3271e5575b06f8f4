-- events
SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
FROM (
  SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
);

-- labels
SELECT *, CAST("label_ts" AS TIMESTAMP) AS __fb_ts, CAST("label_ts" AS TIMESTAMP) AS __fb_avail
FROM (
  SELECT * FROM read_parquet('test/golden/cases/data/labels.parquet')
);

-- user_spend
WITH
src_0 AS (
  SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
  FROM (
    SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
  )
),
spine AS (
  SELECT row_number() OVER () AS __fb_row, "user_id", TIMESTAMP '2024-01-06 00:00:00.000' AS __fb_t
  FROM (
    SELECT DISTINCT "user_id"
    FROM src_0
    WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL AND __fb_avail < TIMESTAMP '2024-01-06 00:00:00.000'
  )
),
view_0_sp AS (
  SELECT __fb_row, "user_id", __fb_t AS __fb_t
  FROM spine
  WHERE "user_id" IS NOT NULL AND __fb_t IS NOT NULL
),
view_0_ev AS (
  SELECT "user_id", __fb_ts, __fb_avail, "amount" AS __fb_v0, 1 AS __fb_v1
  FROM src_0
  WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0 AS (
  SELECT sp.__fb_row,
    sum(ev.__fb_v0) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a0,
    count(ev.__fb_v1) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a1
  FROM view_0_sp AS sp
  LEFT JOIN view_0_ev AS ev
    ON ev."user_id" = sp."user_id"
    AND ev.__fb_avail < sp.__fb_t
    AND ev.__fb_ts < sp.__fb_t
    AND ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds'
  GROUP BY sp.__fb_row
)
SELECT
  spine."user_id",
  view_0.__fb_a0 AS "spend_7d",
  coalesce(view_0.__fb_a1, 0) AS "n_7d",
  spine.__fb_t AS __as_of
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;

-- merchant_stats
WITH
src_0 AS (
  SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
  FROM (
    SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
  )
),
spine AS (
  SELECT row_number() OVER () AS __fb_row, "merchant_id", TIMESTAMP '2024-01-06 00:00:00.000' AS __fb_t
  FROM (
    SELECT DISTINCT "merchant_id"
    FROM src_0
    WHERE "merchant_id" IS NOT NULL AND __fb_ts IS NOT NULL AND __fb_avail < TIMESTAMP '2024-01-06 00:00:00.000'
  )
),
view_0_sp AS (
  SELECT __fb_row, "merchant_id", __fb_t AS __fb_t
  FROM spine
  WHERE "merchant_id" IS NOT NULL AND __fb_t IS NOT NULL
),
view_0_ev AS (
  SELECT "merchant_id", __fb_ts, __fb_avail, "user_id" AS __fb_v0
  FROM src_0
  WHERE "merchant_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0 AS (
  SELECT sp.__fb_row,
    count(DISTINCT ev.__fb_v0) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a0
  FROM view_0_sp AS sp
  LEFT JOIN view_0_ev AS ev
    ON ev."merchant_id" = sp."merchant_id"
    AND ev.__fb_avail < sp.__fb_t
    AND ev.__fb_ts < sp.__fb_t
    AND ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds'
  GROUP BY sp.__fb_row
)
SELECT
  spine."merchant_id",
  coalesce(view_0.__fb_a0, 0) AS "users_30d",
  spine.__fb_t AS __as_of
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;

-- train
WITH
src_0 AS (
  SELECT *, CAST("label_ts" AS TIMESTAMP) AS __fb_ts, CAST("label_ts" AS TIMESTAMP) AS __fb_avail
  FROM (
    SELECT * FROM read_parquet('test/golden/cases/data/labels.parquet')
  )
),
src_1 AS (
  SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
  FROM (
    SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
  )
),
spine AS (
  SELECT row_number() OVER () AS __fb_row, *, __fb_ts AS __fb_t
  FROM src_0
),
view_0_in AS (
  SELECT __fb_row, "user_id", __fb_t, NULL AS __fb_v0, NULL AS __fb_v1
  FROM (
    SELECT __fb_row, "user_id", __fb_t AS __fb_t
    FROM spine
    WHERE "user_id" IS NOT NULL AND __fb_t IS NOT NULL
  )
  UNION ALL
  SELECT NULL AS __fb_row, "user_id", __fb_ts AS __fb_t, "amount" AS __fb_v0, 1 AS __fb_v1
  FROM src_1
  WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0_w AS (
  SELECT __fb_row,
    sum(__fb_v0) OVER w0 AS __fb_a0,
    count(__fb_v1) OVER w0 AS __fb_a1
  FROM view_0_in
  WINDOW w0 AS (PARTITION BY "user_id" ORDER BY __fb_t RANGE BETWEEN INTERVAL '604800000 milliseconds' PRECEDING AND CURRENT ROW EXCLUDE TIES)
  QUALIFY __fb_row IS NOT NULL
),
view_0 AS (
  SELECT * FROM view_0_w
),
view_1_cd0_ev AS (
  SELECT "merchant_id", __fb_ts, lead(__fb_ts) OVER (PARTITION BY "merchant_id", __fb_x ORDER BY __fb_ts) AS __fb_next
  FROM (
    SELECT "merchant_id", __fb_ts, "user_id" AS __fb_x
    FROM src_1
    WHERE "merchant_id" IS NOT NULL AND __fb_ts IS NOT NULL
  )
  WHERE __fb_x IS NOT NULL
),
view_1_cd0 AS (
  SELECT __fb_row, CAST(sum(__fb_w) OVER (PARTITION BY "merchant_id" ORDER BY __fb_t RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE TIES) AS BIGINT) AS __fb_a0
  FROM (
    SELECT __fb_row, "merchant_id", __fb_t, NULL::INTEGER AS __fb_w
    FROM (
      SELECT __fb_row, "merchant_id", __fb_t AS __fb_t
      FROM spine
      WHERE "merchant_id" IS NOT NULL AND __fb_t IS NOT NULL
    )
    UNION ALL
    SELECT NULL, "merchant_id", __fb_ts, 1
    FROM view_1_cd0_ev
    UNION ALL
    SELECT NULL, "merchant_id", least(__fb_next, __fb_ts + INTERVAL '2592000000 milliseconds'), -1
    FROM view_1_cd0_ev
    WHERE least(__fb_next, __fb_ts + INTERVAL '2592000000 milliseconds') IS NOT NULL
  )
  QUALIFY __fb_row IS NOT NULL
),
view_1 AS (
  SELECT * FROM view_1_cd0
)
SELECT
  spine."user_id",
  spine."merchant_id",
  spine."label_ts",
  spine."is_fraud",
  spine."amount_bucket",
  view_0.__fb_a0 AS "user_spend__spend_7d",
  coalesce(view_1.__fb_a0, 0) AS "merchant_stats__users_30d",
  coalesce(view_0.__fb_a1, 0) AS "user_spend__n_7d"
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
LEFT JOIN view_1 ON view_1.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;
