import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { importAreasGeoJson } from "../../server/features/areas/areas.import.ts";
import { ImportRejectedError } from "../../server/features/imports/import-errors.ts";
import { undoImportBatch } from "../../server/features/imports/imports.service.ts";
import { importPoliceDelivery } from "../../server/features/incidents/police-delivery.ts";
import { actingAnalyst } from "../support/scope.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

// The police delivery is read by the database (COPY, set-wise checks); files it finds unusual go
// through the JavaScript parser, which explains them or reads them. Both must give the same rows.
let testDb: TestDb;
let workspaceId: string;

const HEADER =
  "Kommunkod;desokod;Brottskod;Brottskod text;Inskrivningsdatum;Brottsdatum från;Brottsdatum till;antal_brott;kallfil";
const square = (lon: number, lat: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [lon, lat],
      [lon + 0.01, lat],
      [lon + 0.01, lat + 0.01],
      [lon, lat + 0.01],
      [lon, lat],
    ],
  ],
});

const importFile = (fileName: string, lines: string[]) =>
  importPoliceDelivery({
    db: testDb.db,
    workspaceId,
    timeZone: "Europe/Stockholm",
    userId: null,
    fileName,
    content: Buffer.from([HEADER, ...lines].join("\r\n"), "utf8"),
  });

const stored = () =>
  testDb.db.$queryRawUnsafe<{ external_id: string; count: number; code: string; registered: string }[]>(
    `SELECT i.external_id, i.count, c.code, to_char(i.registered_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS registered
     FROM incidents i JOIN categories c ON c.id = i.category_id ORDER BY i.external_id`,
  );
const dailyMatchesIncidents = async () => {
  const [row] = await testDb.db.$queryRawUnsafe<{ daily: number; incidents: number }[]>(
    `SELECT (SELECT COALESCE(SUM(registered), 0)::int FROM daily_incident_counts) AS daily,
       (SELECT COALESCE(SUM(count), 0)::int FROM incidents) AS incidents`,
  );
  return row?.daily === row?.incidents;
};

beforeAll(async () => {
  testDb = await createTestDb();
  workspaceId = (await createWorkspace(testDb.db)).id;
  await importAreasGeoJson({
    db: testDb.db,
    workspaceId,
    kind: "deso",
    codeProperty: "desokod",
    content: Buffer.from(
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          { type: "Feature", properties: { desokod: "2081C1090" }, geometry: square(15.44, 60.47) },
          { type: "Feature", properties: { desokod: "2081C1160" }, geometry: square(15.45, 60.48) },
        ],
      }),
    ),
  });
});

afterAll(async () => {
  await testDb?.close();
});

describe("police deliveries read by the database", () => {
  it("reads a plain file and a file with padded values the same way", async () => {
    await importFile("plain.csv", [
      "2081;2081C1090;853;Stöld;2026-03-05;2026-03-04;-;2;Brottsstatistik_Borlänge_202603.csv",
      "2081;2081C1090;853;Stöld;2026-03-05;2026-03-04;-;1;Brottsstatistik_Borlänge_202603.csv",
      '2081;2081C1160;9300;"Okänd; kod";2026-02-10;;;1;Brottsstatistik_Borlänge_202603.csv',
    ]);
    const plain = await stored();
    expect(plain.map((row) => [row.external_id, row.count, row.code, row.registered])).toEqual([
      ["2081C1090:853:2026-03-05:2026-03-04:-:1", 2, "853", "2026-03-05 00:00"],
      ["2081C1090:853:2026-03-05:2026-03-04:-:2", 1, "853", "2026-03-05 00:00"],
      ["2081C1160:9300:2026-02-10:-:-:1", 1, "9300", "2026-02-10 00:00"],
    ]);
    // The unknown code landed under the unclassified group, named by its text.
    const code = await testDb.db.category.findFirst({ where: { workspaceId, code: "9300" } });
    expect(code?.nameSv).toBe("Okänd; kod");
    // The same rows with spaces around values, a leading zero and a count written "2.0": the
    // parser reads them, and a repeat of the same delivery changes nothing.
    const batch = await importFile("padded.csv", [
      "2081; 2081C1090 ;0853;Stöld; 2026-03-05;2026-03-04 ;-;2.0;Brottsstatistik_Borlänge_202603.csv",
      "2081;2081C1090;853;Stöld;2026-03-05;2026-03-04;-; 1;Brottsstatistik_Borlänge_202603.csv",
      '2081;2081C1160;9300;"Okänd; kod";2026-02-10;-;-;1;Brottsstatistik_Borlänge_202603.csv',
    ]);
    expect(await stored()).toEqual(plain);
    const months = (batch.summary as { months: { month: string; before: number; after: number }[] }[])[0]
      ?.months;
    expect(months).toEqual([
      { month: "2026-02", before: 1, after: 1 },
      { month: "2026-03", before: 3, after: 3 },
    ]);
    expect(await dailyMatchesIncidents()).toBe(true);
  });

  it("lets a later delivery of the same kommun and year in one file replace the earlier one", async () => {
    const before = await stored();
    const batch = await importFile("two.csv", [
      "2081;2081C1090;853;Stöld;2026-03-05;2026-03-04;-;5;Brottsstatistik_Borlänge_202603.csv",
      "2081;2081C1160;853;Stöld;2026-04-01;-;-;1;Brottsstatistik_Borlänge_202604.csv",
      "2081;2081C1090;853;Stöld;2026-03-05;2026-03-04;-;4;Brottsstatistik_Borlänge_202604.csv",
    ]);
    // The April delivery covers January to April: what it has is what remains.
    expect((await stored()).map((row) => [row.external_id, row.count])).toEqual([
      ["2081C1090:853:2026-03-05:2026-03-04:-:1", 4],
      ["2081C1160:853:2026-04-01:-:-:1", 1],
    ]);
    expect(await dailyMatchesIncidents()).toBe(true);
    // Undo brings back what the file replaced, exactly.
    await undoImportBatch(await actingAnalyst(testDb.db, workspaceId), batch.id);
    expect(await stored()).toEqual(before);
    expect(await dailyMatchesIncidents()).toBe(true);
  });

  it("rejects a file with a row the database cannot read, naming the row, and writes nothing", async () => {
    const before = await stored();
    const error = await importFile("broken.csv", [
      "2081;2081C1090;853;Stöld;2026-03-05;2026-03-04;-;2;Brottsstatistik_Borlänge_202603.csv",
      "2081;2081C1090;853;Stöld;2026-03-05;2026-03-04;-;2;Brottsstatistik_Borlänge_202603.csv;extra",
      "2081;2081C9999;853;Stöld;2026-02-30;-;-;1;Brottsstatistik_Borlänge_202603.csv",
    ]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as ImportRejectedError).issues.map((issue) => [issue.row, issue.column])).toEqual([
      [3, "-"],
      [4, "Inskrivningsdatum"],
    ]);
    expect(await stored()).toEqual(before);
  });
});
