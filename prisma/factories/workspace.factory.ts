import type { Db } from "../../server/db/client.ts";
import type { OrganizationKind } from "../../server/generated/prisma/enums.ts";

let sequence = 0;

export async function createWorkspace(
  db: Db,
  overrides: { name?: string; slug?: string; meetingAnchor?: string } = {},
) {
  sequence++;
  return db.workspace.create({
    data: {
      name: overrides.name ?? `EST Test ${sequence}`,
      slug: overrides.slug ?? `est-test-${sequence}-${Math.random().toString(36).slice(2, 8)}`,
      meetingAnchorDate: new Date(`${overrides.meetingAnchor ?? "2024-01-01"}T00:00:00Z`),
    },
  });
}

export async function createOrganization(
  db: Db,
  input: { name: string; kind: OrganizationKind; workspaceIds: string[] },
) {
  return db.organization.create({
    data: {
      name: input.name,
      kind: input.kind,
      workspaces: { create: input.workspaceIds.map((workspaceId) => ({ workspaceId })) },
    },
  });
}
