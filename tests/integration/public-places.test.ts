import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importPlaces } from "../../server/features/places/places.service.ts";
import {
  PUBLIC_PLACE_RESULTS,
  PUBLIC_PLACE_SEARCH_LIMIT,
  publicPlaceLimiter,
} from "../../server/features/places/public-places.service.ts";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { callerFor } from "../support/caller.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

let testDb: TestDb;
const SLUG = "est-platser";
const OTHER = "est-grannkommun";
// Mjälga-Centrum's centroid: inside Borlänge's districts.
const PLACE = { lat: 60.48153, lon: 15.449798 };

const importList = (workspaceId: string, names: string[]) =>
  importPlaces({
    db: testDb.db,
    workspaceId,
    fileName: "platser.csv",
    content: Buffer.from(
      ["Namn;Lat;Lon", ...names.map((name, i) => `${name};${PLACE.lat + i * 1e-5};${PLACE.lon}`)].join("\n"),
    ),
  });

beforeAll(async () => {
  testDb = await createTestDb();
  const workspace = await createWorkspace(testDb.db, { slug: SLUG });
  const other = await createWorkspace(testDb.db, { slug: OTHER });
  await createBorlangeAreas(testDb.db, workspace.id);
  await createBorlangeAreas(testDb.db, other.id);
  await importList(workspace.id, [
    "Stationsgatan 1",
    "Stationsgatan 3",
    ...Array.from({ length: 12 }, (_, i) => `Lekplatsen ${i + 1}`),
  ]);
  await importList(other.id, ["Stationsgatan 99 (grannkommunen)"]);
});

afterAll(async () => {
  await testDb?.close();
});

describe("the citizen's place search", () => {
  it("answers without a session with names and points of the named workspace's list only", async () => {
    const { caller } = callerFor(testDb.db, { clientIp: "203.0.113.1" });
    const places = await caller.places.publicSearch({ workspace: SLUG, query: "stationsg" });
    expect(places.map((p) => p.name)).toEqual(["Stationsgatan 1", "Stationsgatan 3"]);
    for (const place of places) expect(Object.keys(place).sort()).toEqual(["areaName", "lat", "lon", "name"]);
    expect(places[0]?.lat).toBeCloseTo(PLACE.lat, 5);
    const other = await caller.places.publicSearch({ workspace: OTHER, query: "stationsg" });
    expect(other.map((p) => p.name)).toEqual(["Stationsgatan 99 (grannkommunen)"]);
  });

  it("gives a few suggestions at a time, never the list", async () => {
    const { caller } = callerFor(testDb.db, { clientIp: "203.0.113.2" });
    const places = await caller.places.publicSearch({ workspace: SLUG, query: "Lekplatsen" });
    expect(places).toHaveLength(PUBLIC_PLACE_RESULTS);
    await expect(caller.places.publicSearch({ workspace: SLUG, query: "L" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(caller.places.publicSearch({ workspace: "finns-inte", query: "Lek" })).rejects.toMatchObject(
      {
        code: "NOT_FOUND",
      },
    );
  });

  it("is limited per client address and workspace", async () => {
    const ip = "203.0.113.3";
    const { caller } = callerFor(testDb.db, { clientIp: ip });
    for (let i = 0; i < PUBLIC_PLACE_SEARCH_LIMIT.max; i++)
      await caller.places.publicSearch({ workspace: SLUG, query: "Lek" });
    await expect(caller.places.publicSearch({ workspace: SLUG, query: "Lek" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    // Another address, and the same address in another workspace, are not held back.
    const { caller: neighbour } = callerFor(testDb.db, { clientIp: "203.0.113.4" });
    expect(await neighbour.places.publicSearch({ workspace: SLUG, query: "Lek" })).toHaveLength(
      PUBLIC_PLACE_RESULTS,
    );
    expect(await caller.places.publicSearch({ workspace: OTHER, query: "Stat" })).toHaveLength(1);
    const workspace = await testDb.db.workspace.findUniqueOrThrow({ where: { slug: SLUG } });
    publicPlaceLimiter.reset(`${workspace.id}|${ip}`);
  });
});
