import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeSustained, SUSTAINED_LABELS } from "../../shared/rising-over-time.ts";
import { DEMO_DEFAULT_PASSWORD } from "../factories/demo-workspace.factory.ts";
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
    expect(file.fileName).toBe("est-borlange-compstat-2026-10-26-2026-11-08.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, "base64") as never);
    const sheet = workbook.getWorksheet("Tabell");
    expect(sheet?.getRow(1).getCell(1).value).toBe("Kategori");
    expect(sheet?.rowCount).toBe(table.rows.length + 1);
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
    expect(workbook.getWorksheet("Urval")?.getRow(2).getCell(5).value).toBe("2081C1090");
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
    expect(lines).toHaveLength(3);
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
