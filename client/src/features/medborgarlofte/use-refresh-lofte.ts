import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../../trpc.ts";

/** After a change the promise and the list are read again: what shows is what was saved. */
export function useRefreshLofte() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.medborgarlofte.pathKey() });
}
