import { useAreaOptions } from "../../components/ui/district-select.tsx";
import { MultiSelect } from "../../components/ui/multi-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useWorkspace } from "../workspace/workspace-context.tsx";

/** A row of two multi-selects: the workspace's organisations (under the given label) and the areas covered. */
export function OrganizationsAndAreas({
  organizationsLabel,
  organizationIds,
  areaCodes,
  onChange,
}: {
  organizationsLabel: string;
  organizationIds: string[];
  areaCodes: string[];
  onChange(patch: { organizationIds?: string[]; areaCodes?: string[] }): void;
}) {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const areaOptions = useAreaOptions("all");
  return (
    <div className="form-row">
      <MultiSelect
        label={organizationsLabel}
        options={workspace.organizations.map((o) => ({ value: o.id, label: o.name }))}
        selected={organizationIds}
        onChange={(selected) => onChange({ organizationIds: selected })}
        emptyLabel={t("lofte.form.none")}
      />
      <MultiSelect
        label={t("lofte.areas")}
        options={areaOptions}
        selected={areaCodes}
        onChange={(selected) => onChange({ areaCodes: selected })}
        emptyLabel={t("lofte.form.wholeKommun")}
      />
    </div>
  );
}
