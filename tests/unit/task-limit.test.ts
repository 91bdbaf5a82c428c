import { describe, expect, it } from "vitest";
import { createTaskLimit } from "../../server/task-limit.ts";

describe("task limit", () => {
  it("runs at most `concurrency` tasks at once, queues a few more and refuses the rest", async () => {
    const limit = createTaskLimit({ concurrency: 2, maxWaiting: 2 });
    const releases: (() => void)[] = [];
    const task = () => new Promise<string>((resolve) => releases.push(() => resolve("done")));
    const running = [limit.run(task), limit.run(task), limit.run(task), limit.run(task)];
    expect(limit.active).toBe(2);
    expect(limit.waiting).toBe(2);
    await expect(limit.run(task)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    while (releases.length > 0 || limit.active > 0) {
      releases.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await expect(Promise.all(running)).resolves.toEqual(["done", "done", "done", "done"]);
    expect(limit.peakActive).toBe(2);
    expect(limit.waiting).toBe(0);
  });

  it("frees its slot when a task fails", async () => {
    const limit = createTaskLimit({ concurrency: 1, maxWaiting: 0 });
    await expect(limit.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(limit.run(() => Promise.resolve(1))).resolves.toBe(1);
  });
});
