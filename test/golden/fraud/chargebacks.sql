SELECT *, CAST("reported_at" AS TIMESTAMP) AS __fb_ts, CAST("reported_at" AS TIMESTAMP) AS __fb_avail
FROM (
  SELECT * FROM read_csv('examples/fraud/data/chargebacks.csv', header = true)
);
