import { expect, it } from "vitest";
import { BORLANGE, BORLANGE_DESO } from "../../prisma/demo/borlange.ts";
import { DEMO_CATEGORY_TREE, type DemoCategory } from "../../prisma/demo/categories.ts";
import { approximateDistricts } from "../../server/features/areas/approximate-districts.ts";
import { describeRealData, readCsv } from "../support/shared-data.ts";

type CentroidRow = {
  desokod: string;
  regsokod: string;
  namn_fran_brottsdata: string;
  kommunkod: string;
  centroid_lon: string;
  centroid_lat: string;
};
type PopulationRow = { desokod: string; Kommunkod: string; år: string; bef: string };
type CrimeRow = { Kommunkod: string; Brottskod: string; desokod: string };

describeRealData("the demo's Borlänge facts against SCB's and the police's files", () => {
  it("has exactly Borlänge's 27 DeSO areas with their codes, RegSO, names and centroids", () => {
    const rows = readCsv<CentroidRow>("dalarna/deso_namn_centroider_dalarna.csv").filter(
      (row) => row.kommunkod === BORLANGE.code,
    );
    expect(rows).toHaveLength(27);
    expect(BORLANGE_DESO.map((d) => d.code).sort()).toEqual(rows.map((r) => r.desokod).sort());
    for (const row of rows) {
      const deso = BORLANGE_DESO.find((d) => d.code === row.desokod);
      expect(deso).toMatchObject({ regsoCode: row.regsokod, name: row.namn_fran_brottsdata });
      expect(deso?.lon).toBeCloseTo(Number(row.centroid_lon), 5);
      expect(deso?.lat).toBeCloseTo(Number(row.centroid_lat), 5);
    }
  });

  it("has each area's population for every year in the population file", () => {
    const rows = readCsv<PopulationRow>("dalarna/bef_deso_dalarna.csv").filter(
      (row) => row.Kommunkod === BORLANGE.code,
    );
    expect(rows.length).toBe(27 * 4);
    for (const row of rows) {
      const deso = BORLANGE_DESO.find((d) => d.code === row.desokod);
      expect(deso?.population[Number(row.år)]).toBe(Math.round(Number(row.bef)));
    }
  });

  it("uses crime codes that the police really delivered for Borlänge", () => {
    const delivered = new Set(
      [
        ...readCsv<CrimeRow>("dalarna/brott_polisen_dalarna_2022.csv"),
        ...readCsv<CrimeRow>("dalarna/brott_polisen_dalarna_2023.csv"),
      ]
        .filter((row) => row.Kommunkod === BORLANGE.code)
        .map((row) => row.Brottskod),
    );
    const leaves = (nodes: DemoCategory[]): DemoCategory[] =>
      nodes.flatMap((node) => (node.children ? leaves(node.children) : [node]));
    const crimeCodes = leaves(DEMO_CATEGORY_TREE)
      .filter((node) => node.kind === "crime_code")
      .map((node) => node.code);
    expect(crimeCodes.length).toBeGreaterThan(15);
    expect(crimeCodes.filter((code) => !delivered.has(code))).toEqual([]);
  });

  it("draws one approximate district per DeSO, each around its own centroid", () => {
    const shapes = approximateDistricts(BORLANGE_DESO);
    expect(shapes.size).toBe(27);
    for (const deso of BORLANGE_DESO) {
      const shape = shapes.get(deso.code);
      const ring = shape?.type === "Polygon" ? shape.coordinates[0] : shape?.coordinates[0]?.[0];
      expect(ring && containsPoint(ring, [deso.lon, deso.lat])).toBe(true);
    }
  });
});

function containsPoint(ring: number[][], [x, y]: [number, number]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
