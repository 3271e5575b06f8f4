-- events
SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
FROM (
  SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
);

-- every_aggregate
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
  SELECT "user_id", __fb_ts, __fb_avail, 1 AS __fb_v0, "amount" AS __fb_v1, "amount" AS __fb_v2, "amount" AS __fb_v3, "amount" AS __fb_v4, "amount" AS __fb_v5, "country" AS __fb_v6, "amount" AS __fb_v7, "amount" AS __fb_v8, "merchant_id" AS __fb_v9, "country" AS __fb_v10, "country" AS __fb_v11
  FROM src_0
  WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0 AS (
  SELECT sp.__fb_row,
    count(ev.__fb_v0) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a0,
    count(ev.__fb_v1) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a1,
    sum(ev.__fb_v2) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a2,
    avg(ev.__fb_v3) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a3,
    min(ev.__fb_v4) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a4,
    max(ev.__fb_v5) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a5,
    min(ev.__fb_v6) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a6,
    stddev_samp(ev.__fb_v7) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a7,
    var_samp(ev.__fb_v8) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a8,
    count(DISTINCT ev.__fb_v9) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a9,
    arg_min(ev.__fb_v10, struct_pack(t := ev.__fb_ts, a := ev.__fb_avail, v := ev.__fb_v10)) FILTER (WHERE ev.__fb_v10 IS NOT NULL AND ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a10,
    arg_max(ev.__fb_v11, struct_pack(t := ev.__fb_ts, a := ev.__fb_avail, v := ev.__fb_v11)) FILTER (WHERE ev.__fb_v11 IS NOT NULL AND ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a11
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
  coalesce(view_0.__fb_a0, 0) AS "rows_7d",
  coalesce(view_0.__fb_a1, 0) AS "amounts_7d",
  view_0.__fb_a2 AS "sum_7d",
  view_0.__fb_a3 AS "avg_7d",
  view_0.__fb_a4 AS "min_7d",
  view_0.__fb_a5 AS "max_7d",
  view_0.__fb_a6 AS "min_country_7d",
  view_0.__fb_a7 AS "sd_7d",
  view_0.__fb_a8 AS "var_7d",
  coalesce(view_0.__fb_a9, 0) AS "merchants_7d",
  view_0.__fb_a10 AS "first_country_7d",
  view_0.__fb_a11 AS "last_country_7d",
  spine.__fb_t AS __as_of
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;
