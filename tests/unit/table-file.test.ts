import { describe, expect, it } from "vitest";
import { neutralizeCell, toCsv } from "../../server/features/exports/table-file.ts";

describe("exported cells", () => {
  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(neutralizeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralizeCell("+46 70")).toBe("'+46 70");
    expect(neutralizeCell("-1+2")).toBe("'-1+2");
    expect(neutralizeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(neutralizeCell("\tcmd")).toBe("'\tcmd");
    expect(neutralizeCell("Mjälga-Centrum")).toBe("Mjälga-Centrum");
    expect(neutralizeCell(-5)).toBe(-5);
    expect(neutralizeCell(null)).toBeNull();
  });

  it("neutralises a formula behind leading blanks, line breaks or a full-width sign", () => {
    for (const text of [
      " =1+1",
      "\t=cmd",
      "\n=HYPERLINK(1)",
      "\r\n@SUM(A1)",
      "  +46",
      "\uFF1DHYPERLINK(1)",
      " \uFF1D1",
    ])
      expect(neutralizeCell(text)).toBe(`'${text}`);
    expect(neutralizeCell(" Mjälga")).toBe(" Mjälga");
    expect(toCsv([[" =1+1"]])).toContain("' =1+1");
  });

  it("writes Swedish-Excel CSV: BOM, semicolons, decimal commas, quoted fields", () => {
    const csv = toCsv([
      ["Område", "Antal", "Per 1 000 inv."],
      ['Gylle; Åselby "3"', 12, 4.25],
      ["=cmd", -3, null],
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "Område;Antal;Per 1 000 inv.",
      '"Gylle; Åselby ""3""";12;4,25',
      "'=cmd;-3;",
      "",
    ]);
  });
});
