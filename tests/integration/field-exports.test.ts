import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { loginAs } from "../support/caller.ts";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

// Findings and dialogues as files (issue 15): the Fynd page's filters and sort, free text only for
// those who may read it (decisions/011), dialogue notes never (decisions/008), and an audit entry.
let testDb: TestDb;
type Caller = Awaited<ReturnType<typeof loginAs>>["caller"];
let analyst: Caller;
let partner: Caller;
let viewer: Caller;
const NOTE = "Anteckning om en namngiven boende, får inte lämna appen.";

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15");
  [analyst, partner, viewer] = await Promise.all([
    demoCaller(testDb.db, "analytiker@borlange.example"),
    demoCaller(testDb.db, "partner@borlange.example"),
    demoCaller(testDb.db, "lasare@borlange.example"),
  ]);
  // A dialogue with notes, recorded by the partner's organisation: its members and analysts read them.
  const { id } = await partner.dialogues.create({
    kind: "medborgardialog",
    format: "stormote",
    startsAt: "2026-11-10T18:00:00+01:00",
    meetingPlace: 'Tunabyggens lokal =HYPERLINK("http://x")',
  });
  await partner.dialogues.recordResults({
    dialogueId: id,
    attendance: 14,
    themes: [{ theme: "belysning", strength: 2, areaCodes: [] }],
    notes: NOTE,
  });
});

afterAll(async () => {
  await testDb?.close();
});

async function sheets(file: { base64: string }) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(file.base64, "base64") as never);
  const rows = (name: string) => {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const all: unknown[][] = [];
    sheet.eachRow((row) => {
      all.push((row.values as unknown[]).slice(1));
    });
    return all;
  };
  return { rows, names: workbook.worksheets.map((sheet) => sheet.name) };
}

const csvLines = (file: { base64: string }) =>
  Buffer.from(file.base64, "base64")
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");

/** The Urval sheet as label → value. */
const selectionOf = (rows: unknown[][]) => new Map(rows.map((row) => [String(row[0]), row[1]]));

const auditEntries = () =>
  testDb.db.auditEntry.findMany({
    where: { action: "table_exported" },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });

