import { describe, expect, it } from "vitest";
import { createLoginThrottle } from "../../server/features/auth/login-throttle.ts";

const refused = (attempt: () => unknown) => {
  try {
    attempt();
    return false;
  } catch (error) {
    return (error as { code?: string }).code === "RATE_LIMITED";
  }
};

describe("login throttle", () => {
  it("counts an attempt when it starts, and backs off exponentially after the free ones", () => {
    let now = 0;
    const throttle = createLoginThrottle({ now: () => now });
    for (let i = 0; i < 5; i++) expect(refused(() => throttle.begin("a@example.se", "10.0.0.1"))).toBe(false);
    // The sixth comes too soon: refused without counting, until the back-off (1 s, then 2 s, ...) has passed.
    expect(refused(() => throttle.begin("a@example.se", "10.0.0.1"))).toBe(true);
    now += 999;
    expect(refused(() => throttle.begin("a@example.se", "10.0.0.1"))).toBe(true);
    now += 1;
    expect(refused(() => throttle.begin("a@example.se", "10.0.0.1"))).toBe(false);
    now += 1999;
    expect(refused(() => throttle.begin("a@example.se", "10.0.0.1"))).toBe(true);
    now += 1;
    expect(refused(() => throttle.begin("a@example.se", "10.0.0.1"))).toBe(false);
    // Never a hard lock: the same account from another address is not held back.
    expect(refused(() => throttle.begin("a@example.se", "10.0.0.2"))).toBe(false);
    // Failures age out of the window.
    now += 60 * 60_000;
    expect(refused(() => throttle.begin("a@example.se", "10.0.0.1"))).toBe(false);
  });

  it("caps the back-off, so a patient attacker gets a few guesses an hour and the account stays usable", () => {
    let now = 0;
    const throttle = createLoginThrottle({ now: () => now });
    let admitted = 0;
    for (let second = 0; second < 3600; second++) {
      now = second * 1000;
      if (!refused(() => throttle.begin("b@example.se", "10.0.0.9"))) admitted++;
    }
    expect(admitted).toBeGreaterThan(5);
    expect(admitted).toBeLessThan(25);
  });

  it("limits one address across many accounts", () => {
    const throttle = createLoginThrottle({ now: () => 0 });
    const outcomes = Array.from({ length: 40 }, (_, i) =>
      refused(() => throttle.begin(`u${i}@example.se`, "10.0.0.3")),
    );
    expect(outcomes.indexOf(true)).toBe(30);
    expect(refused(() => throttle.begin("other@example.se", "10.0.0.4"))).toBe(false);
  });

  it("forgets a successful attempt: the right password does not push its address or account towards a limit", () => {
    const throttle = createLoginThrottle({ now: () => 0 });
    for (let i = 0; i < 100; i++) throttle.begin("c@example.se", "10.0.0.5").succeeded();
    expect(refused(() => throttle.begin("c@example.se", "10.0.0.5"))).toBe(false);
  });

  it("slows an account guessed from many addresses, but only for a short while", () => {
    let now = 0;
    const throttle = createLoginThrottle({ now: () => now });
    const outcomes = Array.from({ length: 100 }, (_, i) =>
      refused(() => throttle.begin("d@example.se", `10.1.${i}.1`)),
    );
    expect(outcomes.indexOf(true)).toBe(50);
    expect(refused(() => throttle.begin("d@example.se", "10.2.0.1"))).toBe(true);
    now += 30_000;
    expect(refused(() => throttle.begin("d@example.se", "10.2.0.1"))).toBe(false);
  });
});
