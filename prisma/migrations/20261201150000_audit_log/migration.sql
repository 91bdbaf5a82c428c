-- Audit log (issue 10, docs/decisions/018): who did what, when, to which record. It never holds
-- personal free text, passwords or tokens. Failed sign-ins belong to no workspace (workspace_id
-- null) and are read by system administrators only. Each workspace keeps its entries for
-- audit_retention_days; the periodic job in scripts/start.ts purges older ones.

ALTER TABLE "workspaces" ADD COLUMN "audit_retention_days" INTEGER NOT NULL DEFAULT 365;

CREATE TABLE "audit_log" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "workspace_id" UUID,
    -- Who: the user, and the role and organisation of their membership when they acted.
    "actor_user_id" UUID,
    "actor_role" "Role",
    "actor_organization_id" UUID,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    -- Only facts the code names (a format, a role, a count), never text someone typed.
    "details" JSONB NOT NULL DEFAULT '{}',
    -- The HTTP request's id, as in the server's log lines.
    "request_id" TEXT,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_log_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE INDEX "audit_log_workspace_at_idx" ON "audit_log"("workspace_id", "at" DESC);
CREATE INDEX "audit_log_workspace_actor_at_idx" ON "audit_log"("workspace_id", "actor_user_id", "at" DESC);
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");
