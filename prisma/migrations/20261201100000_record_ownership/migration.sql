-- Record ownership (docs/decisions/011): a finding remembers the organisation that recorded it,
-- so a member of that organisation may move it on while no organisation owns it, and sees its
-- free text. Existing findings take their recorder's organisation in the same workspace.

ALTER TABLE "walk_findings" ADD COLUMN "recorded_by_organization_id" UUID;
ALTER TABLE "walk_findings" ADD CONSTRAINT "walk_findings_recorded_by_organization_fkey"
    FOREIGN KEY ("recorded_by_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL;

UPDATE "walk_findings" f SET "recorded_by_organization_id" = m."organization_id"
FROM "memberships" m
WHERE m."workspace_id" = f."workspace_id" AND m."user_id" = f."created_by" AND m."organization_id" IS NOT NULL;
