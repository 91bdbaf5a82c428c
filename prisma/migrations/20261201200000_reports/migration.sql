-- One reporting path (docs/decisions/024): a partner report belongs to the organisation it was
-- filed for, so "Mina rapporter" and ownership checks read a column instead of the reporter's
-- current membership; the place chosen from the address list is kept by name beside the point.
-- A submission id the form sends makes a second tap (or a retried request) return the report the
-- first one filed instead of filing it twice. Existing reports take their reporter's organisation
-- in the same workspace.

ALTER TABLE "field_reports" ADD COLUMN "organization_id" UUID;
ALTER TABLE "field_reports" ADD COLUMN "place_name" TEXT;
ALTER TABLE "field_reports" ADD COLUMN "submission_id" UUID;
ALTER TABLE "field_reports" ADD CONSTRAINT "field_reports_organization_fkey"
    FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL;

UPDATE "field_reports" r SET "organization_id" = m."organization_id"
FROM "memberships" m
WHERE m."workspace_id" = r."workspace_id" AND m."user_id" = r."reporter_user_id" AND m."organization_id" IS NOT NULL;

CREATE INDEX "field_reports_organization_idx" ON "field_reports" ("workspace_id", "organization_id", "created_at");
CREATE INDEX "field_reports_reviewed_idx" ON "field_reports" ("workspace_id", "reviewed_at");
CREATE UNIQUE INDEX "field_reports_submission_key" ON "field_reports" ("workspace_id", "submission_id");
