import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { createRateLimiter } from "../../rate-limit.ts";
import { searchPlaces } from "./places.service.ts";

/** A citizen types a few letters at a time: enough for a person, too few to copy the whole list. */
export const PUBLIC_PLACE_SEARCH_LIMIT = { windowMs: 60_000, max: 60 } as const;
export const publicPlaceLimiter = createRateLimiter(PUBLIC_PLACE_SEARCH_LIMIT);
/** Suggestions per answer: a phone's list, not a page of the register. */
export const PUBLIC_PLACE_RESULTS = 8;

/**
 * The citizen report page's place search (decisions/025): the workspace's address list by name,
 * answering only names and points (addresses and named places, no ids, no count of the list),
 * rate-limited per client address and workspace.
 */
export async function searchPublicPlaces({
  db,
  slug,
  query,
  clientIp,
}: {
  db: Db;
  slug: string;
  query: string;
  clientIp: string;
}) {
  const workspace = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
  if (!workspace) throw new AppError("NOT_FOUND", "No such kommun");
  const key = `${workspace.id}|${clientIp}`;
  if (publicPlaceLimiter.isLimited(key))
    throw new AppError("RATE_LIMITED", "Too many searches from this address; wait a minute and try again");
  publicPlaceLimiter.hit(key);
  const { places } = await searchPlaces({ db, workspace }, { query, limit: PUBLIC_PLACE_RESULTS });
  return places.map((place) => ({
    name: place.name,
    lon: place.lon,
    lat: place.lat,
    areaName: place.areaName,
  }));
}
