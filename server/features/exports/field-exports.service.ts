import type { z } from "zod";
import { toLocalDate } from "../../../shared/calendar.ts";
import { type DialogueTheme, FINDING_STATUSES, OPEN_FINDING_STATUSES } from "../../../shared/field.ts";
import type {
  DialoguesExportInputSchema,
  FindingsExportInputSchema,
} from "../../../shared/schemas/exports.ts";
import { sortRows } from "../../../shared/table-sort.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { listAreas } from "../areas/areas.service.ts";
import { listDialogues } from "../dialogues/dialogues.service.ts";
import { listFindings } from "../walks/findings.service.ts";
import { EXPORT_LABELS, type ExportLocale } from "./export-labels.ts";
import { namedList, selectionSheet, sortText } from "./selection.ts";
import { type Cell, tableFile } from "./table-file.ts";

const FIELD_WORDS = {
  sv: {
    findings: [
      "Registrerat",
      "Vandring",
      "Kategori",
      "Beskrivning",
      "Område",
      "Allvar",
      "Ansvarig",
      "Åtgärdas senast",
      "Försenad",
      "Status",
      "Orsak till status",
      "Longitud",
      "Latitud",
    ],
    restricted: "(visas bara för analytiker och fyndets egna organisationer)",
    overdue: "Ja",
    findingsTotal: (count: number) => `Totalt: ${count} fynd`,
    freeText: (shown: number, total: number) =>
      shown === total
        ? `Beskrivningar och orsaker för alla ${total} fynd`
        : `Beskrivningar och orsaker för ${shown} av ${total} fynd; övriga hör till andra organisationer och visas bara för analytiker och fyndets egna organisationer`,
    dialogues: ["När", "Slag", "Form", "Område", "Mötesplats", "Deltagare", "Teman", "Anteckningar"],
    notesExist: "Finns (exporteras inte)",
    notesPurged: "Rensade efter lagringstiden",
    dialoguesTotal: (count: number) => `Totalt: ${count} dialoger`,
    notes: "Anteckningar exporteras aldrig; de läses i appen av den som får se dem",
  },
  en: {
    findings: [
      "Recorded",
      "Walk",
      "Category",
      "Description",
      "Area",
      "Severity",
      "Responsible",
      "Fix by",
      "Overdue",
      "Status",
      "Reason for the status",
      "Longitude",
      "Latitude",
    ],
    restricted: "(shown only to analysts and the finding's own organisations)",
    overdue: "Yes",
    findingsTotal: (count: number) => `Total: ${count} findings`,
    freeText: (shown: number, total: number) =>
      shown === total
        ? `Descriptions and reasons of all ${total} findings`
        : `Descriptions and reasons of ${shown} of ${total} findings; the others belong to other organisations and are shown only to analysts and the finding's own organisations`,
    dialogues: ["When", "Kind", "Format", "Area", "Meeting place", "Participants", "Themes", "Notes"],
    notesExist: "Recorded (not exported)",
    notesPurged: "Purged after the retention period",
    dialoguesTotal: (count: number) => `Total: ${count} dialogues`,
    notes: "Notes are never exported; whoever may see them reads them in the app",
  },
} as const;

/** "2026-11-12 18:00": a moment in the workspace's time zone, as Swedish spreadsheets sort it. */
function localDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone }).format(
    new Date(iso),
  );
}

/** The sort values of a listed finding: the same fields its table sorts by. */
const findingSortValue = (finding: Awaited<ReturnType<typeof listFindings>>[number], id: string) =>
  finding[id as keyof typeof finding];

/**
 * The findings on the Fynd page as a file, in the page's order. Free text (description, reason,
 * a person named as owner) only where the caller may read it (decisions/011): the listing has
 * already emptied the rest, and the file says so in their place.
 */
