import type { Role } from "../../../shared/roles.ts";
import { mapClaims, type SsoFailure, type SsoMapping } from "../../../shared/schemas/sso.ts";
import type { Db, Transaction } from "../../db/client.ts";
import { recordAccountAudit, recordAudit } from "../audit/audit.service.ts";
import { signInTarget } from "../auth/auth.service.ts";
import { createSession } from "../auth/session.service.ts";
import type { OidcIdentity } from "./oidc-client.ts";
import { ssoSettingsOf } from "./sso-settings.service.ts";

/** A sign-in the app refuses after the provider said yes; the login page says why. */
export class SsoRefusal extends Error {
  readonly code: SsoFailure;
  readonly userId: string | null;
  constructor(code: SsoFailure, userId: string | null = null) {
    super(`Single sign-on refused: ${code}`);
    this.name = "SsoRefusal";
    this.code = code;
    this.userId = userId;
  }
}

const AUDIT_REASON = {
  no_mapping: "sso_no_mapping",
  no_organization: "sso_no_organization",
  no_email: "sso_no_email",
  email_conflict: "sso_email_conflict",
  system_admin: "sso_system_admin",
  state_mismatch: "sso_state_mismatch",
  provider_error: "sso_provider_error",
  deactivated: "deactivated",
} as const;

/** A refused single sign-on belongs to no workspace, as a wrong password does (decisions/018). */
export function recordSsoFailure(db: Db, code: SsoFailure, userId: string | null) {
  const reason =
    code in AUDIT_REASON ? AUDIT_REASON[code as keyof typeof AUDIT_REASON] : "sso_provider_error";
  return recordAudit(db, {
    workspaceId: null,
    userId: null,
    action: "sign_in_failed",
    target: userId ? { type: "user", id: userId } : undefined,
    details: { reason, via: "sso" },
  });
}

const stringClaim = (claims: Record<string, unknown>, name: string) => {
  const value = claims[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
};

/**
 * The address a new account gets: `email`, or Entra ID's `preferred_username` when it is one.
 * `isVerified` only when it came from `email` and the provider says `email_verified`: the flag
 * speaks for that claim alone, never for a user name that looks like an address.
 */
function addressOf(claims: Record<string, unknown>) {
  const fromEmail = stringClaim(claims, "email");
  const address = fromEmail ?? stringClaim(claims, "preferred_username");
  const email = address?.includes("@") ? address.toLowerCase() : null;
  return { email, isVerified: email !== null && fromEmail !== null && claims.email_verified === true };
}

/**
 * The account behind the identity: linked before, or an existing one with the same address when
 * the address can be trusted (verified, or OIDC_TRUST_EMAIL). A system administrator's account is
 * never joined this way: an address at the provider must not be a way to the installation's keys.
 */
async function findAccount(
  tx: Transaction,
  identity: OidcIdentity,
  email: string | null,
  isTrusted: boolean,
) {
  const linked = await tx.oidcIdentity.findUnique({
    where: { issuer_subject: { issuer: identity.issuer, subject: identity.subject } },
    select: { userId: true },
  });
  if (linked) return { userId: linked.userId, isLinked: true };
  if (!email) return { userId: null, isLinked: false };
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true, isSystemAdmin: true } });
  if (!existing) return { userId: null, isLinked: false };
  // Only a trusted address may join an account that exists: anyone else could claim it.
  if (!isTrusted) throw new SsoRefusal("email_conflict", existing.id);
  if (existing.isSystemAdmin) throw new SsoRefusal("system_admin", existing.id);
  return { userId: existing.id, isLinked: false };
}

async function activeAdminsBesides(tx: Transaction, workspaceId: string, userId: string) {
  const admins = await tx.$queryRaw<{ user_id: string }[]>`
    SELECT user_id::text FROM memberships
    WHERE workspace_id = ${workspaceId}::uuid AND role = 'admin' AND deactivated_at IS NULL
    FOR UPDATE`;
  return admins.filter((admin) => admin.user_id !== userId).length;
}

/** The workspaces whose admins turned single sign-on on (or the one the sign-in named). */
async function enabledWorkspaces(tx: Transaction, workspaceSlug: string | null) {
  const rows = await tx.workspaceSsoSettings.findMany({
    where: { isEnabled: true, ...(workspaceSlug ? { workspaceId: await idOf(tx, workspaceSlug) } : {}) },
    select: { workspaceId: true },
  });
  const linked = await tx.workspaceOrganization.findMany({
    where: { workspaceId: { in: rows.map((row) => row.workspaceId) } },
    select: { workspaceId: true, organizationId: true },
  });
  return Promise.all(
    rows.map(async ({ workspaceId }) => ({
      workspaceId,
      settings: await ssoSettingsOf(tx, workspaceId),
      organizations: new Set(
        linked.filter((l) => l.workspaceId === workspaceId).map((l) => l.organizationId),
      ),
    })),
  );
}

