import { describe, expect, it } from "vitest";
import { isInSwedishExtent, swerefToWgs84 } from "../../server/features/places/coordinates.ts";
import { gridLabel } from "../../shared/places.ts";

describe("SWEREF 99 TM to WGS84", () => {
  it("puts the central meridian at easting 500 000 and 60°N at the scaled GRS80 meridian arc", () => {
    // The GRS80 meridian arc from the equator to 60°N is 6 654 072,819 m; TM scales it by 0,9996.
    const [lon, lat] = swerefToWgs84("sweref99tm", 0.9996 * 6_654_072.819, 500_000);
    expect(lon).toBeCloseTo(15, 9);
    expect(lat).toBeCloseTo(60, 6);
  });

  it("places an easting east of the central meridian east of 15°, further apart nearer the pole", () => {
    const [lonSouth] = swerefToWgs84("sweref99tm", 6_200_000, 600_000);
    const [lonNorth] = swerefToWgs84("sweref99tm", 7_500_000, 600_000);
    expect(lonSouth).toBeGreaterThan(16.5);
    expect(lonNorth).toBeGreaterThan(lonSouth);
  });

  it("knows Sweden's extent in the grid, so swapped or foreign pairs are refused", () => {
    expect(isInSwedishExtent("sweref99tm", 6_707_000, 530_000)).toBe(true);
    expect(isInSwedishExtent("sweref99tm", 530_000, 6_707_000)).toBe(false);
    expect(isInSwedishExtent("sweref99tm", 60.48, 15.43)).toBe(false);
  });

  it("reads a local zone on its own meridian, unscaled, with false easting 150 000", () => {
    // SWEREF 99 15 00 (Dalarna's kommuner): scale 1, so 60°N is the meridian arc itself.
    const [lon, lat] = swerefToWgs84("sweref99_1500", 6_654_072.819, 150_000);
    expect(lon).toBeCloseTo(15, 9);
    expect(lat).toBeCloseTo(60, 6);
    const [lonEast] = swerefToWgs84("sweref99_1800", 6_654_072.819, 150_000);
    expect(lonEast).toBeCloseTo(18, 9);
    // The same pair read as national TM lies elsewhere; local eastings are outside TM's extent.
    expect(isInSwedishExtent("sweref99tm", 6_654_072.819, 150_000)).toBe(false);
    expect(isInSwedishExtent("sweref99_1500", 6_654_072.819, 150_000)).toBe(true);
    expect(gridLabel("sweref99_1500")).toBe("SWEREF 99 15 00 (N/E, EPSG:3009)");
  });
});
