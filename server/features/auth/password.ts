import { availableParallelism } from "node:os";
import { hash, verify } from "@node-rs/argon2";
import { PASSWORD_PROBLEM_TEXT, passwordProblems } from "../../../shared/passwords.ts";
import { AppError } from "../../errors.ts";
import { createTaskLimit } from "../../task-limit.ts";

// Argon2id takes tens of milliseconds and 19 MiB each: a few at once, a short queue, the rest refused.
export const passwordHashing = createTaskLimit({
  concurrency: Math.min(4, Math.max(1, availableParallelism() - 1)),
  maxWaiting: 64,
});

// Argon2id with the library's defaults (OWASP-recommended memory and time costs).
export function hashPassword(password: string): Promise<string> {
  return passwordHashing.run(() => hash(password));
}

// Compared against a real hash even for unknown users, so timing does not reveal accounts.
let unknownUserHash: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  unknownUserHash ??= hash("unknown-user-placeholder");
  // "" is an account with no local password (single sign-on only): checked like an unknown one.
  const target = passwordHash || (await unknownUserHash);
  const isValid = await passwordHashing
    .run(() => verify(target, password))
    .catch((error: unknown) => {
      if (error instanceof AppError) throw error;
      return false;
    });
  return Boolean(passwordHash) && isValid;
}

/** Refuses a new password that breaks the rules in shared/passwords.ts, naming each rule. */
export function requireAllowedPassword(password: string, email: string): void {
  const problems = passwordProblems(password, { email });
  if (problems.length > 0)
    throw new AppError("VALIDATION", {
      reason: "PASSWORD_RULES",
      params: { rules: problems.map((problem) => PASSWORD_PROBLEM_TEXT[problem]).join(" ") },
      field: "password",
    });
}
