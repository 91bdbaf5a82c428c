import type { DataSourceList } from "../../../shared/schemas/incidents.ts";
import type { WorkspaceReadScope } from "../../service-scope.ts";

/** The workspace's incident sources (survey sources aside), for the filter bar. */
export async function listIncidentSources({ db, workspace }: WorkspaceReadScope): Promise<DataSourceList> {
  return db.dataSource.findMany({
    where: { workspaceId: workspace.id, kind: { not: "survey" } },
    select: { id: true, name: true, kind: true },
    orderBy: { name: "asc" },
  });
}
