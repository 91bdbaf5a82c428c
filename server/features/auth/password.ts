import { hash, verify } from "@node-rs/argon2";

// Argon2id with the library's defaults (OWASP-recommended memory and time costs).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Compared against a real hash even for unknown users, so timing does not reveal accounts.
const UNKNOWN_USER_HASH = hash("unknown-user-placeholder");

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const target = passwordHash ?? (await UNKNOWN_USER_HASH);
  const isValid = await verify(target, password).catch(() => false);
  return passwordHash !== null && isValid;
}
