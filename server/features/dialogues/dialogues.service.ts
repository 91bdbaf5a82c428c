import type { z } from "zod";
import { toLocalDate } from "../../../shared/calendar.ts";
import { DIALOGUE_THEMES, type DialogueTheme } from "../../../shared/field.ts";
import type {
  CreateDialogueInputSchema,
  DialogueResultsInputSchema,
  ThemeTrend,
  ThemeTrendInputSchema,
} from "../../../shared/schemas/field.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { organizationForNewRecord, ownsRecord, requireOwnership } from "../access/ownership.ts";
import { listAreas } from "../areas/areas.service.ts";

type ThemeTrendInput = z.output<typeof ThemeTrendInputSchema>;

async function areaIdOf(db: Db, workspaceId: string, code: string) {
  const area = await db.area.findFirst({ where: { workspaceId, code }, select: { id: true } });
  if (!area) throw new AppError("NOT_FOUND", `Unknown area: ${code}`);
  return area.id;
}

/** A dialogue belongs to the organisation that records it (its notes are shared within it). */
export async function createDialogue(scope: ServiceScope, input: z.output<typeof CreateDialogueInputSchema>) {
  const { db, workspace, actor } = scope;
  const organizationId = organizationForNewRecord(actor);
  return db.dialogue.create({
    data: {
      workspaceId: workspace.id,
      kind: input.kind,
      format: input.format,
      startsAt: new Date(input.startsAt),
      areaId: input.areaCode ? await areaIdOf(db, workspace.id, input.areaCode) : null,
      meetingPlace: input.meetingPlace,
      notesOrganizationId: organizationId,
      createdBy: actor.userId,
    },
    select: { id: true },
  });
}

/**
 * What came out of a dialogue: attendance, the themes raised (replacing earlier ones) and notes.
 * Members record results only for their own organisation's dialogues.
 */
export async function recordDialogueResults(
  scope: ServiceScope,
  input: z.output<typeof DialogueResultsInputSchema>,
) {
  const { db, workspace, actor } = scope;
  const dialogue = await db.dialogue.findFirst({
    where: { workspaceId: workspace.id, id: input.dialogueId },
    select: { notesOrganizationId: true },
  });
  if (!dialogue) throw new AppError("NOT_FOUND", "No such dialogue");
  requireOwnership(actor, [dialogue.notesOrganizationId], "dialogue");
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
        notesOrganizationId: dialogue.notesOrganizationId ?? actor.organizationId,
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
export async function listDialogues(scope: ServiceScope) {
  const { db, workspace, actor } = scope;
  const [dialogues, themes, areas] = await Promise.all([
    db.dialogue.findMany({ where: { workspaceId: workspace.id }, orderBy: { startsAt: "asc" }, take: 500 }),
    db.dialogueTheme.findMany({ where: { workspaceId: workspace.id } }),
    listAreas(scope),
  ]);
  const areaName = new Map(areas.map((area) => [area.id, area.name]));
  const areaCode = new Map(areas.flatMap((area) => (area.code ? [[area.id, area.code] as const] : [])));
  return dialogues.map((dialogue) => {
    const readable = ownsRecord(actor, [dialogue.notesOrganizationId]);
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
      canRecordResults: readable,
      themes: themes
        .filter((theme) => theme.dialogueId === dialogue.id)
        .map((theme) => ({
          theme: theme.theme,
          strength: theme.strength,
          areas: (theme.areaIds as string[]).map((id) => areaName.get(id) ?? "–"),
          areaCodes: (theme.areaIds as string[])
            .map((id) => areaCode.get(id))
            .filter((code) => code !== undefined),
        })),
    };
  });
}

