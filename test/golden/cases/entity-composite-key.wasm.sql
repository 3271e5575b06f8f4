-- events
SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
FROM (
  SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
);

-- labels
SELECT *, CAST("label_ts" AS TIMESTAMP) AS __fb_ts, CAST("label_ts" AS TIMESTAMP) AS __fb_avail
FROM (
  SELECT * FROM read_csv('test/golden/cases/data/labels.csv', header = true)
);

-- pair
WITH
src_0 AS (
  SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
  FROM (
    SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
  )
),
spine AS (
  SELECT row_number() OVER () AS __fb_row, "user_id", "merchant_id", TIMESTAMP '2024-01-06 00:00:00.000' AS __fb_t
  FROM (
    SELECT DISTINCT "user_id", "merchant_id"
    FROM src_0
    WHERE "user_id" IS NOT NULL AND "merchant_id" IS NOT NULL AND __fb_ts IS NOT NULL AND __fb_avail < TIMESTAMP '2024-01-06 00:00:00.000'
  )
),
view_0_sp AS (
  SELECT __fb_row, "user_id", "merchant_id", __fb_t AS __fb_t
  FROM spine
  WHERE "user_id" IS NOT NULL AND "merchant_id" IS NOT NULL AND __fb_t IS NOT NULL
),
view_0_ev AS (
  SELECT "user_id", "merchant_id", __fb_ts, __fb_avail, 1 AS __fb_v0, "amount" AS __fb_v1
  FROM src_0
  WHERE "user_id" IS NOT NULL AND "merchant_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0 AS (
  SELECT sp.__fb_row,
    count(ev.__fb_v0) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a0,
    arg_max(ev.__fb_v1, struct_pack(t := ev.__fb_ts, a := ev.__fb_avail, v := ev.__fb_v1)) FILTER (WHERE ev.__fb_v1 IS NOT NULL) AS __fb_a1
  FROM view_0_sp AS sp
  LEFT JOIN view_0_ev AS ev
    ON ev."user_id" = sp."user_id"
    AND ev."merchant_id" = sp."merchant_id"
    AND ev.__fb_avail < sp.__fb_t
  GROUP BY sp.__fb_row
)
SELECT
  spine."user_id",
  spine."merchant_id",
  coalesce(view_0.__fb_a0, 0) AS "pair_n_30d",
  view_0.__fb_a1 AS "pair_last_amount",
  spine.__fb_t AS __as_of
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;

-- pair_train
WITH
src_0 AS (
  SELECT *, CAST("label_ts" AS TIMESTAMP) AS __fb_ts, CAST("label_ts" AS TIMESTAMP) AS __fb_avail
  FROM (
    SELECT * FROM read_csv('test/golden/cases/data/labels.csv', header = true)
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
view_0_d0 AS (
  SELECT __fb_x AS __fb_x0, CAST(row_number() OVER (ORDER BY __fb_x) - 1 AS HUGEINT) AS __fb_code0
  FROM (
    SELECT DISTINCT "amount" AS __fb_x
    FROM src_1
    WHERE "user_id" IS NOT NULL AND "merchant_id" IS NOT NULL AND __fb_ts IS NOT NULL
  )
  WHERE __fb_x IS NOT NULL
),
view_0_in AS (
  SELECT __fb_row, "user_id", "merchant_id", __fb_t, NULL AS __fb_v0, NULL AS __fb_v1
  FROM (
    SELECT __fb_row, "user_id", "merchant_id", __fb_t AS __fb_t
    FROM spine
    WHERE "user_id" IS NOT NULL AND "merchant_id" IS NOT NULL AND __fb_t IS NOT NULL
  )
  UNION ALL
  SELECT NULL AS __fb_row, "user_id", "merchant_id", __fb_ts AS __fb_t, 1 AS __fb_v0, CAST(epoch_us(__fb_ts) AS HUGEINT) * (SELECT count(*) FROM view_0_d0) + __fb_code0 AS __fb_v1
  FROM src_1
  LEFT JOIN view_0_d0 ON view_0_d0.__fb_x0 = "amount"
  WHERE "user_id" IS NOT NULL AND "merchant_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0_w AS (
  SELECT __fb_row,
    count(__fb_v0) OVER w0 AS __fb_a0,
    max(__fb_v1) OVER w1 AS __fb_a1
  FROM view_0_in
  WINDOW w0 AS (PARTITION BY "user_id", "merchant_id" ORDER BY __fb_t RANGE BETWEEN INTERVAL '2592000000 milliseconds' PRECEDING AND CURRENT ROW EXCLUDE TIES),
    w1 AS (PARTITION BY "user_id", "merchant_id" ORDER BY __fb_t RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW EXCLUDE TIES)
  QUALIFY __fb_row IS NOT NULL
),
view_0_wd AS (
  SELECT w.__fb_row,
    w.__fb_a0,
    dl1.__fb_x0 AS __fb_a1
  FROM view_0_w AS w
  LEFT JOIN view_0_d0 AS dl1 ON dl1.__fb_code0 = ((w.__fb_a1 % (SELECT count(*) FROM view_0_d0)) + (SELECT count(*) FROM view_0_d0)) % (SELECT count(*) FROM view_0_d0)
),
view_0 AS (
  SELECT * FROM view_0_wd
)
SELECT
  spine."user_id",
  spine."merchant_id",
  spine."label_ts",
  spine."is_fraud",
  coalesce(view_0.__fb_a0, 0) AS "pair__pair_n_30d",
  view_0.__fb_a1 AS "pair__pair_last_amount"
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;
