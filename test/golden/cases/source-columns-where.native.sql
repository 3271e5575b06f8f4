-- events
SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
FROM (
  SELECT *, ("country" NOT IN ('US', 'CA')) AS "is_foreign"
  FROM (
    SELECT *, ("amount_usd" > 100) AS "big"
    FROM (
      SELECT *, ("amount" * "fx_rate") AS "amount_usd"
      FROM (
        SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
      )
    )
  )
)
WHERE (("status" <> 'test') AND ("channel" IS NOT NULL));

-- spend
WITH
src_0 AS (
  SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
  FROM (
    SELECT *, ("country" NOT IN ('US', 'CA')) AS "is_foreign"
    FROM (
      SELECT *, ("amount_usd" > 100) AS "big"
      FROM (
        SELECT *, ("amount" * "fx_rate") AS "amount_usd"
        FROM (
          SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
        )
      )
    )
  )
  WHERE (("status" <> 'test') AND ("channel" IS NOT NULL))
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
  SELECT "user_id", __fb_ts, __fb_avail, "amount_usd" AS __fb_v0, CASE WHEN "big" THEN 1 END AS __fb_v1, CASE WHEN "is_foreign" THEN 1 END AS __fb_v2
  FROM src_0
  WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0 AS (
  SELECT sp.__fb_row,
    sum(ev.__fb_v0) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a0,
    count(ev.__fb_v1) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a1,
    count(ev.__fb_v2) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a2
  FROM view_0_sp AS sp
  LEFT JOIN view_0_ev AS ev
    ON ev."user_id" = sp."user_id"
    AND ev.__fb_avail < sp.__fb_t
    AND ev.__fb_ts < sp.__fb_t
    AND ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds'
  GROUP BY sp.__fb_row
)
SELECT
  spine."user_id",
  view_0.__fb_a0 AS "spend_30d",
  coalesce(view_0.__fb_a1, 0) AS "big_30d",
  coalesce(view_0.__fb_a2, 0) AS "foreign_30d",
  spine.__fb_t AS __as_of
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;
