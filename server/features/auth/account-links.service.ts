import type {
  AcceptInvitationInput,
  ChangePasswordInput,
  ResetPasswordInput,
} from "../../../shared/schemas/accounts.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { recordAccountAudit, recordAudit } from "../audit/audit.service.ts";
import { consumeToken, findUsableToken } from "./account-tokens.ts";
import { type AccountScope, signInTarget } from "./auth.service.ts";
import { loginThrottle } from "./login-throttle.ts";
import { hashPassword, requireAllowedPassword, verifyPassword } from "./password.ts";
import { createSession, endUserSessions } from "./session.service.ts";

/** What the invitation page shows before anyone signs in: the token is the only credential. */
export async function describeInvitation({ db }: { db: Db }, token: string) {
  const invitation = await findUsableToken(db, token, "invitation");
  const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return {
    email: invitation.email,
    name: invitation.name,
    role: invitation.role,
    workspace: { slug: invitation.workspace?.slug ?? "", name: invitation.workspace?.name ?? "" },
    organization: invitation.organization?.name ?? null,
    isExistingUser: existing !== null,
    expiresAt: invitation.expiresAt,
  };
}

/**
 * Accepts an invitation. A new account is created with the name and password given; an existing
 * account is never given a new password by a link an admin holds: it proves itself with its own
 * password (throttled like a login), and the membership is added to it.
 */
export async function acceptInvitation(scope: AccountScope, input: AcceptInvitationInput) {
  const { db } = scope;
  const invitation = await findUsableToken(db, input.token, "invitation");
  const workspace = invitation.workspace;
  if (!workspace || !invitation.role) throw new AppError("LINK_INVALID", "The invitation names no workspace");
  const existing = await db.user.findUnique({
    where: { email: invitation.email },
    select: { id: true, passwordHash: true },
  });
  let passwordHash: string | null = null;
  if (existing) {
    const attempt = (scope.throttle ?? loginThrottle).begin(invitation.email, scope.clientIp);
    if (!(await verifyPassword(existing.passwordHash, input.password)))
      throw new AppError("INVALID_CREDENTIALS", "Wrong password for the existing account");
    attempt.succeeded();
  } else {
    if (!input.name) throw new AppError("VALIDATION", { reason: "NAME_REQUIRED", field: "name" });
    requireAllowedPassword(input.password, invitation.email);
    passwordHash = await hashPassword(input.password);
  }
  const role = invitation.role;
  const organizationId = invitation.organization?.id ?? null;
  const userId = await db.$transaction(async (tx) => {
    await consumeToken(tx, invitation.id);
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: invitation.isSystemAdmin ? { isSystemAdmin: true } : {},
          select: { id: true },
        })
      : await tx.user.create({
          data: {
            email: invitation.email,
            name: input.name ?? invitation.email,
            passwordHash: passwordHash ?? "",
            isSystemAdmin: invitation.isSystemAdmin,
          },
          select: { id: true },
        });
    // The invitation is the admin's latest word: it also reactivates a membership deactivated meanwhile.
    await tx.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      create: { workspaceId: workspace.id, userId: user.id, role, organizationId },
      update: { role, organizationId, deactivatedAt: null, roleSource: "admin" },
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: user.id,
      action: "invitation_accepted",
      target: { type: "invitation", id: invitation.id },
      details: { role, organizationId },
    });
    return user.id;
  });
  const session = await createSession({ db, userId, days: scope.sessionDays });
  return { session, workspaceSlug: workspace.slug };
}

export async function describeReset({ db }: { db: Db }, token: string) {
  const reset = await findUsableToken(db, token, "password_reset");
  return { email: reset.email, expiresAt: reset.expiresAt };
}

/**
 * Sets a new password through a reset link. Every session of the account ends (whoever else was
 * signed in is out); this browser is signed in afresh if the account may still sign in.
 */
export async function resetPassword(scope: AccountScope, input: ResetPasswordInput) {
  const { db } = scope;
  const reset = await findUsableToken(db, input.token, "password_reset");
  const userId = reset.userId;
  if (!userId) throw new AppError("LINK_INVALID", "The reset names no account");
  requireAllowedPassword(input.password, reset.email);
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await consumeToken(tx, reset.id);
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await tx.session.deleteMany({ where: { userId } });
    await recordAccountAudit(tx, {
      userId,
      actorUserId: userId,
      action: "reset_link_used",
      target: { type: "user", id: userId },
    });
  });
  const target = await signInTarget(db, userId);
  if (!target.canSignIn) return { session: null, workspaceSlug: null };
  const session = await createSession({ db, userId, days: scope.sessionDays });
  return { session, workspaceSlug: target.workspaceSlug };
}

/** A signed-in user's own change: the current password is required; their other sessions end. */
export async function changePassword(
  scope: AccountScope & { user: { id: string; email: string }; sessionToken: string | null },
  input: ChangePasswordInput,
) {
  const { db, user } = scope;
  const attempt = (scope.throttle ?? loginThrottle).begin(user.email, scope.clientIp);
  const current = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(current.passwordHash, input.currentPassword)))
    throw new AppError("INVALID_CREDENTIALS", "Wrong current password");
  attempt.succeeded();
  requireAllowedPassword(input.newPassword, user.email);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await recordAccountAudit(tx, {
      userId: user.id,
      actorUserId: user.id,
      action: "password_changed",
      target: { type: "user", id: user.id },
    });
  });
  const endedSessions = await endUserSessions({ db, userId: user.id, keepToken: scope.sessionToken });
  return { endedSessions };
}
