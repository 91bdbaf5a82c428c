import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import type { Option } from "./multi-select.tsx";

type Area = { id: string; parentId: string | null; code: string | null; name: string; kind: string };

/**
 * The workspace's areas as options, by name: the districts (areas without parts), or every area
 * (the kommun and larger areas first) where a choice may cover several districts.
 */
export function useAreaOptions(scope: "districts" | "all"): Option[] {
  const { t } = useI18n();
  const trpc = useTRPC();
  const areas = useQuery(trpc.areas.list.queryOptions());
  const list: Area[] = areas.data ?? [];
  const parents = new Set(list.map((area) => area.parentId));
  const byName = (a: Area, b: Area) => a.name.localeCompare(b.name, "sv");
  const districts = list.filter((area) => !parents.has(area.id) && area.code).sort(byName);
  const larger = scope === "all" ? list.filter((area) => parents.has(area.id) && area.code).sort(byName) : [];
  // A RegSO of one DeSO shares its name: larger areas say what they are.
  const label = (area: Area, isLarger: boolean) =>
    isLarger ? `${area.name} (${t(`import.areaKind.${area.kind}` as never)})` : area.name;
  return [
    ...larger.map((area) => ({ value: area.code ?? "", label: label(area, true) })),
    ...districts.map((area) => ({ value: area.code ?? "", label: label(area, false) })),
  ];
}

/** A labelled select of the workspace's districts (or all areas), with an empty choice. */
export function DistrictSelect({
  label,
  value,
  onChange,
  scope = "districts",
  emptyLabel,
}: {
  label: string;
  value: string;
  onChange(code: string): void;
  scope?: "districts" | "all";
  emptyLabel?: string;
}) {
  const { t } = useI18n();
  const options = useAreaOptions(scope);
  return (
    <label>
      <span className="field-label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{emptyLabel ?? t("import.none")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
