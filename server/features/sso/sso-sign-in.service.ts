import { mapClaims, type SsoFailure, type SsoMapping } from "../../../shared/schemas/sso.ts";
import type { Db, Transaction } from "../../db/client.ts";
import { recordAccountAudit, recordAudit } from "../audit/audit.service.ts";
import { signInTarget } from "../auth/auth.service.ts";
import { createSession } from "../auth/session.service.ts";
import type { OidcIdentity } from "./oidc-client.ts";
import { getSsoSettings } from "./sso-settings.service.ts";

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

/** The address a new account gets: `email`, or Entra ID's `preferred_username` when it is one. */
function emailOf(claims: Record<string, unknown>) {
  const email = stringClaim(claims, "email") ?? stringClaim(claims, "preferred_username");
  return email?.includes("@") ? email.toLowerCase() : null;
}

/** The account behind the identity: linked before, or an existing one with the same verified address. */
async function findAccount(
  tx: Transaction,
  identity: OidcIdentity,
  email: string | null,
  trustEmail: boolean,
) {
  const linked = await tx.oidcIdentity.findUnique({
    where: { issuer_subject: { issuer: identity.issuer, subject: identity.subject } },
    select: { userId: true },
  });
  if (linked) return { userId: linked.userId, isLinked: true };
  if (!email) return { userId: null, isLinked: false };
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
  if (!existing) return { userId: null, isLinked: false };
  // Only a provider's verified address may join an account that exists: anyone else could claim it.
  if (identity.claims.email_verified !== true && !trustEmail)
    throw new SsoRefusal("email_conflict", existing.id);
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
      settings: await getSsoSettings({ db: tx, workspaceId }),
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

type Plan = { workspaceId: string; mapping: SsoMapping };

/**
 * Signs in the person the provider vouched for (docs/decisions/020). In each workspace with
 * single sign-on on, their claims are mapped: a new membership where a rule or the default role
 * gives one, and the role and organisation brought up to date where a rule matched. A deactivated
 * membership stays deactivated. Someone who ends with no active membership is refused, and an
 * account is created only for someone who gets one. Returns the session and where to land.
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
  const email = emailOf(identity.claims);
  try {
    return await db.$transaction(async (tx) => {
      const account = await findAccount(tx, identity, email, trustEmail);
      const workspaces = await enabledWorkspaces(tx, workspaceSlug);
      let isMissingOrganization = false;
      const plans: Plan[] = [];
      for (const { workspaceId, settings, organizations } of workspaces) {
        const mapping = mapClaims(settings, identity.claims);
        if (!mapping) continue;
        // An organisation no longer the workspace's is not given; a member then has none.
        const organizationId =
          mapping.organizationId && organizations.has(mapping.organizationId) ? mapping.organizationId : null;
        if (mapping.role === "member" && organizationId === null) {
          isMissingOrganization = true;
          continue;
        }
        plans.push({ workspaceId, mapping: { ...mapping, organizationId } });
      }
      let userId = account.userId;
      if (userId === null) {
        if (plans.length === 0)
          throw new SsoRefusal(isMissingOrganization ? "no_organization" : "no_mapping");
        if (!email) throw new SsoRefusal("no_email");
        const name = stringClaim(identity.claims, "name") ?? email;
        // No local password: "" never verifies (server/features/auth/password.ts).
        userId = (await tx.user.create({ data: { email, name, passwordHash: "" }, select: { id: true } })).id;
      }
      for (const plan of plans) await applyMapping(tx, userId, plan);
      const target = await signInTarget(tx, userId);
      if (!target.canSignIn) {
        const hasMembership = (await tx.membership.count({ where: { userId } })) > 0;
        throw new SsoRefusal(
          hasMembership ? "deactivated" : isMissingOrganization ? "no_organization" : "no_mapping",
          account.userId,
        );
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
  } catch (error) {
    if (error instanceof SsoRefusal) await recordSsoFailure(db, error.code, error.userId);
    throw error;
  }
}

/** One workspace's mapping applied to the account's membership there. */
async function applyMapping(tx: Transaction, userId: string, { workspaceId, mapping }: Plan) {
  const membership = await tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true, organizationId: true, deactivatedAt: true },
  });
  if (!membership) {
    await tx.membership.create({
      data: { workspaceId, userId, role: mapping.role, organizationId: mapping.organizationId },
    });
    await recordAudit(tx, {
      workspaceId,
      userId,
      action: "member_provisioned",
      target: { type: "user", id: userId },
      details: { role: mapping.role, organizationId: mapping.organizationId, via: "sso" },
    });
    return;
  }
  // The default only places newcomers; an admin's later choice stands. A deactivated member stays so.
  if (membership.deactivatedAt !== null || mapping.source === "default") return;
  if (membership.role === mapping.role && membership.organizationId === mapping.organizationId) return;
  // The claims may not take the workspace's last active admin away.
  if (membership.role === "admin" && mapping.role !== "admin")
    if ((await activeAdminsBesides(tx, workspaceId, userId)) === 0) return;
  await tx.membership.update({
    where: { workspaceId_userId: { workspaceId, userId } },
    data: { role: mapping.role, organizationId: mapping.organizationId },
  });
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
}
