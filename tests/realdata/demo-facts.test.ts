import fs from "node:fs";
import path from "node:path";
import area from "@turf/area";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { expect, it } from "vitest";
import { BORLANGE, BORLANGE_DESO } from "../../prisma/demo/borlange.ts";
import { BORLANGE_SHAPES_SOURCE, readBorlangeShapes } from "../../prisma/demo/borlange-shapes.ts";
import { DEMO_CATEGORY_TREE, type DemoCategory } from "../../prisma/demo/categories.ts";
import { describeRealData, readCsv, SHARED_DATA } from "../support/shared-data.ts";

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

  it("has SCB's DeSO boundary for each area, simplified: codes match, centroid inside, area within 5 %", () => {
    const source = JSON.parse(
      fs.readFileSync(path.join(SHARED_DATA, "dalarna/deso_dalarna.geojson"), "utf8"),
    ) as FeatureCollection<Polygon | MultiPolygon, { desokod: string; Kommunkod: string }>;
    const official = new Map(
      source.features
        .filter((feature) => feature.properties.Kommunkod === BORLANGE.code)
        .map((feature) => [feature.properties.desokod, feature.geometry]),
    );
    const shapes = readBorlangeShapes();
    expect([...shapes.keys()].sort()).toEqual([...official.keys()].sort());
    expect(BORLANGE_DESO.map((deso) => deso.code).sort()).toEqual([...shapes.keys()].sort());
    for (const deso of BORLANGE_DESO) {
      const shape = shapes.get(deso.code);
      const original = official.get(deso.code);
      if (!shape || !original) throw new Error(`${deso.code} missing`);
      expect(booleanPointInPolygon([deso.lon, deso.lat], shape), deso.code).toBe(true);
      const ratio = area(shape) / area(original);
      expect(Math.abs(ratio - 1), deso.code).toBeLessThan(0.05);
    }
    const file = fs.readFileSync(new URL("../../prisma/demo/borlange-shapes.json", import.meta.url));
    expect(file.length).toBeLessThan(150_000);
    expect(JSON.parse(file.toString("utf8")).source).toBe(BORLANGE_SHAPES_SOURCE);
  });
});
