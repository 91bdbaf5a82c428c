import { addDays, isLocalDate, type LocalDate, startOfLocalDay } from "../../../shared/calendar.ts";
import type { Db } from "../../db/client.ts";
import { type IncidentRow, publishStagedIncidents, stageIncidents } from "../incidents/incident-writer.ts";
import { locateColumns, parseCsv } from "./csv.ts";
import {
  ensureDataSource,
  type ImportFileOptions,
  recordRejectedImport,
  runImportBatch,
} from "./import-batch.ts";
import { createIssueList, ImportRejectedError } from "./import-errors.ts";

const COLUMNS = [
  "Kommunkod",
  "desokod",
  "Brottskod",
  "Brottskod text",
  "Inskrivningsdatum",
  "Brottsdatum från",
  "Brottsdatum till",
  "antal_brott",
  "kallfil",
] as const;
const DELIVERY_FILE = /^Brottsstatistik_(.+)_(\d{4})(\d{2})\.csv$/;
const DESO_CODE = /^\d{4}[A-C]\d{4}$/;
export const UNCLASSIFIED_CODE = "K-OKLASSIFICERAD";

export type DeliveryRow = {
  line: number;
  kommunCode: string;
  desoCode: string;
  crimeCode: string;
  crimeText: string;
  registeredOn: LocalDate;
  occurredFrom: LocalDate | null;
  occurredTo: LocalDate | null;
  count: number;
  delivery: string;
  /** The area's name as the police deliver it (`regsonamn`, optional): names areas imported without one. */
  areaName: string | null;
};

/** A delivery covers its kommun from 1 January up to the end of the month in its file name. */
export type Delivery = { file: string; kommunCode: string; from: LocalDate; to: LocalDate };

function lastDayOfMonth(year: number, month: number): LocalDate {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  return addDays(next, -1);
}

/** Checks every row of a police delivery file before anything is written. */
export function parsePoliceDelivery(content: Buffer | string) {
  const table = parseCsv(content);
  const issues = createIssueList();
  const { index, missing } = locateColumns(table.header, COLUMNS);
  const nameColumn = table.header.findIndex((column) => column.trim().toLowerCase() === "regsonamn");
  if (missing.length > 0) {
    for (const column of missing) issues.add({ row: 1, column, reason: "kolumnen saknas i rubrikraden" });
    return { rows: [], deliveries: [], issues };
  }
  const rows: DeliveryRow[] = [];
  const deliveries = new Map<string, Delivery>();
  table.rows.forEach((cells, position) => {
    const line = position + 2;
    const cell = (column: (typeof COLUMNS)[number]) => (cells[index[column]] ?? "").trim();
    const problem = (column: string, reason: string) => issues.add({ row: line, column, reason });
    const before = issues.total;
    if (cells.length !== table.header.length) {
      problem("-", `raden har ${cells.length} kolumner, rubrikraden ${table.header.length}`);
      return;
    }
    const file = cell("kallfil");
    const match = DELIVERY_FILE.exec(file);
    if (!match)
      problem("kallfil", `"${file}" är inte ett leveransnamn som Brottsstatistik_Kommun_ÅÅÅÅMM.csv`);
    const kommunCode = cell("Kommunkod");
    if (!/^\d{4}$/.test(kommunCode)) problem("Kommunkod", `"${kommunCode}" är inte en fyrsiffrig kommunkod`);
    const desoCode = cell("desokod");
    if (!DESO_CODE.test(desoCode)) problem("desokod", `"${desoCode}" är inte en DeSO-kod`);
    else if (!desoCode.startsWith(kommunCode))
      problem("desokod", `${desoCode} ligger inte i kommun ${kommunCode}`);
    const crimeCode = cell("Brottskod");
    if (!/^\d{1,5}$/.test(crimeCode)) problem("Brottskod", `"${crimeCode}" är inte en brottskod`);
    const registeredOn = cell("Inskrivningsdatum");
    if (!isLocalDate(registeredOn))
      problem("Inskrivningsdatum", `"${registeredOn}" är inte ett datum ÅÅÅÅ-MM-DD`);
    const dateOrDash = (column: "Brottsdatum från" | "Brottsdatum till") => {
      const value = cell(column);
      if (value === "-" || value === "") return null;
      if (!isLocalDate(value)) problem(column, `"${value}" är inte ett datum ÅÅÅÅ-MM-DD eller -`);
      return value;
    };
    const occurredFrom = dateOrDash("Brottsdatum från");
    const occurredTo = dateOrDash("Brottsdatum till");
    const countText = cell("antal_brott");
    const count = Number(countText);
    if (!Number.isInteger(count) || count < 1)
      problem("antal_brott", `"${countText}" är inte ett positivt heltal`);
    if (match && issues.total === before) {
      const [, , year, month] = match;
      const delivery = deliveries.get(file) ?? {
        file,
        kommunCode,
        from: `${year}-01-01`,
        to: lastDayOfMonth(Number(year), Number(month)),
      };
      deliveries.set(file, delivery);
      if (delivery.kommunCode !== kommunCode)
        problem("Kommunkod", `${file} gäller kommun ${delivery.kommunCode}, raden ${kommunCode}`);
      else if (registeredOn < delivery.from || registeredOn > delivery.to) {
        problem(
          "Inskrivningsdatum",
          `${registeredOn} ligger utanför leveransens period ${delivery.from}–${delivery.to}`,
        );
      }
    }
    if (issues.total === before) {
      rows.push({
        line,
        kommunCode,
        desoCode,
        crimeCode: String(Number(crimeCode)),
        crimeText: cell("Brottskod text"),
        registeredOn,
        occurredFrom,
        occurredTo,
        count,
        delivery: file,
        areaName: (nameColumn >= 0 ? (cells[nameColumn] ?? "").trim() : "") || null,
      });
    }
  });
  if (table.rows.length === 0) issues.add({ row: 2, column: "-", reason: "filen har inga datarader" });
  return { rows, deliveries: [...deliveries.values()], issues };
}

