import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { namesLabel, periodLabelSoFar } from "./period-label.ts";
import type { OverviewFilterState } from "./use-overview-filter.ts";

/** The areas chosen, by name, or null when none is (every area counts). */
export function useAreaSelectionName(areaCodes: string[]): string | null {
  const i18n = useI18n();
  const trpc = useTRPC();
  const areas = useQuery(trpc.areas.list.queryOptions());
  const nameOf = new Map((areas.data ?? []).map((area) => [area.code ?? area.id, area.name]));
  return namesLabel(
    areaCodes.map((code) => nameOf.get(code) ?? code),
    i18n,
    "selection.areas",
  );
}

/** "Översikt: Mjälga-Centrum, v. 46–47 2026 (9 nov – 22 nov)": the page, the selection, the period. */
export function SelectionHeading({ title, state }: { title: string; state: OverviewFilterState }) {
  const i18n = useI18n();
  const trpc = useTRPC();
  const categories = useQuery(trpc.categories.list.queryOptions());
  const areaName = useAreaSelectionName(state.filter.areaCodes);
  const categoryName = namesLabel(
    state.filter.categoryCodes.map((code) => {
      const category = categories.data?.find((candidate) => candidate.code === code);
      return category ? (i18n.locale === "sv" ? category.nameSv : category.nameEn) : code;
    }),
    i18n,
    "selection.categories",
  );
  const parts = [areaName, categoryName, periodLabelSoFar(state, i18n)].filter(Boolean);
  return (
    <h1>
      {title}: {parts.join(", ")}
    </h1>
  );
}
