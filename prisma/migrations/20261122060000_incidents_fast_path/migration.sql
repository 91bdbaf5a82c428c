-- Incidents are the fact table that bulk imports fill: per-row foreign-key checks cost more than
-- the rows themselves (measured in docs/decisions/007). The references stay enforced, set-wise:
-- imports check every staged row against the workspace's own areas, categories and sources in
-- their transaction, and the statement-level triggers below refuse deleting a referenced area,
-- category or batch and cascade a deleted data source (and so a deleted workspace).
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_workspace_id_fkey";
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_workspace_id_data_source_id_fkey";
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_workspace_id_import_batch_id_fkey";
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_workspace_id_category_id_fkey";
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_workspace_id_area_id_fkey";

-- The dashboard reads daily_incident_counts; incidents keep the unique key (re-imports), the
-- registration-date index (points layer, delivery replacement); undo by batch scans (rare).
DROP INDEX "incidents_workspace_id_occurred_on_idx";
DROP INDEX "incidents_workspace_id_area_id_registered_on_idx";

-- Whether occurred_from carries a time of day (police events) or only a date (deliveries, files):
-- the time-of-day chart counts only the former.
ALTER TABLE "incidents" ADD COLUMN "time_known" BOOLEAN NOT NULL DEFAULT false;

CREATE FUNCTION "incidents_restrict_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  referenced int;
BEGIN
  EXECUTE format(
    'SELECT count(*) FROM (SELECT 1 FROM incidents i JOIN old_rows o ON i.workspace_id = o.workspace_id AND i.%I = o.id LIMIT 1) x',
    TG_ARGV[0]) INTO referenced;
  IF referenced > 0 THEN
    RAISE EXCEPTION 'delete on table "%" violates reference from table "incidents"', TG_TABLE_NAME
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "areas_restrict_incidents" AFTER DELETE ON "areas"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents_restrict_delete"('area_id');
CREATE TRIGGER "categories_restrict_incidents" AFTER DELETE ON "categories"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents_restrict_delete"('category_id');
CREATE TRIGGER "import_batches_restrict_incidents" AFTER DELETE ON "import_batches"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents_restrict_delete"('import_batch_id');

CREATE FUNCTION "incidents_cascade_source_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM incidents i USING old_rows o WHERE i.workspace_id = o.workspace_id AND i.data_source_id = o.id;
  DELETE FROM replaced_incidents r USING old_rows o WHERE r.workspace_id = o.workspace_id AND r.data_source_id = o.id;
  RETURN NULL;
END;
$$;

-- Rows a police delivery replaced, kept with the batch that replaced them, so undoing that batch
-- restores them.
CREATE TABLE "replaced_incidents" (
    "workspace_id" UUID NOT NULL,
    "replaced_by_batch_id" UUID NOT NULL,
    "data_source_id" UUID NOT NULL,
    "external_id" TEXT NOT NULL,
    "import_batch_id" UUID,
    "category_id" UUID NOT NULL,
    "area_id" UUID,
    "occurred_from" TIMESTAMPTZ(3),
    "occurred_to" TIMESTAMPTZ(3),
    "time_known" BOOLEAN NOT NULL DEFAULT false,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,
    "registered_on" DATE NOT NULL,
    "occurred_on" DATE,
    "count" INTEGER NOT NULL,
    "lon" DOUBLE PRECISION,
    "lat" DOUBLE PRECISION,
    "point_precision" "PointPrecision",
    "description" TEXT,
    CONSTRAINT "replaced_incidents_pkey" PRIMARY KEY ("workspace_id", "replaced_by_batch_id", "data_source_id", "external_id"),
    CONSTRAINT "replaced_incidents_batch_fkey" FOREIGN KEY ("workspace_id", "replaced_by_batch_id")
      REFERENCES "import_batches"("workspace_id", "id") ON DELETE CASCADE
);

CREATE TRIGGER "data_sources_cascade_incidents" AFTER DELETE ON "data_sources"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents_cascade_source_delete"();

-- The aggregate, rebuilt with both date bases in one row: a day's row carries the incidents
-- registered that day and those that occurred that day, which halves the rows an import writes
-- and a dashboard query reads. The primary key carries both counts (INCLUDE), so range scans by
-- day are index-only and each aggregated row updates one b-tree.
DROP TRIGGER "incidents_counts_insert" ON "incidents";
DROP TRIGGER "incidents_counts_update" ON "incidents";
DROP TRIGGER "incidents_counts_delete" ON "incidents";
DROP FUNCTION "daily_incident_counts_apply"();
DROP TABLE "daily_incident_counts";

CREATE TABLE "daily_incident_counts" (
    "workspace_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "area_id" UUID NOT NULL,
    "category_id" UUID NOT NULL,
    "data_source_id" UUID NOT NULL,
    "registered" INTEGER NOT NULL DEFAULT 0,
    "occurred" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "daily_incident_counts_pkey" PRIMARY KEY ("workspace_id", "day", "area_id", "category_id", "data_source_id") INCLUDE ("registered", "occurred")
);

-- The statement that adds (sign 1) or removes (sign -1) a transition table's incidents, in key
-- order. Returned as text: transition tables are visible only to the trigger function's own queries.
CREATE FUNCTION "daily_incident_counts_sql"(sign int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($sql$
    INSERT INTO daily_incident_counts AS d (workspace_id, day, area_id, category_id, data_source_id, registered, occurred)
    SELECT t.workspace_id, v.day, t.area_id, t.category_id, t.data_source_id, %1$s * SUM(v.r)::int, %1$s * SUM(v.o)::int
    FROM %2$I t CROSS JOIN LATERAL (VALUES (t.registered_on, t.count, 0), (t.occurred_on, 0, t.count)) AS v(day, r, o)
    WHERE t.area_id IS NOT NULL AND v.day IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (workspace_id, day, area_id, category_id, data_source_id)
    DO UPDATE SET registered = d.registered + EXCLUDED.registered, occurred = d.occurred + EXCLUDED.occurred
  $sql$, sign, CASE WHEN sign > 0 THEN 'new_rows' ELSE 'old_rows' END)
$$;

CREATE FUNCTION "daily_incident_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE daily_incident_counts_sql(-1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    EXECUTE daily_incident_counts_sql(1);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "incidents_counts_insert" AFTER INSERT ON "incidents"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "daily_incident_counts_apply"();
CREATE TRIGGER "incidents_counts_update" AFTER UPDATE ON "incidents"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "daily_incident_counts_apply"();
CREATE TRIGGER "incidents_counts_delete" AFTER DELETE ON "incidents"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "daily_incident_counts_apply"();

INSERT INTO daily_incident_counts (workspace_id, day, area_id, category_id, data_source_id, registered, occurred)
SELECT workspace_id, day, area_id, category_id, data_source_id, SUM(r)::int, SUM(o)::int FROM (
  SELECT workspace_id, registered_on AS day, area_id, category_id, data_source_id, count AS r, 0 AS o FROM incidents
  UNION ALL
  SELECT workspace_id, occurred_on, area_id, category_id, data_source_id, 0, count FROM incidents WHERE occurred_on IS NOT NULL
) existing WHERE area_id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
