import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DEFAULT_PASSWORD, DEMO_SLUG } from "../../prisma/factories/demo-workspace.factory.ts";
import { ImportRejectedError } from "../../server/features/imports/import-errors.ts";
import {
  parseSwedishDate,
  parseSwedishNumber,
} from "../../server/features/reports/partner-reports.import.ts";
import { loginAs } from "../support/caller.ts";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof loginAs>>["caller"];
let sourceId: string;

const b64 = (content: Buffer | string) => Buffer.from(content).toString("base64");
const countFor = async (batchId: string) =>
  (await testDb.db.incident.aggregate({ where: { importBatchId: batchId }, _sum: { count: true } }))._sum
    .count;

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15");
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
  sourceId = (await analyst.imports.createPartnerSource({ name: "Tunabyggen bovärdar" })).id;
});

afterAll(async () => {
  await testDb?.close();
});

describe("partner report values", () => {
  it("reads Swedish dates and numbers", () => {
    expect(parseSwedishDate("2026-03-05")).toBe("2026-03-05");
    expect(parseSwedishDate("2026-03-05 14:30")).toBe("2026-03-05");
    expect(parseSwedishDate("5/3/2026")).toBe("2026-03-05");
    expect(parseSwedishDate("05.03.2026")).toBe("2026-03-05");
    expect(parseSwedishDate("31/2/2026")).toBeNull();
    expect(parseSwedishNumber("60,4843")).toBeCloseTo(60.4843);
    expect(parseSwedishNumber("1 234")).toBe(1234);
    expect(parseSwedishNumber("tre")).toBeNull();
  });
});

