import { createHash } from "node:crypto";
import { isLocalDate, type LocalDate, startOfLocalDay } from "../../../shared/calendar.ts";
import type { ColumnMapping } from "../../../shared/schemas/imports.ts";
import { districtContaining, leafAreas } from "../areas/areas.service.ts";
import { type ImportFileOptions, runImportBatch } from "../imports/import-batch.ts";
import { createIssueList, ImportRejectedError } from "../imports/import-errors.ts";
import { readTable } from "../imports/read-table.ts";
import { type IncidentRow, insertIncidents } from "../incidents/incident-writer.ts";
import { normalizePlace } from "../incidents/police-events.ts";

/** Swedish date forms: 2026-03-05, 2026-03-05 14:30, 5/3/2026, 05.03.2026, 5 mars 2026 is not accepted. */
export function parseSwedishDate(value: string): LocalDate | null {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(text);
  const dayFirst = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : [];
  if (!year || !month || !day) return null;
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isLocalDate(date) ? date : null;
}

/** Numbers with decimal comma and spaces as thousands separators ("1 234,5"). */
export function parseSwedishNumber(value: string): number | null {
  const text = value
    .trim()
    .replace(/[\s\u00a0]/g, "")
    .replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

type ImportOptions = ImportFileOptions & { content: Buffer; dataSourceId: string; mapping: ColumnMapping };

/** Imports a partner's own reports with a column mapping, validated whole, all-or-nothing, safe to repeat. */
export async function importPartnerReports(options: ImportOptions) {
  const { db, workspaceId, mapping } = options;
  const table = await readTable(options.fileName, options.content);
  const issues = createIssueList();
  const column = (name: string | undefined) => (name === undefined ? -1 : table.header.indexOf(name));
  const required = [
    mapping.date,
    mapping.category,
    ...(mapping.area.by === "coordinates"
      ? [mapping.area.lonColumn, mapping.area.latColumn]
      : [mapping.area.column]),
  ];
  for (const name of [...required, mapping.count, mapping.description]) {
    if (name !== undefined && column(name) < 0)
      issues.add({ row: 1, column: name, reason: "kolumnen finns inte i filen" });
  }
  if (issues.total > 0) throw new ImportRejectedError(issues.listed, issues.total);
  const [areas, categories, source] = await Promise.all([
    db.area.findMany({
      where: { workspaceId },
      select: {
        id: true,
        parentId: true,
        code: true,
        name: true,
        geometry: true,
        centroidLon: true,
        centroidLat: true,
      },
    }),
    db.category.findMany({ where: { workspaceId }, select: { id: true, code: true, nameSv: true } }),
    db.dataSource.findFirst({ where: { workspaceId, id: options.dataSourceId }, select: { id: true } }),
  ]);
  if (!source)
    throw new ImportRejectedError([{ row: 1, column: "-", reason: "datakällan finns inte i arbetsytan" }], 1);
  const districts = leafAreas(areas);
  const areaByKey = new Map<string, (typeof areas)[number]>();
  for (const area of districts) {
    if (area.code) areaByKey.set(`code:${area.code.toLowerCase()}`, area);
    areaByKey.set(`name:${normalizePlace(area.name)}`, area);
  }
  const categoryByKey = new Map<string, string>();
  for (const category of categories) {
    categoryByKey.set(category.code.toLowerCase(), category.id);
    categoryByKey.set(normalizePlace(category.nameSv), category.id);
  }
  const seen = new Map<string, number>();
  const rows: IncidentRow[] = [];
  table.rows.forEach((cells, position) => {
    const line = position + 2;
    const cell = (name: string | undefined) => (name === undefined ? "" : (cells[column(name)] ?? "").trim());
    const before = issues.total;
    const date = parseSwedishDate(cell(mapping.date));
    if (!date)
      issues.add({
        row: line,
        column: mapping.date,
        reason: `"${cell(mapping.date)}" är inte ett datum (ÅÅÅÅ-MM-DD eller DD/MM/ÅÅÅÅ)`,
      });
    const categoryId =
      categoryByKey.get(cell(mapping.category).toLowerCase()) ??
      categoryByKey.get(normalizePlace(cell(mapping.category)));
    if (!categoryId)
      issues.add({
        row: line,
        column: mapping.category,
        reason: `kategorin "${cell(mapping.category)}" finns inte`,
      });
    let area: (typeof areas)[number] | undefined;
    let point: [number, number] | null = null;
    if (mapping.area.by === "coordinates") {
      const lon = parseSwedishNumber(cell(mapping.area.lonColumn));
      const lat = parseSwedishNumber(cell(mapping.area.latColumn));
      if (lon === null || lat === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        issues.add({
          row: line,
          column: mapping.area.lonColumn,
          reason: "koordinaterna är inte tal i WGS 84 (longitud, latitud)",
        });
      } else {
        point = [lon, lat];
        area = districtContaining(districts, point);
        if (!area)
          issues.add({
            row: line,
            column: mapping.area.lonColumn,
            reason: `punkten ${lat}, ${lon} ligger inte i något område i arbetsytan`,
          });
      }
    } else {
      const value = cell(mapping.area.column);
      area = areaByKey.get(
        mapping.area.by === "code" ? `code:${value.toLowerCase()}` : `name:${normalizePlace(value)}`,
      );
      if (!area)
        issues.add({
          row: line,
          column: mapping.area.column,
          reason: `området "${value}" finns inte i arbetsytan`,
        });
    }
    let count = 1;
    if (mapping.count) {
      const parsed = parseSwedishNumber(cell(mapping.count));
      if (parsed === null || !Number.isInteger(parsed) || parsed < 1)
        issues.add({
          row: line,
          column: mapping.count,
          reason: `"${cell(mapping.count)}" är inte ett positivt heltal`,
        });
      else count = parsed;
    }
    if (issues.total > before || !date || !categoryId || !area) return;
    const key = createHash("sha1").update(JSON.stringify(cells)).digest("hex").slice(0, 16);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    rows.push({
      dataSourceId: source.id,
      externalId: `${key}:${occurrence}`,
      categoryId,
      areaId: area.id,
      occurredFrom: startOfLocalDay(date, options.timeZone),
      registeredAt: startOfLocalDay(date, options.timeZone),
      count,
      lon: point?.[0] ?? area.centroidLon,
      lat: point?.[1] ?? area.centroidLat,
      pointPrecision: point ? "exact" : "area_centroid",
      description: mapping.description ? cell(mapping.description) || null : null,
    });
  });
  if (table.rows.length === 0) issues.add({ row: 2, column: "-", reason: "filen har inga datarader" });
  if (issues.total > 0) throw new ImportRejectedError(issues.listed, issues.total);
  return runImportBatch(
    { ...options, dataSourceId: source.id, kind: "partner_reports", rowCount: rows.length },
    async (tx, batchId) => {
      await insertIncidents(tx, workspaceId, rows, options.timeZone, { importBatchId: batchId });
      await tx.dataSource.update({
        where: { workspaceId_id: { workspaceId, id: source.id } },
        data: { columnMapping: mapping },
      });
      return { rows: rows.length, format: table.format };
    },
  );
}
