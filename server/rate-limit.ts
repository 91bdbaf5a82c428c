/**
 * A sliding-window counter per key: after `max` hits within `windowMs`, the key is limited until
 * old hits age out. Kept per process (with N processes the limit is N × max), in memory only:
 * keys such as client addresses are never stored.
 */
export function createRateLimiter(options: { windowMs: number; max: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const hits = new Map<string, number[]>();
  const recent = (key: string) => (hits.get(key) ?? []).filter((at) => now() - at < options.windowMs);
  return {
    isLimited: (key: string) => recent(key).length >= options.max,
    hit(key: string) {
      const list = recent(key);
      list.push(now());
      hits.set(key, list);
      // Forget idle keys now and then, so memory stays bounded.
      if (hits.size > 10_000) for (const [k] of hits) if (recent(k).length === 0) hits.delete(k);
    },
    reset: (key: string) => hits.delete(key),
  };
}
