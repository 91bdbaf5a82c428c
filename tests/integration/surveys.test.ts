import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoTestDb, demoCaller, outsiderCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof demoCaller>>;
let viewer: Awaited<ReturnType<typeof demoCaller>>;

const file = (fileName: string, text: string) => ({
  fileName,
  contentBase64: Buffer.from(text, "utf8").toString("base64"),
});

// The police's trygghetsmätning as a kommun gets it: index 0–6, Swedish decimals, an interval column.
const TRYGGHET = [
  "Indikator;Område;År;Värde;Intervall;Svarande",
  "Problemindex;2081R005;2024;2,9;2,6–3,2;212",
  "Problemindex;2081R005;2025;3,3;±0,3;198",
  "Problemindex;Kupolen-Norra Backa-Hagalund-Ringen;2026;3,6;3,1–4,1;24",
  "Problemindex;Borlänge;2025;2,1;2,0-2,2;1540",
  // A RegSO of one DeSO shares the DeSO's name: the name means the RegSO.
  'Problemindex;Mjälga-Centrum;2025;3,9;"[3,5; 4,3]";96',
].join("\n");

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15");
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
  viewer = await demoCaller(testDb.db, "lasare@borlange.example");
});

afterAll(async () => {
  await testDb?.close();
});

/** Rows of the survey these tests import (the demo workspace has its own synthetic survey). */
const countRows = async () =>
  Number(
    (
      await testDb.db.$queryRaw<{ n: bigint }[]>`SELECT COUNT(*) AS n FROM survey_results s
        JOIN data_sources d ON d.workspace_id = s.workspace_id AND d.id = s.data_source_id
        WHERE d.name = 'Polisens trygghetsmätning'`
    )[0]?.n,
  );
const ours = async () =>
  (await testDb.db.dataSource.findFirstOrThrow({ where: { name: "Polisens trygghetsmätning" } })).id;

describe("survey import", () => {
  it("reads codes or names, Swedish decimals and both interval forms, and repeats without writing", async () => {
    const first = await analyst.imports.surveys({
      ...file("trygghetsmatning.csv", TRYGGHET),
      kind: "trygghetsmatning",
      surveyName: "Polisens trygghetsmätning",
    });
    expect(first.summary).toMatchObject({ rows: 5, added: 5, replaced: 0, unchanged: 0 });
    const stored = await testDb.db.$queryRaw<unknown[][]>`
      SELECT json_build_array(a.code, s.year, s.value, s.lower, s.upper, s.respondents, s.unit) AS row
      FROM survey_results s JOIN areas a ON a.workspace_id = s.workspace_id AND a.id = s.area_id
      WHERE s.data_source_id = ${await ours()}::uuid ORDER BY s.year, s.value`;
    expect(stored.map((entry) => (entry as unknown as { row: unknown[] }).row)).toEqual([
      ["2081R005", 2024, 2.9, 2.6, 3.2, 212, "index"],
      ["2081", 2025, 2.1, 2.0, 2.2, 1540, "index"],
      ["2081R005", 2025, 3.3, 3.0, 3.6, 198, "index"],
      ["2081R008", 2025, 3.9, 3.5, 4.3, 96, "index"],
      ["2081R005", 2026, 3.6, 3.1, 4.1, 24, "index"],
    ]);
    const again = await analyst.imports.surveys({
      ...file("trygghetsmatning.csv", TRYGGHET),
      kind: "trygghetsmatning",
      surveyName: "Polisens trygghetsmätning",
    });
    expect(again.summary).toMatchObject({ rows: 5, added: 0, replaced: 0, unchanged: 5 });
    expect(await countRows()).toBe(5);
  });

  it("rejects a bad file whole, naming row and column of each problem", async () => {
    const before = await countRows();
    const bad = [
      "indikator,område,år,värde,nedre,övre,svarande",
      "Otrygghet kväll,2081R005,2025,7.5,,,100", // off the 0–6 scale
      "Otrygghet kväll,Ingenstans,2025,3.1,,,100", // unknown area
      "Otrygghet kväll,2081R005,tjugo,3.1,,,100", // not a year
      "Otrygghet kväll,2081R005,2024,3.1,3.3,3.9,100", // interval without the value
      "Otrygghet kväll,2081R005,2023,3.1,2.9,3.3,-4", // negative respondents
      "Otrygghet kväll,2081R006,2025,3.1,,,100",
      "Otrygghet kväll,2081R006,2025,3.2,,,100", // duplicate of the row above
    ].join("\n");
    const error = (await analyst.imports
      .surveys({ ...file("fel.csv", bad), kind: "trygghetsmatning", surveyName: "Polisens trygghetsmätning" })
      .catch((caught: unknown) => caught)) as { message: string; cause?: { issues?: unknown } };
    expect(error.message).toContain("6 fel i filen; inget importerades");
    const issues = (error.cause as { issues: { row: number; column: string; reason: string }[] }).issues;
    expect(issues.map((issue) => [issue.row, issue.column])).toEqual([
      [2, "värde"],
      [3, "område"],
      [4, "år"],
      [5, "nedre"],
      [6, "svarande"],
      [8, "indikator"],
    ]);
    expect(issues[0]?.reason).toContain("utanför skalan 0–6");
    expect(issues[5]?.reason).toContain("rad 7");
    expect(await countRows()).toBe(before);
    const missing = await analyst.imports
      .surveys({ ...file("saknas.csv", "område;år;värde\n2081R005;2025;3"), kind: "ntu", surveyName: "NTU" })
      .catch((caught: Error) => caught);
    expect((missing as Error).message).toContain("rad 1, kolumn indikator: kolumnen saknas");
  });

  it("replaces changed rows, keeps the others, and undo restores exactly the earlier values", async () => {
    const changed = [
      "Indikator;Område;År;Värde;Intervall;Svarande",
      "Problemindex;2081R005;2025;3,4;3,1–3,7;201",
      "Problemindex;2081R005;2024;2,9;2,6–3,2;212",
    ].join("\n");
    const result = await analyst.imports.surveys({
      ...file("rattad.csv", changed),
      kind: "trygghetsmatning",
      surveyName: "Polisens trygghetsmätning",
    });
    expect(result.summary).toMatchObject({ added: 0, replaced: 1, unchanged: 1 });
    expect(await countRows()).toBe(5);
    const value2025 = async () =>
      (
        await testDb.db.surveyResult.findMany({
          where: { dataSourceId: await ours(), year: 2025, respondents: { gt: 150, lt: 1000 } },
        })
      )[0];
    expect(await value2025()).toMatchObject({ value: 3.4, lower: 3.1, upper: 3.7, respondents: 201 });
    await analyst.imports.undo({ batchId: result.id });
    expect(await value2025()).toMatchObject({ value: 3.3, lower: 3.0, upper: 3.6, respondents: 198 });
    expect(await countRows()).toBe(5);
  });

  it("NTU shares: percent scale and a survey keeps its kind", async () => {
    const ntu =
      "indikator;område;år;andel;nedre;övre;svarande\nOro för brott mot närstående;Borlänge;2025;24,5;21,0;28,0;812";
    await analyst.imports.surveys({ ...file("ntu.csv", ntu), kind: "ntu", surveyName: "NTU" });
    const wrongKind = await analyst.imports
      .surveys({ ...file("ntu.csv", ntu), kind: "enkat", surveyName: "NTU" })
      .catch((caught: Error) => caught);
    expect((wrongKind as Error).message).toContain("already imported as ntu");
    const over = "indikator;område;år;andel\nOro;Borlänge;2025;124";
    const error = await analyst.imports
      .surveys({ ...file("ntu2.csv", over), kind: "ntu", surveyName: "NTU" })
      .catch((caught: Error) => caught);
    expect((error as Error).message).toContain("rad 2, kolumn andel: 124 ligger utanför skalan 0–100");
  });
});

