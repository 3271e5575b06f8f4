WITH
src_0 AS (
  SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, coalesce(CAST("ingested_at" AS TIMESTAMP), CAST("ts" AS TIMESTAMP)) AS __fb_avail
  FROM (
    SELECT *, ("country" NOT IN ('US', 'GB', 'DE', 'FR', 'CA')) AS "is_foreign"
    FROM (
      SELECT *, (hour("ts") < 6) AS "is_night"
      FROM (
        SELECT *, ("amount" * "fx_rate") AS "amount_usd"
        FROM (
          SELECT * FROM read_parquet('examples/fraud/data/transactions.parquet')
        )
      )
    )
  )
  WHERE ("status" <> 'test')
),
spine AS (
  SELECT row_number() OVER () AS __fb_row, "user_id", TIMESTAMP '2024-07-01 00:00:00.000' AS __fb_t
  FROM (
    SELECT DISTINCT "user_id"
    FROM src_0
    WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL AND __fb_avail < TIMESTAMP '2024-07-01 00:00:00.000'
  )
),
view_0_sp AS (
  SELECT __fb_row, "user_id", __fb_t AS __fb_t
  FROM spine
  WHERE "user_id" IS NOT NULL AND __fb_t IS NOT NULL
),
view_0_ev AS (
  SELECT "user_id", __fb_ts, __fb_avail, 1 AS __fb_v0, 1 AS __fb_v1, "amount_usd" AS __fb_v2, CASE WHEN "approved" THEN "amount_usd" END AS __fb_v3, "amount_usd" AS __fb_v4, "amount_usd" AS __fb_v5, "amount_usd" AS __fb_v6, "amount_usd" AS __fb_v7, "merchant_id" AS __fb_v8, "country" AS __fb_v9, CASE WHEN ("is_foreign" AND ("approved" IS NOT NULL)) THEN 1 END AS __fb_v10, CASE WHEN "is_night" THEN 1 END AS __fb_v11, CASE WHEN (NOT "approved") THEN "amount" END AS __fb_v12, "country" AS __fb_v13, "country" AS __fb_v14
  FROM src_0
  WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0 AS (
  SELECT sp.__fb_row,
    count(ev.__fb_v0) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '3600000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a0,
    count(ev.__fb_v1) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '86400000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a1,
    sum(ev.__fb_v2) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a2,
    avg(ev.__fb_v3) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a3,
    max(ev.__fb_v4) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a4,
    min(ev.__fb_v5) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a5,
    stddev_samp(ev.__fb_v6) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a6,
    var_samp(ev.__fb_v7) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a7,
    count(DISTINCT ev.__fb_v8) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a8,
    count(DISTINCT ev.__fb_v9) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a9,
    count(ev.__fb_v10) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a10,
    count(ev.__fb_v11) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a11,
    count(ev.__fb_v12) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a12,
    arg_min(ev.__fb_v13, struct_pack(t := ev.__fb_ts, a := ev.__fb_avail, v := ev.__fb_v13)) FILTER (WHERE ev.__fb_v13 IS NOT NULL AND ev.__fb_ts >= sp.__fb_t - INTERVAL '7776000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a13,
    arg_max(ev.__fb_v14, struct_pack(t := ev.__fb_ts, a := ev.__fb_avail, v := ev.__fb_v14)) FILTER (WHERE ev.__fb_v14 IS NOT NULL AND ev.__fb_ts >= sp.__fb_t - INTERVAL '7776000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a14
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
  coalesce(view_0.__fb_a0, 0) AS "txn_count_1h",
  coalesce(view_0.__fb_a1, 0) AS "txn_count_24h",
  view_0.__fb_a2 AS "spend_7d",
  view_0.__fb_a3 AS "avg_spend_30d",
  view_0.__fb_a4 AS "max_spend_30d",
  view_0.__fb_a5 AS "min_spend_30d",
  view_0.__fb_a6 AS "sd_spend_30d",
  view_0.__fb_a7 AS "var_spend_30d",
  coalesce(view_0.__fb_a8, 0) AS "merchants_30d",
  coalesce(view_0.__fb_a9, 0) AS "countries_7d",
  coalesce(view_0.__fb_a10, 0) AS "foreign_7d",
  coalesce(view_0.__fb_a11, 0) AS "night_txns_30d",
  coalesce(view_0.__fb_a12, 0) AS "declined_7d",
  view_0.__fb_a13 AS "first_country",
  view_0.__fb_a14 AS "last_country",
  round(CAST((CAST(view_0.__fb_a2 AS DOUBLE) / NULLIF(CAST((view_0.__fb_a3 * 7) AS DOUBLE), 0)) AS DOUBLE), CAST(4 AS INTEGER)) AS "spend_ratio",
  (CASE WHEN ((coalesce(view_0.__fb_a0, 0) >= 3) OR (coalesce(view_0.__fb_a9, 0) > 1)) THEN 1 ELSE 0 END) AS "burst",
  spine.__fb_t AS __as_of
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;
