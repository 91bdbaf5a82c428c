import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../shared/calendar.ts";
import { FINDING_STATUSES, OPEN_FINDING_STATUSES } from "../../shared/field.ts";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

// What a newcomer finds on the field-input pages of the demo, read as the demo's analyst.
const END = "2026-11-15";
const YEAR_BEFORE = addDays(END, -365);
let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof demoCaller>>;

const localDay = (iso: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm" }).format(new Date(iso));
const isOpen = (status: string) => (OPEN_FINDING_STATUSES as readonly string[]).includes(status);

beforeAll(async () => {
  testDb = await createDemoTestDb(END);
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
});

afterAll(async () => {
  await testDb?.close();
});

/** Everything the field-input pages show, without the generated ids. */
async function fieldInputOf(caller: typeof analyst) {
  const [walks, findings, pending, decided, dialogues, trend] = await Promise.all([
    caller.walks.list(),
    caller.walks.findings({}),
    caller.reports.queue({ status: "pending" }),
    caller.reports.queue({ status: "decided" }),
    caller.dialogues.list(),
    caller.dialogues.themeTrend({ until: END, quarters: 8 }),
  ]);
  const withoutIds = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
  return {
    walks: walks.map(withoutIds),
    findings: findings.map(({ id: _id, walkId: _walk, ownerOrganizationId: _owner, ...rest }) => rest),
    reports: [...pending, ...decided].map(withoutIds),
    dialogues: dialogues.map(withoutIds),
    trend,
  };
}

describe("the demo's field input", () => {
  it("has safety walks over the past year in different districts, with routes, stops and people", async () => {
    const walks = await analyst.walks.list();
    expect(walks.length).toBeGreaterThanOrEqual(4);
    expect(walks.length).toBeLessThanOrEqual(6);
    expect(new Set(walks.map((walk) => walk.areaName)).size).toBe(walks.length);
    for (const walk of walks) {
      expect(localDay(walk.startsAt) >= YEAR_BEFORE && localDay(walk.startsAt) <= END).toBe(true);
      expect(walk.findings).toBeGreaterThan(0);
      const detail = await analyst.walks.get({ walkId: walk.id });
      expect(detail.route?.coordinates.length).toBeGreaterThanOrEqual(3);
      expect(detail.stops.length).toBeGreaterThan(0);
      expect(detail.organizers).not.toBe("");
      expect(Object.values(detail.participants).reduce((sum, n) => sum + n, 0)).toBeGreaterThan(5);
    }
  });

  it("has findings in every status, in their walk's district, with owners, due dates and history", async () => {
    const [walks, findings] = await Promise.all([analyst.walks.list(), analyst.walks.findings({})]);
    expect(findings.length).toBeGreaterThanOrEqual(10);
    expect(findings.length).toBeLessThanOrEqual(25);
    for (const status of FINDING_STATUSES)
      expect((await analyst.walks.findings({ statuses: [status] })).length, status).toBeGreaterThan(0);
    const overdue = findings.filter((f) => isOpen(f.status) && f.dueOn !== null && f.dueOn < END);
    expect(overdue.length).toBeGreaterThan(0);
    expect(findings.some((f) => isOpen(f.status) && f.dueOn !== null && f.dueOn > END)).toBe(true);
    const walkArea = new Map(walks.map((walk) => [walk.id, walk.areaName]));
    const owners = new Set(findings.map((f) => f.owner));
    for (const name of ["Borlänge kommun", "LPO Borlänge", "Tunabyggen", "Räddningstjänsten Dala Mitt"])
      expect(owners).toContain(name);
    for (const finding of findings) {
      expect(finding.areaName).toBe(walkArea.get(finding.walkId ?? ""));
      if (finding.status === "avvisad") expect(finding.statusReason).toBeTruthy();
      if (finding.status !== "ny" && finding.status !== "avvisad") expect(finding.owner).toBeTruthy();
      // The history starts when the finding was recorded and leads, step by allowed step, to its status.
      const steps = finding.history;
      expect(steps[0]).toMatchObject({ from: null, at: finding.createdAt });
      expect(steps.at(-1)?.to).toBe(finding.status);
      for (const [index, step] of steps.entries()) {
        if (index === 0) continue;
        expect(step.from).toBe(steps[index - 1]?.to);
        expect(step.at > (steps[index - 1]?.at ?? "")).toBe(true);
      }
      expect(localDay(steps.at(-1)?.at ?? "") <= END).toBe(true);
    }
  });

  it("has partner and citizen reports waiting for review, and earlier ones approved or rejected", async () => {
    const pending = await analyst.reports.queue({ status: "pending" });
    expect(new Set(pending.map((report) => report.kind))).toEqual(new Set(["partner", "citizen"]));
    expect(pending.filter((report) => report.kind === "partner").map((r) => r.organizationName)).toContain(
      "Tunabyggen",
    );
    const decided = await analyst.reports.queue({ status: "decided" });
    const approved = decided.filter((report) => report.status === "approved");
    expect(new Set(approved.map((report) => report.kind))).toEqual(new Set(["partner", "citizen"]));
    const rejected = decided.filter((report) => report.status === "rejected");
    expect(new Set(rejected.map((report) => report.kind))).toEqual(new Set(["partner", "citizen"]));
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.every((report) => Boolean(report.reviewReason))).toBe(true);
    expect([...pending, ...approved, ...rejected].every((report) => report.areaName !== null)).toBe(true);
  });

  it("has dialogues with attendance and themes every quarter, two planned, and a theme rising", async () => {
    const dialogues = await analyst.dialogues.list();
    const held = dialogues.filter((dialogue) => localDay(dialogue.startsAt) <= END);
    const planned = dialogues.filter((dialogue) => localDay(dialogue.startsAt) > END);
    expect(new Set(held.map((dialogue) => dialogue.kind))).toEqual(
      new Set(["medborgardialog", "medarbetardialog"]),
    );
    expect(held.every((dialogue) => (dialogue.attendance ?? 0) > 0 && dialogue.themes.length > 0)).toBe(true);
    expect(held.every((dialogue) => localDay(dialogue.startsAt) >= addDays(YEAR_BEFORE, -30))).toBe(true);
    expect(planned).toHaveLength(2);
    expect(planned.every((dialogue) => dialogue.attendance === null && dialogue.themes.length === 0)).toBe(
      true,
    );
    const trend = await analyst.dialogues.themeTrend({ until: END, quarters: 8 });
    const perQuarter = trend.quarters.map((_, index) =>
      trend.series.reduce((sum, series) => sum + (series.strength[index] ?? 0), 0),
    );
    expect(perQuarter.slice(-5).every((strength) => strength > 0)).toBe(true);
    expect(trend.rising.map((rise) => rise.theme)).toContain("bedragerier_aldre");
  });

  it("is the same when seeded again", async () => {
    const again = await createDemoTestDb(END);
    try {
      const first = await fieldInputOf(analyst);
      const second = await fieldInputOf(await demoCaller(again.db, "analytiker@borlange.example"));
      expect(second).toEqual(first);
      expect(first.findings).toHaveLength(await testDb.db.walkFinding.count());
    } finally {
      await again.close();
    }
  });
});
