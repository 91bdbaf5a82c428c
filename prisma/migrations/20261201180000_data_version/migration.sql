-- A version per workspace, bumped in the same transaction as every write to the tables the
-- dashboard's answers are computed from (docs/decisions/022). Server processes key their answer
-- caches by it, so any number of them on one database never serve an answer older than the data.
-- Statement-level triggers with transition tables: one upsert per statement, not per row, and no
-- writer (imports, undo, reports, walks, the admin command, plain SQL) can forget it.
CREATE TABLE "workspace_data_versions" (
    "workspace_id" UUID NOT NULL,
    "version" BIGINT NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "workspace_data_versions_pkey" PRIMARY KEY ("workspace_id")
);
-- No foreign key to workspaces: the triggers run after a cascade has removed the workspace.

CREATE FUNCTION "workspace_data_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Rows are locked in workspace order, so two statements touching the same workspaces queue
  -- instead of deadlocking on each other's version rows.
  IF TG_OP = 'INSERT' THEN
    INSERT INTO workspace_data_versions AS v (workspace_id, version)
    SELECT DISTINCT workspace_id, 1 FROM new_rows WHERE workspace_id IS NOT NULL ORDER BY 1
    ON CONFLICT (workspace_id) DO UPDATE SET version = v.version + 1, changed_at = CURRENT_TIMESTAMP;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO workspace_data_versions AS v (workspace_id, version)
    SELECT workspace_id, 1 FROM (SELECT workspace_id FROM new_rows UNION SELECT workspace_id FROM old_rows) changed
    WHERE workspace_id IS NOT NULL ORDER BY 1
    ON CONFLICT (workspace_id) DO UPDATE SET version = v.version + 1, changed_at = CURRENT_TIMESTAMP;
  ELSE
    INSERT INTO workspace_data_versions AS v (workspace_id, version)
    SELECT DISTINCT workspace_id, 1 FROM old_rows WHERE workspace_id IS NOT NULL ORDER BY 1
    ON CONFLICT (workspace_id) DO UPDATE SET version = v.version + 1, changed_at = CURRENT_TIMESTAMP;
  END IF;
  RETURN NULL;
END;
$$;

-- The workspace row itself (time zone, meeting rhythm, survey minimum): its id is the workspace.
CREATE FUNCTION "workspace_data_version_bump_workspace"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO workspace_data_versions AS v (workspace_id, version)
  SELECT id, 1 FROM new_rows ORDER BY 1
  ON CONFLICT (workspace_id) DO UPDATE SET version = v.version + 1, changed_at = CURRENT_TIMESTAMP;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "workspaces_data_version_update" AFTER UPDATE ON "workspaces"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "workspace_data_version_bump_workspace"();

-- Later migrations track a new table with: SELECT workspace_data_version_track('table_name');
-- (tests/integration/answer-cache.test.ts fails on a tenant table that is neither tracked nor
-- listed there as excluded with its reason).
CREATE FUNCTION "workspace_data_version_track"(table_name TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION workspace_data_version_bump()', table_name || '_data_version_insert', table_name);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION workspace_data_version_bump()', table_name || '_data_version_update', table_name);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION workspace_data_version_bump()', table_name || '_data_version_delete', table_name);
END;
$$;

SELECT workspace_data_version_track(name) FROM unnest(ARRAY[
  'areas', 'area_populations', 'categories', 'data_sources', 'import_batches', 'incidents',
  'workspace_organizations', 'safety_walks', 'walk_findings', 'finding_status_changes',
  'field_reports', 'photos', 'dialogues', 'dialogue_themes', 'survey_results', 'places'
]) AS name;
