-- Dialogues (issue 4): medborgardialoger and medarbetardialoger with their themes. Notes are free
-- text that can hold personal data: visible only to analysts/admins and the organisation that
-- recorded them, and purged after the workspace's retention period (themes and counts stay).

CREATE TYPE "DialogueKind" AS ENUM ('medborgardialog', 'medarbetardialog');
CREATE TYPE "DialogueFormat" AS ENUM ('enkat', 'trygghetsvandring', 'intervju', 'stormote', 'fokusgrupp', 'annat');

ALTER TABLE "workspaces" ADD COLUMN "notes_retention_days" INTEGER NOT NULL DEFAULT 365;

CREATE TABLE "dialogues" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "DialogueKind" NOT NULL,
    "format" "DialogueFormat" NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "area_id" UUID,
    "meeting_place" TEXT NOT NULL DEFAULT '',
    "attendance" INTEGER,
    "notes" TEXT,
    "notes_organization_id" UUID,
    "notes_purged_at" TIMESTAMPTZ(3),
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "dialogues_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "dialogues_attendance_check" CHECK ("attendance" IS NULL OR "attendance" >= 0),
    CONSTRAINT "dialogues_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE,
    CONSTRAINT "dialogues_area_fkey" FOREIGN KEY ("workspace_id", "area_id") REFERENCES "areas"("workspace_id", "id") ON DELETE RESTRICT
);
CREATE INDEX "dialogues_starts_idx" ON "dialogues" ("workspace_id", "starts_at");

CREATE TABLE "dialogue_themes" (
    "workspace_id" UUID NOT NULL,
    "dialogue_id" UUID NOT NULL,
    "theme" TEXT NOT NULL,
    "strength" INTEGER NOT NULL,
    "area_ids" JSONB NOT NULL DEFAULT '[]',
    CONSTRAINT "dialogue_themes_pkey" PRIMARY KEY ("workspace_id", "dialogue_id", "theme"),
    CONSTRAINT "dialogue_themes_strength_check" CHECK ("strength" BETWEEN 1 AND 3),
    CONSTRAINT "dialogue_themes_dialogue_fkey" FOREIGN KEY ("workspace_id", "dialogue_id") REFERENCES "dialogues"("workspace_id", "id") ON DELETE CASCADE
);
