-- Field input (issue 4): trygghetsvandringar with findings and their status history, and reports
-- from partners' staff and from citizens that pass a review before they enter the picture.

CREATE TYPE "FindingCategory" AS ENUM ('belysning', 'vegetation', 'klotter', 'nedskrapning', 'skadegorelse', 'trafik', 'otrygg_plats', 'ovrigt');
CREATE TYPE "FindingStatus" AS ENUM ('ny', 'tilldelad', 'pagar', 'atgardad', 'avvisad');
CREATE TYPE "FieldReportKind" AS ENUM ('partner', 'citizen');
CREATE TYPE "ReviewStatus" AS ENUM ('pending', 'approved', 'rejected');

CREATE TABLE "safety_walks" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "area_id" UUID,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "meeting_place" TEXT NOT NULL,
    "route" JSONB,
    "stops" JSONB NOT NULL DEFAULT '[]',
    "organizers" TEXT NOT NULL DEFAULT '',
    "participants" JSONB NOT NULL DEFAULT '{}',
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "safety_walks_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "safety_walks_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE,
    CONSTRAINT "safety_walks_area_fkey" FOREIGN KEY ("workspace_id", "area_id") REFERENCES "areas"("workspace_id", "id") ON DELETE RESTRICT
);
CREATE INDEX "safety_walks_starts_idx" ON "safety_walks" ("workspace_id", "starts_at");

CREATE TABLE "walk_findings" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "walk_id" UUID,
    "area_id" UUID,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "category" "FindingCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "severity" INTEGER NOT NULL,
    "owner_organization_id" UUID,
    "owner_name" TEXT,
    "due_on" DATE,
    "status" "FindingStatus" NOT NULL DEFAULT 'ny',
    "status_reason" TEXT,
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "walk_findings_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "walk_findings_severity_check" CHECK ("severity" BETWEEN 1 AND 3),
    CONSTRAINT "walk_findings_walk_fkey" FOREIGN KEY ("workspace_id", "walk_id") REFERENCES "safety_walks"("workspace_id", "id") ON DELETE CASCADE,
    CONSTRAINT "walk_findings_area_fkey" FOREIGN KEY ("workspace_id", "area_id") REFERENCES "areas"("workspace_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "walk_findings_owner_fkey" FOREIGN KEY ("owner_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL
);
CREATE INDEX "walk_findings_walk_idx" ON "walk_findings" ("workspace_id", "walk_id");
CREATE INDEX "walk_findings_status_idx" ON "walk_findings" ("workspace_id", "status");

CREATE TABLE "finding_status_changes" (
    "workspace_id" UUID NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "finding_id" UUID NOT NULL,
    "from_status" "FindingStatus",
    "to_status" "FindingStatus" NOT NULL,
    "reason" TEXT,
    "changed_by" UUID,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "finding_status_changes_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "finding_status_changes_finding_fkey" FOREIGN KEY ("workspace_id", "finding_id") REFERENCES "walk_findings"("workspace_id", "id") ON DELETE CASCADE
);
CREATE INDEX "finding_status_changes_finding_idx" ON "finding_status_changes" ("workspace_id", "finding_id");

CREATE TABLE "field_reports" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "kind" "FieldReportKind" NOT NULL,
    "category" TEXT NOT NULL,
    "lon" DOUBLE PRECISION NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "area_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "description" TEXT NOT NULL,
    "creates_insecurity" BOOLEAN,
    "assessment" TEXT,
    "contact" TEXT,
    "status" "ReviewStatus" NOT NULL DEFAULT 'pending',
    "review_reason" TEXT,
    "reviewed_by" UUID,
    "reviewed_at" TIMESTAMPTZ(3),
    "reporter_user_id" UUID,
    "follow_token_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "field_reports_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "field_reports_area_fkey" FOREIGN KEY ("workspace_id", "area_id") REFERENCES "areas"("workspace_id", "id") ON DELETE RESTRICT,
    CONSTRAINT "field_reports_workspace_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "field_reports_follow_token_key" ON "field_reports" ("follow_token_hash");
CREATE INDEX "field_reports_status_idx" ON "field_reports" ("workspace_id", "status", "created_at");

-- Photos of findings and reports: bytes checked by content (magic numbers) and size on upload.
CREATE TABLE "photos" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "finding_id" UUID,
    "report_id" UUID,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "photos_pkey" PRIMARY KEY ("workspace_id", "id"),
    CONSTRAINT "photos_one_owner_check" CHECK (num_nonnulls("finding_id", "report_id") = 1),
    CONSTRAINT "photos_finding_fkey" FOREIGN KEY ("workspace_id", "finding_id") REFERENCES "walk_findings"("workspace_id", "id") ON DELETE CASCADE,
    CONSTRAINT "photos_report_fkey" FOREIGN KEY ("workspace_id", "report_id") REFERENCES "field_reports"("workspace_id", "id") ON DELETE CASCADE
);
CREATE INDEX "photos_finding_idx" ON "photos" ("workspace_id", "finding_id");
CREATE INDEX "photos_report_idx" ON "photos" ("workspace_id", "report_id");
