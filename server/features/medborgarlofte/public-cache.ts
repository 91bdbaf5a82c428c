import type { PublicPage } from "../../../shared/schemas/medborgarlofte.ts";

// The public page is read by anyone (a link in the local newspaper): each workspace's answer is
// kept for a minute, and dropped at once when the workspace changes a promise or its progress.
const TTL_MS = 60_000;
const pages = new Map<string, { expires: number; page: PublicPage }>();

export function cachedPublicPage(slug: string, now = Date.now()): PublicPage | null {
  const entry = pages.get(slug);
  if (!entry || entry.expires <= now) return null;
  return entry.page;
}

/** Only pages of workspaces that exist are kept, so the map is bounded by the workspaces. */
export function rememberPublicPage(slug: string, page: PublicPage, now = Date.now()) {
  pages.set(slug, { expires: now + TTL_MS, page });
}

export function forgetPublicPage(slug: string) {
  pages.delete(slug);
}
