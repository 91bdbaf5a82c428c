import type { OrganizationInput } from "../../../shared/schemas/accounts.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { recordAudit } from "../audit/audit.service.ts";

/** A new organisation of the workspace (always a new row: another workspace's namesake is not this one). */
export async function addOrganization({ db, workspace, actor }: ServiceScope, input: OrganizationInput) {
  const namesake = await db.workspaceOrganization.findFirst({
    where: {
      workspaceId: workspace.id,
      organization: { name: { equals: input.name, mode: "insensitive" } },
    },
    select: { organizationId: true },
  });
  if (namesake)
    throw new AppError("CONFLICT", { reason: "ORGANIZATION_EXISTS", params: { name: input.name } });
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.create({
      data: { name: input.name, kind: input.kind, workspaces: { create: { workspaceId: workspace.id } } },
      select: { id: true, name: true, kind: true },
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: actor.userId,
      action: "organization_added",
      target: { type: "organization", id: organization.id },
    });
    return organization;
  });
}

/**
 * Takes an organisation out of the workspace. Refused while members or open invitations name it
 * (a member must have an organisation); records it owned keep its name, so the history still
 * says whose they were.
 */
export async function removeOrganization({ db, workspace, actor }: ServiceScope, organizationId: string) {
  const link = { workspaceId_organizationId: { workspaceId: workspace.id, organizationId } };
  if (!(await db.workspaceOrganization.findUnique({ where: link, select: { organizationId: true } })))
    throw new AppError("NOT_FOUND", "The organisation is not one of this workspace's");
  const [members, invitations] = await Promise.all([
    db.membership.count({ where: { workspaceId: workspace.id, organizationId } }),
    db.accountToken.count({
      where: { workspaceId: workspace.id, organizationId, kind: "invitation", usedAt: null },
    }),
  ]);
  if (members + invitations > 0)
    throw new AppError("VALIDATION", { reason: "ORGANIZATION_IN_USE", params: { members, invitations } });
  await db.$transaction(async (tx) => {
    await tx.workspaceOrganization.delete({ where: link });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: actor.userId,
      action: "organization_removed",
      target: { type: "organization", id: organizationId },
    });
  });
}
