import type { LoginInput } from "../../../shared/schemas/auth.ts";
import type { Db, Transaction } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { recordAccountAudit, recordAudit } from "../audit/audit.service.ts";
import { type LoginThrottle, loginThrottle } from "./login-throttle.ts";
import { verifyPassword } from "./password.ts";
import { createSession } from "./session.service.ts";

/**
 * What the account services take outside any workspace (sign-in, the one-time links, a password
 * change): the database, where the request came from for the throttle, and the session lifetime.
 */
export type AccountScope = { db: Db; clientIp: string; sessionDays: number; throttle?: LoginThrottle };

export async function login(
  { db, clientIp, sessionDays, throttle = loginThrottle }: AccountScope,
  input: LoginInput,
) {
  // Counted before the password is checked: concurrent guesses in one batch all count.
  const attempt = throttle.begin(input.email, clientIp);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isValid) {
    // The typed address is not kept (it may be a password typed in the wrong field): only a known account's id.
    await recordFailedSignIn(db, user?.id ?? null, "invalid_credentials");
    throw new AppError("INVALID_CREDENTIALS", "Wrong email or password");
  }
  attempt.succeeded();
  // Told only to someone who knew the password: the account exists but every membership is deactivated.
  if (!(await signInTarget(db, user.id)).canSignIn) {
    await recordFailedSignIn(db, user.id, "deactivated");
    throw new AppError("ACCOUNT_DEACTIVATED", "Every membership of the account is deactivated");
  }
  return db.$transaction(async (tx) => {
    const session = await createSession({ db: tx, userId: user.id, days: sessionDays });
    await recordAccountAudit(tx, { userId: user.id, actorUserId: user.id, action: "sign_in" });
    return session;
  });
}

/** A refused sign-in belongs to no workspace: system administrators read it (decisions/018). */
function recordFailedSignIn(db: Db, userId: string | null, reason: "invalid_credentials" | "deactivated") {
  return recordAudit(db, {
    workspaceId: null,
    userId: null,
    action: "sign_in_failed",
    target: userId ? { type: "user", id: userId } : undefined,
    details: { reason },
  });
}

/**
 * Whether an account may sign in, and where to: an active membership (the first workspace by
 * name), or being a system administrator, who may have none.
 */
export async function signInTarget(db: Db | Transaction, userId: string) {
  const [user, membership] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { isSystemAdmin: true } }),
    db.membership.findFirst({
      where: { userId, deactivatedAt: null },
      select: { workspace: { select: { slug: true } } },
      orderBy: { workspace: { name: "asc" } },
    }),
  ]);
  return {
    canSignIn: user.isSystemAdmin || membership !== null,
    workspaceSlug: membership?.workspace.slug ?? null,
  };
}
