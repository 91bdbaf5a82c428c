import type { z } from "zod";
import { localDateToDbDate, mondayOf } from "../../../shared/calendar.ts";
import type { CreateWorkspaceInputSchema } from "../../../shared/schemas/accounts.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { createInvitation } from "../auth/account-tokens.ts";
import { hashPassword, requireAllowedPassword } from "../auth/password.ts";

type CreateWorkspaceInput = z.output<typeof CreateWorkspaceInputSchema>;

/**
 * A new workspace with its first admin, for `npm run admin` and the system page. The admin gets
 * a one-time invitation link; the command may instead set a password for a new account.
 * `isSystemAdmin` makes that admin a system administrator too (the command's --system-admin).
 */
export async function createWorkspaceWithAdmin(
  db: Db,
  input: CreateWorkspaceInput,
  options: { createdById: string | null; password?: string; isSystemAdmin?: boolean },
) {
  if (mondayOf(input.meetingAnchor) !== input.meetingAnchor)
    throw new AppError("VALIDATION", { reason: "MEETING_ANCHOR_NOT_MONDAY" });
  if (await db.workspace.findUnique({ where: { slug: input.slug }, select: { id: true } }))
    throw new AppError("CONFLICT", { reason: "WORKSPACE_EXISTS", params: { slug: input.slug } });
  let passwordHash: string | null = null;
  if (options.password !== undefined) {
    if (await db.user.findUnique({ where: { email: input.adminEmail }, select: { id: true } }))
      throw new AppError("CONFLICT", {
        reason: "ACCOUNT_EXISTS_KEEPS_PASSWORD",
        params: { email: input.adminEmail },
      });
    requireAllowedPassword(options.password, input.adminEmail);
    passwordHash = await hashPassword(options.password);
  }
  const isSystemAdmin = options.isSystemAdmin ?? false;
  return db.$transaction(async (tx) => {
    const workspace = await tx.workspace.create({
      data: { slug: input.slug, name: input.name, meetingAnchorDate: localDateToDbDate(input.meetingAnchor) },
      select: { id: true, slug: true, name: true },
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: options.createdById,
      action: "workspace_created",
      target: { type: "workspace", id: workspace.id },
    });
    const organization = input.organization
      ? await tx.organization.create({
          data: { ...input.organization, workspaces: { create: { workspaceId: workspace.id } } },
          select: { id: true, name: true },
        })
      : null;
    const membership = {
      workspaceId: workspace.id,
      role: "admin" as const,
      organizationId: organization?.id,
    };
    if (passwordHash !== null) {
      await tx.user.create({
        data: {
          email: input.adminEmail,
          name: input.adminName,
          passwordHash,
          isSystemAdmin,
          memberships: { create: membership },
        },
      });
      return { workspace, organization, invitation: null };
    }
    const invitation = await createInvitation(tx, {
      workspaceId: workspace.id,
      email: input.adminEmail,
      name: input.adminName,
      role: "admin",
      organizationId: organization?.id ?? null,
      createdById: options.createdById,
      isSystemAdmin,
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: options.createdById,
      action: "invitation_created",
      target: { type: "invitation", id: invitation.id },
      details: { role: "admin", organizationId: organization?.id ?? null },
    });
    return { workspace, organization, invitation };
  });
}

/** Every workspace, for system administrators: the page lists them beside the form. */
export async function listAllWorkspaces({ db }: { db: Db }) {
  const workspaces = await db.workspace.findMany({
    select: {
      slug: true,
      name: true,
      createdAt: true,
      _count: { select: { memberships: { where: { deactivatedAt: null } } } },
    },
    orderBy: { name: "asc" },
  });
  return workspaces.map(({ _count, ...workspace }) => ({ ...workspace, memberCount: _count.memberships }));
}
