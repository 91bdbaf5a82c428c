import type { LoginInput } from "../../../shared/schemas/auth.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { loginThrottle } from "./login-throttle.ts";
import { verifyPassword } from "./password.ts";
import { createSession } from "./session.service.ts";

export async function login({
  db,
  input,
  throttle = loginThrottle,
}: {
  db: Db;
  input: LoginInput;
  throttle?: typeof loginThrottle;
}) {
  if (throttle.isBlocked(input.email))
    throw new AppError("RATE_LIMITED", "Too many failed logins for this account");
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isValid) {
    throttle.recordFailure(input.email);
    throw new AppError("INVALID_CREDENTIALS", "Wrong email or password");
  }
  throttle.reset(input.email);
  return createSession({ db, userId: user.id });
}
