import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { importAreasGeoJson, importPopulation } from "../../server/features/areas/areas.import.ts";
import { groupCode, importCrimeCodeKey } from "../../server/features/categories/crime-codes.import.ts";
import { ImportRejectedError } from "../../server/features/imports/import-errors.ts";
import { importPoliceDelivery } from "../../server/features/incidents/police-delivery.ts";
import { importPoliceEvents } from "../../server/features/incidents/police-events.ts";
import { addDays, periodContaining } from "../../shared/calendar.ts";
import { loginAs } from "../support/caller.ts";
import { describeRealData, readCsv, SHARED_DATA } from "../support/shared-data.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

type CrimeRow = Record<string, string> & {
  Kommunkod: string;
  Brottskod: string;
  Inskrivningsdatum: string;
  antal_brott: string;
  kallfil: string;
};
const DALARNA = path.join(SHARED_DATA, "dalarna");
const FILES = ["brott_polisen_dalarna_2022.csv", "brott_polisen_dalarna_2023.csv"];

let testDb: TestDb;
let workspaceId: string;
let caller: Awaited<ReturnType<typeof loginAs>>["caller"];
let raw: CrimeRow[];
let levelOne: Map<string, string>;

const importDeliveries = (file: string, content?: string) =>
  importPoliceDelivery({
    db: testDb.db,
    workspaceId,
    timeZone: "Europe/Stockholm",
    userId: null,
    fileName: file,
    content: content ?? fs.readFileSync(path.join(DALARNA, file)),
  });

/** Crimes straight from the raw files, counted without any of the app's code. */
function rawCount(filter: (row: CrimeRow) => boolean) {
  return raw.filter(filter).reduce((sum, row) => sum + Number(row.antal_brott), 0);
}

const total = async (input: {
  kind: "year" | "biweek" | "month";
  date: string;
  areaCodes?: string[];
  categoryCodes?: string[];
}) =>
  (
    await caller.overview.districtStats({
      period: { kind: input.kind, date: input.date },
      areaCodes: input.areaCodes ?? [],
      categoryCodes: input.categoryCodes ?? [],
    })
  ).total.count;

