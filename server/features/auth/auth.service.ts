import type { LoginInput } from "../../../shared/schemas/auth.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { verifyPassword } from "./password.ts";
import { createSession } from "./session.service.ts";

export async function login({ db, input }: { db: Db; input: LoginInput }) {
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true },
  });
  const isValid = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isValid) throw new AppError("INVALID_CREDENTIALS", "Wrong email or password");
  return createSession({ db, userId: user.id });
}
