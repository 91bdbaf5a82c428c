import type { Role } from "../../../shared/roles.ts";
import type { UpdateMemberInput } from "../../../shared/schemas/accounts.ts";
import type { Db, Transaction } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { createResetLink } from "../auth/account-tokens.ts";
import { endUserSessions } from "../auth/session.service.ts";

/** Whether the acting user is a system administrator: it is the account's, not the membership's. */
async function isSystemAdmin(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { isSystemAdmin: true } });
  return user?.isSystemAdmin ?? false;
}

const memberSelect = {
  role: true,
  organizationId: true,
  deactivatedAt: true,
  user: { select: { id: true, name: true, email: true, isSystemAdmin: true } },
  organization: { select: { name: true } },
} as const;

export async function listMembers({ db, workspace, actor }: ServiceScope) {
  const user = { id: actor.userId, isSystemAdmin: await isSystemAdmin(db, actor.userId) };
  const members = await db.membership.findMany({
    where: { workspaceId: workspace.id },
    select: memberSelect,
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  const shared = new Set(
    (
      await db.membership.findMany({
        where: {
          userId: { in: members.map((m) => m.user.id) },
          ...outsideAdministeredBy(workspace.id, user.id),
        },
        select: { userId: true },
      })
    ).map((m) => m.userId),
  );
  return members.map(({ user: member, ...m }) => ({
    id: member.id,
    name: member.name,
    email: member.email,
    role: m.role,
    organizationId: m.organizationId,
    organization: m.organization?.name ?? null,
    isActive: m.deactivatedAt === null,
    isSelf: member.id === user.id,
    canIssueReset:
      m.deactivatedAt === null && (user.isSystemAdmin || (!member.isSystemAdmin && !shared.has(member.id))),
  }));
}

/** Memberships in workspaces other than this one where the admin is not an active admin too. */
function outsideAdministeredBy(workspaceId: string, adminId: string) {
  return {
    workspaceId: { not: workspaceId },
    workspace: { memberships: { none: { userId: adminId, role: "admin" as const, deactivatedAt: null } } },
  };
}

/** An organisation the membership may name: one of this workspace's; a member must have one (docs/decisions/011). */
export async function requireOrganizationFor(
  db: Transaction,
  workspaceId: string,
  role: Role,
  organizationId: string | null,
) {
  if (organizationId === null) {
    if (role === "member")
      throw new AppError("VALIDATION", { reason: "MEMBER_NEEDS_ORGANIZATION", field: "organizationId" });
    return;
  }
  const link = await db.workspaceOrganization.findUnique({
    where: { workspaceId_organizationId: { workspaceId, organizationId } },
    select: { organizationId: true },
  });
  if (!link) throw new AppError("NOT_FOUND", "The organisation is not one of this workspace's");
}

async function membershipOf(db: Transaction, workspaceId: string, userId: string) {
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: {
      role: true,
      organizationId: true,
      deactivatedAt: true,
      user: { select: { email: true, isSystemAdmin: true } },
    },
  });
  if (!membership) throw new AppError("NOT_FOUND", "No such member in this workspace");
  return membership;
}

/**
 * Refuses a change that would leave the workspace without an active admin. The active admins'
 * rows are locked first, so two admins demoting each other at once cannot both succeed.
 */
async function requireAnotherAdmin(tx: Transaction, workspaceId: string, userId: string) {
  const admins = await tx.$queryRaw<{ user_id: string }[]>`
    SELECT user_id::text FROM memberships
    WHERE workspace_id = ${workspaceId}::uuid AND role = 'admin' AND deactivated_at IS NULL
    FOR UPDATE`;
  if (!admins.some((admin) => admin.user_id !== userId))
    throw new AppError("VALIDATION", { reason: "LAST_ADMIN" });
}

/** Sets a member's role and organisation; the new role applies on their next request. */
export async function updateMember({ db, workspace, actor }: ServiceScope, input: UpdateMemberInput) {
  await requireOrganizationFor(db, workspace.id, input.role, input.organizationId);
  await db.$transaction(async (tx) => {
    const current = await membershipOf(tx, workspace.id, input.userId);
    if (current.role === "admin" && input.role !== "admin" && current.deactivatedAt === null)
      await requireAnotherAdmin(tx, workspace.id, input.userId);
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: input.userId } },
      // An admin's choice stands against the single sign-on claims from now on (decisions/020).
      data: { role: input.role, organizationId: input.organizationId, roleSource: "admin" },
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: actor.userId,
      action: "member_updated",
      target: { type: "user", id: input.userId },
      details: {
        role: input.role,
        previousRole: current.role,
        organizationId: input.organizationId,
        previousOrganizationId: current.organizationId,
      },
    });
  });
}

/**
 * Deactivates a membership: the workspace refuses the user from now on, and every session of
 * theirs ends at once (also in other workspaces: they sign in again there). Reactivation undoes it.
 */
export async function setMemberActive(
  { db, workspace, actor }: ServiceScope,
  { userId, isActive }: { userId: string; isActive: boolean },
) {
  await db.$transaction(async (tx) => {
    const current = await membershipOf(tx, workspace.id, userId);
    if (!isActive && current.role === "admin" && current.deactivatedAt === null)
      await requireAnotherAdmin(tx, workspace.id, userId);
    await tx.membership.update({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId } },
      data: { deactivatedAt: isActive ? null : (current.deactivatedAt ?? new Date()), roleSource: "admin" },
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: actor.userId,
      action: isActive ? "member_reactivated" : "member_deactivated",
      target: { type: "user", id: userId },
    });
  });
  if (!isActive) await endUserSessions({ db, userId });
}

/**
 * A reset link for a member. A workspace admin may hand over only accounts that are theirs alone
 * to administer: one in other workspaces (a police analyst in two kommuner) or a system
 * administrator is reset by a system administrator, or else one admin could take over another
 * workspace's access.
 */
export async function issueResetLink({ db, workspace, actor }: ServiceScope, userId: string) {
  const membership = await membershipOf(db, workspace.id, userId);
  if (membership.deactivatedAt) throw new AppError("VALIDATION", { reason: "MEMBERSHIP_DEACTIVATED" });
  if (!(await isSystemAdmin(db, actor.userId))) {
    const elsewhere = await db.membership.count({
      where: { userId, ...outsideAdministeredBy(workspace.id, actor.userId) },
    });
    if (membership.user.isSystemAdmin || elsewhere > 0)
      throw new AppError(
        "FORBIDDEN",
        "Kontot används också i andra arbetsytor: en systemadministratör ger det en återställningslänk.",
      );
  }
  return createResetLink(db, { userId, email: membership.user.email, createdById: actor.userId });
}
