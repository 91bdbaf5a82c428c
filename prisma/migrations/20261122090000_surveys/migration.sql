-- Surveys (issue 4): area-level results of the police's trygghetsmätning, NTU and a kommun's own
-- enkät. One row per survey (a data source), indicator, area and year; an import replaces the rows
-- it names and keeps what it replaced, so the import can be undone exactly like a police delivery.

ALTER TYPE "DataSourceKind" ADD VALUE IF NOT EXISTS 'survey';

-- Which survey a survey source is (trygghetsmatning, ntu, enkat): it sets the scale values are read on.
ALTER TABLE "data_sources" ADD COLUMN "survey_kind" TEXT;

ALTER TABLE "workspaces" ADD COLUMN "survey_min_respondents" INTEGER NOT NULL DEFAULT 30;

CREATE TABLE "survey_results" (
    "workspace_id" UUID NOT NULL,
    "data_source_id" UUID NOT NULL,
    "indicator" TEXT NOT NULL,
    "area_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "lower" DOUBLE PRECISION,
    "upper" DOUBLE PRECISION,
    "respondents" INTEGER,
    "import_batch_id" UUID NOT NULL,
    CONSTRAINT "survey_results_pkey" PRIMARY KEY ("workspace_id", "data_source_id", "indicator", "area_id", "year"),
    CONSTRAINT "survey_results_unit_check" CHECK ("unit" IN ('index', 'percent')),
    CONSTRAINT "survey_results_interval_check" CHECK (("lower" IS NULL OR "lower" <= "value") AND ("upper" IS NULL OR "upper" >= "value")),
    CONSTRAINT "survey_results_respondents_check" CHECK ("respondents" IS NULL OR "respondents" >= 0),
    CONSTRAINT "survey_results_source_fkey" FOREIGN KEY ("workspace_id", "data_source_id") REFERENCES "data_sources"("workspace_id", "id") ON DELETE CASCADE,
    CONSTRAINT "survey_results_area_fkey" FOREIGN KEY ("workspace_id", "area_id") REFERENCES "areas"("workspace_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "survey_results_batch_fkey" FOREIGN KEY ("workspace_id", "import_batch_id") REFERENCES "import_batches"("workspace_id", "id") ON DELETE CASCADE
);
CREATE INDEX "survey_results_area_idx" ON "survey_results" ("workspace_id", "area_id");
CREATE INDEX "survey_results_batch_idx" ON "survey_results" ("workspace_id", "import_batch_id");

-- The rows an import replaced (changed values), restored when that import is undone.
CREATE TABLE "replaced_survey_results" (
    "workspace_id" UUID NOT NULL,
    "replaced_by_batch_id" UUID NOT NULL,
    "data_source_id" UUID NOT NULL,
    "indicator" TEXT NOT NULL,
    "area_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "lower" DOUBLE PRECISION,
    "upper" DOUBLE PRECISION,
    "respondents" INTEGER,
    "import_batch_id" UUID NOT NULL,
    CONSTRAINT "replaced_survey_results_batch_fkey" FOREIGN KEY ("workspace_id", "replaced_by_batch_id") REFERENCES "import_batches"("workspace_id", "id") ON DELETE CASCADE
);
CREATE INDEX "replaced_survey_results_batch_idx" ON "replaced_survey_results" ("workspace_id", "replaced_by_batch_id");
