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
WHERE ("status" <> 'test');
