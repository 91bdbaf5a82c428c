import { useQuery } from "@tanstack/react-query";
import { useContext } from "react";
import { WorkspaceContext } from "../../features/workspace/workspace-context.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * The style a map starts from: the workspace's chosen one, else the server's MAP_STYLE_URL, else
 * null for the app's own basemap. Works outside a workspace too (the citizen's report form).
 */
export function useBasemapStyleUrl(): string | null {
  const trpc = useTRPC();
  const workspace = useContext(WorkspaceContext);
  const config = useQuery(trpc.system.config.queryOptions());
  return workspace?.basemapStyleUrl ?? config.data?.mapStyleUrl ?? null;
}