/** Crime codes not yet in the tree land under one "unclassified" group instead of failing the import. */
async function resolveCategories(db: Db, workspaceId: string, rows: DeliveryRow[]) {
  const categories = await db.category.findMany({ where: { workspaceId }, select: { id: true, code: true } });
  const byCode = new Map(categories.map((c) => [c.code, c.id]));
  const unknown = new Map<string, string>();
  for (const row of rows)
    if (!byCode.has(row.crimeCode)) unknown.set(row.crimeCode, row.crimeText || row.crimeCode);
  if (unknown.size > 0) {
    let groupId = byCode.get(UNCLASSIFIED_CODE);
    if (!groupId) {
      const group = await db.category.create({
        data: {
          workspaceId,
          kind: "group",
          code: UNCLASSIFIED_CODE,
          nameSv: "Ej klassificerade brottskoder",
          nameEn: "Unclassified crime codes",
          sortOrder: 9999,
        },
      });
      groupId = group.id;
    }
    for (const [code, text] of unknown) {
      const created = await db.category.create({
        data: { workspaceId, parentId: groupId, kind: "crime_code", code, nameSv: text, nameEn: text },
      });
      byCode.set(code, created.id);
    }
  }
  return byCode;
}

/**
 * An area imported without a name is called by its code; the delivery's `regsonamn` names it.
 * A name someone gave (in the area file or by renaming) is never replaced.
 */
async function nameUnnamedAreas(db: Db, workspaceId: string, rows: DeliveryRow[]) {
  const names = new Map<string, string>();
  for (const row of rows) if (row.areaName && !names.has(row.desoCode)) names.set(row.desoCode, row.areaName);
  if (names.size === 0) return;
  const unnamed = await db.area.findMany({
    where: { workspaceId, kind: "deso", code: { in: [...names.keys()] } },
    select: { id: true, code: true, name: true },
  });
  for (const area of unnamed) {
    const name = area.code ? names.get(area.code) : undefined;
    if (!name || area.name !== area.code) continue;
    await db.area.updateMany({ where: { workspaceId, id: area.id, name: area.code }, data: { name } });
  }
}

