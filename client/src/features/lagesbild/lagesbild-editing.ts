import { useQueryClient } from "@tanstack/react-query";
import type { LocalDate } from "../../../../shared/calendar.ts";
import { useTRPC } from "../../trpc.ts";

/**
 * What the reader of a draft may change. The sections show the document read-only without it
 * (a published version, the print page, a projected meeting view).
 */
export type LagesbildEditing = {
  lagesbildId: string;
  /** Analysts and admins edit the whole document. */
  canEdit: boolean;
  /** A member's organisation: it writes that contribution and the återkoppling of that organisation's insatser. */
  contributesFor: string | null;
  /** The workspace's organisations (contributions and who carries out an insats). */
  organizations: { id: string; name: string }[];
  today: LocalDate;
};

/**
 * What this reader may change in the lägesbild: nothing in a published version (read-only for
 * everyone until an editor reopens it), else what the reader's role and organisation allow.
 */
export function editingFor(
  lagesbild: {
    id: string;
    status: string;
    today: LocalDate;
    permissions: { canEdit: boolean; contributesFor: string | null };
  },
  organizations: { id: string; name: string }[],
): LagesbildEditing | null {
  const { permissions } = lagesbild;
  if (lagesbild.status !== "draft" || !(permissions.canEdit || permissions.contributesFor)) return null;
  return {
    lagesbildId: lagesbild.id,
    canEdit: permissions.canEdit,
    contributesFor: permissions.contributesFor,
    organizations,
    today: lagesbild.today,
  };
}

/** May this reader write for the organisation (its contribution, an insats's återkoppling)? */
export function canWriteFor(
  edit: LagesbildEditing | null | undefined,
  organizationId: string | null,
): boolean {
  if (!edit) return false;
  return edit.canEdit || (edit.contributesFor !== null && edit.contributesFor === organizationId);
}

/** After a change the document, the list and the versions are read again: what shows is what was saved. */
export function useRefreshLagesbild() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.lagesbild.pathKey() });
}
