-- events
SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
FROM (
  SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
);

-- windows
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
  SELECT "user_id", __fb_ts, __fb_avail, 1 AS __fb_v0, 1 AS __fb_v1, 1 AS __fb_v2, 1 AS __fb_v3, 1 AS __fb_v4, 1 AS __fb_v5, "amount" AS __fb_v6, "amount" AS __fb_v7
  FROM src_0
  WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0 AS (
  SELECT sp.__fb_row,
    count(ev.__fb_v0) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '30000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a0,
    count(ev.__fb_v1) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '900000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a1,
    count(ev.__fb_v2) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '3600000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a2,
    count(ev.__fb_v3) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a3,
    count(ev.__fb_v4) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2419200000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a4,
    count(ev.__fb_v5) AS __fb_a5,
    arg_min(ev.__fb_v6, struct_pack(t := ev.__fb_ts, a := ev.__fb_avail, v := ev.__fb_v6)) FILTER (WHERE ev.__fb_v6 IS NOT NULL) AS __fb_a6,
    arg_max(ev.__fb_v7, struct_pack(t := ev.__fb_ts, a := ev.__fb_avail, v := ev.__fb_v7)) FILTER (WHERE ev.__fb_v7 IS NOT NULL) AS __fb_a7
  FROM view_0_sp AS sp
  LEFT JOIN view_0_ev AS ev
    ON ev."user_id" = sp."user_id"
    AND ev.__fb_avail < sp.__fb_t
  GROUP BY sp.__fb_row
)
SELECT
  spine."user_id",
  coalesce(view_0.__fb_a0, 0) AS "n_30s",
  coalesce(view_0.__fb_a1, 0) AS "n_15m",
  coalesce(view_0.__fb_a2, 0) AS "n_1h",
  coalesce(view_0.__fb_a3, 0) AS "n_7d",
  coalesce(view_0.__fb_a4, 0) AS "n_4w",
  coalesce(view_0.__fb_a5, 0) AS "n_lifetime",
  view_0.__fb_a6 AS "first_amount",
  view_0.__fb_a7 AS "last_amount",
  spine.__fb_t AS __as_of
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;
