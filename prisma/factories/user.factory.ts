import type { Db } from "../../server/db/client.ts";
import { hashPassword } from "../../server/features/auth/password.ts";
import type { Role } from "../../shared/roles.ts";

export const TEST_PASSWORD = "korrekt-hast-batteri";

export async function createUser(
  db: Db,
  input: {
    email: string;
    name?: string;
    password?: string;
    isSystemAdmin?: boolean;
    memberships?: { workspaceId: string; role: Role; organizationId?: string }[];
  },
) {
  return db.user.create({
    data: {
      email: input.email.toLowerCase(),
      name: input.name ?? input.email.split("@")[0] ?? input.email,
      passwordHash: await hashPassword(input.password ?? TEST_PASSWORD),
      isSystemAdmin: input.isSystemAdmin ?? false,
      memberships: { create: input.memberships ?? [] },
    },
  });
}
