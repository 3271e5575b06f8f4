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

-- daily
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
  SELECT "user_id", __fb_ts, __fb_avail, 1 AS __fb_v0
  FROM src_0
  WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0 AS (
  SELECT sp.__fb_row,
    count(ev.__fb_v0) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a0
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
  coalesce(view_0.__fb_a0, 0) AS "n_7d",
  spine.__fb_t AS __as_of
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;

-- hourly
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
  SELECT "user_id", __fb_ts, __fb_avail, 1 AS __fb_v0
  FROM src_0
  WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0 AS (
  SELECT sp.__fb_row,
    count(ev.__fb_v0) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '3600000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a0
  FROM view_0_sp AS sp
  LEFT JOIN view_0_ev AS ev
    ON ev."user_id" = sp."user_id"
    AND ev.__fb_avail < sp.__fb_t
    AND ev.__fb_ts < sp.__fb_t
    AND ev.__fb_ts >= sp.__fb_t - INTERVAL '3600000 milliseconds'
  GROUP BY sp.__fb_row
)
SELECT
  spine."user_id",
  coalesce(view_0.__fb_a0, 0) AS "n_1h",
  spine.__fb_t AS __as_of
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;

-- refreshed
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
view_0_in AS (
  SELECT __fb_row, "user_id", __fb_t, NULL AS __fb_v0
  FROM (
    SELECT __fb_row, "user_id", make_timestamp((epoch_us(__fb_t) - 7200000000) - ((((epoch_us(__fb_t) - 7200000000) % 86400000000) + 86400000000) % 86400000000)) AS __fb_t
    FROM spine
    WHERE "user_id" IS NOT NULL AND __fb_t IS NOT NULL
  )
  UNION ALL
  SELECT NULL AS __fb_row, "user_id", __fb_ts AS __fb_t, 1 AS __fb_v0
  FROM src_1
  WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0_w AS (
  SELECT __fb_row,
    count(__fb_v0) OVER w0 AS __fb_a0
  FROM view_0_in
  WINDOW w0 AS (PARTITION BY "user_id" ORDER BY __fb_t RANGE BETWEEN INTERVAL '604800000 milliseconds' PRECEDING AND CURRENT ROW EXCLUDE TIES)
  QUALIFY __fb_row IS NOT NULL
),
view_0 AS (
  SELECT * FROM view_0_w
),
view_1_in AS (
  SELECT __fb_row, "user_id", __fb_t, NULL AS __fb_v0
  FROM (
    SELECT __fb_row, "user_id", make_timestamp((epoch_us(__fb_t) - 0) - ((((epoch_us(__fb_t) - 0) % 3600000000) + 3600000000) % 3600000000)) AS __fb_t
    FROM spine
    WHERE "user_id" IS NOT NULL AND __fb_t IS NOT NULL
  )
  UNION ALL
  SELECT NULL AS __fb_row, "user_id", __fb_ts AS __fb_t, 1 AS __fb_v0
  FROM src_1
  WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_1_w AS (
  SELECT __fb_row,
    count(__fb_v0) OVER w0 AS __fb_a0
  FROM view_1_in
  WINDOW w0 AS (PARTITION BY "user_id" ORDER BY __fb_t RANGE BETWEEN INTERVAL '3600000 milliseconds' PRECEDING AND CURRENT ROW EXCLUDE TIES)
  QUALIFY __fb_row IS NOT NULL
),
view_1 AS (
  SELECT * FROM view_1_w
)
SELECT
  spine."user_id",
  spine."label_ts",
  spine."is_fraud",
  coalesce(view_0.__fb_a0, 0) AS "daily__n_7d",
  coalesce(view_1.__fb_a0, 0) AS "hourly__n_1h"
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
LEFT JOIN view_1 ON view_1.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;
