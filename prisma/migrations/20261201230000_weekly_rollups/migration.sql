-- Weekly rollups of the daily counts, kept in the same statement-level triggers as the daily
-- counts (so an import, a replacement and an undo keep them exact in their own transaction).
-- The daily counts carry area × category, which is nearly as many rows as the incidents
-- themselves; a question over the whole workspace by category (CompStat, the trend) or over every
-- category by area (the district picture) reads a few weeks' worth of rows per key instead.
-- Weeks are ISO weeks, named by their Monday. Readers take whole weeks from here and the days at a
-- range's ends from daily_incident_counts (server/features/incidents/incident-counts.ts).
CREATE TABLE "weekly_category_counts" (
    "workspace_id" UUID NOT NULL,
    "week" DATE NOT NULL,
    "category_id" UUID NOT NULL,
    "data_source_id" UUID NOT NULL,
    "registered" INTEGER NOT NULL DEFAULT 0,
    "occurred" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "weekly_category_counts_pkey" PRIMARY KEY ("workspace_id", "week", "category_id", "data_source_id") INCLUDE ("registered", "occurred")
);

CREATE TABLE "weekly_area_counts" (
    "workspace_id" UUID NOT NULL,
    "week" DATE NOT NULL,
    "area_id" UUID NOT NULL,
    "data_source_id" UUID NOT NULL,
    "registered" INTEGER NOT NULL DEFAULT 0,
    "occurred" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "weekly_area_counts_pkey" PRIMARY KEY ("workspace_id", "week", "area_id", "data_source_id") INCLUDE ("registered", "occurred")
);

-- The statement that adds (sign 1) or removes (sign -1) a transition table's incidents to one
-- weekly rollup (key: the rollup's own key column), in key order.
CREATE FUNCTION "weekly_incident_counts_sql"(sign int, target text, key text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($sql$
    INSERT INTO %3$I AS d (workspace_id, week, %4$I, data_source_id, registered, occurred)
    SELECT t.workspace_id, v.day - (EXTRACT(ISODOW FROM v.day)::int - 1), t.%4$I, t.data_source_id,
           %1$s * SUM(v.r)::int, %1$s * SUM(v.o)::int
    FROM %2$I t CROSS JOIN LATERAL (VALUES (t.registered_on, t.count, 0), (t.occurred_on, 0, t.count)) AS v(day, r, o)
    WHERE t.area_id IS NOT NULL AND v.day IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (workspace_id, week, %4$I, data_source_id)
    DO UPDATE SET registered = d.registered + EXCLUDED.registered, occurred = d.occurred + EXCLUDED.occurred
  $sql$, sign, CASE WHEN sign > 0 THEN 'new_rows' ELSE 'old_rows' END, target, key)
$$;

CREATE OR REPLACE FUNCTION "daily_incident_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE daily_incident_counts_sql(-1);
    EXECUTE weekly_incident_counts_sql(-1, 'weekly_category_counts', 'category_id');
    EXECUTE weekly_incident_counts_sql(-1, 'weekly_area_counts', 'area_id');
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    EXECUTE daily_incident_counts_sql(1);
    EXECUTE weekly_incident_counts_sql(1, 'weekly_category_counts', 'category_id');
    EXECUTE weekly_incident_counts_sql(1, 'weekly_area_counts', 'area_id');
  END IF;
  RETURN NULL;
END;
$$;

INSERT INTO weekly_category_counts (workspace_id, week, category_id, data_source_id, registered, occurred)
SELECT workspace_id, day - (EXTRACT(ISODOW FROM day)::int - 1), category_id, data_source_id, SUM(registered)::int, SUM(occurred)::int
FROM daily_incident_counts GROUP BY 1, 2, 3, 4;

INSERT INTO weekly_area_counts (workspace_id, week, area_id, data_source_id, registered, occurred)
SELECT workspace_id, day - (EXTRACT(ISODOW FROM day)::int - 1), area_id, data_source_id, SUM(registered)::int, SUM(occurred)::int
FROM daily_incident_counts GROUP BY 1, 2, 3, 4;
