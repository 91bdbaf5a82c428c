import { describe, expect, it } from "vitest";
import { createLoginThrottle } from "../../server/features/auth/login-throttle.ts";

describe("login throttle", () => {
  it("blocks an account after repeated failures until the window has passed", () => {
    let now = 0;
    const throttle = createLoginThrottle({ windowMs: 1000, maxFailures: 3, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(throttle.isBlocked("a@example.se")).toBe(false);
      throttle.recordFailure("a@example.se");
    }
    expect(throttle.isBlocked("a@example.se")).toBe(true);
    expect(throttle.isBlocked("b@example.se")).toBe(false);
    now = 1001;
    expect(throttle.isBlocked("a@example.se")).toBe(false);
  });

  it("forgets failures after a successful login", () => {
    const throttle = createLoginThrottle({ maxFailures: 2 });
    throttle.recordFailure("a@example.se");
    throttle.reset("a@example.se");
    throttle.recordFailure("a@example.se");
    expect(throttle.isBlocked("a@example.se")).toBe(false);
  });
});
