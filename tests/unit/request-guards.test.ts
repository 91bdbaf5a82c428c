import { describe, expect, it } from "vitest";
import {
  bodyLimitFor,
  DEFAULT_BODY_LIMIT,
  PUBLIC_BODY_LIMIT,
  procedurePathsOf,
} from "../../server/body-limits.ts";
import { clientAddressOf } from "../../server/context.ts";

describe("client address", () => {
  it("takes the hop the trusted proxies added, never the client-controlled leftmost entry", () => {
    const forwardedFor = "6.6.6.6, 203.0.113.7, 10.0.0.2";
    expect(clientAddressOf({ forwardedFor, socketAddress: "10.0.0.1", trustedProxies: 0 })).toBe("10.0.0.1");
    expect(clientAddressOf({ forwardedFor, socketAddress: "10.0.0.1", trustedProxies: 1 })).toBe("10.0.0.2");
    expect(clientAddressOf({ forwardedFor, socketAddress: "10.0.0.1", trustedProxies: 2 })).toBe(
      "203.0.113.7",
    );
    // More trusted proxies than entries: the furthest entry there is.
    expect(
      clientAddressOf({ forwardedFor: "203.0.113.8", socketAddress: "10.0.0.1", trustedProxies: 3 }),
    ).toBe("203.0.113.8");
    expect(clientAddressOf({ forwardedFor: undefined, socketAddress: "10.0.0.1", trustedProxies: 1 })).toBe(
      "10.0.0.1",
    );
  });
});

describe("body limits", () => {
  it("give imports and photos room and everything else a small limit; a batch gets the sum", () => {
    expect(bodyLimitFor(["auth.login"])).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor(["reports.citizen"])).toBe(PUBLIC_BODY_LIMIT);
    expect(bodyLimitFor(["imports.policeDelivery"])).toBeGreaterThan(40 * 1024 * 1024);
    expect(bodyLimitFor(["places.import"])).toBe(bodyLimitFor(["imports.preview"]));
    expect(bodyLimitFor(["walks.addFinding"])).toBeGreaterThan(4 * PUBLIC_BODY_LIMIT - 1);
    expect(bodyLimitFor(["auth.login", "auth.me"])).toBe(2 * DEFAULT_BODY_LIMIT);
    expect(DEFAULT_BODY_LIMIT).toBeLessThanOrEqual(1024 * 1024);
  });

  it("read the procedures a tRPC URL names, even a malformed one", () => {
    expect(procedurePathsOf("/trpc/auth.login,imports.preview?batch=1", "/trpc/")).toEqual([
      "auth.login",
      "imports.preview",
    ]);
    expect(procedurePathsOf("/trpc/auth.login%E0", "/trpc/")).toEqual(["auth.login%E0"]);
  });
});