const quarterOf = (date: string) =>
  `${date.slice(0, 4)}-K${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** The `count` quarters ending with the one holding `until`, oldest first ("2026-K4"). */
export function quartersEndingAt(until: string, count: number): string[] {
  let year = Number(until.slice(0, 4));
  let quarter = Math.floor((Number(until.slice(5, 7)) - 1) / 3) + 1;
  const result: string[] = [];
  for (let i = 0; i < count; i++) {
    result.unshift(`${year}-K${quarter}`);
    quarter -= 1;
    if (quarter === 0) [year, quarter] = [year - 1, 4];
  }
  return result;
}

/**
 * Which themes are raised, per quarter, about an area (its own districts and the larger areas it
 * lies in count too: a theme about the whole kommun concerns every part of it).
 */
export async function themeTrend(scope: ServiceScope, input: ThemeTrendInput): Promise<ThemeTrend> {
  const { db, workspace } = scope;
  const quarters = quartersEndingAt(
    input.until ?? toLocalDate(new Date(), workspace.timezone),
    input.quarters,
  );
  const [rows, areas] = await Promise.all([
    db.$queryRaw<{ day: string; theme: DialogueTheme; strength: number; area_ids: string[] }[]>`
      SELECT to_char((d.starts_at AT TIME ZONE ${workspace.timezone})::date, 'YYYY-MM-DD') AS day, t.theme, t.strength,
        CASE WHEN jsonb_array_length(t.area_ids) > 0 THEN t.area_ids
          WHEN d.area_id IS NOT NULL THEN jsonb_build_array(d.area_id::text) ELSE '[]'::jsonb END AS area_ids
      FROM dialogue_themes t JOIN dialogues d ON d.workspace_id = t.workspace_id AND d.id = t.dialogue_id
      WHERE t.workspace_id = ${workspace.id}::uuid`,
    listAreas(scope),
  ]);
  const concerns = input.areaCode ? areaRelation(areas, input.areaCode) : () => true;
  const index = new Map(quarters.map((quarter, position) => [quarter, position]));
  const byTheme = new Map<DialogueTheme, { dialogues: number[]; strength: number[] }>();
  for (const row of rows) {
    const position = index.get(quarterOf(row.day));
    if (position === undefined || !concerns(row.area_ids)) continue;
    const series = byTheme.get(row.theme) ?? {
      dialogues: quarters.map(() => 0),
      strength: quarters.map(() => 0),
    };
    series.dialogues[position] = (series.dialogues[position] ?? 0) + 1;
    series.strength[position] = (series.strength[position] ?? 0) + row.strength;
    byTheme.set(row.theme, series);
  }
  const series = DIALOGUE_THEMES.filter((theme) => byTheme.has(theme)).map((theme) => ({
    theme,
    ...(byTheme.get(theme) as { dialogues: number[]; strength: number[] }),
  }));
  const last = quarters.length - 1;
  const rising = series
    .map((entry) => ({
      theme: entry.theme,
      from: entry.strength[last - 1] ?? 0,
      to: entry.strength[last] ?? 0,
    }))
    .filter((entry) => entry.to > entry.from)
    .sort((a, b) => b.to - b.from - (a.to - a.from));
  return { quarters, series, rising };
}

/** Whether a theme's areas touch the chosen area: the same area, one inside it, or one it lies in. */
function areaRelation(areas: { id: string; parentId: string | null; code: string | null }[], code: string) {
  const chosen = areas.find((area) => area.code === code);
  if (!chosen) throw new AppError("NOT_FOUND", `Unknown area code: ${code}`);
  const parentOf = new Map(areas.map((area) => [area.id, area.parentId]));
  const ancestors = (id: string) => {
    const chain = new Set<string>();
    for (let current: string | null | undefined = id; current; current = parentOf.get(current))
      chain.add(current);
    return chain;
  };
  const chosenChain = ancestors(chosen.id);
  return (areaIds: string[]) => areaIds.some((id) => ancestors(id).has(chosen.id) || chosenChain.has(id));
}

/**
 * Purges free-text notes of dialogues older than their workspace's retention period; themes,
 * attendance and counts stay. Runs at start and every few hours (scripts/start.ts).
 */
export async function purgeExpiredNotes(db: Db, now = new Date(), workspaceId: string | null = null) {
  return db.$executeRaw`
    UPDATE dialogues d SET notes = NULL, notes_purged_at = ${now}
    FROM workspaces w
    WHERE d.workspace_id = w.id AND d.notes IS NOT NULL
      AND (${workspaceId}::uuid IS NULL OR w.id = ${workspaceId}::uuid)
      AND d.starts_at < ${now}::timestamptz - make_interval(days => w.notes_retention_days)`;
}
