import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { loginAs } from "../support/caller.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let admin: Awaited<ReturnType<typeof loginAs>>["caller"];
let analyst: Awaited<ReturnType<typeof loginAs>>["caller"];

const file = (fileName: string, text: string) => ({
  fileName,
  contentBase64: Buffer.from(text, "utf8").toString("base64"),
});
const square = (lon: number, lat: number) => ({
  type: "Polygon",
  coordinates: [
    [
      [lon, lat],
      [lon + 0.01, lat],
      [lon + 0.01, lat + 0.01],
      [lon, lat + 0.01],
      [lon, lat],
    ],
  ],
});
// Two DeSO areas in a file that has codes but no names, as SCB's own DeSO file has.
const areasWithoutNames = file(
  "deso.geojson",
  JSON.stringify({
    type: "FeatureCollection",
    features: [
      { type: "Feature", properties: { desokod: "2081C1090" }, geometry: square(15.44, 60.47) },
      { type: "Feature", properties: { desokod: "2081C1160" }, geometry: square(15.45, 60.48) },
    ],
  }),
);
const HEADER =
  "Kommunkod,desokod,Brottskod,Brottskod text,Inskrivningsdatum,Brottsdatum från,Brottsdatum till,antal_brott,kallfil,regsonamn";
const delivery = (month: string, rows: string[]) =>
  file(`Brottsstatistik_Borlange_2026${month}.csv`, [HEADER, ...rows].join("\n"));

beforeAll(async () => {
  testDb = await createTestDb();
  const workspace = await createWorkspace(testDb.db);
  for (const [email, role] of [
    ["admin@names.example", "admin"],
    ["analyst@names.example", "analyst"],
  ] as const)
    await createUser(testDb.db, { email, memberships: [{ workspaceId: workspace.id, role }] });
  admin = (await loginAs(testDb.db, "admin@names.example", TEST_PASSWORD, workspace.slug)).caller;
  analyst = (await loginAs(testDb.db, "analyst@names.example", TEST_PASSWORD, workspace.slug)).caller;
});

afterAll(async () => {
  await testDb?.close();
});

const nameOf = async (code: string) => (await admin.areas.list()).find((area) => area.code === code)?.name;

describe("area names", () => {
  it("names areas imported without a name from the police delivery's regsonamn, and keeps what an admin chose", async () => {
    await analyst.imports.areas({ ...areasWithoutNames, kind: "deso", codeProperty: "desokod" });
    expect(await nameOf("2081C1090")).toBe("2081C1090");

    await analyst.imports.policeDelivery(
      delivery("03", [
        "2081,2081C1090,853,Stöld,2026-03-05,2026-03-04,-,2,Brottsstatistik_Borlange_202603.csv,Mjälga-Centrum",
        "2081,2081C1160,853,Stöld,2026-03-06,-,-,1,Brottsstatistik_Borlange_202603.csv,Forssa",
      ]),
    );
    expect(await nameOf("2081C1090")).toBe("Mjälga-Centrum");
    expect(await nameOf("2081C1160")).toBe("Forssa");
    const geometries = await analyst.areas.districtGeometries();
    expect(geometries.features.map((feature) => feature.properties.name).sort()).toEqual([
      "Forssa",
      "Mjälga-Centrum",
    ]);

    const forssa = (await admin.areas.list()).find((area) => area.code === "2081C1160");
    const renamed = await admin.areas.rename({ areaId: forssa?.id ?? "", name: "  Forssa och Hagalund " });
    expect(renamed).toMatchObject({ code: "2081C1160", name: "Forssa och Hagalund" });

    // Neither a later delivery nor a re-import of the nameless file undoes a chosen name.
    await analyst.imports.policeDelivery(
      delivery("04", [
        "2081,2081C1160,853,Stöld,2026-04-06,-,-,1,Brottsstatistik_Borlange_202604.csv,Forssa",
      ]),
    );
    await analyst.imports.areas({ ...areasWithoutNames, kind: "deso", codeProperty: "desokod" });
    expect(await nameOf("2081C1160")).toBe("Forssa och Hagalund");
    expect(await nameOf("2081C1090")).toBe("Mjälga-Centrum");
  });

  it("lets only admins rename, refuses an empty name and another workspace's area", async () => {
    const area = (await admin.areas.list())[0];
    if (!area) throw new Error("no area");
    await expect(analyst.areas.rename({ areaId: area.id, name: "Något" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(admin.areas.rename({ areaId: area.id, name: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      admin.areas.rename({ areaId: "01900000-0000-7000-8000-000000000000", name: "Något" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
