// Failed logins per account within a window: after the limit, further attempts are refused until
// the window passes, so passwords cannot be guessed at speed. Kept per process: with several
// processes the limit multiplies by their number, which still bounds guessing.
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 10;

export function createLoginThrottle(
  options: { windowMs?: number; maxFailures?: number; now?: () => number } = {},
) {
  const windowMs = options.windowMs ?? WINDOW_MS;
  const maxFailures = options.maxFailures ?? MAX_FAILURES;
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((at) => now() - at < windowMs);
  return {
    isBlocked: (key: string) => recent(key).length >= maxFailures,
    recordFailure(key: string) {
      const list = recent(key);
      list.push(now());
      failures.set(key, list);
    },
    reset: (key: string) => failures.delete(key),
  };
}

export const loginThrottle = createLoginThrottle();
