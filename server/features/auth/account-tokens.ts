import { randomBytes } from "node:crypto";
import type { Role } from "../../../shared/roles.ts";
import type { Db, Transaction } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { AccountTokenKind } from "../../generated/prisma/enums.ts";
import { recordAccountAudit } from "../audit/audit.service.ts";
import { hashToken } from "./session.service.ts";

const HOUR_MS = 3_600_000;
/** How long an invitation link works: long enough for someone on leave for a week. */
export const INVITATION_HOURS = 7 * 24;
/** How long a reset link works: it hands over an existing account, so shorter. */
export const RESET_HOURS = 24;

function newToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

/**
 * A one-time invitation into a workspace; the token is returned once, here. A newer invitation
 * for the same address and workspace replaces the unused ones before it.
 */
export async function createInvitation(
  db: Transaction,
  invitation: {
    workspaceId: string;
    email: string;
    name?: string | null;
    role: Role;
    organizationId: string | null;
    createdById: string | null;
    isSystemAdmin?: boolean;
  },
) {
  await db.accountToken.deleteMany({
    where: { kind: "invitation", workspaceId: invitation.workspaceId, email: invitation.email, usedAt: null },
  });
  const { token, tokenHash } = newToken();
  const created = await db.accountToken.create({
    data: {
      ...invitation,
      name: invitation.name ?? null,
      isSystemAdmin: invitation.isSystemAdmin ?? false,
      kind: "invitation",
      tokenHash,
      expiresAt: new Date(Date.now() + INVITATION_HOURS * HOUR_MS),
    },
    select: { id: true, email: true, expiresAt: true },
  });
  return { ...created, token };
}

/**
 * A one-time password reset for an account; earlier unused ones stop working. Audited in every
 * workspace of the account: a reset hands the account over, so each of their admins should see it.
 */
export async function createResetLink(
  db: Db,
  reset: { userId: string; email: string; createdById: string | null },
) {
  const { token, tokenHash } = newToken();
  const created = await db.$transaction(async (tx) => {
    await tx.accountToken.deleteMany({
      where: { kind: "password_reset", userId: reset.userId, usedAt: null },
    });
    const link = await tx.accountToken.create({
      data: {
        ...reset,
        kind: "password_reset",
        tokenHash,
        expiresAt: new Date(Date.now() + RESET_HOURS * HOUR_MS),
      },
      select: { email: true, expiresAt: true },
    });
    await recordAccountAudit(tx, {
      userId: reset.userId,
      actorUserId: reset.createdById,
      action: "reset_link_issued",
      target: { type: "user", id: reset.userId },
    });
    return link;
  });
  return { ...created, token };
}

const usableTokenSelect = {
  id: true,
  kind: true,
  email: true,
  name: true,
  role: true,
  isSystemAdmin: true,
  expiresAt: true,
  usedAt: true,
  userId: true,
  workspace: { select: { id: true, slug: true, name: true } },
  organization: { select: { id: true, name: true } },
} as const;

/** The unused, unexpired link behind a token, or LINK_INVALID (which never says which of the three it was). */
export async function findUsableToken(db: Db, token: string, kind: AccountTokenKind) {
  const found = await db.accountToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: usableTokenSelect,
  });
  if (!found || found.kind !== kind || found.usedAt || found.expiresAt.getTime() <= Date.now())
    throw new AppError("LINK_INVALID", "The link is unknown, used or expired");
  return found;
}

/** Marks a link used, inside the transaction that acts on it: of two concurrent uses, one wins. */
export async function consumeToken(tx: Transaction, id: string) {
  const { count } = await tx.accountToken.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (count !== 1) throw new AppError("LINK_INVALID", "The link was used meanwhile");
}
