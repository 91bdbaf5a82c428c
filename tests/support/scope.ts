import { createUser } from "../../prisma/factories/user.factory.ts";
import type { Db } from "../../server/db/client.ts";
import { resolveMembership } from "../../server/features/workspace/workspace.service.ts";
import { type ServiceScope, serviceScope } from "../../server/service-scope.ts";
import type { Role } from "../../shared/roles.ts";

let sequence = 0;

/** A new member of the workspace in this role and the scope it acts in, for calling services directly. */
export async function actingMember(db: Db, workspaceId: string, role: Role): Promise<ServiceScope> {
  sequence++;
  const user = await createUser(db, {
    email: `${role}-${sequence}-${Math.random().toString(36).slice(2, 8)}@scope.example`,
    memberships: [{ workspaceId, role }],
  });
  const { slug } = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { slug: true },
  });
  const membership = await resolveMembership({ db, userId: user.id, slug });
  if (!membership) throw new Error(`${user.email} is not a member of ${slug}`);
  return serviceScope(db, membership.workspace, { userId: user.id, role, organizationId: null });
}

export const actingAnalyst = (db: Db, workspaceId: string) => actingMember(db, workspaceId, "analyst");
