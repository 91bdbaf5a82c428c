import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { loginAs } from "../support/caller.ts";
import { createDemoTestDb, demoCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof loginAs>>["caller"];
let viewer: Awaited<ReturnType<typeof loginAs>>["caller"];
const PERIOD = { period: { kind: "quarter" as const, date: "2026-08-15" } };

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15");
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
  viewer = await demoCaller(testDb.db, "lasare@borlange.example");
});

afterAll(async () => {
  await testDb?.close();
});

describe("editing the code hierarchy", () => {
  it("moves a crime code into a new group, and every figure follows at once", async () => {
    const categories = await analyst.categories.list();
    const fraud = categories.find((c) => c.code === "G-BEDRAGERI");
    const code = categories.find((c) => c.parentId === fraud?.id && c.kind === "crime_code");
    if (!code) throw new Error("no crime code under fraud");
    const before = await analyst.analysis.compstat(PERIOD);
    const current = (c: string, rows = before.rows) => rows.find((row) => row.code === c)?.current ?? 0;
    expect(current(code.code)).toBeGreaterThan(0);

    const group = await analyst.categories.createGroup({
      nameSv: "Bedrägerier mot äldre",
      nameEn: "Fraud against the elderly",
      parentCode: null,
    });
    expect(group.code).toBe("G-BEDRAGERIER-MOT-ALDRE");
    await analyst.categories.update({ code: code.code, parentCode: group.code });

    const after = await analyst.analysis.compstat(PERIOD);
    expect(current(group.code, after.rows)).toBe(current(code.code));
    expect(current("G-BEDRAGERI", after.rows)).toBe(current("G-BEDRAGERI") - current(code.code));
    // The district picture filtered by the new group counts exactly the moved code.
    const stats = await analyst.overview.districtStats({ ...PERIOD, categoryCodes: [group.code] });
    expect(stats.total.count).toBe(current(code.code));

    await analyst.categories.update({ code: group.code, nameSv: "Bedrägerier mot personer över 65" });
    expect((await analyst.categories.list()).find((c) => c.code === group.code)?.nameSv).toBe(
      "Bedrägerier mot personer över 65",
    );
  });

  it("refuses moving a group below itself or under a code, and refuses viewers", async () => {
    const categories = await analyst.categories.list();
    const violence = categories.find((c) => c.code === "G-VALD");
    const child = categories.find((c) => c.parentId === violence?.id);
    await expect(
      analyst.categories.update({ code: "G-VALD", parentCode: child?.code ?? "" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      viewer.categories.createGroup({ nameSv: "Test", nameEn: "Test", parentCode: null }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(viewer.categories.update({ code: "G-VALD", nameSv: "Våld" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