/**
 * Imports a police delivery all-or-nothing. Each delivery in the file replaces what earlier
 * imports held for its kommun and months, so repeating or superseding one never double counts;
 * the batch's summary records, per delivery and month, the crimes before and after.
 */
export async function importPoliceDelivery(options: ImportFileOptions) {
  const { db, workspaceId } = options;
  const source = await ensureDataSource(
    db,
    workspaceId,
    "police_delivery",
    "Polisen: anmälda brott per DeSO",
  );
  const parsed = parsePoliceDelivery(options.content);
  const areas = await db.area.findMany({
    where: { workspaceId, kind: "deso" },
    select: { id: true, code: true, centroidLon: true, centroidLat: true },
  });
  const areaByCode = new Map(areas.map((area) => [area.code, area]));
  for (const row of parsed.rows) {
    if (!areaByCode.has(row.desoCode))
      parsed.issues.add({
        row: row.line,
        column: "desokod",
        reason: `DeSO-området ${row.desoCode} finns inte i arbetsytan (importera områdena först)`,
      });
  }
  if (parsed.issues.total > 0) {
    await recordRejectedImport(
      { ...options, dataSourceId: source.id, kind: "police_delivery" },
      parsed.issues.listed,
      parsed.issues.total,
    );
    throw new ImportRejectedError(parsed.issues.listed, parsed.issues.total);
  }
  const categoryByCode = await resolveCategories(db, workspaceId, parsed.rows);
  await nameUnnamedAreas(db, workspaceId, parsed.rows);
  // Rows repeat within a delivery (same DeSO, code and dates): numbered, so ids stay stable.
  const seen = new Map<string, number>();
  const partOfDelivery = new Map(parsed.deliveries.map((delivery, index) => [delivery.file, index]));
  const incidents: (IncidentRow & { part: number })[] = parsed.rows.map((row) => {
    const key = `${row.desoCode}:${row.crimeCode}:${row.registeredOn}:${row.occurredFrom ?? "-"}:${row.occurredTo ?? "-"}`;
    const occurrence = (seen.get(`${row.delivery}|${key}`) ?? 0) + 1;
    seen.set(`${row.delivery}|${key}`, occurrence);
    const area = areaByCode.get(row.desoCode);
    return {
      part: partOfDelivery.get(row.delivery) ?? 0,
      dataSourceId: source.id,
      externalId: `${key}:${occurrence}`,
      categoryId: categoryByCode.get(row.crimeCode) ?? "",
      areaId: area?.id ?? null,
      registeredAt: startOfLocalDay(row.registeredOn, options.timeZone),
      occurredFrom: row.occurredFrom ? startOfLocalDay(row.occurredFrom, options.timeZone) : null,
      occurredTo: row.occurredTo ? startOfLocalDay(row.occurredTo, options.timeZone) : null,
      count: row.count,
      lon: area?.centroidLon ?? null,
      lat: area?.centroidLat ?? null,
      pointPrecision: "area_centroid",
    };
  });
  const staged = await stageIncidents(db, incidents, options.timeZone, (row) => row.part);
  try {
    return await runImportBatch(
      { ...options, dataSourceId: source.id, kind: "police_delivery", rowCount: parsed.rows.length },
      async (tx, batchId) => {
        const summary = [];
        const statistics = plannerStatistics(tx);
        for (const [part, delivery] of parsed.deliveries.entries()) {
          await statistics.refreshIfStale();
          const window = `workspace_id = $1::uuid AND data_source_id = $2::uuid
            AND registered_on BETWEEN $3::date AND $4::date
            AND area_id IN (SELECT id FROM areas WHERE workspace_id = $1::uuid AND code LIKE $5 || '%')`;
          const windowParams = [workspaceId, source.id, delivery.from, delivery.to, delivery.kommunCode];
          const removed = await tx.$queryRawUnsafe<{ month: string; crimes: number }[]>(
            `SELECT to_char(registered_on, 'YYYY-MM') AS month, SUM(count)::int AS crimes FROM incidents
             WHERE ${window} GROUP BY 1`,
            ...windowParams,
          );
          // The delivery replaces its kommun and months: rows it no longer has go, changed rows are
          // updated, unchanged rows are left alone (a repeated file writes nothing). What goes or
          // changes is kept with this batch, so undoing it restores them.
          await tx.$executeRawUnsafe(
            `WITH removed AS (
               DELETE FROM incidents i WHERE ${window}
                 AND NOT EXISTS (SELECT 1 FROM ${staged.table} s
                   WHERE s.part = $7 AND s.data_source_id = i.data_source_id AND s.external_id = i.external_id)
               RETURNING *)
             INSERT INTO replaced_incidents (workspace_id, replaced_by_batch_id, data_source_id, external_id,
               import_batch_id, category_id, area_id, occurred_from, occurred_to, time_known, registered_at, registered_on,
               occurred_on, count, lon, lat, point_precision, description)
             SELECT workspace_id, $6::uuid, data_source_id, external_id, import_batch_id, category_id, area_id,
               occurred_from, occurred_to, time_known, registered_at, registered_on, occurred_on, count, lon, lat,
               point_precision, description
             FROM removed WHERE import_batch_id IS DISTINCT FROM $6::uuid`,
            ...windowParams,
            batchId,
            part,
          );
          statistics.written(
            await publishStagedIncidents(tx, workspaceId, staged, {
              importBatchId: batchId,
              archiveChanged: true,
              part,
            }),
          );
          const rows = parsed.rows.filter((row) => row.delivery === delivery.file);
          const after = new Map<string, number>();
          for (const row of rows)
            after.set(
              row.registeredOn.slice(0, 7),
              (after.get(row.registeredOn.slice(0, 7)) ?? 0) + row.count,
            );
          const before = new Map(removed.map((r) => [r.month, r.crimes]));
          const months = [...new Set([...before.keys(), ...after.keys()])].sort();
          summary.push({
            delivery: delivery.file,
            kommunCode: delivery.kommunCode,
            from: delivery.from,
            to: delivery.to,
            months: months.map((month) => ({
              month,
              before: before.get(month) ?? 0,
              after: after.get(month) ?? 0,
            })),
          });
        }
        return summary;
      },
    );
  } finally {
    await staged.drop();
  }
}

