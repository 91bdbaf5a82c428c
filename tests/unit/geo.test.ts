import { describe, expect, it } from "vitest";
import { distanceKm, routeLengthKm } from "../../shared/geo.ts";

describe("route lengths", () => {
  it("measures great-circle distances along a route", () => {
    // One degree of latitude is about 111.2 km anywhere.
    expect(distanceKm([15.4, 60.0], [15.4, 61.0])).toBeCloseTo(111.2, 1);
    // Along a parallel at 60° N a degree of longitude is about half of that.
    expect(distanceKm([15.0, 60.0], [16.0, 60.0])).toBeCloseTo(55.6, 0);
    expect(
      routeLengthKm([
        [15.4, 60.0],
        [15.4, 60.5],
        [15.4, 61.0],
      ]),
    ).toBeCloseTo(111.2, 1);
    expect(routeLengthKm([[15.4, 60.0]])).toBe(0);
  });
});
