import type { BasemapStyleInput } from "../../../shared/schemas/maps.ts";
import type { Db } from "../../db/client.ts";
import { refreshMapOrigins } from "./map-origins.ts";

/** The style every map of the workspace uses instead of the app's own; the policy then allows its origin. */
export async function setBasemapStyle(
  { db, workspaceId }: { db: Db; workspaceId: string },
  input: BasemapStyleInput,
) {
  const saved = await db.workspace.update({
    where: { id: workspaceId },
    data: { basemapStyleUrl: input.styleUrl },
    select: { basemapStyleUrl: true },
  });
  await refreshMapOrigins(db);
  return { styleUrl: saved.basemapStyleUrl };
}
