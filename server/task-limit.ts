import { AppError } from "./errors.ts";

/**
 * At most `concurrency` tasks run at once and at most `maxWaiting` wait for a slot; beyond that a
 * task is refused at once (RATE_LIMITED), so a flood cannot build an unbounded queue.
 */
export function createTaskLimit(options: { concurrency: number; maxWaiting: number }) {
  let active = 0;
  let peakActive = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  return {
    concurrency: options.concurrency,
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
    /** The most tasks seen running at once since the last reset. */
    get peakActive() {
      return peakActive;
    },
    resetPeak() {
      peakActive = active;
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= options.concurrency) {
        if (waiting.length >= options.maxWaiting)
          throw new AppError("RATE_LIMITED", "The server is busy; try again in a moment");
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      active++;
      peakActive = Math.max(peakActive, active);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
