-- events
SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
FROM (
  SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
);

-- recent
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
  SELECT "user_id", __fb_ts, __fb_avail, 1 AS __fb_v0, "country" AS __fb_v1, 1 AS __fb_v2
  FROM src_0
  WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0 AS (
  SELECT sp.__fb_row,
    count(ev.__fb_v0) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '7776000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a0,
    arg_max(ev.__fb_v1, struct_pack(t := ev.__fb_ts, a := ev.__fb_avail, v := ev.__fb_v1)) FILTER (WHERE ev.__fb_v1 IS NOT NULL AND ev.__fb_ts >= sp.__fb_t - INTERVAL '7776000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a1,
    count(ev.__fb_v2) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '86400000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a2
  FROM view_0_sp AS sp
  LEFT JOIN view_0_ev AS ev
    ON ev."user_id" = sp."user_id"
    AND ev.__fb_avail < sp.__fb_t
    AND ev.__fb_ts < sp.__fb_t
    AND ev.__fb_ts >= sp.__fb_t - INTERVAL '7776000000 milliseconds'
  GROUP BY sp.__fb_row
)
SELECT
  spine."user_id",
  coalesce(view_0.__fb_a0, 0) AS "n",
  view_0.__fb_a1 AS "last_country",
  coalesce(view_0.__fb_a2, 0) AS "n_1d",
  spine.__fb_t AS __as_of
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;
