WITH
src_0 AS (
  SELECT *, CAST("label_ts" AS TIMESTAMP) AS __fb_ts, CAST("label_ts" AS TIMESTAMP) AS __fb_avail
  FROM (
    SELECT * FROM read_csv('examples/fraud/data/labels.csv', header = true)
  )
),
src_1 AS (
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
src_2 AS (
  SELECT *, CAST("reported_at" AS TIMESTAMP) AS __fb_ts, CAST("reported_at" AS TIMESTAMP) AS __fb_avail
  FROM (
    SELECT * FROM read_csv('examples/fraud/data/chargebacks.csv', header = true)
  )
),
spine AS (
  SELECT row_number() OVER () AS __fb_row, *, __fb_ts AS __fb_t
  FROM src_0
),
view_0_sp AS (
  SELECT __fb_row, "user_id", make_timestamp((epoch_us(__fb_t) - 7200000000) - ((((epoch_us(__fb_t) - 7200000000) % 86400000000) + 86400000000) % 86400000000)) AS __fb_t
  FROM spine
  WHERE "user_id" IS NOT NULL AND __fb_t IS NOT NULL
),
view_0_ev AS (
  SELECT "user_id", __fb_ts, __fb_avail, 1 AS __fb_v0, 1 AS __fb_v1, "amount_usd" AS __fb_v2, CASE WHEN "approved" THEN "amount_usd" END AS __fb_v3, "amount_usd" AS __fb_v4, "amount_usd" AS __fb_v5, "amount_usd" AS __fb_v6, "amount_usd" AS __fb_v7, "merchant_id" AS __fb_v8, "country" AS __fb_v9, CASE WHEN ("is_foreign" AND ("approved" IS NOT NULL)) THEN 1 END AS __fb_v10, CASE WHEN "is_night" THEN 1 END AS __fb_v11, CASE WHEN (NOT "approved") THEN "amount" END AS __fb_v12, "country" AS __fb_v13, "country" AS __fb_v14
  FROM src_1
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
),
view_1_in AS (
  SELECT __fb_row, "merchant_id", __fb_t, NULL AS __fb_v0, NULL AS __fb_v1
  FROM (
    SELECT __fb_row, "merchant_id", __fb_t AS __fb_t
    FROM spine
    WHERE "merchant_id" IS NOT NULL AND __fb_t IS NOT NULL
  )
  UNION ALL
  SELECT NULL AS __fb_row, "merchant_id", __fb_ts AS __fb_t, 1 AS __fb_v0, "amount" AS __fb_v1
  FROM src_2
  WHERE "merchant_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_1_w AS (
  SELECT __fb_row,
    count(__fb_v0) OVER w0 AS __fb_a0,
    sum(__fb_v1) OVER w0 AS __fb_a1
  FROM view_1_in
  WINDOW w0 AS (PARTITION BY "merchant_id" ORDER BY __fb_t RANGE BETWEEN INTERVAL '7776000000 milliseconds' PRECEDING AND CURRENT ROW EXCLUDE TIES)
  QUALIFY __fb_row IS NOT NULL
),
view_1 AS (
  SELECT * FROM view_1_w
),
view_2_sp AS (
  SELECT __fb_row, "user_id", "merchant_id", __fb_t AS __fb_t
  FROM spine
  WHERE "user_id" IS NOT NULL AND "merchant_id" IS NOT NULL AND __fb_t IS NOT NULL
),
view_2_ev AS (
  SELECT "user_id", "merchant_id", __fb_ts, __fb_avail, 1 AS __fb_v0, "amount_usd" AS __fb_v1
  FROM src_1
  WHERE "user_id" IS NOT NULL AND "merchant_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_2 AS (
  SELECT sp.__fb_row,
    count(ev.__fb_v0) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '2592000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a0,
    arg_max(ev.__fb_v1, struct_pack(t := ev.__fb_ts, a := ev.__fb_avail, v := ev.__fb_v1)) FILTER (WHERE ev.__fb_v1 IS NOT NULL AND ev.__fb_ts >= sp.__fb_t - INTERVAL '15552000000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a1
  FROM view_2_sp AS sp
  LEFT JOIN view_2_ev AS ev
    ON ev."user_id" = sp."user_id"
    AND ev."merchant_id" = sp."merchant_id"
    AND ev.__fb_avail < sp.__fb_t
    AND ev.__fb_ts < sp.__fb_t
    AND ev.__fb_ts >= sp.__fb_t - INTERVAL '15552000000 milliseconds'
  GROUP BY sp.__fb_row
)
SELECT
  spine."user_id",
  spine."merchant_id",
  spine."label_ts",
  spine."is_fraud",
  coalesce(view_0.__fb_a0, 0) AS "user_spend__txn_count_1h",
  coalesce(view_0.__fb_a1, 0) AS "user_spend__txn_count_24h",
  view_0.__fb_a2 AS "user_spend__spend_7d",
  view_0.__fb_a3 AS "user_spend__avg_spend_30d",
  view_0.__fb_a4 AS "user_spend__max_spend_30d",
  view_0.__fb_a5 AS "user_spend__min_spend_30d",
  view_0.__fb_a6 AS "user_spend__sd_spend_30d",
  view_0.__fb_a7 AS "user_spend__var_spend_30d",
  coalesce(view_0.__fb_a8, 0) AS "user_spend__merchants_30d",
  coalesce(view_0.__fb_a9, 0) AS "user_spend__countries_7d",
  coalesce(view_0.__fb_a10, 0) AS "user_spend__foreign_7d",
  coalesce(view_0.__fb_a11, 0) AS "user_spend__night_txns_30d",
  coalesce(view_0.__fb_a12, 0) AS "user_spend__declined_7d",
  view_0.__fb_a13 AS "user_spend__first_country",
  view_0.__fb_a14 AS "user_spend__last_country",
  round(CAST((CAST(view_0.__fb_a2 AS DOUBLE) / NULLIF(CAST((view_0.__fb_a3 * 7) AS DOUBLE), 0)) AS DOUBLE), CAST(4 AS INTEGER)) AS "user_spend__spend_ratio",
  (CASE WHEN ((coalesce(view_0.__fb_a0, 0) >= 3) OR (coalesce(view_0.__fb_a9, 0) > 1)) THEN 1 ELSE 0 END) AS "user_spend__burst",
  coalesce(view_1.__fb_a0, 0) AS "merchant_risk__chargebacks_90d",
  coalesce(view_2.__fb_a0, 0) AS "pair_history__pair_txn_30d",
  CASE WHEN spine.__fb_t IS NULL THEN NULL WHEN spine.__fb_t < TIMESTAMP '2024-05-01 00:00:00.000' THEN 'train' WHEN spine.__fb_t < TIMESTAMP '2024-06-01 00:00:00.000' THEN 'validation' ELSE 'test' END AS "split"
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
LEFT JOIN view_1 ON view_1.__fb_row = spine.__fb_row
LEFT JOIN view_2 ON view_2.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;
