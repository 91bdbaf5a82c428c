import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeSustained, SUSTAINED_LABELS } from "../../shared/rising-over-time.ts";
import { DEMO_DEFAULT_PASSWORD } from "../../prisma/factories/demo-workspace.factory.ts";
import { loginAs } from "../support/caller.ts";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let viewer: Awaited<ReturnType<typeof loginAs>>["caller"];

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15");
  viewer = await demoCaller(testDb.db, "lasare@borlange.example");
});

afterAll(async () => {
  await testDb?.close();
});

describe("exports", () => {
  it("writes the CompStat table to Excel with the same figures and the selection", async () => {
    const input = { period: { kind: "biweek" as const, date: "2026-11-03" }, areaCodes: ["2081C1090"] };
    const [file, table] = await Promise.all([
      viewer.exports.table({ ...input, view: "compstat", format: "xlsx" }),
      viewer.analysis.compstat(input),
    ]);
    expect(file.fileName).toBe("est-borlange-brottsutveckling-2026-10-26-2026-11-08.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, "base64") as never);
    const sheet = workbook.getWorksheet("Tabell");
    expect(sheet?.getRow(1).getCell(1).value).toBe("Kategori");
    // The header, the rows as listed (no sort chosen), and a total row.
    expect(sheet?.rowCount).toBe(table.rows.length + 2);
    table.rows.forEach((row, index) => {
      const cells = sheet?.getRow(index + 2);
      expect([
        cells?.getCell(1).value,
        cells?.getCell(2).value,
        cells?.getCell(4).value,
        cells?.getCell(8).value,
        cells?.getCell(10).value,
      ]).toEqual([
        row.nameSv,
        row.code,
        row.current,
        row.rate === null ? null : Math.round(row.rate * 100) / 100,
        row.yearToDate,
      ]);
    });
    // The sustained flag in its three columns at the end, in the words CompStat shows.
    expect(sheet?.getRow(1).getCell(15).value).toBe("Ökar över tid");
    const first = table.rows[0];
    expect([sheet?.getRow(2).getCell(15).value, sheet?.getRow(2).getCell(16).value]).toEqual([
      first ? SUSTAINED_LABELS.sv[first.sustained.level] : null,
      first ? describeSustained(first.sustained, "sv") : null,
    ]);
    const roots = table.rows.filter((row) => !table.rows.some((other) => other.id === row.parentId));
    const total = sheet?.getRow(table.rows.length + 2);
    expect([total?.getCell(1).value, total?.getCell(4).value]).toEqual([
      "Totalt",
      roots.reduce((sum, row) => sum + row.current, 0),
    ]);
    // The selection in words: the area by name, the period type and date basis as the app says them.
    const selection = new Map<string, unknown>();
    workbook.getWorksheet("Urval")?.eachRow((row) => {
      selection.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(Object.fromEntries(selection)).toMatchObject({
      Arbetsyta: "EST Borlänge",
      Tabell: "Brottsutveckling",
      Period: "v. 44–45 2026 (2026-10-26 – 2026-11-08)",
      Periodtyp: "Tvåveckorsperiod",
      Områden: expect.stringMatching(/^[^(]+ \(2081C1090\)$/),
      Kategorier: "Alla",
      "Datum som räknas": "Anmälningsdatum",
      Sortering: "Appens ordning",
    });
    expect(String(selection.get("Exporterad"))).toMatch(/ \(Europe\/Stockholm\)$/);
  });

  it("writes the district table to CSV honouring the area filter", async () => {
    const input = {
      period: { kind: "week" as const, date: "2026-11-10" },
      areaCodes: ["2081C1090", "2081C1100"],
    };
    const [file, stats] = await Promise.all([
      viewer.exports.table({ ...input, view: "districts", format: "csv", locale: "en" }),
      viewer.overview.districtStats(input),
    ]);
    const lines = Buffer.from(file.base64, "base64")
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Area;Code;Inhabitants;Count;Per 1,000 inh.;Previous period;Change;Change %;Findings (walks);Approved tips and reports;Dialogue themes",
    );
    expect(lines).toHaveLength(4);
    const total = lines[3]?.split(";");
    expect([total?.[0], total?.[1], total?.[3]]).toEqual(["Total", "", String(stats.total.count)]);
    for (const row of stats.rows) {
      const line = lines.find((candidate) => candidate.split(";")[1] === row.code);
      expect(line?.split(";")[3]).toBe(String(row.count));
      expect(line?.split(";").slice(8)).toEqual([
        String(row.findings),
        String(row.reports),
        String(row.themes),
      ]);
    }
    // Asked for the backlog, the findings column says so.
    const open = await viewer.exports.table({
      ...input,
      findingScope: "open",
      view: "districts",
      format: "csv",
      locale: "sv",
    });
    const header = Buffer.from(open.base64, "base64")
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n")[0];
    expect(header?.split(";")[8]).toBe("Öppna fynd vid periodens slut");
  });

  it("lists the rows in the order the screen sorts them, and says so in English when asked", async () => {
    const input = { period: { kind: "biweek" as const, date: "2026-11-03" } };
    const byName = await viewer.exports.table({
      ...input,
      view: "districts",
      format: "xlsx",
      locale: "en",
      sort: [{ id: "name", desc: false }],
    });
    expect(byName.fileName).toBe("est-borlange-areas-2026-10-26-2026-11-08.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(byName.base64, "base64") as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Table", "Selection"]);
    const names: string[] = [];
    workbook.getWorksheet("Table")?.eachRow((row, index) => {
      if (index > 1) names.push(String(row.getCell(1).value));
    });
    expect(names.at(-1)).toBe("Total");
    const areas = names.slice(0, -1);
    expect(areas).toEqual([...areas].sort(new Intl.Collator("sv", { numeric: true }).compare));
    const selection = new Map<string, unknown>();
    workbook.getWorksheet("Selection")?.eachRow((row) => {
      selection.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(selection.get("Period type")).toBe("Two-week period");
    expect(selection.get("Sort order")).toBe("Area, ascending");
    expect(selection.get("Which findings")).toBe("Recorded in the period");
    // By count, largest first, as the overview's table opens.
    const byCount = await viewer.exports.table({
      ...input,
      view: "districts",
      format: "csv",
      sort: [{ id: "count", desc: true }],
    });
    const counts = Buffer.from(byCount.base64, "base64")
      .toString("utf8")
      .trim()
      .split("\r\n")
      .slice(1, -1)
      .map((line) => Number(line.split(";")[3]));
    expect(counts.length).toBeGreaterThan(5);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // CompStat sorts within each level of its tree, as its expanding table does.
    const tree = await viewer.exports.table({
      ...input,
      view: "compstat",
      format: "xlsx",
      sort: [{ id: "current", desc: true }],
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(tree.base64, "base64") as never);
    const rows: { depth: number; current: number }[] = [];
    book.getWorksheet("Tabell")?.eachRow((row, index) => {
      if (index > 1 && row.getCell(1).value !== "Totalt")
        rows.push({ depth: Number(row.getCell(3).value), current: Number(row.getCell(4).value) });
    });
    const rootCounts = rows.filter((row) => row.depth === 0).map((row) => row.current);
    expect(rootCounts.length).toBeGreaterThan(1);
    expect(rootCounts).toEqual([...rootCounts].sort((a, b) => b - a));
    const sortRow = book
      .getWorksheet("Urval")
      ?.getRows(1, 20)
      ?.find((row) => row.getCell(1).value === "Sortering");
    expect(sortRow?.getCell(2).value).toBe("Perioden, fallande");
  });

  it("refuses a sort column the table does not have, naming the field", async () => {
    await expect(
      viewer.exports.table({
        period: { kind: "week", date: "2026-11-10" },
        view: "districts",
        format: "csv",
        sort: [{ id: "flag", desc: true }],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/unknown column .*flag.* for districts/),
    });
  });

  it("marks a period still running in the file name, the header and the Urval sheet", async () => {
    const file = await viewer.exports.table({
      period: { kind: "biweek", date: "2026-11-10" },
      today: "2026-11-12",
      view: "districts",
      format: "xlsx",
    });
    expect(file.fileName).toBe("est-borlange-omraden-2026-11-09-2026-11-12-hittills.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, "base64") as never);
    expect(String(workbook.getWorksheet("Tabell")?.getRow(1).getCell(4).value)).toBe(
      "Antal hittills (t.o.m. 2026-11-12, ofullständig period)",
    );
    expect(String(workbook.getWorksheet("Urval")?.getRow(3).getCell(2).value)).toBe(
      "v. 46–47 2026 (2026-11-09 – 2026-11-22), ofullständig period: hittills t.o.m. 2026-11-12",
    );
  });

  it("refuses to export without a session or for another workspace", async () => {
    const { caller: stranger } = await loginAs(
      testDb.db,
      "lasare@borlange.example",
      DEMO_DEFAULT_PASSWORD,
      "nagon-annan",
    );
    await expect(
      stranger.exports.table({
        period: { kind: "week", date: "2026-11-10" },
        view: "districts",
        format: "csv",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
