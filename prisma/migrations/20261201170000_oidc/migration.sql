-- Single sign-on with OpenID Connect (issue 10, docs/decisions/020). The installation names one
-- identity provider (OIDC_* in server/env.ts); each workspace's admins choose whether it signs
-- people in and how the provider's claims map to roles and organisations.

-- An account's identity at a provider: the issuer and its subject (never reassigned), linked to
-- one user. A user may have several (a local password as well).
CREATE TABLE "oidc_identities" (
    "issuer" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sign_in_at" TIMESTAMPTZ(3),
    CONSTRAINT "oidc_identities_pkey" PRIMARY KEY ("issuer", "subject"),
    CONSTRAINT "oidc_identities_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "oidc_identities_user_id_idx" ON "oidc_identities"("user_id");

-- A sign-in on its way through the provider (at most ten minutes): the browser holds a random
-- value in an HttpOnly cookie, the row is keyed by its SHA-256 and used once.
CREATE TABLE "oidc_sign_in_states" (
    "browser_hash" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "code_verifier" TEXT NOT NULL,
    "redirect_uri" TEXT NOT NULL,
    "workspace_slug" TEXT,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "oidc_sign_in_states_pkey" PRIMARY KEY ("browser_hash")
);
CREATE INDEX "oidc_sign_in_states_expires_at_idx" ON "oidc_sign_in_states"("expires_at");

-- A workspace's mapping: which claim carries groups or roles, the rules from a claim value to a
-- role and/or organisation ([{ value, role, organizationId }], in order), and what someone
-- matching no rule gets (nothing when default_role is null: they are refused).
CREATE TABLE "workspace_sso_settings" (
    "workspace_id" UUID NOT NULL,
    "is_enabled" BOOLEAN NOT NULL DEFAULT false,
    "claim" TEXT NOT NULL DEFAULT 'groups',
    "rules" JSONB NOT NULL DEFAULT '[]',
    "default_role" "Role",
    "default_organization_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "workspace_sso_settings_pkey" PRIMARY KEY ("workspace_id"),
    CONSTRAINT "workspace_sso_settings_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "workspace_sso_settings_default_organization_id_fkey" FOREIGN KEY ("default_organization_id") REFERENCES "organizations"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
