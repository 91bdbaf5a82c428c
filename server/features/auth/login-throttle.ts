import { createRateLimiter } from "../../rate-limit.ts";

// Failed logins per account within a window: after the limit, further attempts are refused until
// the window passes, so passwords cannot be guessed at speed. Kept per process: with several
// processes the limit multiplies by their number, which still bounds guessing.
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 10;

export function createLoginThrottle(
  options: { windowMs?: number; maxFailures?: number; now?: () => number } = {},
) {
  const limiter = createRateLimiter({
    windowMs: options.windowMs ?? WINDOW_MS,
    max: options.maxFailures ?? MAX_FAILURES,
    now: options.now,
  });
  return { isBlocked: limiter.isLimited, recordFailure: limiter.hit, reset: limiter.reset };
}

export const loginThrottle = createLoginThrottle();