async function idOf(tx: Transaction, slug: string) {
  const workspace = await tx.workspace.findUnique({ where: { slug }, select: { id: true } });
  return workspace?.id ?? "00000000-0000-0000-0000-000000000000";
}

/** A workspace's mapping for this sign-in; null when nothing (valid) matches any more. */
type Plan = {
  workspaceId: string;
  mapping: SsoMapping | null;
  lost: "sso_no_mapping" | "sso_no_organization";
};

/** What the claims give in each workspace with single sign-on on. */
async function planWorkspaces(
  tx: Transaction,
  claims: Record<string, unknown>,
  workspaceSlug: string | null,
  verifiedEmail: string | null,
) {
  const plans: Plan[] = [];
  for (const { workspaceId, settings, organizations } of await enabledWorkspaces(tx, workspaceSlug)) {
    const mapping = mapClaims(settings, claims, verifiedEmail);
    // An organisation no longer the workspace's is not given; a member then has none (decisions/011).
    const organizationId =
      mapping?.organizationId && organizations.has(mapping.organizationId) ? mapping.organizationId : null;
    const isMissingOrganization = mapping?.role === "member" && organizationId === null;
    plans.push({
      workspaceId,
      mapping: mapping && !isMissingOrganization ? { ...mapping, organizationId } : null,
      lost: isMissingOrganization ? "sso_no_organization" : "sso_no_mapping",
    });
  }
  return plans;
}

/**
 * Signs in the person the provider vouched for (docs/decisions/020). In each workspace with
 * single sign-on on, their claims are mapped: a new membership where a rule or the (limited)
 * default role gives one; a membership the claims set before follows them (role, organisation,
 * and deactivation when nothing matches any more); one an admin set stays as the admin set it.
 * Someone who ends with no active membership is refused, and an account is created only for
 * someone who gets one. Returns the session and where to land.
 */
export async function signInWithSso({
  db,
  identity,
  workspaceSlug,
  sessionDays,
  trustEmail = false,
}: {
  db: Db;
  identity: OidcIdentity;
  workspaceSlug: string | null;
  sessionDays: number;
  trustEmail?: boolean;
}) {
  const { email, isVerified } = addressOf(identity.claims);
  const verifiedEmail = isVerified || trustEmail ? email : null;
  try {
    // A refusal after the claims took a role away is returned, not thrown, so that the change stays.
    const result = await db.$transaction(async (tx) => {
      const account = await findAccount(tx, identity, email, verifiedEmail !== null);
      const plans = await planWorkspaces(tx, identity.claims, workspaceSlug, verifiedEmail);
      const isMissingOrganization = plans.some((p) => p.mapping === null && p.lost === "sso_no_organization");
      let userId = account.userId;
      if (userId === null) {
        if (plans.every((plan) => plan.mapping === null))
          throw new SsoRefusal(isMissingOrganization ? "no_organization" : "no_mapping");
        if (!email) throw new SsoRefusal("no_email");
        const name = stringClaim(identity.claims, "name") ?? email;
        // No local password: "" never verifies (server/features/auth/password.ts).
        userId = (await tx.user.create({ data: { email, name, passwordHash: "" }, select: { id: true } })).id;
      }
      let hasLostMembership = false;
      for (const plan of plans)
        hasLostMembership = (await applyMapping(tx, userId, plan)) || hasLostMembership;
      const target = await signInTarget(tx, userId);
      if (!target.canSignIn) {
        const hasMembership = (await tx.membership.count({ where: { userId } })) > 0;
        const code =
          hasLostMembership || !hasMembership
            ? isMissingOrganization
              ? "no_organization"
              : "no_mapping"
            : "deactivated";
        return { refusal: new SsoRefusal(code, account.userId) };
      }
      await tx.oidcIdentity.upsert({
        where: { issuer_subject: { issuer: identity.issuer, subject: identity.subject } },
        create: { issuer: identity.issuer, subject: identity.subject, userId, lastSignInAt: new Date() },
        update: { lastSignInAt: new Date() },
      });
      const session = await createSession({ db: tx, userId, days: sessionDays });
      await recordAccountAudit(tx, {
        userId,
        actorUserId: userId,
        action: "sign_in",
        details: { via: "sso" },
      });
      const requested = workspaceSlug
        ? await tx.membership.findFirst({
            where: { userId, deactivatedAt: null, workspace: { slug: workspaceSlug } },
            select: { userId: true },
          })
        : null;
      return { session, workspaceSlug: requested ? workspaceSlug : target.workspaceSlug };
    });
    if ("refusal" in result) throw result.refusal;
    return result;
  } catch (error) {
    if (error instanceof SsoRefusal) await recordSsoFailure(db, error.code, error.userId);
    throw error;
  }
}

