import type { BasemapStyleInput } from "../../../shared/schemas/maps.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { refreshMapOrigins } from "./map-origins.ts";

/** The style every map of the workspace uses instead of the app's own; the policy then allows its origin. */
export async function setBasemapStyle({ db, workspace }: ServiceScope, input: BasemapStyleInput) {
  const saved = await db.workspace.update({
    where: { id: workspace.id },
    data: { basemapStyleUrl: input.styleUrl },
    select: { basemapStyleUrl: true },
  });
  await refreshMapOrigins(db);
  return { styleUrl: saved.basemapStyleUrl };
}
