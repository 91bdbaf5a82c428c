import proj4 from "proj4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoTestDb, demoCaller, outsiderCaller } from "../support/demo.ts";
import type { TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let analyst: Awaited<ReturnType<typeof demoCaller>>;
let partner: Awaited<ReturnType<typeof demoCaller>>;
let districts: { id: string; code: string | null; centroidLon: number; centroidLat: number }[];

const file = (fileName: string, text: string) => ({
  fileName,
  contentBase64: Buffer.from(text, "utf8").toString("base64"),
});
const decimal = (n: number, digits: number) => n.toFixed(digits).replace(".", ",");
/** The grid a kommun's address register uses, computed independently of the importer's code path. */
const toSweref = (lon: number, lat: number) =>
  proj4("WGS84", "+proj=utm +zone=33 +ellps=GRS80 +units=m +no_defs", [lon, lat]) as [number, number];
const ourPlaces = () =>
  testDb.db.place.findMany({ where: { name: { startsWith: "Test:" } }, orderBy: { name: "asc" } });

beforeAll(async () => {
  testDb = await createDemoTestDb("2026-11-15");
  analyst = await demoCaller(testDb.db, "analytiker@borlange.example");
  partner = await demoCaller(testDb.db, "partner@borlange.example");
  const areas = await testDb.db.area.findMany({
    where: { kind: "deso", centroidLon: { not: null } },
    select: { id: true, code: true, centroidLon: true, centroidLat: true },
    orderBy: { code: "asc" },
    take: 2,
  });
  districts = areas.map((area) => ({
    ...area,
    centroidLon: area.centroidLon ?? 0,
    centroidLat: area.centroidLat ?? 0,
  }));
});

afterAll(async () => {
  await testDb?.close();
});

describe("places (the address list partners report from)", () => {
  it("imports WGS84 and SWEREF 99 TM lists into the district each place lies in, and repeats without writing", async () => {
    const [first, second] = districts;
    if (!first || !second) throw new Error("the demo has DeSO areas");
    const wgs = [
      "Namn;Lat;Lon",
      `Test: Lekplatsen;${decimal(first.centroidLat, 6)};${decimal(first.centroidLon, 6)}`,
      `Test:   Busshållplatsen ;${decimal(second.centroidLat, 6)};${decimal(second.centroidLon, 6)}`,
    ].join("\n");
    const result = await analyst.places.import(file("platser.csv", wgs));
    expect(result).toMatchObject({ grid: "wgs84", rows: 2, added: 2, updated: 0, unchanged: 0 });
    const [north, east] = (() => {
      const [e, n] = toSweref(second.centroidLon, second.centroidLat);
      return [n, e];
    })();
    const sweref = [
      "Adress,N,E",
      `Test: Tvättstugan,${north.toFixed(1)},${east.toFixed(1)}`,
      // Moved: the same name with new coordinates updates the place.
      `Test: Lekplatsen,${north.toFixed(1)},${east.toFixed(1)}`,
    ].join("\n");
    expect(await analyst.places.import(file("adresser.csv", sweref))).toMatchObject({
      grid: "sweref99tm",
      rows: 2,
      added: 1,
      updated: 1,
      unchanged: 0,
    });
    const stored = await ourPlaces();
    expect(stored.map((place) => [place.name, place.areaId])).toEqual([
      ["Test: Busshållplatsen", second.id],
      ["Test: Lekplatsen", second.id],
      ["Test: Tvättstugan", second.id],
    ]);
    const laundry = stored.find((place) => place.name === "Test: Tvättstugan");
    expect(laundry?.lat).toBeCloseTo(second.centroidLat, 5);
    expect(laundry?.lon).toBeCloseTo(second.centroidLon, 5);
    expect(await analyst.places.import(file("adresser.csv", sweref))).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 2,
    });
    // Every member finds places with their district; partners report from them.
    const found = await partner.places.search({ query: "test: tvätt" });
    expect(found.places).toEqual([
      expect.objectContaining({ name: "Test: Tvättstugan", areaCode: second.code }),
    ]);
  });

  it("reads a kommun's register in a local SWEREF 99 zone when the zone is chosen", async () => {
    const [first] = districts;
    if (!first) throw new Error("the demo has DeSO areas");
    const [east, north] = proj4(
      "WGS84",
      "+proj=tmerc +lat_0=0 +lon_0=15 +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +units=m +no_defs",
      [first.centroidLon, first.centroidLat],
    ) as [number, number];
    const csv = `Namn;N;E\nTest: Zonplats;${decimal(north, 2)};${decimal(east, 2)}`;
    // Without the zone, the pair is not a national TM coordinate: refused, nothing written.
    const refused = await analyst.places.import(file("zon.csv", csv)).catch((e: unknown) => e);
    expect((refused as Error).message).toContain("inte en SWEREF 99 TM-koordinat");
    expect(await analyst.places.import({ ...file("zon.csv", csv), grid: "sweref99_1500" })).toMatchObject({
      grid: "sweref99_1500",
      added: 1,
    });
    const stored = await testDb.db.place.findFirstOrThrow({ where: { name: "Test: Zonplats" } });
    expect(stored.areaId).toBe(first.id);
    expect(stored.lon).toBeCloseTo(first.centroidLon, 6);
    // The wrong zone puts it some 40 km west, outside the kommun: refused with a hint about the system.
    const wrongZone = await analyst.places
      .import({ ...file("zon.csv", csv), grid: "sweref99_1415" })
      .catch((e: unknown) => e);
    expect((wrongZone as Error).message).toContain("är filen i SWEREF 99 14 15");
  });

  it("finds places by any part of the name: the exact name first, then its prefix, in Swedish order", async () => {
    const [first] = districts;
    if (!first) throw new Error("the demo has DeSO areas");
    const at = `${decimal(first.centroidLat, 6)};${decimal(first.centroidLon, 6)}`;
    const names = [
      "Storgatan 1",
      "Storgatan 10",
      "Storgatan 12",
      "Lilla Storgatan 1",
      "Östra Storgatan 1",
      "Ängsgatan 5",
      "Åsgatan 5",
      "100%_gatan",
    ];
    await analyst.places.import(
      file("gator.csv", ["Namn;Lat;Lon", ...names.map((name) => `${name};${at}`)].join("\n")),
    );
    const { total } = await partner.places.search({ query: "" });
    expect(total).toBe(await testDb.db.place.count());
    expect((await partner.places.search({ query: "storgatan 1" })).places.map((place) => place.name)).toEqual(
      ["Storgatan 1", "Storgatan 10", "Storgatan 12", "Lilla Storgatan 1", "Östra Storgatan 1"],
    );
    expect((await partner.places.search({ query: "storgatan 1", limit: 2 })).places).toHaveLength(2);
    // Swedish order: Å before Ä before Ö, all after Z.
    expect((await partner.places.search({ query: "gatan 5" })).places.map((place) => place.name)).toEqual([
      "Åsgatan 5",
      "Ängsgatan 5",
    ]);
    // % and _ are text, not patterns.
    expect((await partner.places.search({ query: "%_" })).places.map((place) => place.name)).toEqual([
      "100%_gatan",
    ]);
    expect((await partner.places.search({ query: "0%_g" })).places).toHaveLength(1);
    expect((await partner.places.search({ query: "_" })).places.map((place) => place.name)).toEqual([
      "100%_gatan",
    ]);
    // A name in another case is the same place: its spelling is updated, no second place appears.
    expect(await analyst.places.import(file("gator.csv", `Namn;Lat;Lon\nSTORGATAN 1;${at}`))).toMatchObject({
      added: 0,
      updated: 1,
    });
    const storgatan = await testDb.db.place.findMany({
      where: { name: { equals: "storgatan 1", mode: "insensitive" } },
    });
    expect(storgatan.map((place) => place.name)).toEqual(["STORGATAN 1"]);
  });

  it("rejects a bad list whole, naming row and column of each problem", async () => {
    const before = await ourPlaces();
    const [first] = districts;
    if (!first) throw new Error("the demo has DeSO areas");
    const good = `${decimal(first.centroidLat, 6)};${decimal(first.centroidLon, 6)}`;
    const bad = [
      "Plats;Latitud;Longitud",
      `Test: Ny plats;${good}`,
      `;${good}`,
      "Test: Fel ordning;15,43;60,48",
      "Test: Text;norr;15,4",
      `Test: Ny plats;${good}`,
      "Test: Stockholm;59,3293;18,0686",
    ].join("\n");
    const error = await analyst.places.import(file("platser.csv", bad)).catch((e: unknown) => e);
    expect((error as Error).message).toContain("5 fel i filen; inget importerades");
    const issues = (error as { cause?: { issues?: unknown } }).cause?.issues;
    expect(issues).toEqual([
      { row: 3, column: "Plats", reason: "namnet saknas" },
      { row: 4, column: "Latitud", reason: expect.stringContaining("förväxlade") },
      { row: 5, column: "Latitud", reason: "inte en latitud i grader: norr" },
      { row: 6, column: "Plats", reason: "samma namn som rad 2" },
      { row: 7, column: "Latitud", reason: expect.stringContaining("utanför arbetsytans områden") },
    ]);
    const missing = await analyst.places
      .import(file("platser.csv", "Namn;X;Y\nA;1;2"))
      .catch((e: unknown) => e);
    expect(String((missing as Error).message)).toContain("kolumnen saknas i rubrikraden (godtas: n, nord");
    expect(String((missing as Error).message)).toContain(
      "ange antingen lat och lon eller N och E i SWEREF 99 TM",
    );
    const offGrid = await analyst.places
      .import(file("platser.csv", "Namn;N;E\nTest: Långt bort;123;456"))
      .catch((e: unknown) => e);
    expect(String((offGrid as Error).message)).toContain("inte en SWEREF 99 TM-koordinat");
    expect(await ourPlaces()).toEqual(before);
  });

  it("refuses partners the import and removal, and shows no other workspace's places", async () => {
    const place = (await ourPlaces())[0];
    if (!place) throw new Error("the first test stored places");
    await expect(partner.places.import(file("p.csv", "Namn;Lat;Lon\nX;60,4;15,4"))).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(partner.places.remove({ id: place.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const outsider = await outsiderCaller(testDb.db);
    expect(await outsider.places.search({ query: "" })).toEqual({ total: 0, places: [] });
    await expect(outsider.places.remove({ id: place.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await analyst.places.remove({ id: place.id })).toEqual({ removed: 1 });
    expect((await ourPlaces()).some((entry) => entry.id === place.id)).toBe(false);
  });
});