describe("survey series", () => {
  it("shows each area's results beside the incidents reported there, marking too few respondents", async () => {
    const catalog = await viewer.surveys.list();
    const survey = catalog.find((entry) => entry.name === "Polisens trygghetsmätning");
    expect(survey?.kind).toBe("trygghetsmatning");
    expect(survey?.indicators[0]).toMatchObject({
      indicator: "Problemindex",
      firstYear: 2024,
      lastYear: 2026,
    });
    const series = await viewer.surveys.series({
      dataSourceId: survey?.id ?? "",
      indicator: "Problemindex",
      areaCodes: ["2081R005", "2081"],
    });
    expect(series.years).toEqual([2024, 2025, 2026]);
    const [regso, kommun] = series.areas;
    expect(regso?.results.map((r) => [r.year, r.value, r.isTooFew])).toEqual([
      [2024, 2.9, false],
      [2025, 3.3, false],
      [2026, 3.6, true],
    ]);
    expect(kommun?.results.map((r) => r.year)).toEqual([2025]);
    // Incidents in the RegSO's DeSO areas, counted from the incidents table (not the daily aggregate).
    const [direct] = await testDb.db.$queryRaw<{ n: bigint }[]>`
      SELECT COALESCE(SUM(i.count), 0) AS n FROM incidents i JOIN areas d ON d.workspace_id = i.workspace_id AND d.id = i.area_id
      JOIN areas r ON r.workspace_id = d.workspace_id AND r.id = d.parent_id
      WHERE r.code = '2081R005' AND i.registered_on BETWEEN '2025-01-01' AND '2025-12-31'`;
    const year2025 = regso?.incidents.find((entry) => entry.year === 2025);
    expect(year2025?.count).toBe(Number(direct?.n));
    expect(year2025?.count).toBeGreaterThan(0);
    expect(year2025?.isPartialYear).toBe(false);
    expect(year2025?.rate).toBeGreaterThan(0);
    expect(regso?.incidents.find((entry) => entry.year === 2026)?.isPartialYear).toBe(true);
    expect(kommun?.incidents.find((entry) => entry.year === 2025)?.count).toBeGreaterThan(
      year2025?.count ?? 0,
    );
    // The workspace's minimum decides what counts as too few: at 20, 24 respondents are enough.
    const admin = await demoCaller(testDb.db, "admin@borlange.example");
    await admin.workspace.updateSettings({ notesRetentionDays: 365, surveyMinRespondents: 20 });
    const relaxed = await viewer.surveys.series({
      dataSourceId: survey?.id ?? "",
      indicator: "Problemindex",
      areaCodes: ["2081R005"],
    });
    expect(relaxed.minRespondents).toBe(20);
    expect(relaxed.areas[0]?.results.map((r) => r.isTooFew)).toEqual([false, false, false]);
  });

  it("refuses viewers the import and other workspaces the survey", async () => {
    await expect(
      viewer.imports.surveys({ ...file("t.csv", TRYGGHET), kind: "trygghetsmatning", surveyName: "X" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await outsiderCaller(testDb.db);
    const survey = (await analyst.surveys.list()).find((entry) => entry.name === "Polisens trygghetsmätning");
    expect(await outsider.surveys.list()).toEqual([]);
    await expect(
      outsider.surveys.series({
        dataSourceId: survey?.id ?? "",
        indicator: "Problemindex",
        areaCodes: ["2081"],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
