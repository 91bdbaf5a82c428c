import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { ImportRejectedError } from "../../server/features/imports/import-errors.ts";
import { undoImportBatch } from "../../server/features/imports/imports.service.ts";
import { importPoliceEvents, parseEventTime } from "../../server/features/incidents/police-events.ts";
import { actingAnalyst } from "../support/scope.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let workspaceId: string;

const event = (id: number, overrides: Record<string, unknown> = {}) => ({
  id,
  datetime: "2026-03-28 9:05:11 +01:00",
  name: "28 mars 09.05, Stöld, Borlänge",
  summary: "Cykel stulen vid stationen.",
  url: `/aktuellt/handelser/${id}/`,
  type: "Stöld",
  location: { name: "Borlänge", gps: "60.484304,15.433969" },
  ...overrides,
});

const run = (events: unknown[]) =>
  importPoliceEvents({
    db: testDb.db,
    workspaceId,
    timeZone: "Europe/Stockholm",
    userId: null,
    fileName: "events.json",
    content: JSON.stringify(events),
  });

beforeAll(async () => {
  testDb = await createTestDb();
  workspaceId = (await createWorkspace(testDb.db)).id;
  for (const [code, name, lon, lat] of [
    ["2081", "Borlänge", 15.43, 60.48],
    ["0139", "Upplands-Bro", 17.63, 59.52],
  ] as const) {
    await testDb.db.area.create({
      data: { workspaceId, kind: "kommun", code, name, centroidLon: lon, centroidLat: lat },
    });
  }
});

afterAll(async () => {
  await testDb?.close();
});

describe("police events API", () => {
  it("reads times with unpadded hours and either DST offset", () => {
    expect(parseEventTime("2025-10-03 9:05:11 +02:00")?.toISOString()).toBe("2025-10-03T07:05:11.000Z");
    expect(parseEventTime("2025-10-27 23:59:00 +01:00")?.toISOString()).toBe("2025-10-27T22:59:00.000Z");
    expect(parseEventTime("2025-10-27T23:59:00Z")).toBeNull();
  });

  it("maps drifting place names to kommuner, skips summaries and deduplicates by id", async () => {
    const batch = await run([
      event(1),
      // Since 2026 the location is often the county; the kommun is the last part of the name.
      event(2, {
        location: { name: "Dalarnas län", gps: "60.6,15.0" },
        name: "28 mars 22.10, Brand, Borlänge",
        type: "Brand",
      }),
      event(3, {
        location: { name: "Upplands-bro", gps: "59.52,17.63" },
        name: "29 mars 1.15, Misshandel, Upplands-bro",
        type: "Misshandel",
        datetime: "2026-03-29 1:15:00 +01:00",
      }),
      event(4, {
        type: "Sammanfattning natt",
        name: "29 mars 06.00, Sammanfattning natt, Dalarnas län",
        location: { name: "Dalarnas län" },
      }),
      event(5, { location: { name: "Malmö", gps: "55.6,13.0" }, name: "28 mars, Stöld, Malmö" }),
      event(1),
    ]);
    expect(batch.summary).toEqual({
      events: 6,
      imported: 3,
      summaries: 1,
      outsideWorkspace: 1,
      duplicates: 1,
    });
    const stored = await testDb.db.$queryRaw<
      {
        externalId: string;
        code: string | null;
        nameSv: string;
        pointPrecision: string;
        lon: number;
        lat: number;
        registeredOn: Date;
      }[]
    >`SELECT i.external_id AS "externalId", a.code, i.lon, i.lat, i.registered_on AS "registeredOn", c.name_sv AS "nameSv", i.point_precision::text AS "pointPrecision"
      FROM incidents i JOIN categories c ON c.workspace_id = i.workspace_id AND c.id = i.category_id
      LEFT JOIN areas a ON a.workspace_id = i.workspace_id AND a.id = i.area_id
      ORDER BY i.external_id`;
    expect(stored.map((s) => [s.externalId, s.code, s.nameSv, s.pointPrecision])).toEqual([
      ["1", "2081", "Stöld", "kommun_centroid"],
      ["2", "2081", "Brand", "kommun_centroid"],
      ["3", "0139", "Misshandel", "kommun_centroid"],
    ]);
    // The county's centre is not the kommun's: the kommun's own centroid is stored instead.
    expect([stored[1]?.lon, stored[1]?.lat]).toEqual([15.43, 60.48]);
    // 29 March 01:15 (+01:00) is still 29 March in Stockholm after the clocks change.
    expect(stored[2]?.registeredOn.toISOString().slice(0, 10)).toBe("2026-03-29");
  });

  it("changes nothing when the same events are imported again", async () => {
    const before = await testDb.db.incident.count();
    await run([
      event(1),
      event(3, {
        location: { name: "Upplands-bro" },
        name: "x, Misshandel, Upplands-bro",
        type: "Misshandel",
      }),
    ]);
    expect(await testDb.db.incident.count()).toBe(before);
  });

  it("undoes an import that changed events by restoring their earlier versions", async () => {
    const summaryOf = async (externalId: string) =>
      (
        await testDb.db.incident.findFirst({
          where: { workspaceId, externalId },
          select: { description: true },
        })
      )?.description;
    const first = await run([event(20)]);
    const corrected = await run([event(20, { summary: "Cykel återfunnen." }), event(21)]);
    expect(await summaryOf("20")).toBe("Cykel återfunnen.");
    // The first import is no longer the latest of its source: undo it last.
    const analyst = await actingAnalyst(testDb.db, workspaceId);
    await expect(undoImportBatch(analyst, first.id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(undoImportBatch(analyst, corrected.id)).resolves.toEqual({
      removed: 2,
      restored: 1,
    });
    expect(await summaryOf("20")).toBe("Cykel stulen vid stationen.");
    expect(await summaryOf("21")).toBeUndefined();
    const restored = await testDb.db.incident.findFirst({ where: { workspaceId, externalId: "20" } });
    expect(restored?.importBatchId).toBe(first.id);
  });

  it("rejects malformed events with the position and field, writing nothing", async () => {
    const before = await testDb.db.incident.count();
    const error = await run([
      event(10),
      { ...event(11), datetime: "igår" },
      { ...event(12), id: "tolv" },
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect((error as ImportRejectedError).issues.map((i) => [i.row, i.column])).toEqual([
      [2, "datetime"],
      [3, "id"],
    ]);
    expect(await testDb.db.incident.count()).toBe(before);
    await expect(
      importPoliceEvents({
        db: testDb.db,
        workspaceId,
        timeZone: "Europe/Stockholm",
        userId: null,
        fileName: "x",
        content: "{inte json",
      }),
    ).rejects.toBeInstanceOf(ImportRejectedError);
  });
});
