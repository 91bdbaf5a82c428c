import { afterEach, describe, expect, it } from "vitest";
import {
  clearPublicPages,
  forgetPublicPage,
  lookUpPublicPage,
  PUBLIC_PAGE_TTL_MS,
  PublicPageNotFound,
  startAssembly,
} from "../../server/features/medborgarlofte/public-cache.ts";
import type { PublicPage } from "../../shared/schemas/medborgarlofte.ts";

const page = (name: string) => ({ name }) as unknown as PublicPage;

/** An assembly the test finishes when it wants, counting how often it was started. */
function controlledAssembly() {
  const finishers: ((value: PublicPage | null) => void)[] = [];
  const failers: ((error: Error) => void)[] = [];
  return {
    get started() {
      return finishers.length;
    },
    assemble: () =>
      new Promise<PublicPage | null>((resolve, reject) => {
        finishers.push(resolve);
        failers.push(reject);
      }),
    finish: (value: PublicPage | null, index = finishers.length - 1) => finishers[index]?.(value),
    fail: (error: Error, index = failers.length - 1) => failers[index]?.(error),
  };
}

afterEach(() => clearPublicPages());

describe("the public page's cache", () => {
  it("assembles a page once for any number of readers arriving together", async () => {
    const work = controlledAssembly();
    expect(lookUpPublicPage("a", work.assemble)).toEqual({ kind: "miss" });
    const first = startAssembly("a", work.assemble);
    const readers = Array.from({ length: 200 }, () => lookUpPublicPage("a", work.assemble));
    expect(new Set(readers.map((r) => r.kind))).toEqual(new Set(["joined"]));
    expect(work.started).toBe(1);
    work.finish(page("A"));
    await expect(first).resolves.toEqual(page("A"));
    for (const reader of readers)
      if (reader.kind === "joined") await expect(reader.page).resolves.toEqual(page("A"));
    expect(lookUpPublicPage("a", work.assemble)).toEqual({ kind: "fresh", page: page("A") });
  });

  it("serves the old page while one reader's request refreshes it after the minute, then the new one", async () => {
    const work = controlledAssembly();
    const start = Date.now();
    const assembled = startAssembly("a", work.assemble);
    work.finish(page("old"));
    await assembled;
    const later = start + PUBLIC_PAGE_TTL_MS + 1_000;
    expect(lookUpPublicPage("a", work.assemble, later)).toEqual({ kind: "stale", page: page("old") });
    expect(lookUpPublicPage("a", work.assemble, later)).toEqual({ kind: "stale", page: page("old") });
    expect(work.started).toBe(2);
    work.finish(page("new"));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lookUpPublicPage("a", work.assemble)).toEqual({ kind: "fresh", page: page("new") });
    // Long past the minute with no refresh done, the old page is not served at all.
    expect(lookUpPublicPage("a", work.assemble, Date.now() + 10 * PUBLIC_PAGE_TTL_MS).kind).not.toBe("stale");
  });

  it("does not keep a page assembled from before a change", async () => {
    const work = controlledAssembly();
    const before = startAssembly("a", work.assemble);
    forgetPublicPage("a");
    expect(lookUpPublicPage("a", work.assemble)).toEqual({ kind: "miss" });
    const after = startAssembly("a", work.assemble);
    expect(work.started).toBe(2);
    work.finish(page("before the change"), 0);
    await before;
    expect(lookUpPublicPage("a", work.assemble).kind).toBe("joined");
    work.finish(page("after the change"), 1);
    await after;
    expect(lookUpPublicPage("a", work.assemble)).toEqual({ kind: "fresh", page: page("after the change") });
  });

  it("keeps neither a failure nor an unknown workspace", async () => {
    const work = controlledAssembly();
    const failing = startAssembly("a", work.assemble);
    work.fail(new Error("database away"));
    await expect(failing).rejects.toThrow("database away");
    expect(lookUpPublicPage("a", work.assemble)).toEqual({ kind: "miss" });
    const unknown = startAssembly("nowhere", work.assemble);
    work.finish(null);
    await expect(unknown).rejects.toBeInstanceOf(PublicPageNotFound);
    expect(lookUpPublicPage("nowhere", work.assemble)).toEqual({ kind: "miss" });
  });
});
