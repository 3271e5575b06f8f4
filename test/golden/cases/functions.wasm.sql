-- events
SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
FROM (
  SELECT *, ("amount" % NULLIF(10, 0)) AS "pct"
  FROM (
    SELECT *, ("country" IS NULL) AS "is_null"
    FROM (
      SELECT *, (- "amount") AS "neg"
      FROM (
        SELECT *, epoch(CAST("ts" AS TIMESTAMP)) AS "t_epoch"
        FROM (
          SELECT *, year("ts") AS "t_year"
          FROM (
            SELECT *, month("ts") AS "t_month"
            FROM (
              SELECT *, dayofweek("ts") AS "t_dow"
              FROM (
                SELECT *, hour("ts") AS "t_hour"
                FROM (
                  SELECT *, contains("channel", 'we') AS "c_contains"
                  FROM (
                    SELECT *, length("country") AS "c_length"
                    FROM (
                      SELECT *, upper("channel") AS "c_upper"
                      FROM (
                        SELECT *, lower("country") AS "c_lower"
                        FROM (
                          SELECT *, greatest("amount", 50) AS "a_greatest"
                          FROM (
                            SELECT *, least("amount", 50) AS "a_least"
                            FROM (
                              SELECT *, pow(CAST("amount" AS DOUBLE), CAST(2 AS DOUBLE)) AS "a_pow"
                              FROM (
                                SELECT *, (CASE WHEN "amount" >= 0 THEN sqrt("amount") END) AS "a_sqrt"
                                FROM (
                                  SELECT *, exp("fx_rate") AS "a_exp"
                                  FROM (
                                    SELECT *, (CASE WHEN "amount" > 0 THEN log10("amount") END) AS "a_log10"
                                    FROM (
                                      SELECT *, (CASE WHEN "amount" > 0 THEN ln("amount") END) AS "a_ln"
                                      FROM (
                                        SELECT *, round(CAST("amount" AS DOUBLE), CAST(1 AS INTEGER)) AS "a_round"
                                        FROM (
                                          SELECT *, floor("amount") AS "a_floor"
                                          FROM (
                                            SELECT *, ceil("amount") AS "a_ceil"
                                            FROM (
                                              SELECT *, abs(("amount" - 100)) AS "a_abs"
                                              FROM (
                                                SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
                                              )
                                            )
                                          )
                                        )
                                      )
                                    )
                                  )
                                )
                              )
                            )
                          )
                        )
                      )
                    )
                  )
                )
              )
            )
          )
        )
      )
    )
  )
);

-- fns
WITH
src_0 AS (
  SELECT *, CAST("ts" AS TIMESTAMP) AS __fb_ts, CAST("ts" AS TIMESTAMP) AS __fb_avail
  FROM (
    SELECT *, ("amount" % NULLIF(10, 0)) AS "pct"
    FROM (
      SELECT *, ("country" IS NULL) AS "is_null"
      FROM (
        SELECT *, (- "amount") AS "neg"
        FROM (
          SELECT *, epoch(CAST("ts" AS TIMESTAMP)) AS "t_epoch"
          FROM (
            SELECT *, year("ts") AS "t_year"
            FROM (
              SELECT *, month("ts") AS "t_month"
              FROM (
                SELECT *, dayofweek("ts") AS "t_dow"
                FROM (
                  SELECT *, hour("ts") AS "t_hour"
                  FROM (
                    SELECT *, contains("channel", 'we') AS "c_contains"
                    FROM (
                      SELECT *, length("country") AS "c_length"
                      FROM (
                        SELECT *, upper("channel") AS "c_upper"
                        FROM (
                          SELECT *, lower("country") AS "c_lower"
                          FROM (
                            SELECT *, greatest("amount", 50) AS "a_greatest"
                            FROM (
                              SELECT *, least("amount", 50) AS "a_least"
                              FROM (
                                SELECT *, pow(CAST("amount" AS DOUBLE), CAST(2 AS DOUBLE)) AS "a_pow"
                                FROM (
                                  SELECT *, (CASE WHEN "amount" >= 0 THEN sqrt("amount") END) AS "a_sqrt"
                                  FROM (
                                    SELECT *, exp("fx_rate") AS "a_exp"
                                    FROM (
                                      SELECT *, (CASE WHEN "amount" > 0 THEN log10("amount") END) AS "a_log10"
                                      FROM (
                                        SELECT *, (CASE WHEN "amount" > 0 THEN ln("amount") END) AS "a_ln"
                                        FROM (
                                          SELECT *, round(CAST("amount" AS DOUBLE), CAST(1 AS INTEGER)) AS "a_round"
                                          FROM (
                                            SELECT *, floor("amount") AS "a_floor"
                                            FROM (
                                              SELECT *, ceil("amount") AS "a_ceil"
                                              FROM (
                                                SELECT *, abs(("amount" - 100)) AS "a_abs"
                                                FROM (
                                                  SELECT * FROM read_csv('test/golden/cases/data/events.csv', header = true)
                                                )
                                              )
                                            )
                                          )
                                        )
                                      )
                                    )
                                  )
                                )
                              )
                            )
                          )
                        )
                      )
                    )
                  )
                )
              )
            )
          )
        )
      )
    )
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
  SELECT "user_id", __fb_ts, __fb_avail, (((((((((("a_abs" + "a_ceil") + "a_floor") + "a_round") + "a_ln") + "a_log10") + "a_exp") + "a_sqrt") + "a_pow") + "a_least") + "a_greatest") AS __fb_v0, CASE WHEN (((("c_contains" AND ("t_hour" < 12)) AND ("t_dow" IN (1, 2, 3))) AND ("t_month" >= 1)) AND ("t_year" = 2024)) THEN 1 END AS __fb_v1, "t_epoch" AS __fb_v2, "c_length" AS __fb_v3, "c_upper" AS __fb_v4
  FROM src_0
  WHERE "user_id" IS NOT NULL AND __fb_ts IS NOT NULL
),
view_0 AS (
  SELECT sp.__fb_row,
    sum(ev.__fb_v0) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a0,
    count(ev.__fb_v1) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a1,
    max(ev.__fb_v2) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a2,
    sum(ev.__fb_v3) FILTER (WHERE ev.__fb_ts >= sp.__fb_t - INTERVAL '604800000 milliseconds' AND ev.__fb_ts < sp.__fb_t) AS __fb_a3,
    arg_max(ev.__fb_v4, struct_pack(t := ev.__fb_ts, a := ev.__fb_avail, v := ev.__fb_v4)) FILTER (WHERE ev.__fb_v4 IS NOT NULL) AS __fb_a4
  FROM view_0_sp AS sp
  LEFT JOIN view_0_ev AS ev
    ON ev."user_id" = sp."user_id"
    AND ev.__fb_avail < sp.__fb_t
  GROUP BY sp.__fb_row
)
SELECT
  spine."user_id",
  view_0.__fb_a0 AS "s",
  coalesce(view_0.__fb_a1, 0) AS "n",
  view_0.__fb_a2 AS "epoch_max",
  view_0.__fb_a3 AS "lens",
  view_0.__fb_a4 AS "upper_last",
  abs(view_0.__fb_a0) AS "s_abs",
  spine.__fb_t AS __as_of
FROM spine
LEFT JOIN view_0 ON view_0.__fb_row = spine.__fb_row
ORDER BY spine.__fb_row;
