import type { LocalDate } from "../../../shared/calendar.ts";
import { asMeetingPeriod } from "../../../shared/meeting-rhythm.ts";
import type { Role } from "../../../shared/roles.ts";
import type { WorkspaceSettings } from "../../../shared/schemas/field.ts";
import { type Db, queryPlain } from "../../db/client.ts";
import type { CurrentWorkspace, ServiceScope } from "../../service-scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { purgeExpiredNotes } from "../dialogues/dialogues.service.ts";

export type MembershipRow = {
  role: Role;
  /** The organisation the member acts for (null when the membership names none). */
  organizationId: string | null;
  id: string;
  slug: string;
  name: string;
  meetingAnchor: LocalDate;
  meetingPeriod: string;
  meetingWeekday: number;
  timezone: string;
  basemapStyleUrl: string | null;
};

/**
 * The caller's role and workspace, on every request inside a workspace: one plain query through
 * the raw driver (through Prisma's relation filter it was two queries and about 1 ms of CPU).
 */
export async function resolveMembership({ db, userId, slug }: { db: Db; userId: string; slug: string }) {
  const [membership] = await queryPlain<MembershipRow>(
    db,
    `SELECT ${MEMBERSHIP_COLUMNS}
     FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
     WHERE m.user_id = $1::uuid AND w.slug = $2 AND m.deactivated_at IS NULL`,
    [userId, slug],
    { name: "est_membership" },
  );
  return membership ? membershipOf(membership) : null;
}

/** The columns of `memberships m JOIN workspaces w` that make a membership (server/request-caller.ts reads them too). */
export const MEMBERSHIP_COLUMNS = `m.role::text AS role, m.organization_id::text AS "organizationId", w.id::text AS id, w.slug, w.name,
  w.meeting_anchor_date::text AS "meetingAnchor", w.meeting_period AS "meetingPeriod",
  w.meeting_weekday AS "meetingWeekday", w.timezone, w.basemap_style_url AS "basemapStyleUrl"`;

export function membershipOf(row: MembershipRow): {
  role: Role;
  organizationId: string | null;
  workspace: CurrentWorkspace;
} {
  const { role, organizationId, meetingPeriod, ...workspace } = row;
  return { role, organizationId, workspace: { ...workspace, meetingPeriod: asMeetingPeriod(meetingPeriod) } };
}

export type { CurrentWorkspace } from "../../service-scope.ts";

export async function listMyWorkspaces({ db, userId }: { db: Db; userId: string }) {
  const memberships = await db.membership.findMany({
    where: { userId, deactivatedAt: null },
    select: { role: true, workspace: { select: { slug: true, name: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
  return memberships.map((m) => ({ slug: m.workspace.slug, name: m.workspace.name, role: m.role }));
}

/** The workspace's organisations, for the selects that name one. */
export async function getWorkspaceSummary({ db, workspace }: ServiceScope) {
  const organizations = await db.workspaceOrganization.findMany({
    where: { workspaceId: workspace.id },
    select: { organization: { select: { id: true, name: true, kind: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  return { organizations: organizations.map((o) => o.organization) };
}

export async function getWorkspaceSettings({ db, workspace }: ServiceScope) {
  return db.workspace.findUniqueOrThrow({
    where: { id: workspace.id },
    select: { notesRetentionDays: true, surveyMinRespondents: true },
  });
}

/** Saves the settings; a shorter retention purges the notes now past it at once, not at the next run. */
export async function updateWorkspaceSettings(
  { db, workspace, actor }: ServiceScope,
  settings: WorkspaceSettings,
) {
  const workspaceId = workspace.id;
  const saved = await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      workspaceId,
      userId: actor.userId,
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
