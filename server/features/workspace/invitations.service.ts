import type { InviteInput } from "../../../shared/schemas/accounts.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { createInvitation } from "../auth/account-tokens.ts";
import { type AdminScope, requireOrganizationFor } from "./members.service.ts";

/** Who invites: an admin, or nobody in particular (`npm run admin`, user null). */
type InviteScope = { db: Db; workspace: { id: string }; user: { id: string } | null };

/** A one-time invitation link for someone not yet a member (docs/decisions/015). */
export async function inviteMember({ db, workspace, user }: InviteScope, input: InviteInput) {
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
  return createInvitation(db, {
    workspaceId: workspace.id,
    email: input.email,
    name: input.name ?? null,
    role: input.role,
    organizationId: input.organizationId,
    createdById: user?.id ?? null,
  });
}

export async function listInvitations({ db, workspace }: AdminScope) {
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

export async function revokeInvitation({ db, workspace }: AdminScope, id: string) {
  const { count } = await db.accountToken.deleteMany({
    where: { id, workspaceId: workspace.id, kind: "invitation", usedAt: null },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such open invitation in this workspace");
}
