-- Accounts (docs/decisions/015): system administrators, deactivated memberships, and one-time
-- links for invitations and password resets. A link's token is 32 random bytes; only its SHA-256
-- is stored, as for sessions, and it works once, until it expires.

ALTER TABLE "users" ADD COLUMN "is_system_admin" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "memberships" ADD COLUMN "deactivated_at" TIMESTAMPTZ(3);

CREATE TYPE "AccountTokenKind" AS ENUM ('invitation', 'password_reset');

CREATE TABLE "account_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" TEXT NOT NULL,
    "kind" "AccountTokenKind" NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "user_id" UUID,
    "workspace_id" UUID,
    "role" "Role",
    "organization_id" UUID,
    "is_system_admin" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "account_tokens_pkey" PRIMARY KEY ("id"),
    -- An invitation names its workspace and role; a reset names its account.
    CONSTRAINT "account_tokens_kind_check" CHECK (
        ("kind" = 'invitation' AND "workspace_id" IS NOT NULL AND "role" IS NOT NULL)
        OR ("kind" = 'password_reset' AND "user_id" IS NOT NULL)
    ),
    CONSTRAINT "account_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "account_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "account_tokens_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "account_tokens_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "account_tokens_token_hash_key" ON "account_tokens"("token_hash");
CREATE INDEX "account_tokens_workspace_id_email_idx" ON "account_tokens"("workspace_id", "email");
CREATE INDEX "account_tokens_user_id_idx" ON "account_tokens"("user_id");
