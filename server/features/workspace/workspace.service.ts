import { dbDateToLocalDate } from "../../../shared/calendar.ts";
import { asMeetingPeriod } from "../../../shared/meeting-rhythm.ts";
import type { WorkspaceSettings } from "../../../shared/schemas/field.ts";
import type { Db } from "../../db/client.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { purgeExpiredNotes } from "../dialogues/dialogues.service.ts";

const workspaceSelect = {
  id: true,
  slug: true,
  name: true,
  meetingAnchorDate: true,
  meetingPeriod: true,
  meetingWeekday: true,
  timezone: true,
  basemapStyleUrl: true,
} as const;

export async function resolveMembership({ db, userId, slug }: { db: Db; userId: string; slug: string }) {
  const membership = await db.membership.findFirst({
    where: { userId, workspace: { slug }, deactivatedAt: null },
    select: { role: true, workspace: { select: workspaceSelect } },
  });
  if (!membership) return null;
  const { meetingAnchorDate, meetingPeriod, ...workspace } = membership.workspace;
  return {
    role: membership.role,
    workspace: {
      ...workspace,
      meetingAnchor: dbDateToLocalDate(meetingAnchorDate),
      meetingPeriod: asMeetingPeriod(meetingPeriod),
    },
  };
}

export type CurrentWorkspace = NonNullable<Awaited<ReturnType<typeof resolveMembership>>>["workspace"];

export async function listMyWorkspaces({ db, userId }: { db: Db; userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId, deactivatedAt: null },
    select: { role: true, workspace: { select: { slug: true, name: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return memberships.map((m) => ({ slug: m.workspace.slug, name: m.workspace.name, role: m.role }));
}

export async function getWorkspaceSummary({ db, workspaceId }: { db: Db; workspaceId: string }) {
  const organizations = await db.workspaceOrganization.findMany({
    where: { workspaceId },
    select: { organization: { select: { id: true, name: true, kind: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return { organizations: organizations.map((o) => o.organization) };
}

export async function getWorkspaceSettings({ db, workspaceId }: { db: Db; workspaceId: string }) {
  return db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { notesRetentionDays: true, surveyMinRespondents: true },
  });
}

/** Saves the settings; a shorter retention purges the notes now past it at once, not at the next run. */
export async function updateWorkspaceSettings({
  db,
  workspaceId,
  userId,
  settings,
}: {
  db: Db;
  workspaceId: string;
  userId: string;
  settings: WorkspaceSettings;
}) {
  const saved = await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      workspaceId,
      userId,
      action: "settings_updated",
      target: { type: "workspace", id: workspaceId },
      details: { ...settings },
    });
    return tx.workspace.update({
      where: { id: workspaceId },
      data: settings,
      select: { notesRetentionDays: true, surveyMinRespondents: true },
    });
  });
  const purgedNotes = await purgeExpiredNotes(db, new Date(), workspaceId);
  return { ...saved, purgedNotes };
}