type Membership = { role: Role; organizationId: string | null; deactivatedAt: Date | null };

/**
 * One workspace's mapping applied to the account's membership there. Only a membership the
 * claims set (role_source sso) follows them; an admin's choice in Medlemmar or an invitation
 * stands. Returns whether the claims deactivated the membership now.
 */
async function applyMapping(tx: Transaction, userId: string, plan: Plan) {
  const { workspaceId, mapping } = plan;
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true, organizationId: true, deactivatedAt: true, roleSource: true },
  });
  if (!membership) {
    if (mapping) await provision(tx, userId, workspaceId, mapping);
    return false;
  }
  if (membership.roleSource !== "sso") return false;
  if (mapping === null) {
    if (membership.deactivatedAt !== null) return false;
    return deactivateByClaims(tx, userId, plan, membership);
  }
  const isSame =
    membership.deactivatedAt === null &&
    membership.role === mapping.role &&
    membership.organizationId === mapping.organizationId;
  if (isSame) return false;
  const isLosingAdmin =
    membership.deactivatedAt === null && membership.role === "admin" && mapping.role !== "admin";
  if (isLosingAdmin && (await activeAdminsBesides(tx, workspaceId, userId)) === 0) {
    await withhold(tx, userId, workspaceId, membership, mapping.role);
    return false;
  }
  await tx.membership.update({
    where: { workspaceId_userId: { workspaceId, userId } },
    data: { role: mapping.role, organizationId: mapping.organizationId, deactivatedAt: null },
  });
  // Claims that deactivated a membership bring it back when they match again.
  if (membership.deactivatedAt !== null)
    await recordAudit(tx, {
      workspaceId,
      userId,
      action: "member_reactivated",
      target: { type: "user", id: userId },
      details: { via: "sso" },
    });
  if (membership.role !== mapping.role || membership.organizationId !== mapping.organizationId)
    await recordAudit(tx, {
      workspaceId,
      userId,
      action: "member_updated",
      target: { type: "user", id: userId },
      details: {
        role: mapping.role,
        previousRole: membership.role,
        organizationId: mapping.organizationId,
        previousOrganizationId: membership.organizationId,
        via: "sso",
      },
    });
  return false;
}

async function provision(tx: Transaction, userId: string, workspaceId: string, mapping: SsoMapping) {
  await tx.membership.create({
    data: {
      workspaceId,
      userId,
      role: mapping.role,
      organizationId: mapping.organizationId,
      roleSource: "sso",
    },
  });
  await recordAudit(tx, {
    workspaceId,
    userId,
    action: "member_provisioned",
    target: { type: "user", id: userId },
    details: { role: mapping.role, organizationId: mapping.organizationId, via: "sso" },
  });
}

/** Nothing matches any more: the membership ends (its sessions too), unless it is the last admin. */
async function deactivateByClaims(tx: Transaction, userId: string, plan: Plan, membership: Membership) {
  const { workspaceId } = plan;
  if (membership.role === "admin" && (await activeAdminsBesides(tx, workspaceId, userId)) === 0) {
    await withhold(tx, userId, workspaceId, membership, null);
    return false;
  }
  await tx.membership.update({
    where: { workspaceId_userId: { workspaceId, userId } },
    data: { deactivatedAt: new Date() },
  });
  await recordAudit(tx, {
    workspaceId,
    userId,
    action: "member_deactivated",
    target: { type: "user", id: userId },
    details: { role: membership.role, reason: plan.lost, via: "sso" },
  });
  await tx.session.deleteMany({ where: { userId } });
  return true;
}

/** The claims would take the workspace's last active admin away: kept, and said so in the log. */
function withhold(
  tx: Transaction,
  userId: string,
  workspaceId: string,
  membership: Membership,
  role: Role | null,
) {
  return recordAudit(tx, {
    workspaceId,
    userId,
    action: "member_change_withheld",
    target: { type: "user", id: userId },
    details: {
      ...(role ? { role, previousRole: membership.role } : { role: membership.role }),
      reason: "sso_last_admin",
      via: "sso",
    },
  });
}
