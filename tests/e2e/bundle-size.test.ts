import { describe, expect, it } from "vitest";
import { FIRST_ROUTE_LIMIT_BYTES, routeSizes } from "../../scripts/bundle-size.ts";

// The global set-up built the client (dist/client, with its manifest) for this suite.
describe("the first route's JavaScript", () => {
  it("stays under 250 kB gzip for the login and for the overview before its map and charts", () => {
    const { entryBytes, overviewBytes } = routeSizes();
    expect(entryBytes).toBeGreaterThan(50 * 1024);
    expect(overviewBytes).toBeGreaterThan(entryBytes);
    expect(overviewBytes).toBeLessThanOrEqual(FIRST_ROUTE_LIMIT_BYTES);
  });
});
