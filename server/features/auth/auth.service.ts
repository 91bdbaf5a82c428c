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
  return createSession({ db, userId: user.id, days: sessionDays });
}
