import type { PublicPage } from "../../../shared/schemas/medborgarlofte.ts";

// The public page is read by anyone (a link in the local newspaper): each workspace's answer is
// kept for a minute, and dropped at once when the workspace changes a promise or its progress.
// Readers never wait for one another: concurrent readers of a page being assembled share that one
// assembly, and once a page is a minute old the next reader starts a fresh one in the background
// while everyone is still served the page of a minute ago (for at most STALE_MS more). A write
// drops the page and anything being assembled from before it, so an unpublished promise is gone
// at the next request.
export const PUBLIC_PAGE_TTL_MS = 60_000;
const STALE_MS = 60_000;

type Entry = { page: PublicPage; expires: number };
const pages = new Map<string, Entry>();
const assembling = new Map<string, Promise<PublicPage>>();
// Bumped by every forget: an assembly that started before a write must not be kept after it.
const generations = new Map<string, number>();

const generationOf = (slug: string) => generations.get(slug) ?? 0;

export function cachedPublicPage(slug: string, now = Date.now()): PublicPage | null {
  const entry = pages.get(slug);
  if (!entry || entry.expires <= now) return null;
  return entry.page;
}

/** Only pages of workspaces that exist are kept, so the map is bounded by the workspaces. */
export function rememberPublicPage(slug: string, page: PublicPage, now = Date.now()) {
  pages.set(slug, { expires: now + PUBLIC_PAGE_TTL_MS, page });
}

export function forgetPublicPage(slug: string) {
  pages.delete(slug);
  assembling.delete(slug);
  generations.set(slug, generationOf(slug) + 1);
}

/**
 * The page from the cache, or how to get it. `fresh` and `stale` cost nothing (a stale page also
 * starts its refresh through `refresh`); `joined` waits for an assembly another reader started;
 * `miss` means this request would make the database work, so the caller counts it against the
 * reader's limit before calling `start`.
 */
export type PublicPageLookup =
  | { kind: "fresh" | "stale"; page: PublicPage }
  | { kind: "joined"; page: Promise<PublicPage> }
  | { kind: "miss" };

export function lookUpPublicPage(
  slug: string,
  refresh: () => Promise<PublicPage | null>,
  now = Date.now(),
): PublicPageLookup {
  const entry = pages.get(slug);
  if (entry && entry.expires > now) return { kind: "fresh", page: entry.page };
  const running = assembling.get(slug);
  if (entry && entry.expires + STALE_MS > now) {
    if (!running) void startAssembly(slug, refresh).catch(() => undefined);
    return { kind: "stale", page: entry.page };
  }
  if (running) return { kind: "joined", page: running };
  return { kind: "miss" };
}

/**
 * Assembles the page once however many readers ask at the same time. `assemble` gives null for a
 * workspace that does not exist (nothing is kept); a failure is not kept either.
 */
export function startAssembly(slug: string, assemble: () => Promise<PublicPage | null>) {
  const running = assembling.get(slug);
  if (running) return running;
  const generation = generationOf(slug);
  const assembly = assemble().then(
    (page) => {
      if (assembling.get(slug) === assembly) assembling.delete(slug);
      if (page === null) throw new PublicPageNotFound();
      if (generationOf(slug) === generation) rememberPublicPage(slug, page);
      return page;
    },
    (error: unknown) => {
      if (assembling.get(slug) === assembly) assembling.delete(slug);
      throw error;
    },
  );
  assembling.set(slug, assembly);
  return assembly;
}

export class PublicPageNotFound extends Error {}

/** Tests: start from an empty cache. */
export function clearPublicPages() {
  pages.clear();
  assembling.clear();
}
