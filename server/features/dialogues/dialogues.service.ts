import type { z } from "zod";
import { ANALYST_ROLES, type Role } from "../../../shared/roles.ts";
import type { CreateDialogueInputSchema, DialogueResultsInputSchema } from "../../../shared/schemas/field.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { listAreas } from "../areas/areas.service.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";

type Scope = { db: Db; workspace: CurrentWorkspace; role: Role; user: { id: string } };

/** The caller's organisation in this workspace (notes are shared within it). */
async function organizationOf({ db, workspace, user }: Scope) {
  const membership = await db.membership.findFirst({
    where: { workspaceId: workspace.id, userId: user.id },
    select: { organizationId: true },
  });
  return membership?.organizationId ?? null;
}

async function areaIdOf(db: Db, workspaceId: string, code: string) {
  const area = await db.area.findFirst({ where: { workspaceId, code }, select: { id: true } });
  if (!area) throw new AppError("NOT_FOUND", `Unknown area: ${code}`);
  return area.id;
}

export async function createDialogue(scope: Scope, input: z.output<typeof CreateDialogueInputSchema>) {
  const { db, workspace } = scope;
  return db.dialogue.create({
    data: {
      workspaceId: workspace.id,
      kind: input.kind,
      format: input.format,
      startsAt: new Date(input.startsAt),
      areaId: input.areaCode ? await areaIdOf(db, workspace.id, input.areaCode) : null,
      meetingPlace: input.meetingPlace,
      notesOrganizationId: await organizationOf(scope),
      createdBy: scope.user.id,
    },
    select: { id: true },
  });
}

/** What came out of a dialogue: attendance, the themes raised (replacing earlier ones) and notes. */
export async function recordDialogueResults(
  scope: Scope,
  input: z.output<typeof DialogueResultsInputSchema>,
) {
  const { db, workspace } = scope;
  const dialogue = await db.dialogue.findFirst({
    where: { workspaceId: workspace.id, id: input.dialogueId },
    select: { notesOrganizationId: true },
  });
  if (!dialogue) throw new AppError("NOT_FOUND", "No such dialogue");
  const themes: {
    workspaceId: string;
    dialogueId: string;
    theme: string;
    strength: number;
    areaIds: string[];
  }[] = [];
  for (const theme of input.themes) {
    const areaIds: string[] = [];
    for (const code of theme.areaCodes) areaIds.push(await areaIdOf(db, workspace.id, code));
    themes.push({
      workspaceId: workspace.id,
      dialogueId: input.dialogueId,
      theme: theme.theme,
      strength: theme.strength,
      areaIds,
    });
  }
  await db.$transaction(async (tx) => {
    await tx.dialogue.update({
      where: { workspaceId_id: { workspaceId: workspace.id, id: input.dialogueId } },
      data: {
        attendance: input.attendance,
        notes: input.notes,
        notesOrganizationId: dialogue.notesOrganizationId ?? (await organizationOf(scope)),
      },
    });
    await tx.dialogueTheme.deleteMany({ where: { workspaceId: workspace.id, dialogueId: input.dialogueId } });
    if (themes.length > 0) await tx.dialogueTheme.createMany({ data: themes });
  });
  return { themes: themes.length };
}

/**
 * The schedule with what each dialogue raised. Notes are shown only to analysts and admins and to
 * members of the organisation that recorded them; everyone else learns only that notes exist.
 */
export async function listDialogues(scope: Scope) {
  const { db, workspace } = scope;
  const [dialogues, themes, areas, organizationId] = await Promise.all([
    db.dialogue.findMany({ where: { workspaceId: workspace.id }, orderBy: { startsAt: "asc" }, take: 500 }),
    db.dialogueTheme.findMany({ where: { workspaceId: workspace.id } }),
    listAreas({ db, workspaceId: workspace.id }),
    organizationOf(scope),
  ]);
  const areaName = new Map(areas.map((area) => [area.id, area.name]));
  const mayRead = (notesOrganizationId: string | null) =>
    ANALYST_ROLES.includes(scope.role) ||
    (scope.role === "member" && notesOrganizationId !== null && notesOrganizationId === organizationId);
  return dialogues.map((dialogue) => {
    const readable = mayRead(dialogue.notesOrganizationId);
    return {
      id: dialogue.id,
      kind: dialogue.kind,
      format: dialogue.format,
      startsAt: dialogue.startsAt.toISOString(),
      areaName: dialogue.areaId ? (areaName.get(dialogue.areaId) ?? null) : null,
      meetingPlace: dialogue.meetingPlace,
      attendance: dialogue.attendance,
      notes: readable ? dialogue.notes : null,
      notesRestricted: !readable && dialogue.notes !== null,
      notesPurged: dialogue.notesPurgedAt !== null,
      themes: themes
        .filter((theme) => theme.dialogueId === dialogue.id)
        .map((theme) => ({
          theme: theme.theme,
          strength: theme.strength,
          areas: (theme.areaIds as string[]).map((id) => areaName.get(id) ?? "–"),
        })),
    };
  });
}

/** Which themes are raised, per quarter: the number of dialogues and the summed strength. */
export async function themeTrend({ db, workspace }: Pick<Scope, "db" | "workspace">) {
  return db.$queryRaw<{ quarter: string; theme: string; dialogues: number; strength: number }[]>`
    SELECT to_char(d.starts_at AT TIME ZONE ${workspace.timezone}, 'YYYY-"Q"Q') AS quarter, t.theme,
      count(*)::int AS dialogues, SUM(t.strength)::int AS strength
    FROM dialogue_themes t JOIN dialogues d ON d.workspace_id = t.workspace_id AND d.id = t.dialogue_id
    WHERE t.workspace_id = ${workspace.id}::uuid
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

/**
 * Purges free-text notes of dialogues older than their workspace's retention period; themes,
 * attendance and counts stay. Runs at start and every few hours (scripts/start.ts).
 */
export async function purgeExpiredNotes(db: Db, now = new Date()) {
  return db.$executeRaw`
    UPDATE dialogues d SET notes = NULL, notes_purged_at = ${now}
    FROM workspaces w
    WHERE d.workspace_id = w.id AND d.notes IS NOT NULL
      AND d.starts_at < ${now}::timestamptz - make_interval(days => w.notes_retention_days)`;
}
