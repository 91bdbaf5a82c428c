-- Medborgarlöften (issue 12, docs/decisions/016): the promise the kommun and the police make to
-- citizens, its fokusområden and activities, the progress recorded against each activity (or an
-- insats from a lägesbild linked to it), and the expected effects tied to an indicator. Arrays of
-- ids are TEXT[] as elsewhere (the PGlite adapter cannot read uuid[]).

CREATE TABLE "medborgarloften" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    -- The years it runs; a promise extended for another year keeps its activities and progress.
    "start_year" INTEGER NOT NULL,
    "end_year" INTEGER NOT NULL,
    -- The parties (organisations) and who signed for them (titles as printed on the promise).
    "organization_ids" TEXT[] NOT NULL DEFAULT '{}',
    "signatories" TEXT[] NOT NULL DEFAULT '{}',
    "area_ids" TEXT[] NOT NULL DEFAULT '{}',
    -- What it was based on: dialogues, their themes, lägesbilder and survey indicators.
    "based_on_dialogue_ids" TEXT[] NOT NULL DEFAULT '{}',
    "based_on_themes" TEXT[] NOT NULL DEFAULT '{}',
    "based_on_lagesbild_ids" TEXT[] NOT NULL DEFAULT '{}',
    "based_on_surveys" JSONB NOT NULL DEFAULT '[]',
    -- Only a published promise reaches the public page; the dialogue schedule only when chosen.
    "is_published" BOOLEAN NOT NULL DEFAULT false,
    "shows_dialogue_schedule" BOOLEAN NOT NULL DEFAULT false,
    "published_at" TIMESTAMPTZ(3),
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "medborgarloften_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "medborgarloften_years_check" CHECK ("start_year" BETWEEN 2000 AND 2100 AND "end_year" BETWEEN "start_year" AND "start_year" + 10),
    CONSTRAINT "medborgarloften_text_check" CHECK (length("title") BETWEEN 2 AND 200 AND length("text") <= 20000),
    CONSTRAINT "medborgarloften_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE
);

CREATE TABLE "lofte_focus_areas" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "promise_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lofte_focus_areas_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "lofte_focus_areas_text_check" CHECK (length("title") BETWEEN 2 AND 200 AND length("description") <= 2000),
    CONSTRAINT "lofte_focus_areas_promise_fkey" FOREIGN KEY ("workspace_id", "promise_id") REFERENCES "medborgarloften"("workspace_id", "id") ON DELETE CASCADE
);

-- A promise's activity, or one in a fokusområde's handlingsplan: the same model for both.
CREATE TABLE "lofte_activities" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "promise_id" UUID NOT NULL,
    "focus_area_id" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    -- The target: a number ("minst åtta"), a frequency ("varannan vecka") or words.
    "target_kind" TEXT NOT NULL,
    "target_count" INTEGER,
    "frequency_every" INTEGER,
    "frequency_per" TEXT,
    "target_text" TEXT,
    "unit" TEXT NOT NULL DEFAULT '',
    "period_start" DATE NOT NULL,
    "period_end" DATE NOT NULL,
    -- The organisations responsible: their members record progress (decisions/011).
    "organization_ids" TEXT[] NOT NULL DEFAULT '{}',
    "area_ids" TEXT[] NOT NULL DEFAULT '{}',
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lofte_activities_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "lofte_activities_text_check" CHECK (length("title") BETWEEN 2 AND 300 AND length("description") <= 4000 AND length("unit") <= 100),
    CONSTRAINT "lofte_activities_period_check" CHECK ("period_end" >= "period_start"),
    CONSTRAINT "lofte_activities_target_check" CHECK (
        ("target_kind" = 'count' AND "target_count" BETWEEN 1 AND 100000)
        OR ("target_kind" = 'frequency' AND "frequency_every" BETWEEN 1 AND 52 AND "frequency_per" IN ('week', 'month', 'quarter'))
        OR ("target_kind" = 'description' AND length("target_text") BETWEEN 2 AND 1000)
    ),
    CONSTRAINT "lofte_activities_promise_fkey" FOREIGN KEY ("workspace_id", "promise_id") REFERENCES "medborgarloften"("workspace_id", "id") ON DELETE CASCADE,
    CONSTRAINT "lofte_activities_focus_area_fkey" FOREIGN KEY ("workspace_id", "focus_area_id") REFERENCES "lofte_focus_areas"("workspace_id", "id") ON DELETE SET NULL ("focus_area_id")
);
CREATE INDEX "lofte_activities_promise_idx" ON "lofte_activities"("workspace_id", "promise_id");

