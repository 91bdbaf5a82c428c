import { isLocalDate, type LocalDate } from "../../../shared/calendar.ts";
import type { Db, Transaction } from "../../db/client.ts";
import { decodeCsv, locateColumns, parseCsv } from "../imports/csv.ts";
import {
  ensureDataSource,
  type ImportFileOptions,
  recordRejectedImport,
  runImportBatch,
} from "../imports/import-batch.ts";
import { createIssueList, ImportRejectedError } from "../imports/import-errors.ts";
import { publishStagedIncidents } from "./incident-writer.ts";
import {
  type CheckedDelivery,
  DELIVERY_COLUMNS as COLUMNS,
  checkRawDelivery,
  copyDeliveryRows,
  copyDeliveryText,
  DELIVERY_FILE,
  type Delivery,
  deliveryOf,
  deriveIncidents,
  type RawDelivery,
} from "./police-delivery-stage.ts";

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
    const match = deliveryOf(file, "") ? DELIVERY_FILE.exec(file) : null;
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
    const known =
      match && issues.total === before ? (deliveries.get(file) ?? deliveryOf(file, kommunCode)) : null;
    if (known) {
      const delivery = known;
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
async function addUnknownCodes(db: Db, workspaceId: string, used: Map<string, string>) {
  const categories = await db.category.findMany({ where: { workspaceId }, select: { code: true } });
  const known = new Set(categories.map((category) => category.code));
  const unknown = [...used].filter(([code]) => !known.has(code)).map(([code, text]) => ({ code, text }));
  if (unknown.length === 0) return;
  const existing = await db.category.findFirst({
    where: { workspaceId, code: UNCLASSIFIED_CODE },
    select: { id: true },
  });
  const groupId =
    existing?.id ??
    (
      await db.category.create({
        data: {
          workspaceId,
          kind: "group",
          code: UNCLASSIFIED_CODE,
          nameSv: "Ej klassificerade brottskoder",
          nameEn: "Unclassified crime codes",
          sortOrder: 9999,
        },
      })
    ).id;
  for (const { code, text } of unknown) {
    const name = text || code;
    await db.category.create({
      data: { workspaceId, parentId: groupId, kind: "crime_code", code, nameSv: name, nameEn: name },
    });
  }
}

/**
 * An area imported without a name is called by its code; the delivery's `regsonamn` names it.
 * A name someone gave (in the area file or by renaming) is never replaced.
 */
async function nameUnnamedAreas(db: Db, workspaceId: string, names: Map<string, string>) {
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
 * The file's rows staged in the database and checked there. A file the set-wise checks refuse is
 * read again by parsePoliceDelivery: it lists each problem (the import is then rejected), or, when
 * the rows are acceptable after all (say a count written "1.0"), stages them as it read them.
 */
async function stageDelivery(options: ImportFileOptions, dataSourceId: string) {
  const { db, workspaceId } = options;
  const { text } = decodeCsv(options.content);
  const areas = await db.area.findMany({ where: { workspaceId, kind: "deso" }, select: { code: true } });
  const known = new Set(areas.flatMap((area) => (area.code ? [area.code] : [])));
  let raw: RawDelivery | null = await copyDeliveryText(db, text);
  let checked: CheckedDelivery | null = raw ? await checkRawDelivery(db, raw, known) : null;
  if (raw && checked) return { raw, checked };
  await raw?.drop();
  const parsed = parsePoliceDelivery(text);
  for (const row of parsed.rows) {
    if (!known.has(row.desoCode))
      parsed.issues.add({
        row: row.line,
        column: "desokod",
        reason: `DeSO-området ${row.desoCode} finns inte i arbetsytan (importera områdena först)`,
      });
  }
  if (parsed.issues.total > 0) {
    await recordRejectedImport(
      { ...options, dataSourceId, kind: "police_delivery" },
      parsed.issues.listed,
      parsed.issues.total,
    );
    throw new ImportRejectedError(parsed.issues.listed, parsed.issues.total);
  }
  raw = await copyDeliveryRows(db, parsed.rows);
  checked = await checkRawDelivery(db, raw, known);
  if (!checked) {
    await raw.drop();
    throw new Error("A delivery the parser accepted failed the database's checks");
  }
  return { raw, checked };
}

/**
 * Imports a police delivery all-or-nothing. Each delivery in the file replaces what earlier
 * imports held for its kommun and months, so repeating or superseding one never double counts;
 * the batch's summary records, per delivery and month, the crimes before and after.
 *
 * The file goes into the database by COPY as it is and is checked, resolved and written there
 * set-wise (docs/decisions/023): one statement per step for all of its deliveries, not per row.
 */
export async function importPoliceDelivery(options: ImportFileOptions) {
  const { db, workspaceId } = options;
  const clock = stepClock(options.profile);
  const source = await ensureDataSource(
    db,
    workspaceId,
    "police_delivery",
    "Polisen: anmälda brott per DeSO",
  );
  const { raw, checked } = await stageDelivery(options, source.id);
  const { deliveries } = checked;
  clock("copy and check");
  let staged: Awaited<ReturnType<typeof deriveIncidents>> | null = null;
  try {
    await addUnknownCodes(db, workspaceId, checked.codes);
    await nameUnnamedAreas(db, workspaceId, checked.areaNames);
    staged = await deriveIncidents(db, raw, {
      workspaceId,
      dataSourceId: source.id,
      timeZone: options.timeZone,
      deliveries,
    });
    clock("resolve");
    const { table: stagedTable, windows } = staged;
    return await runImportBatch(
      { ...options, dataSourceId: source.id, kind: "police_delivery", rowCount: raw.rows },
      async (tx, batchId) => {
        const before: { part: number; month: string; crimes: number }[] = [];
        const statistics = plannerStatistics(tx);
        for (let round = 0; deliveries.some((delivery) => delivery.round === round); round++) {
          await statistics.refreshIfStale();
          clock("analyze");
          const held = await replaceWindows(tx, {
            workspaceId,
            dataSourceId: source.id,
            round,
            staged: stagedTable,
            windows,
            batchId,
          });
          before.push(...held);
          clock("replace");
          statistics.written(
            await publishStagedIncidents(
              tx,
              workspaceId,
              { table: stagedTable, rows: raw.rows, drop: async () => {} },
              // Windows that held nothing (a new kommun or year) hold no row to update.
              { importBatchId: batchId, archiveChanged: true, round, fresh: held.length === 0 },
            ),
          );
          clock("publish");
        }
        return deliveries.map((delivery) => {
          const after = new Map(delivery.months.map((m) => [m.month, m.crimes]));
          const earlier = new Map(
            before.filter((m) => m.part === delivery.part).map((m) => [m.month, m.crimes]),
          );
          const months = [...new Set([...earlier.keys(), ...after.keys()])].sort();
          return {
            delivery: delivery.file,
            kommunCode: delivery.kommunCode,
            from: delivery.from,
            to: delivery.to,
            months: months.map((month) => ({
              month,
              before: earlier.get(month) ?? 0,
              after: after.get(month) ?? 0,
            })),
          };
        });
      },
    ).finally(() => clock("commit"));
  } finally {
    await staged?.drop();
    await raw.drop();
  }
}

/**
 * The deliveries of one round replace their kommun and months: rows they no longer have go (kept
 * with this batch, so undoing it restores them); changed and new rows follow in publish, and
 * unchanged rows are left alone (a repeated file writes nothing). Returns the crimes each
 * delivery's window held before, per month (read from the daily counts).
 */
async function replaceWindows(
  tx: Transaction,
  options: {
    workspaceId: string;
    dataSourceId: string;
    round: number;
    staged: string;
    windows: string;
    batchId: string;
  },
) {
  const windows = `(SELECT * FROM ${options.windows} WHERE round = $3)`;
  const params = [options.workspaceId, options.dataSourceId, options.round];
  const before = await tx.$queryRawUnsafe<{ part: number; month: string; crimes: number }[]>(
    `SELECT w.part, to_char(x.day, 'YYYY-MM') AS month, SUM(x.registered)::int AS crimes
     FROM daily_incident_counts x JOIN ${windows} w ON x.area_id = w.area_id AND x.day BETWEEN w."from" AND w."to"
     WHERE x.workspace_id = $1::uuid AND x.data_source_id = $2::uuid
     GROUP BY 1, 2 HAVING SUM(x.registered) > 0`,
    ...params,
  );
  if (before.length === 0) return before;
  // Whatever plan the statistics of the moment suggest, finding a row among the staged ones stays
  // a lookup (a loop over them per incident took minutes once).
  await tx.$executeRawUnsafe(
    `CREATE INDEX IF NOT EXISTS ${options.staged.slice(0, -1)}_id" ON ${options.staged} (part, external_id)`,
  );
  await tx.$executeRawUnsafe(`ANALYZE ${options.staged}`);
  await tx.$executeRawUnsafe(
    `WITH removed AS (
       DELETE FROM incidents i USING ${windows} w
       WHERE i.workspace_id = $1::uuid AND i.data_source_id = $2::uuid AND i.area_id = w.area_id
         AND i.registered_on BETWEEN w."from" AND w."to"
         AND NOT EXISTS (SELECT 1 FROM ${options.staged} s WHERE s.part = w.part AND s.external_id = i.external_id)
       RETURNING i.*)
     INSERT INTO replaced_incidents (workspace_id, replaced_by_batch_id, data_source_id, external_id,
       import_batch_id, category_id, area_id, occurred_from, occurred_to, time_known, registered_at, registered_on,
       occurred_on, count, lon, lat, point_precision, description)
     SELECT workspace_id, $4::uuid, data_source_id, external_id, import_batch_id, category_id, area_id,
       occurred_from, occurred_to, time_known, registered_at, registered_on, occurred_on, count, lon, lat,
       point_precision, description
     FROM removed WHERE import_batch_id IS DISTINCT FROM $4::uuid`,
    ...params,
    options.batchId,
  );
  return before;
}

/** Adds the time since its last call to `profile[step]` (nothing without a profile). */
function stepClock(profile: Record<string, number> | undefined) {
  let last = performance.now();
  return (step: string) => {
    if (!profile) return;
    const now = performance.now();
    profile[step] = (profile[step] ?? 0) + now - last;
    last = now;
  };
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
