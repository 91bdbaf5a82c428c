import { ensureDataSource, type ImportFileOptions, runImportBatch } from "../imports/import-batch.ts";
import { createIssueList, ImportRejectedError } from "../imports/import-errors.ts";
import { type IncidentRow, insertIncidents } from "./incident-writer.ts";

export const EVENTS_GROUP_CODE = "G-POLISEN-HANDELSER";
// "2025-10-03 9:05:11 +02:00": the hour is not zero-padded and the offset follows summer time.
const DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{1,2}):(\d{2}):(\d{2}) ([+-]\d{2}):?(\d{2})$/;

export function parseEventTime(value: string): Date | null {
  const match = DATETIME.exec(value.trim());
  if (!match) return null;
  const [, date, hour = "0", minute, second, offsetHours, offsetMinutes] = match;
  const instant = new Date(
    `${date}T${hour.padStart(2, "0")}:${minute}:${second}${offsetHours}:${offsetMinutes}`,
  );
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** Kommun names compared without case and with uniform spaces and hyphens ("Upplands-bro"). */
export function normalizePlace(name: string): string {
  return name
    .trim()
    .toLocaleLowerCase("sv-SE")
    .replace(/\s*-\s*/g, "-")
    .replace(/\s+/g, " ");
}

type ApiEvent = {
  id: number;
  datetime: string;
  name: string;
  summary?: string;
  type: string;
  location?: { name?: string; gps?: string };
};

/**
 * The kommun an event belongs to. `location.name` is usually the kommun, but since 2026 often the
 * county; then the kommun is the last part of `name` ("3 oktober 09.05, Stöld, Borlänge").
 */
export function eventKommun(
  event: ApiEvent,
  kommunByName: Map<string, string>,
): { code: string | null; isCountyLocation: boolean } {
  const location = normalizePlace(event.location?.name ?? "");
  const direct = kommunByName.get(location);
  if (direct) return { code: direct, isCountyLocation: false };
  const lastPart = normalizePlace(event.name.split(",").at(-1) ?? "");
  return { code: kommunByName.get(lastPart) ?? null, isCountyLocation: true };
}

function slug(text: string) {
  return normalizePlace(text)
    .replace(/[^a-z0-9åäö]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Imports events from the Police's open API (its own JSON). Events are upserted by id, so repeated
 * or overlapping fetches never duplicate; summaries ("Sammanfattning natt/kväll") are not incidents;
 * events in kommuner outside the workspace are counted and left out.
 */
export async function importPoliceEvents(options: ImportFileOptions) {
  const { db, workspaceId } = options;
  const issues = createIssueList();
  let events: unknown;
  try {
    events = JSON.parse(
      typeof options.content === "string" ? options.content : options.content.toString("utf8"),
    );
  } catch (error) {
    throw new ImportRejectedError(
      [{ row: 1, column: "-", reason: `inte giltig JSON: ${(error as Error).message}` }],
      1,
    );
  }
  if (!Array.isArray(events))
    throw new ImportRejectedError([{ row: 1, column: "-", reason: "väntade en lista med händelser" }], 1);
  const valid: (ApiEvent & { at: Date })[] = [];
  events.forEach((raw: Partial<ApiEvent>, position) => {
    const row = position + 1;
    const before = issues.total;
    if (typeof raw?.id !== "number") issues.add({ row, column: "id", reason: "saknar numeriskt id" });
    if (typeof raw?.type !== "string" || !raw.type) issues.add({ row, column: "type", reason: "saknar typ" });
    if (typeof raw?.name !== "string") issues.add({ row, column: "name", reason: "saknar namn" });
    const at = typeof raw?.datetime === "string" ? parseEventTime(raw.datetime) : null;
    if (!at)
      issues.add({
        row,
        column: "datetime",
        reason: `"${String(raw?.datetime)}" är inte en tidpunkt som 2025-10-03 9:05:11 +02:00`,
      });
    if (issues.total === before && at) valid.push({ ...(raw as ApiEvent), at });
  });
  if (issues.total > 0) throw new ImportRejectedError(issues.listed, issues.total);

  const kommuner = await db.area.findMany({
    where: { workspaceId, kind: "kommun" },
    select: { id: true, code: true, name: true, centroidLon: true, centroidLat: true },
  });
  const kommunByName = new Map(kommuner.map((k) => [normalizePlace(k.name), k.code ?? ""]));
  const kommunByCode = new Map(kommuner.map((k) => [k.code, k]));
  const source = await ensureDataSource(
    db,
    workspaceId,
    "police_events_api",
    "Polisens händelser (öppet API)",
  );
  const summary = { events: events.length, imported: 0, summaries: 0, outsideWorkspace: 0, duplicates: 0 };
  const seen = new Set<number>();
  const accepted: { event: ApiEvent & { at: Date }; kommunCode: string; isCountyLocation: boolean }[] = [];
  for (const event of valid) {
    if (seen.has(event.id)) {
      summary.duplicates++;
      continue;
    }
    seen.add(event.id);
    if (event.type.startsWith("Sammanfattning")) {
      summary.summaries++;
      continue;
    }
    const { code, isCountyLocation } = eventKommun(event, kommunByName);
    if (!code) {
      summary.outsideWorkspace++;
      continue;
    }
    accepted.push({ event, kommunCode: code, isCountyLocation });
  }
  return runImportBatch(
    { ...options, dataSourceId: source.id, kind: "police_events", rowCount: events.length },
    async (tx, batchId) => {
      const categories = await tx.category.findMany({
        where: { workspaceId },
        select: { id: true, code: true },
      });
      const categoryByCode = new Map(categories.map((c) => [c.code, c.id]));
      const ensureCategory = async (code: string, create: () => Promise<{ id: string }>) => {
        const id = categoryByCode.get(code) ?? (await create()).id;
        categoryByCode.set(code, id);
        return id;
      };
      const groupId = await ensureCategory(EVENTS_GROUP_CODE, () =>
        tx.category.create({
          data: {
            workspaceId,
            kind: "group",
            code: EVENTS_GROUP_CODE,
            nameSv: "Polisens händelser",
            nameEn: "Police events",
            sortOrder: 9000,
          },
          select: { id: true },
        }),
      );
      const rows: IncidentRow[] = [];
      for (const { event, kommunCode, isCountyLocation } of accepted) {
        const code = `PH-${slug(event.type)}`;
        const categoryId = await ensureCategory(code, () =>
          tx.category.create({
            data: {
              workspaceId,
              parentId: groupId,
              kind: "partner_event",
              code,
              nameSv: event.type,
              nameEn: event.type,
            },
            select: { id: true },
          }),
        );
        const kommun = kommunByCode.get(kommunCode);
        // The API's point is the kommun's (or, when it names the county, the county's) centre.
        const [lat, lon] = (event.location?.gps ?? "").split(",").map(Number);
        const hasOwnPoint = !isCountyLocation && Number.isFinite(lat) && Number.isFinite(lon);
        rows.push({
          dataSourceId: source.id,
          externalId: String(event.id),
          categoryId,
          areaId: kommun?.id ?? null,
          occurredFrom: event.at,
          timeKnown: true,
          registeredAt: event.at,
          count: 1,
          lon: hasOwnPoint ? lon : (kommun?.centroidLon ?? null),
          lat: hasOwnPoint ? lat : (kommun?.centroidLat ?? null),
          pointPrecision: "kommun_centroid",
          description: event.summary ?? null,
        });
      }
      await insertIncidents(tx, workspaceId, rows, options.timeZone, { importBatchId: batchId });
      summary.imported = rows.length;
      return summary;
    },
  );
}
