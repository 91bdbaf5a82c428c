import type { InviteInput } from "../../../shared/schemas/accounts.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { createInvitation } from "../auth/account-tokens.ts";
import { requireOrganizationFor } from "./members.service.ts";

/** The command line (`npm run admin`) invites for nobody in particular: no one acts. */
export type CommandScope = { db: Db; workspace: { id: string }; actor: null };

/** A one-time invitation link for someone not yet a member (docs/decisions/015). */
export async function inviteMember(
  { db, workspace, actor }: ServiceScope | CommandScope,
  input: InviteInput,
) {
  await requireOrganizationFor(db, workspace.id, input.role, input.organizationId);
  const existing = await db.membership.findFirst({
    where: { workspaceId: workspace.id, user: { email: input.email } },
    select: { deactivatedAt: true },
  });
  if (existing)
    throw new AppError(
      "CONFLICT",
      existing.deactivatedAt
        ? "Personen är redan medlem men avstängd: återaktivera medlemskapet i stället."
        : "Personen är redan medlem i arbetsytan.",
    );
  return db.$transaction(async (tx) => {
    const invitation = await createInvitation(tx, {
      workspaceId: workspace.id,
      email: input.email,
      name: input.name ?? null,
      role: input.role,
      organizationId: input.organizationId,
      createdById: actor?.userId ?? null,
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: actor?.userId ?? null,
      action: "invitation_created",
      target: { type: "invitation", id: invitation.id },
      details: { role: input.role, organizationId: input.organizationId },
    });
    return invitation;
  });
}

export async function listInvitations({ db, workspace }: ServiceScope) {
  const invitations = await db.accountToken.findMany({
    where: { workspaceId: workspace.id, kind: "invitation", usedAt: null, expiresAt: { gt: new Date() } },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      expiresAt: true,
      organization: { select: { name: true } },
      createdBy: { select: { name: true } },
    },
    orderBy: { createdAt: "desc" },
  });
  return invitations.map(({ organization, createdBy, ...invitation }) => ({
    ...invitation,
    organization: organization?.name ?? null,
    createdBy: createdBy?.name ?? null,
  }));
}

export async function revokeInvitation({ db, workspace, actor }: ServiceScope, id: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.accountToken.deleteMany({
      where: { id, workspaceId: workspace.id, kind: "invitation", usedAt: null },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "No such open invitation in this workspace");
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: actor.userId,
      action: "invitation_revoked",
      target: { type: "invitation", id },
    });
  });
}