/**
 * Keeps the planner's picture of incidents current while one transaction fills it. A new
 * kommun's first delivery starts from an empty, never-analysed table; without fresh statistics
 * the replace step and the upsert loop over it row by row (minutes instead of seconds on
 * PostgreSQL). ANALYZE inside the transaction counts its own uncommitted rows.
 */
function plannerStatistics(tx: Pick<Db, "$queryRawUnsafe" | "$executeRawUnsafe">) {
  let writtenSinceAnalyze = 0;
  let known: number | null = null;
  const readTuples = async () => {
    const [row] = await tx.$queryRawUnsafe<{ tuples: number }[]>(
      `SELECT reltuples::float8 AS tuples FROM pg_class WHERE oid = 'incidents'::regclass`,
    );
    return row?.tuples ?? -1;
  };
  return {
    written(rows: number) {
      writtenSinceAnalyze += rows;
    },
    async refreshIfStale() {
      known ??= await readTuples();
      // reltuples is -1 until the table was first analysed.
      if (known >= 0 && writtenSinceAnalyze < Math.max(1000, known * 0.5)) return;
      if (known < 0 && writtenSinceAnalyze === 0) {
        await tx.$executeRawUnsafe("ANALYZE incidents");
        known = await readTuples();
        return;
      }
      if (known < 0 || writtenSinceAnalyze >= Math.max(1000, known * 0.5)) {
        await tx.$executeRawUnsafe("ANALYZE incidents");
        known = await readTuples();
        writtenSinceAnalyze = 0;
      }
    },
  };
}
