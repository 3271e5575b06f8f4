SELECT *, CAST("label_ts" AS TIMESTAMP) AS __fb_ts, CAST("label_ts" AS TIMESTAMP) AS __fb_avail
FROM (
  SELECT * FROM read_csv('examples/fraud/data/labels.csv', header = true)
);
