import { useEffect } from "react";
import { useLocation } from "react-router";

/** The filters the overview, Brottsutveckling and Fynd share; the rest belong to one page. */
const SHARED_KEYS = ["period", "from", "areas", "categories", "sources"] as const;
/** The pages that read the shared filter, relative to the workspace. */
const FILTER_PAGES = new Set(["", "/utveckling", "/fynd"]);

// The last shared filter seen per workspace, so it also survives a detour through another page.
const remembered = new Map<string, string>();

/**
 * "?areas=…&period=…" for the navigation's links to the pages that share the filter: an area chosen
 * on the overview stays chosen on Brottsutveckling and Fynd, and back (decisions/019).
 */
export function useFilterSearch(slug: string): string {
  const location = useLocation();
  const prefix = `/w/${slug}`;
  const page = location.pathname.startsWith(prefix) ? location.pathname.slice(prefix.length) : null;
  const isFilterPage = page !== null && FILTER_PAGES.has(page.replace(/\/$/, ""));
  const params = new URLSearchParams(location.search);
  const shared = new URLSearchParams();
  for (const key of SHARED_KEYS) {
    const value = params.get(key);
    if (value) shared.set(key, value);
  }
  const text = shared.toString();
  const fromUrl = text ? `?${text}` : "";
  useEffect(() => {
    if (isFilterPage) remembered.set(slug, fromUrl);
  }, [isFilterPage, slug, fromUrl]);
  return isFilterPage ? fromUrl : (remembered.get(slug) ?? "");
}
