import type { Db } from "../../db/client.ts";

// The origins of the map styles workspaces chose, for the Content-Security-Policy: read at start,
// after each change in this process, and every minute for changes made by another process.
const known = new WeakMap<Db, string[]>();

export async function refreshMapOrigins(db: Db): Promise<string[]> {
  const rows = await db.workspace.findMany({
    where: { basemapStyleUrl: { not: null } },
    select: { basemapStyleUrl: true },
  });
  const origins = [
    ...new Set(
      rows.flatMap(({ basemapStyleUrl }) =>
        basemapStyleUrl && URL.canParse(basemapStyleUrl) ? [new URL(basemapStyleUrl).origin] : [],
      ),
    ),
  ].sort();
  known.set(db, origins);
  return origins;
}

export function knownMapOrigins(db: Db): readonly string[] {
  return known.get(db) ?? [];
}
