import { AppError } from "../../errors.ts";

/**
 * Back-off on login attempts, never a hard lock. Each attempt is counted when it starts (before
 * its password is checked, so a batch of concurrent guesses counts in full) under three keys:
 * the account from this address (strict), the address across accounts (credential stuffing), and
 * the account across addresses (a distributed guesser; short, so its real user is only slowed).
 * After a key's free attempts within the window, each further one must wait twice as long as the
 * last, up to the key's cap; refused attempts are not counted, and a successful one is forgotten.
 * Kept per process, in memory only: addresses are never stored.
 */
const WINDOW_MS = 60 * 60_000;
const BASE_DELAY_MS = 1000;
const RULES = {
  pair: { free: 5, maxDelayMs: 15 * 60_000 },
  address: { free: 30, maxDelayMs: 15 * 60_000 },
  account: { free: 50, maxDelayMs: 30_000 },
} as const;
const MAX_KEYS = 100_000;

type Rule = (typeof RULES)[keyof typeof RULES];

export function createLoginThrottle(options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  const attempts = new Map<string, number[]>();

  const recent = (key: string) => {
    const list = (attempts.get(key) ?? []).filter((at) => now() - at < WINDOW_MS);
    if (list.length === 0) attempts.delete(key);
    else attempts.set(key, list);
    return list;
  };
  const waitFor = (key: string, rule: Rule) => {
    const list = recent(key);
    if (list.length < rule.free) return 0;
    const delay = Math.min(BASE_DELAY_MS * 2 ** (list.length - rule.free), rule.maxDelayMs);
    return Math.max(0, (list.at(-1) ?? 0) + delay - now());
  };
  const forgetIdleKeys = () => {
    if (attempts.size <= MAX_KEYS / 10) return;
    for (const key of attempts.keys()) recent(key);
    // Still too many live keys (a spray from many addresses): the oldest go first.
    for (const key of attempts.keys()) {
      if (attempts.size <= MAX_KEYS) break;
      attempts.delete(key);
    }
  };

  return {
    /** Counts a login attempt or refuses it (RATE_LIMITED) while any of its keys backs off. */
    begin(email: string, address: string) {
      const account = email.trim().toLowerCase();
      const keys = [
        [`pair:${account}:${address}`, RULES.pair],
        [`address:${address}`, RULES.address],
        [`account:${account}`, RULES.account],
      ] as const;
      const waitMs = Math.max(...keys.map(([key, rule]) => waitFor(key, rule)));
      if (waitMs > 0)
        throw new AppError(
          "RATE_LIMITED",
          `Too many failed logins; try again in ${Math.ceil(waitMs / 1000)} seconds`,
        );
      const at = now();
      for (const [key] of keys) attempts.set(key, [...recent(key), at]);
      forgetIdleKeys();
      return {
        /** The password was right: this attempt no longer counts, nor do this address's misses on the account. */
        succeeded() {
          attempts.delete(keys[0][0]);
          for (const [key] of keys.slice(1)) {
            const list = attempts.get(key) ?? [];
            const index = list.lastIndexOf(at);
            if (index >= 0) list.splice(index, 1);
          }
        },
      };
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
export const loginThrottle = createLoginThrottle();