describe("findings as a file", () => {
  it("lists the Fynd page's findings in its sort, with free text for an analyst, a total and a Swedish Urval", async () => {
    const listed = await analyst.walks.findings({});
    expect(listed.length).toBeGreaterThan(10);
    const file = await analyst.exports.findings({
      format: "xlsx",
      sort: [
        { id: "severity", desc: true },
        { id: "createdOn", desc: false },
      ],
    });
    expect(file.fileName).toMatch(/^est-borlange-fynd-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const { rows, names } = await sheets(file);
    expect(names).toEqual(["Tabell", "Urval"]);
    const table = rows("Tabell");
    expect(table[0]?.slice(0, 4)).toEqual(["Registrerat", "Vandring", "Kategori", "Beskrivning"]);
    const body = table.slice(1, -1);
    expect(body).toHaveLength(listed.length);
    expect(table.at(-1)?.[0]).toBe(`Totalt: ${listed.length} fynd`);
    // Severity high → low, and within one severity oldest first.
    const severityRank: Record<string, number> = { Hög: 3, Medel: 2, Låg: 1 };
    const keys = body.map((row) => [severityRank[String(row[5])] ?? 0, String(row[0])] as const);
    for (let i = 1; i < keys.length; i++) {
      const [previous, current] = [keys[i - 1], keys[i]];
      if (!previous || !current) continue;
      expect(previous[0] > current[0] || (previous[0] === current[0] && previous[1] <= current[1])).toBe(
        true,
      );
    }
    // Every description the analyst sees on the page is in the file; categories and statuses in words.
    const descriptions = new Set(body.map((row) => row[3]));
    for (const finding of listed) expect(descriptions.has(finding.description)).toBe(true);
    expect(body.every((row) => !/^[a-z_]+$/.test(String(row[2])) && !/^[a-z_]+$/.test(String(row[9])))).toBe(
      true,
    );
    const selection = selectionOf(rows("Urval"));
    expect(selection.get("Tabell")).toBe("Fynd från trygghetsvandringar");
    expect(selection.get("Status")).toBe("Alla");
    expect(selection.get("Sortering")).toBe("Allvar, fallande; Registrerat, stigande");
    expect(selection.get("Fritext")).toBe(`Beskrivningar och orsaker för alla ${listed.length} fynd`);
    // When, in Stockholm's time (not UTC) and in Swedish words.
    const exported = String(selection.get("Exporterad"));
    expect(exported).toMatch(
      /^\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4} kl\. \d{2}:\d{2} \(Europe\/Stockholm\)$/,
    );
    const stockholmTimes = [0, -60_000].map((offset) =>
      new Date(Date.now() + offset).toLocaleTimeString("sv-SE", {
        timeZone: "Europe/Stockholm",
        hour: "2-digit",
        minute: "2-digit",
      }),
    );
    expect(stockholmTimes).toContain(exported.match(/(\d{2}:\d{2})/)?.[1]);
  });

  it("leaves out the free text a viewer may not read and says so in its place", async () => {
    const [listed, file] = await Promise.all([
      analyst.walks.findings({}),
      viewer.exports.findings({ format: "csv", locale: "sv" }),
    ]);
    const text = csvLines(file).join("\n");
    for (const finding of listed) {
      expect(text).not.toContain(finding.description);
      if (finding.statusReason) expect(text).not.toContain(finding.statusReason);
    }
    const lines = csvLines(file);
    expect(lines).toHaveLength(listed.length + 2);
    expect(
      lines
        .slice(1, -1)
        .every((line) => line.includes("(visas bara för analytiker och fyndets egna organisationer)")),
    ).toBe(true);
  });

  it("gives a member the free text of its own organisation's findings only", async () => {
    const [mine, all, file] = await Promise.all([
      partner.walks.findings({}),
      analyst.walks.findings({}),
      partner.exports.findings({ format: "xlsx", locale: "en" }),
    ]);
    const own = mine.filter((finding) => !finding.isRestricted);
    const others = all.filter((finding) => !own.some((ownFinding) => ownFinding.id === finding.id));
    expect(own.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    const { rows, names } = await sheets(file);
    expect(names).toEqual(["Table", "Selection"]);
    const cells = new Set(rows("Table").flat().map(String));
    for (const finding of own) expect(cells.has(finding.description)).toBe(true);
    for (const finding of others) expect(cells.has(finding.description)).toBe(false);
    expect(selectionOf(rows("Selection")).get("Free text")).toBe(
      `Descriptions and reasons of ${own.length} of ${all.length} findings; the others belong to other organisations and are shown only to analysts and the finding's own organisations`,
    );
    expect(file.fileName).toMatch(/^est-borlange-findings-/);
  });

  it("follows the page's filters and records the export, with how many rows carried free text", async () => {
    const before = (await auditEntries()).length;
    const filter = { statuses: ["ny" as const, "tilldelad" as const], categories: ["belysning" as const] };
    const [listed, file] = await Promise.all([
      partner.walks.findings(filter),
      partner.exports.findings({ ...filter, format: "csv" }),
    ]);
    expect(csvLines(file)).toHaveLength(listed.length + 2);
    const entries = (await auditEntries()).slice(before);
    expect(entries).toMatchObject([
      {
        targetType: "table",
        targetId: "findings",
        details: { format: "csv", count: listed.filter((finding) => !finding.isRestricted).length },
      },
    ]);
  });

  it("refuses a sort column the Fynd page does not have, naming the field", async () => {
    await expect(
      analyst.exports.findings({ format: "csv", sort: [{ id: "photoIds", desc: false }] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("photoIds") });
  });
});

describe("dialogues as a file", () => {
  it("holds schedule, attendance and themes in words, never the notes, even for those who read them", async () => {
    const listed = await partner.dialogues.list();
    expect(listed.some((dialogue) => dialogue.notes === NOTE)).toBe(true);
    for (const caller of [partner, analyst, viewer]) {
      const csv = await caller.exports.dialogues({ format: "csv" });
      expect(csvLines(csv).join("\n")).not.toContain(NOTE);
      const xlsx = await caller.exports.dialogues({ format: "xlsx" });
      const { rows } = await sheets(xlsx);
      expect(rows("Tabell").flat().map(String)).not.toContain(NOTE);
    }
    const file = await analyst.exports.dialogues({ format: "xlsx" });
    expect(file.fileName).toMatch(/^est-borlange-dialoger-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const { rows } = await sheets(file);
    const table = rows("Tabell");
    expect(table[0]).toEqual([
      "När",
      "Slag",
      "Form",
      "Område",
      "Mötesplats",
      "Deltagare",
      "Teman",
      "Anteckningar",
    ]);
    expect(table.slice(1, -1)).toHaveLength(listed.length);
    const recorded = table.find((row) => String(row[4]).includes("Tunabyggens lokal"));
    // Local time in Stockholm, kinds and themes in words, the formula-like place neutralised.
    expect(recorded).toEqual([
      "2026-11-10 18:00",
      "Medborgardialog",
      "Stormöte",
      undefined,
      'Tunabyggens lokal =HYPERLINK("http://x")',
      14,
      "Belysning (2)",
      "Finns (exporteras inte)",
    ]);
    const total = table.at(-1);
    expect(total?.[0]).toBe(`Totalt: ${listed.length} dialoger`);
    expect(total?.[5]).toBe(listed.reduce((sum, dialogue) => sum + (dialogue.attendance ?? 0), 0));
    expect(selectionOf(rows("Urval")).get("Fritext")).toBe(
      "Anteckningar exporteras aldrig; de läses i appen av den som får se dem",
    );
    const entries = await auditEntries();
    expect(entries.at(-1)).toMatchObject({ targetId: "dialogues", details: { format: "xlsx" } });
  });

  it("neutralises a formula at the start of a cell", async () => {
    const { id } = await analyst.dialogues.create({
      kind: "medarbetardialog",
      format: "annat",
      startsAt: "2026-11-11T09:00:00+01:00",
      meetingPlace: "=1+2",
    });
    const csv = csvLines(await analyst.exports.dialogues({ format: "csv" }));
    expect(csv.some((line) => line.includes(";'=1+2;"))).toBe(true);
    expect(id).toBeTruthy();
  });
});
