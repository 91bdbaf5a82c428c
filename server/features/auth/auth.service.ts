import type { LoginInput } from "../../../shared/schemas/auth.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { type LoginThrottle, loginThrottle } from "./login-throttle.ts";
import { verifyPassword } from "./password.ts";
import { createSession } from "./session.service.ts";

export async function login({
  db,
  input,
  clientIp,
  sessionDays,
  throttle = loginThrottle,
}: {
  db: Db;
  input: LoginInput;
  clientIp: string;
  sessionDays: number;
  throttle?: LoginThrottle;
}) {
  // Counted before the password is checked: concurrent guesses in one batch all count.
  const attempt = throttle.begin(input.email, clientIp);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isValid) throw new AppError("INVALID_CREDENTIALS", "Wrong email or password");
  attempt.succeeded();
  // Told only to someone who knew the password: the account exists but every membership is deactivated.
  if (!(await signInTarget(db, user.id)).canSignIn)
    throw new AppError("ACCOUNT_DEACTIVATED", "Every membership of the account is deactivated");
  return createSession({ db, userId: user.id, days: sessionDays });
}

/**
 * Whether an account may sign in, and where to: an active membership (the first workspace by
 * name), or being a system administrator, who may have none.
 */
export async function signInTarget(db: Db, userId: string) {
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
