import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_MEETINGS } from "../../prisma/factories/lagesbild.factory.ts";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

// A newcomer meets a living EST group: a year of published biweekly lägesbilder with statuses,
// assessments and insatser in every state, and a next meeting that picks them up.
let testDb: TestDb;
let viewer: Awaited<ReturnType<typeof demoCaller>>;

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15", { meetings: true });
  viewer = await demoCaller(testDb.db, "lasare@borlange.example");
}, 180_000);

afterAll(async () => {
  await testDb?.close();
});

describe("the demo's year of meetings", () => {
  it("publishes a lägesbild every second week up to the period before the latest complete one", async () => {
    const { lagesbilder } = await viewer.lagesbild.list();
    expect(lagesbilder).toHaveLength(DEMO_MEETINGS);
    expect(lagesbilder.every((l) => l.status === "published" && l.version === 1)).toBe(true);
    // Newest first; the latest complete biweek (26 October – 8 November) is left to draft.
    expect(lagesbilder[0]?.periodEnd).toBe("2026-10-25");
    const starts = lagesbilder.map((l) => l.periodStart).reverse();
    for (let i = 1; i < starts.length; i++)
      expect((Date.parse(starts[i] ?? "") - Date.parse(starts[i - 1] ?? "")) / 86_400_000).toBe(14);
    const newest = await viewer.lagesbild.get({ id: lagesbilder[0]?.id ?? "" });
    expect(newest.liveChanges).toEqual([]);
    expect(newest.content.assessment).toMatch(/Bedrägerier mot äldre ökar/);
    expect(newest.content.statuses.length).toBe(5);
    expect(newest.content.contributions.length).toBeGreaterThan(0);
    expect(newest.content.figures.total.count).toBeGreaterThan(0);
    // The fraud against the elderly that the demo plants is what the group's latest picture says rises over time.
    expect(newest.content.figures.risingOverTime?.map((pair) => pair.categoryCode)).toContain("G-BEDRAGERI");
    expect(newest.content.figures.risingOverTime?.[0]?.textSv).toMatch(/jämfört med samma period i fjol/);
  });

  it("has insatser closed with återkoppling, open ones carried over, and one overdue", async () => {
    const plan = await viewer.lagesbild.actionPlan();
    expect(plan).toHaveLength(6);
    const closed = plan.filter((row) => row.status === "closed");
    expect(closed).toHaveLength(3);
    expect(closed.every((row) => row.followUps.length > 0)).toBe(true);
    expect(plan.filter((row) => row.isOverdue).map((row) => row.title)).toEqual([
      "Ny belysning i gångtunneln vid Bullermyren",
    ]);
    const analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
    const next = await analyst.lagesbild.create({ kind: "biweek", date: "2026-11-03" });
    const draft = await analyst.lagesbild.get({ id: next.id });
    expect(draft.previousId).toBe((await viewer.lagesbild.list()).lagesbilder[1]?.id);
    const carried = draft.content.insatser;
    expect(carried.map((i) => i.title).sort()).toEqual(
      plan
        .filter((row) => row.status === "open")
        .map((row) => row.title)
        .sort(),
    );
    expect(carried.every((i) => i.isCarried && i.needsFollowUp)).toBe(true);
    const over = await viewer.lagesbild.overTime({ kind: "year", date: "2026-06-01" });
    expect(over.columns.length).toBeGreaterThanOrEqual(20);
    // Each watched area was serious at one meeting; Tjärna Ängar's (22 December 2025) is in the year before.
    const serious = over.strips.filter((s) => s.levels.includes("allvarligt")).map((s) => s.areaName);
    expect(serious).toHaveLength(4);
    expect(serious).not.toContain("Tjärna Ängar");
  });

  it("is the same every time it is seeded", async () => {
    const again = await createDemoTestDb("2026-11-15", { meetings: true });
    try {
      const read = async (db: TestDb["db"]) =>
        (
          await db.lagesbildSnapshot.findMany({ select: { content: true }, orderBy: { publishedAt: "asc" } })
        ).map((s) => {
          const content = JSON.parse(s.content) as {
            figures: unknown;
            statuses: unknown;
            assessment: string;
            insatser: { title: string; status: string }[];
          };
          return [
            content.figures,
            content.statuses,
            content.assessment,
            content.insatser.map((i) => [i.title, i.status]),
          ];
        });
      const first = await read(testDb.db);
      const second = await read(again.db);
      expect(JSON.stringify(second).replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "id")).toBe(
        JSON.stringify(first).replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "id"),
      );
    } finally {
      await again.close();
    }
  }, 180_000);
});
