-- Who last set a membership's role, organisation and standing (docs/decisions/020): an admin
-- (Medlemmar, an invitation, the workspace's creation) or the single sign-on claims. Only a
-- membership the claims set is lowered or deactivated by them when no rule matches any more.
CREATE TYPE "MembershipSource" AS ENUM ('admin', 'sso');
ALTER TABLE "memberships" ADD COLUMN "role_source" "MembershipSource" NOT NULL DEFAULT 'admin';

-- Memberships whose latest change was made at a single sign-on are the claims' already.
UPDATE "memberships" m SET "role_source" = 'sso'
WHERE (
  SELECT a."details"->>'via' FROM "audit_log" a
  WHERE a."workspace_id" = m."workspace_id" AND a."target_type" = 'user' AND a."target_id" = m."user_id"::text
    AND a."action" IN ('member_provisioned', 'member_updated', 'member_deactivated', 'member_reactivated', 'invitation_accepted')
  ORDER BY a."at" DESC LIMIT 1
) = 'sso';

-- A default role must be limited (an address domain or a claim value), or any account the
-- installation's provider vouches for would get it; an unlimited one is not applied.
ALTER TABLE "workspace_sso_settings"
  ADD COLUMN "default_email_domains" TEXT[] NOT NULL DEFAULT '{}',
  ADD COLUMN "default_required_value" TEXT;