export async function exportFindings(scope: ServiceScope, input: z.output<typeof FindingsExportInputSchema>) {
  const { db, workspace } = scope;
  const labels = EXPORT_LABELS[input.locale];
  const words = FIELD_WORDS[input.locale];
  const [listed, areas, owner] = await Promise.all([
    listFindings(scope, input),
    input.areaCodes.length > 0 ? listAreas({ db, workspace }) : [],
    input.ownerOrganizationId
      ? db.organization.findFirst({
          where: { id: input.ownerOrganizationId, workspaces: { some: { workspaceId: workspace.id } } },
          select: { name: true },
        })
      : null,
  ]);
  const findings = sortRows(listed, input.sort, findingSortValue);
  const walkIds = [...new Set(findings.flatMap((finding) => (finding.walkId ? [finding.walkId] : [])))];
  const walks = await db.safetyWalk.findMany({
    where: { workspaceId: workspace.id, id: { in: walkIds } },
    select: { id: true, startsAt: true, areaId: true },
  });
  const allAreas = areas.length > 0 ? areas : await listAreas({ db, workspace });
  const areaName = new Map(allAreas.map((area) => [area.id, area.name]));
  const walkName = new Map(
    walks.map((walk) => [
      walk.id,
      [toLocalDate(walk.startsAt, workspace.timezone), walk.areaId ? areaName.get(walk.areaId) : null]
        .filter(Boolean)
        .join(" "),
    ]),
  );
  const today = toLocalDate(new Date(), workspace.timezone);
  const open: readonly string[] = OPEN_FINDING_STATUSES;
  const rows: Cell[][] = [
    [...words.findings],
    ...findings.map((finding) => [
      finding.createdOn,
      finding.walkId ? (walkName.get(finding.walkId) ?? null) : null,
      labels.findingCategories[finding.category as keyof typeof labels.findingCategories] ?? finding.category,
      finding.isRestricted ? words.restricted : finding.description,
      finding.areaName,
      labels.severities[finding.severity] ?? finding.severity,
      finding.owner,
      finding.dueOn,
      finding.dueOn && finding.dueOn < today && open.includes(finding.status) ? words.overdue : null,
      labels.findingStatuses[finding.status as keyof typeof labels.findingStatuses] ?? finding.status,
      finding.statusReason,
      finding.lon,
      finding.lat,
    ]),
    [words.findingsTotal(findings.length)],
  ];
  const shown = findings.filter((finding) => !finding.isRestricted).length;
  const areaNameByCode = new Map(
    allAreas.flatMap((area) => (area.code ? [[area.code, area.name] as const] : [])),
  );
  const headerOf = (id: string) => findingHeader(id, input.locale);
  const selection = selectionSheet(
    [
      [labels.selection.workspace, workspace.name],
      [labels.selection.table, labels.tables.findings],
      [
        labels.selection.statuses,
        FINDING_STATUSES.filter((status) => input.statuses.includes(status))
          .map((status) => labels.findingStatuses[status])
          .join(", ") || labels.all,
      ],
      [
        labels.selection.findingCategories,
        input.categories.map((category) => labels.findingCategories[category]).join(", ") || labels.all,
      ],
      [labels.selection.areas, namedList(input.areaCodes, (code) => areaNameByCode.get(code), labels.all)],
      [labels.selection.owner, owner?.name ?? labels.all],
      [
        labels.selection.olderThan,
        input.olderThanDays === null ? labels.all : labels.selection.olderThanDays(input.olderThanDays),
      ],
      ...(input.walkId ? [[labels.selection.walk, walkName.get(input.walkId) ?? input.walkId] as const] : []),
      [labels.selection.rows, findings.length],
      [labels.selection.sort, sortText(input.sort, headerOf, labels)],
      [labels.selection.freeText, words.freeText(shown, findings.length)],
    ],
    { locale: input.locale, timeZone: workspace.timezone },
  );
  const file = await tableFile({
    baseName: `${workspace.slug}-${labels.fileViews.findings}-${today}`,
    format: input.format,
    rows,
    selection,
    sheetNames: labels.sheets,
  });
  return { file, freeTextRows: shown };
}

const FINDING_COLUMN_INDEX: Record<string, number> = {
  createdOn: 0,
  walkId: 1,
  category: 2,
  description: 3,
  areaName: 4,
  severity: 5,
  owner: 6,
  dueOn: 7,
  status: 9,
};

function findingHeader(id: string, locale: ExportLocale): string {
  return FIELD_WORDS[locale].findings[FINDING_COLUMN_INDEX[id] ?? 0] ?? id;
}

/**
 * The dialogues' schedule as a file, in the page's order: when, what kind, where, attendance and
 * themes. Notes are never exported (decisions/008), whoever asks: the file says only whether a
 * dialogue has them.
 */
export async function exportDialogues(
  scope: ServiceScope,
  input: z.output<typeof DialoguesExportInputSchema>,
) {
  const { workspace } = scope;
  const labels = EXPORT_LABELS[input.locale];
  const words = FIELD_WORDS[input.locale];
  const dialogues = await listDialogues(scope);
  const rows: Cell[][] = [
    [...words.dialogues],
    ...dialogues.map((dialogue) => [
      localDateTime(dialogue.startsAt, workspace.timezone),
      labels.dialogueKinds[dialogue.kind as keyof typeof labels.dialogueKinds] ?? dialogue.kind,
      labels.dialogueFormats[dialogue.format as keyof typeof labels.dialogueFormats] ?? dialogue.format,
      dialogue.areaName,
      dialogue.meetingPlace,
      dialogue.attendance,
      dialogue.themes
        .map((theme) => `${labels.themes[theme.theme as DialogueTheme] ?? theme.theme} (${theme.strength})`)
        .join(", ") || null,
      dialogue.notesPurged
        ? words.notesPurged
        : dialogue.notes !== null || dialogue.notesRestricted
          ? words.notesExist
          : null,
    ]),
    [
      words.dialoguesTotal(dialogues.length),
      null,
      null,
      null,
      null,
      dialogues.reduce((sum, dialogue) => sum + (dialogue.attendance ?? 0), 0),
    ],
  ];
  const today = toLocalDate(new Date(), workspace.timezone);
  const selection = selectionSheet(
    [
      [labels.selection.workspace, workspace.name],
      [labels.selection.table, labels.tables.dialogues],
      [labels.selection.rows, dialogues.length],
      [labels.selection.sort, `${words.dialogues[0]}, ${labels.selection.ascending}`],
      [labels.selection.freeText, words.notes],
    ],
    { locale: input.locale, timeZone: workspace.timezone },
  );
  return tableFile({
    baseName: `${workspace.slug}-${labels.fileViews.dialogues}-${today}`,
    format: input.format,
    rows,
    selection,
    sheetNames: labels.sheets,
  });
}
