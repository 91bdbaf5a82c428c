import { describe, expect, it } from "vitest";
import { en, sv } from "../../client/src/i18n/messages.ts";
import { EXPORT_LABELS, formatLocalMoment } from "../../server/features/exports/export-labels.ts";
import { compareCells, sortRows, sortTreeRows } from "../../shared/table-sort.ts";

describe("the words an export uses", () => {
  it("are the interface's own words, in both languages", () => {
    for (const [locale, messages] of [
      ["sv", sv],
      ["en", en],
    ] as const) {
      const labels = EXPORT_LABELS[locale];
      const words = messages as Record<string, string>;
      for (const [kind, label] of Object.entries(labels.periodKinds))
        expect(label).toBe(words[`filter.${kind}`]);
      expect(labels.dateBases).toEqual({
        registered: words["compstat.registered"],
        occurred: words["compstat.occurred"],
      });
      for (const [code, label] of Object.entries(labels.findingCategories))
        expect(label).toBe(words[`findingCategory.${code}`]);
      for (const [code, label] of Object.entries(labels.findingStatuses))
        expect(label).toBe(words[`findingStatus.${code}`]);
      for (const [code, label] of Object.entries(labels.severities))
        expect(label).toBe(words[`findings.severity.${code}`]);
      for (const [code, label] of Object.entries(labels.dialogueKinds))
        expect(label).toBe(words[`dialogues.kind.${code}`]);
      for (const [code, label] of Object.entries(labels.dialogueFormats))
        expect(label).toBe(words[`dialogues.format.${code}`]);
      for (const [code, label] of Object.entries(labels.themes)) expect(label).toBe(words[`theme.${code}`]);
      for (const [code, label] of Object.entries(labels.findingScopes))
        expect(label).toBe(words[`filter.findingScope.${code}`]);
      expect(labels.all).toBe(words["filter.all"]);
      expect(labels.total).toBe(words["overview.total"]);
    }
  });

  it("give the moment of an export in the workspace's time zone, not UTC", () => {
    const moment = new Date("2026-12-01T08:05:00Z");
    expect(formatLocalMoment(moment, "Europe/Stockholm", "sv")).toBe(
      "1 december 2026 kl. 09:05 (Europe/Stockholm)",
    );
    expect(formatLocalMoment(new Date("2026-07-01T22:30:00Z"), "Europe/Stockholm", "en")).toBe(
      "2 July 2026 at 00:30 (Europe/Stockholm)",
    );
  });
});

describe("the order of a sorted table", () => {
  it("sorts text by the Swedish alphabet with numbers by value, missing values first", () => {
    expect(["Örnen", "Ängen", "Åsen", "Berg"].sort(compareCells)).toEqual(["Berg", "Åsen", "Ängen", "Örnen"]);
    expect(["v. 10", "v. 9"].sort(compareCells)).toEqual(["v. 9", "v. 10"]);
    expect([3, null, -1, 10].sort(compareCells)).toEqual([null, -1, 3, 10]);
  });

  it("breaks ties with later keys and keeps the given order last", () => {
    const rows = [
      { id: "a", n: 1, m: 2 },
      { id: "b", n: 2, m: 1 },
      { id: "c", n: 1, m: 2 },
      { id: "d", n: 1, m: 3 },
    ];
    const value = (row: (typeof rows)[number], id: string) => row[id as "n" | "m"];
    expect(sortRows(rows, [{ id: "n", desc: true }], value).map((row) => row.id)).toEqual([
      "b",
      "a",
      "c",
      "d",
    ]);
    expect(
      sortRows(
        rows,
        [
          { id: "n", desc: false },
          { id: "m", desc: true },
        ],
        value,
      ).map((row) => row.id),
    ).toEqual(["d", "a", "c", "b"]);
  });

  it("sorts a tree among siblings and lists each row's children under it", () => {
    const rows = [
      { id: "g1", parentId: null, n: 5 },
      { id: "c1", parentId: "g1", n: 1 },
      { id: "c2", parentId: "g1", n: 4 },
      { id: "g2", parentId: null, n: 9 },
      { id: "orphan", parentId: "hidden", n: 7 },
    ];
    expect(sortTreeRows(rows, [{ id: "n", desc: true }], (row) => row.n).map((row) => row.id)).toEqual([
      "g2",
      "orphan",
      "g1",
      "c2",
      "c1",
    ]);
  });
});
