-- What the public follow-up page shows besides the promises (issue 12, docs/decisions/026): the
-- incident trends an admin chose (categories by code, areas by id; never one inside another, so no
-- figure is a total of others) and the count of reported problems fixed. One row per workspace;
-- without one nothing of this is public.

CREATE TABLE "lofte_public_settings" (
    "workspace_id" UUID NOT NULL,
    "trend_category_codes" TEXT[] NOT NULL DEFAULT '{}',
    "trend_area_ids" TEXT[] NOT NULL DEFAULT '{}',
    "shows_fixed_problems" BOOLEAN NOT NULL DEFAULT false,
    "updated_by" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lofte_public_settings_pkey" PRIMARY KEY ("workspace_id"),
    CONSTRAINT "lofte_public_settings_size_check" CHECK (cardinality("trend_category_codes") <= 10 AND cardinality("trend_area_ids") <= 30),
    CONSTRAINT "lofte_public_settings_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE
);