describe("partner report imports", () => {
  it("imports a Windows-1252 semicolon file with areas by name, and saves the mapping", async () => {
    const csv =
      "Datum;Händelse;Område;Antal;Notering\r\n2026-11-02;Klotter (partner);Mjälga-Centrum;2;Trappuppgång\r\n3/11/2026;P-CONTAINERBRAND;Östermalm;1;\r\n";
    // Excel's "CSV (semikolonavgränsad)" writes Windows-1252; Latin-1 has the same bytes for å, ä, ö.
    const content = Buffer.from(csv, "latin1");
    const preview = await analyst.imports.preview({ fileName: "rapporter.csv", contentBase64: b64(content) });
    expect(preview).toMatchObject({
      header: ["Datum", "Händelse", "Område", "Antal", "Notering"],
      rowCount: 2,
      format: "csv (windows-1252, ;)",
    });
    const mapping = {
      date: "Datum",
      category: "Händelse",
      area: { by: "name" as const, column: "Område" },
      count: "Antal",
      description: "Notering",
    };
    const batch = await analyst.imports.partnerReports({
      fileName: "rapporter.csv",
      contentBase64: b64(content),
      dataSourceId: sourceId,
      mapping,
    });
    expect(batch.rowCount).toBe(2);
    expect(await countFor(batch.id)).toBe(3);
    const [source] = await analyst.imports.partnerSources();
    expect(source?.columnMapping).toEqual(mapping);
    // The same file again changes nothing.
    const again = await analyst.imports.partnerReports({
      fileName: "rapporter.csv",
      contentBase64: b64(content),
      dataSourceId: sourceId,
      mapping,
    });
    expect(await testDb.db.incident.count({ where: { dataSourceId: sourceId } })).toBe(2);
    // The rows stay the first import's: the second wrote nothing, so undoing it would change nothing.
    expect(await countFor(batch.id)).toBe(3);
    expect(await countFor(again.id)).toBeNull();
  });

  it("places tab-separated UTF-8 rows with a BOM by coordinates with decimal commas, point in polygon", async () => {
    const district = await testDb.db.area.findFirstOrThrow({
      where: { code: "2081C1010" },
      select: { centroidLon: true, centroidLat: true },
    });
    const lon = String(district.centroidLon).replace(".", ",");
    const lat = String(district.centroidLat).replace(".", ",");
    const tsv = `\uFEFFdag\ttyp\tlon\tlat\n2026-11-05\tP-SAMLING\t${lon}\t${lat}\n`;
    const batch = await analyst.imports.partnerReports({
      fileName: "punkter.tsv",
      contentBase64: b64(tsv),
      dataSourceId: sourceId,
      mapping: {
        date: "dag",
        category: "typ",
        area: { by: "coordinates", lonColumn: "lon", latColumn: "lat" },
      },
    });
    const stored = await testDb.db.incident.findFirstOrThrow({
      where: { importBatchId: batch.id },
      select: { pointPrecision: true, areaId: true },
    });
    const { areaId, ...rest } = stored;
    const area = await testDb.db.area.findFirst({ where: { id: areaId ?? "" }, select: { code: true } });
    expect({ ...rest, area }).toEqual({ pointPrecision: "exact", area: { code: "2081C1010" } });
  });

  it("imports an XLSX file with real date cells and area codes", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Rapporter");
    sheet.addRow(["Datum", "Kategori", "DeSO"]);
    sheet.addRow([new Date(Date.UTC(2026, 10, 6)), "P-KLOTTER", "2081C1090"]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const batch = await analyst.imports.partnerReports({
      fileName: "rapporter.xlsx",
      contentBase64: b64(content),
      dataSourceId: sourceId,
      mapping: { date: "Datum", category: "Kategori", area: { by: "code", column: "DeSO" } },
    });
    const stored = await testDb.db.incident.findFirstOrThrow({
      where: { importBatchId: batch.id },
      select: { registeredOn: true },
    });
    expect(stored.registeredOn.toISOString().slice(0, 10)).toBe("2026-11-06");
  });

  it("lists every bad row with its column and imports nothing", async () => {
    const before = await testDb.db.incident.count();
    const csv =
      "Datum,Kategori,Område,Antal\n2026-11-02,P-KLOTTER,Mjälga-Centrum,1\n2026-13-02,P-KLOTTER,Mjälga-Centrum,1\n2026-11-02,Okänd sak,Mjälga-Centrum,1\n2026-11-02,P-KLOTTER,Atlantis,1\n2026-11-02,P-KLOTTER,Mjälga-Centrum,1,5\n";
    const error = await analyst.imports
      .partnerReports({
        fileName: "fel.csv",
        contentBase64: b64(csv),
        dataSourceId: sourceId,
        mapping: {
          date: "Datum",
          category: "Kategori",
          area: { by: "name", column: "Område" },
          count: "Antal",
        },
      })
      .catch((e: unknown) => e);
    const cause = (error as { cause?: unknown }).cause;
    expect(cause).toBeInstanceOf(ImportRejectedError);
    expect((cause as ImportRejectedError).issues.map((i) => [i.row, i.column])).toEqual([
      [3, "Datum"],
      [4, "Kategori"],
      [5, "Område"],
    ]);
    expect(await testDb.db.incident.count()).toBe(before);
  });

  it("undoes a batch and keeps it in the history as undone", async () => {
    const history = await analyst.imports.history();
    const xlsx = history.find((batch) => batch.fileName === "rapporter.xlsx");
    if (!xlsx) throw new Error("no batch");
    expect(xlsx.userName).toBe("Per Polisanalytiker");
    await expect(analyst.imports.undo({ batchId: xlsx.id })).resolves.toEqual({ removed: 1, restored: 0 });
    expect(await testDb.db.incident.count({ where: { importBatchId: xlsx.id } })).toBe(0);
    expect((await analyst.imports.history()).find((batch) => batch.id === xlsx.id)?.status).toBe("undone");
    await expect(analyst.imports.undo({ batchId: xlsx.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses imports to roles below analyst", async () => {
    const { caller: partner } = await loginAs(
      testDb.db,
      "partner@borlange.example",
      DEMO_DEFAULT_PASSWORD,
      DEMO_SLUG,
    );
    await expect(partner.imports.history()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      partner.imports.policeDelivery({ fileName: "x.csv", contentBase64: b64("a") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