-- What was done for an activity: when, where, what, how many took part, and how many units it counts.
CREATE TABLE "lofte_progress" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "activity_id" UUID NOT NULL,
    "done_on" DATE NOT NULL,
    "area_id" UUID,
    "what_done" TEXT NOT NULL,
    "participants" INTEGER,
    "quantity" INTEGER NOT NULL DEFAULT 1,
    "organization_id" UUID,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lofte_progress_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "lofte_progress_text_check" CHECK (length("what_done") BETWEEN 2 AND 2000),
    CONSTRAINT "lofte_progress_numbers_check" CHECK ("quantity" BETWEEN 1 AND 1000 AND ("participants" IS NULL OR "participants" BETWEEN 0 AND 100000)),
    CONSTRAINT "lofte_progress_activity_fkey" FOREIGN KEY ("workspace_id", "activity_id") REFERENCES "lofte_activities"("workspace_id", "id") ON DELETE CASCADE,
    CONSTRAINT "lofte_progress_area_fkey" FOREIGN KEY ("workspace_id", "area_id") REFERENCES "areas"("workspace_id", "id") ON DELETE SET NULL ("area_id"),
    CONSTRAINT "lofte_progress_organization_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL
);
CREATE INDEX "lofte_progress_activity_idx" ON "lofte_progress"("workspace_id", "activity_id");

-- An insats decided in a lägesbild counted as progress for an activity: a link, read live.
CREATE TABLE "lofte_activity_insatser" (
    "workspace_id" UUID NOT NULL,
    "activity_id" UUID NOT NULL,
    "insats_id" UUID NOT NULL,
    "linked_by" UUID,
    "linked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lofte_activity_insatser_pkey" PRIMARY KEY ("workspace_id", "activity_id", "insats_id"),
    CONSTRAINT "lofte_activity_insatser_activity_fkey" FOREIGN KEY ("workspace_id", "activity_id") REFERENCES "lofte_activities"("workspace_id", "id") ON DELETE CASCADE,
    CONSTRAINT "lofte_activity_insatser_insats_fkey" FOREIGN KEY ("workspace_id", "insats_id") REFERENCES "insatser"("workspace_id", "id") ON DELETE CASCADE
);

-- An expected effect: a survey indicator in an area, or an incident category in an area.
CREATE TABLE "lofte_effects" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "promise_id" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "indicator_kind" TEXT NOT NULL,
    "data_source_id" UUID,
    "indicator" TEXT,
    "category_code" TEXT,
    "area_id" UUID NOT NULL,
    "desired_direction" TEXT NOT NULL,
    "baseline_year" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lofte_effects_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "lofte_effects_text_check" CHECK (length("description") BETWEEN 2 AND 300),
    CONSTRAINT "lofte_effects_direction_check" CHECK ("desired_direction" IN ('increase', 'decrease')),
    CONSTRAINT "lofte_effects_indicator_check" CHECK (
        ("indicator_kind" = 'survey' AND "data_source_id" IS NOT NULL AND "indicator" IS NOT NULL)
        OR ("indicator_kind" = 'incidents' AND "category_code" IS NOT NULL)
    ),
    CONSTRAINT "lofte_effects_baseline_check" CHECK ("baseline_year" BETWEEN 1990 AND 2100),
    CONSTRAINT "lofte_effects_promise_fkey" FOREIGN KEY ("workspace_id", "promise_id") REFERENCES "medborgarloften"("workspace_id", "id") ON DELETE CASCADE,
    CONSTRAINT "lofte_effects_area_fkey" FOREIGN KEY ("workspace_id", "area_id") REFERENCES "areas"("workspace_id", "id") ON DELETE CASCADE
);