describeRealData("police deliveries for Dalarna 2022–2023", () => {
  beforeAll(async () => {
    testDb = await createTestDb();
    const workspace = await createWorkspace(testDb.db, {
      name: "EST Dalarna",
      slug: "est-dalarna",
      meetingAnchor: "2024-01-08",
    });
    workspaceId = workspace.id;
    await createUser(testDb.db, {
      email: "analytiker@dalarna.example",
      memberships: [{ workspaceId, role: "analyst" }],
    });
    ({ caller } = await loginAs(testDb.db, "analytiker@dalarna.example", TEST_PASSWORD, "est-dalarna"));
    await importAreasGeoJson({
      db: testDb.db,
      workspaceId,
      content: fs.readFileSync(path.join(DALARNA, "deso_dalarna.geojson")),
      kind: "deso",
      codeProperty: "desokod",
      parentCodeProperty: "Kommunkod",
      parentNameProperty: "Kommunnamn",
    });
    await importPopulation({
      db: testDb.db,
      workspaceId,
      content: fs.readFileSync(path.join(DALARNA, "bef_deso_dalarna.csv")),
      codeColumn: "desokod",
      yearColumn: "år",
      populationColumn: "bef",
    });
    await importCrimeCodeKey({
      db: testDb.db,
      workspaceId,
      content: fs.readFileSync(path.join(DALARNA, "brott_niva_nyckel.csv")),
    });
    for (const file of FILES) await importDeliveries(file);
    raw = FILES.flatMap((file) => readCsv<CrimeRow>(`dalarna/${file}`));
    levelOne = new Map(
      readCsv<{ Brottskod: string; Brott_niva: string; Brottskategorier_namn: string }>(
        "dalarna/brott_niva_nyckel.csv",
      )
        .filter((row) => Number(row.Brott_niva) === 1)
        .map((row) => [String(Number(row.Brottskod)), row.Brottskategorier_namn]),
    );
  });

  afterAll(async () => {
    await testDb?.close();
  });

  it("names the DeSO areas the area file left nameless from the deliveries' regsonamn", async () => {
    const names = new Map(
      readCsv<{ desokod: string; namn_fran_brottsdata: string }>(
        "dalarna/deso_namn_centroider_dalarna.csv",
      ).map((row) => [row.desokod, row.namn_fran_brottsdata]),
    );
    const areas = await caller.areas.list();
    const named = areas.filter((area) => area.kind === "deso" && area.name !== area.code);
    expect(named.length).toBeGreaterThan(150);
    for (const area of named) expect(area.name, area.code ?? "").toBe(names.get(area.code ?? ""));
    expect(areas.find((area) => area.code === "2081C1090")?.name).toBe("Mjälga-Centrum");
  });

  it("holds every crime of both files", async () => {
    const stored = await testDb.driver.query<{ n: number }>("SELECT SUM(count)::int AS n FROM incidents");
    expect(stored[0]?.n).toBe(rawCount(() => true));
  });

  it("gives Borlänge's counts per top-level category and year as the raw files do", async () => {
    const names = [...new Set(levelOne.values())];
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const year of ["2022", "2023"]) {
      for (const name of names) {
        const expected = rawCount(
          (r) =>
            r.Kommunkod === "2081" &&
            r.Inskrivningsdatum.startsWith(year) &&
            levelOne.get(String(Number(r.Brottskod))) === name,
        );
        expect(
          await total({
            kind: "year",
            date: `${year}-06-01`,
            areaCodes: ["2081"],
            categoryCodes: [groupCode([name])],
          }),
        ).toBe(expected);
      }
      expect(await total({ kind: "year", date: `${year}-06-01`, areaCodes: ["2081"] })).toBe(
        rawCount((r) => r.Kommunkod === "2081" && r.Inskrivningsdatum.startsWith(year)),
      );
    }
  });

  it("gives Borlänge's counts per biweekly period of 2023 as the raw files do", async () => {
    let period = periodContaining("biweek", "2023-01-02", "2024-01-08");
    let checked = 0;
    while (period.end <= "2023-12-31") {
      const { start, end } = period;
      const expected = rawCount(
        (r) => r.Kommunkod === "2081" && r.Inskrivningsdatum >= start && r.Inskrivningsdatum <= end,
      );
      expect(await total({ kind: "biweek", date: start, areaCodes: ["2081"] })).toBe(expected);
      period = { ...period, start: addDays(start, 14), end: addDays(end, 14) };
      checked++;
    }
    expect(checked).toBe(26);
  });

  it("changes no figure when both files are imported again, and says so in the history", async () => {
    const before = await total({ kind: "year", date: "2023-06-01" });
    const batch = await importDeliveries(FILES[1] ?? "");
    expect(await total({ kind: "year", date: "2023-06-01" })).toBe(before);
    const months = (batch.summary as { months: { before: number; after: number }[] }[]).flatMap(
      (d) => d.months,
    );
    expect(months.length).toBe(15 * 12);
    expect(months.every((m) => m.before === m.after)).toBe(true);
    const history = await testDb.db.importBatch.findMany({
      where: { workspaceId, kind: "police_delivery", status: "completed" },
      select: { fileHash: true },
    });
    expect(history).toHaveLength(3);
    expect(new Set(history.map((h) => h.fileHash)).size).toBe(2);
  });

  it("lets a later, corrected delivery replace only its kommun and months", async () => {
    const header = fs.readFileSync(path.join(DALARNA, FILES[1] ?? ""), "utf8").split("\n")[0] ?? "";
    const columns = header.split(",");
    const janFeb = raw.filter(
      (r) =>
        r.Kommunkod === "2081" && r.Inskrivningsdatum >= "2023-01-01" && r.Inskrivningsdatum <= "2023-02-28",
    );
    // The correction drops one row and raises another's count by two.
    const corrected: CrimeRow[] = janFeb.slice(1).map((row, index) => ({
      ...row,
      antal_brott: String(Number(row.antal_brott) + (index === 0 ? 2 : 0)),
      kallfil: "Brottsstatistik_Borlänge_202302.csv",
    }));
    const csv = [
      header,
      ...corrected.map((row) => columns.map((c) => `"${(row[c] ?? "").replaceAll('"', '""')}"`).join(",")),
    ].join("\n");
    const falunBefore = await total({ kind: "year", date: "2023-06-01", areaCodes: ["2080"] });
    const marchBefore = await total({ kind: "month", date: "2023-03-01", areaCodes: ["2081"] });
    const janFebTotal = async () =>
      (await total({ kind: "month", date: "2023-01-15", areaCodes: ["2081"] })) +
      (await total({ kind: "month", date: "2023-02-15", areaCodes: ["2081"] }));
    const janFebBefore = await janFebTotal();
    const correction = await importDeliveries("Brottsstatistik_Borlänge_202302.csv", csv);
    const expected =
      rawCount(
        (r) =>
          r.Kommunkod === "2081" &&
          r.Inskrivningsdatum >= "2023-01-01" &&
          r.Inskrivningsdatum <= "2023-02-28",
      ) -
      Number(janFeb[0]?.antal_brott) +
      2;
    expect(
      (await total({ kind: "month", date: "2023-01-15", areaCodes: ["2081"] })) +
        (await total({ kind: "month", date: "2023-02-15", areaCodes: ["2081"] })),
    ).toBe(expected);
    expect(await total({ kind: "month", date: "2023-03-01", areaCodes: ["2081"] })).toBe(marchBefore);
    expect(await total({ kind: "year", date: "2023-06-01", areaCodes: ["2080"] })).toBe(falunBefore);
    // An earlier import of the source cannot be undone while the correction stands; undoing the
    // correction brings back exactly the rows it replaced.
    const earlier = await testDb.db.importBatch.findFirst({
      where: { workspaceId, kind: "police_delivery", status: "completed", id: { not: correction.id } },
      select: { id: true },
    });
    await expect(caller.imports.undo({ batchId: earlier?.id ?? "" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const undone = await caller.imports.undo({ batchId: correction.id });
    // The correction wrote only what differs: one row gone, one row changed. Undo takes the
    // changed row out and brings both earlier versions back.
    expect(undone).toEqual({ removed: 1, restored: 2 });
    expect(await janFebTotal()).toBe(janFebBefore);
    expect(await total({ kind: "month", date: "2023-03-01", areaCodes: ["2081"] })).toBe(marchBefore);
  });

  it("rejects a broken delivery with row-level errors and changes nothing", async () => {
    const header = fs
      .readFileSync(path.join(DALARNA, FILES[0] ?? ""), "utf8")
      .split("\n")
      .slice(0, 4);
    const broken = [
      header[0],
      header[1]?.replace(/,2022-\d\d-\d\d,/, ",2022-13-45,"),
      header[2]?.replace(/,\d{4}[A-C]\d{4},/, ",9999X0000,"),
      header[3]?.replace(/,(\d+),Brottsstatistik/, ",noll,Brottsstatistik"),
    ].join("\n");
    const before = await testDb.driver.query<{ n: number }>("SELECT count(*)::int AS n FROM incidents");
    const error = await importDeliveries("trasig.csv", broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    const issues = (error as ImportRejectedError).issues;
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [2, "Inskrivningsdatum"],
      [3, "desokod"],
      [4, "antal_brott"],
    ]);
    expect(issues[0]?.reason).toContain("2022-13-45");
    const missingColumn = await importDeliveries(
      "utan-kolumn.csv",
      "Kommunkod,desokod\n2081,2081C1090\n",
    ).catch((e: unknown) => e);
    expect((missingColumn as ImportRejectedError).issues[0]).toMatchObject({ row: 1, column: "Brottskod" });
    const after = await testDb.driver.query<{ n: number }>("SELECT count(*)::int AS n FROM incidents");
    expect(after[0]?.n).toBe(before[0]?.n);
    const failed = await testDb.db.importBatch.findFirst({
      where: { workspaceId, status: "failed", fileName: "trasig.csv" },
      select: { errorCount: true },
    });
    expect(failed?.errorCount).toBe(3);
  });

  it("imports October 2025's police events for Dalarna's kommuner, twice without change", async () => {
    const file = path.join(SHARED_DATA, "polisen", "events-all-sweden-2025-10.json");
    const events: { id: number; type: string; name: string; location: { name: string } }[] = JSON.parse(
      fs.readFileSync(file, "utf8"),
    );
    const kommuner = new Set(
      (
        JSON.parse(fs.readFileSync(path.join(DALARNA, "kommun_dalarna.geojson"), "utf8")) as {
          features: { properties: { Kommunnamn: string } }[];
        }
      ).features.map((f) => f.properties.Kommunnamn.toLowerCase()),
    );
    const expected = new Set(
      events
        .filter((e) => !e.type.startsWith("Sammanfattning"))
        .filter(
          (e) =>
            kommuner.has(e.location.name.toLowerCase()) ||
            kommuner.has((e.name.split(",").pop() ?? "").trim().toLowerCase()),
        )
        .map((e) => e.id),
    ).size;
    expect(expected).toBeGreaterThan(20);
    const run = () =>
      importPoliceEvents({
        db: testDb.db,
        workspaceId,
        timeZone: "Europe/Stockholm",
        userId: null,
        fileName: "events-all-sweden-2025-10.json",
        content: fs.readFileSync(file),
      });
    const first = await run();
    expect((first.summary as { imported: number }).imported).toBe(expected);
    const count = async () =>
      (
        await testDb.driver.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM incidents i JOIN data_sources d ON d.id = i.data_source_id WHERE d.kind = 'police_events_api'",
        )
      )[0]?.n;
    expect(await count()).toBe(expected);
    await run();
    expect(await count()).toBe(expected);
    const summaries = events.filter((e) => e.type.startsWith("Sammanfattning")).length;
    expect((first.summary as { summaries: number }).summaries).toBe(summaries);
  });
});
