import { afterAll, beforeAll, expect, it } from "vitest";
import { getCompstat } from "../../server/features/analysis/analysis.service.ts";
import { groupCode } from "../../server/features/categories/crime-codes.import.ts";
import type { CurrentWorkspace } from "../../server/features/workspace/workspace.service.ts";
import type { PeriodKind } from "../../shared/calendar.ts";
import { CompstatInputSchema } from "../../shared/schemas/analysis.ts";
import { DALARNA_DELIVERIES, importDalarna } from "../support/dalarna.ts";
import { describeRealData, readCsv } from "../support/shared-data.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

type CrimeRow = { Kommunkod: string; Brottskod: string; Inskrivningsdatum: string; antal_brott: string };
type KeyRow = { Brottskod: string; Brott_niva: string; Brottskategorier_namn: string };

let testDb: TestDb;
let workspace: CurrentWorkspace;
let raw: CrimeRow[];
/** Each crime code's level-1 and level-2 names, straight from the key file. */
let levels: Map<string, { one: string; two: string }>;

const CATEGORIES = [
  "Tillgreppsbrott (exkl i butik)",
  "Våldsbrott",
  "Lokala trafikkoder",
  "Bedrägeribrott m.m.",
];

/** Borlänge's crimes of a level-2 category registered within a range, counted from the raw files alone. */
function rawCount(category: string, from: string, to: string) {
  return raw
    .filter(
      (row) =>
        row.Kommunkod === "2081" &&
        levels.get(String(Number(row.Brottskod)))?.two === category &&
        row.Inskrivningsdatum >= from &&
        row.Inskrivningsdatum <= to,
    )
    .reduce((sum, row) => sum + Number(row.antal_brott), 0);
}

async function sustainedOf(kind: PeriodKind, date: string, category: string) {
  const input = CompstatInputSchema.parse({ period: { kind, date }, areaCodes: ["2081"] });
  const result = await getCompstat({ db: testDb.db, workspace }, input);
  const one = [...levels.values()].find((level) => level.two === category)?.one ?? "";
  const row = result.rows.find((r) => r.code === groupCode([one, category]));
  if (!row) throw new Error(`no row for ${category}`);
  return row.sustained;
}

describeRealData("the rising flags on Borlänge's real deliveries, 2023 against 2022", () => {
  beforeAll(async () => {
    testDb = await createTestDb();
    workspace = await importDalarna(testDb.db);
    raw = DALARNA_DELIVERIES.flatMap((file) => readCsv<CrimeRow>(`dalarna/${file}`));
    const key = readCsv<KeyRow>("dalarna/brott_niva_nyckel.csv");
    const nameAt = (code: string, level: number) =>
      key.find((row) => row.Brottskod === code && Number(row.Brott_niva) === level)?.Brottskategorier_namn ??
      "";
    levels = new Map(
      [...new Set(key.map((row) => row.Brottskod))].map((code) => [
        String(Number(code)),
        { one: nameAt(code, 1), two: nameAt(code, 2) },
      ]),
    );
  }, 600_000);

  afterAll(async () => {
    await testDb?.close();
  });

  it("compares each year with the one before in the yearly view, counted as the raw files count", async () => {
    for (const category of CATEGORIES) {
      const sustained = await sustainedOf("year", "2023-06-01", category);
      expect(sustained.windows).toHaveLength(1);
      expect(sustained.window).toMatchObject({
        key: "period",
        current: rawCount(category, "2023-01-01", "2023-12-31"),
        earlier: rawCount(category, "2022-01-01", "2022-12-31"),
      });
      expect(sustained.window?.current).toBeGreaterThan(100);
    }
    // Thefts rose from 1 041 to 1 665: far more than chance and the counts' spread explain.
    expect((await sustainedOf("year", "2023-06-01", CATEGORIES[0] ?? "")).level).toBe("sure");
  });

  it("counts the last 13, 26 and 52 weeks of 2023 and the same ISO weeks of 2022 as the raw files do", async () => {
    const ranges = {
      weeks13: [
        ["2023-10-02", "2023-12-31"],
        ["2022-10-03", "2023-01-01"],
      ],
      weeks26: [
        ["2023-07-03", "2023-12-31"],
        ["2022-07-04", "2023-01-01"],
      ],
      weeks52: [
        ["2023-01-02", "2023-12-31"],
        ["2022-01-03", "2023-01-01"],
      ],
    } as const;
    for (const category of CATEGORIES) {
      const sustained = await sustainedOf("biweek", "2023-12-31", category);
      expect(sustained.windows.map((window) => window.key)).toEqual(["weeks13", "weeks26", "weeks52"]);
      for (const window of sustained.windows) {
        if (window.key === "period" || window.key === "yearToDate") throw new Error("unexpected window");
        const [current, earlier] = ranges[window.key];
        expect(window.current).toBe(rawCount(category, current[0], current[1]));
        expect(window.earlier).toBe(rawCount(category, earlier[0], earlier[1]));
      }
    }
  });
});
