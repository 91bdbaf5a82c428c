-- The lägesbild as a document (issue 9): one per period and scope, drafted from every source,
-- with a status level per area, an assessment, each organisation's contribution, and the insatser
-- decided at the meeting. Publishing freezes a snapshot (content jsonb) that later data never
-- changes; insatser live across lägesbilder until closed with återkoppling.

ALTER TABLE "workspaces" ADD COLUMN "status_levels" JSONB NOT NULL DEFAULT
  '[{"key":"normalt","labelSv":"Normalt","labelEn":"Normal","color":"#2e7d32"},{"key":"forhojt","labelSv":"Förhöjt","labelEn":"Elevated","color":"#f9a825"},{"key":"allvarligt","labelSv":"Allvarligt","labelEn":"Serious","color":"#c62828"}]';

CREATE TABLE "lagesbilder" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "period_kind" TEXT NOT NULL,
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    -- Empty: the whole workspace; else the areas (any level) the lägesbild covers.
    "area_ids" TEXT[] NOT NULL DEFAULT '{}',
    "scope_key" TEXT NOT NULL DEFAULT '',
    "assessment" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    CONSTRAINT "lagesbilder_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "lagesbilder_kind_check" CHECK ("period_kind" IN ('week', 'biweek', 'fourweek', 'month', 'quarter', 'year')),
    CONSTRAINT "lagesbilder_status_check" CHECK ("status" IN ('draft', 'published')),
    CONSTRAINT "lagesbilder_period_check" CHECK ("period_end" >= "period_start"),
    CONSTRAINT "lagesbilder_assessment_check" CHECK (length("assessment") <= 20000),
    CONSTRAINT "lagesbilder_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "lagesbilder_period_scope_key" ON "lagesbilder"("workspace_id", "period_kind", "period_start", "scope_key");

CREATE TABLE "lagesbild_area_statuses" (
    "workspace_id" UUID NOT NULL,
    "lagesbild_id" UUID NOT NULL,
    "area_id" UUID NOT NULL,
    "level" TEXT NOT NULL,
    "justification" TEXT NOT NULL DEFAULT '',
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lagesbild_area_statuses_pkey" PRIMARY KEY ("workspace_id", "lagesbild_id", "area_id"),
    CONSTRAINT "lagesbild_area_statuses_text_check" CHECK (length("justification") <= 4000),
    CONSTRAINT "lagesbild_area_statuses_lagesbild_fkey" FOREIGN KEY ("workspace_id", "lagesbild_id") REFERENCES "lagesbilder"("workspace_id", "id") ON DELETE CASCADE,
    CONSTRAINT "lagesbild_area_statuses_area_fkey" FOREIGN KEY ("workspace_id", "area_id") REFERENCES "areas"("workspace_id", "id") ON DELETE CASCADE
);

CREATE TABLE "lagesbild_contributions" (
    "workspace_id" UUID NOT NULL,
    "lagesbild_id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lagesbild_contributions_pkey" PRIMARY KEY ("workspace_id", "lagesbild_id", "organization_id"),
    CONSTRAINT "lagesbild_contributions_text_check" CHECK (length("text") BETWEEN 1 AND 10000),
    CONSTRAINT "lagesbild_contributions_lagesbild_fkey" FOREIGN KEY ("workspace_id", "lagesbild_id") REFERENCES "lagesbilder"("workspace_id", "id") ON DELETE CASCADE,
    CONSTRAINT "lagesbild_contributions_organization_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE
);

CREATE TABLE "lagesbild_snapshots" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "lagesbild_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    -- The document as JSON text: exact numbers round-trip (jsonb would round doubles to 15 digits).
    "content" TEXT NOT NULL,
    "published_by" UUID,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lagesbild_snapshots_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "lagesbild_snapshots_lagesbild_fkey" FOREIGN KEY ("workspace_id", "lagesbild_id") REFERENCES "lagesbilder"("workspace_id", "id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "lagesbild_snapshots_version_key" ON "lagesbild_snapshots"("workspace_id", "lagesbild_id", "version");

-- A published snapshot is a record of what the meeting saw: the database refuses to change it.
CREATE FUNCTION "lagesbild_snapshots_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a published lägesbild snapshot cannot be changed';
END $$;
CREATE TRIGGER "lagesbild_snapshots_no_update" BEFORE UPDATE ON "lagesbild_snapshots"
  FOR EACH ROW EXECUTE FUNCTION "lagesbild_snapshots_immutable"();

CREATE TABLE "insatser" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "problem" TEXT NOT NULL DEFAULT '',
    "area_ids" TEXT[] NOT NULL DEFAULT '{}',
    "points" JSONB NOT NULL DEFAULT '[]',
    "organization_id" UUID,
    "contact_name" TEXT,
    "start_on" DATE NOT NULL,
    "end_on" DATE,
    "recurrence" TEXT,
    "resources" TEXT,
    -- What prompted it: flagged category × area pairs, findings, dialogue themes.
    "linked_rises" JSONB NOT NULL DEFAULT '[]',
    "linked_finding_ids" TEXT[] NOT NULL DEFAULT '{}',
    "linked_themes" TEXT[] NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'open',
    "decided_in_id" UUID,
    "closed_at" TIMESTAMPTZ(3),
    "closed_in_id" UUID,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "insatser_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "insatser_status_check" CHECK ("status" IN ('open', 'closed')),
    CONSTRAINT "insatser_title_check" CHECK (length("title") BETWEEN 2 AND 300),
    CONSTRAINT "insatser_dates_check" CHECK ("end_on" IS NULL OR "end_on" >= "start_on"),
    CONSTRAINT "insatser_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE,
    CONSTRAINT "insatser_organization_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL,
    CONSTRAINT "insatser_decided_in_fkey" FOREIGN KEY ("workspace_id", "decided_in_id") REFERENCES "lagesbilder"("workspace_id", "id") ON DELETE SET NULL ("decided_in_id"),
    CONSTRAINT "insatser_closed_in_fkey" FOREIGN KEY ("workspace_id", "closed_in_id") REFERENCES "lagesbilder"("workspace_id", "id") ON DELETE SET NULL ("closed_in_id")
);
CREATE INDEX "insatser_status_idx" ON "insatser"("workspace_id", "status");

CREATE TABLE "insats_follow_ups" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "insats_id" UUID NOT NULL,
    "lagesbild_id" UUID,
    "what_done" TEXT NOT NULL,
    "done_on" DATE NOT NULL,
    "effect" TEXT NOT NULL DEFAULT '',
    "organization_id" UUID,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "insats_follow_ups_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "insats_follow_ups_text_check" CHECK (length("what_done") BETWEEN 2 AND 4000 AND length("effect") <= 4000),
    CONSTRAINT "insats_follow_ups_insats_fkey" FOREIGN KEY ("workspace_id", "insats_id") REFERENCES "insatser"("workspace_id", "id") ON DELETE CASCADE,
    CONSTRAINT "insats_follow_ups_lagesbild_fkey" FOREIGN KEY ("workspace_id", "lagesbild_id") REFERENCES "lagesbilder"("workspace_id", "id") ON DELETE SET NULL ("lagesbild_id")
);
CREATE INDEX "insats_follow_ups_insats_idx" ON "insats_follow_ups"("workspace_id", "insats_id");
