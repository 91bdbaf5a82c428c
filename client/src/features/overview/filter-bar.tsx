import { useQuery } from "@tanstack/react-query";
import { DIALOGUE_THEMES, FINDING_STATUSES } from "../../../../shared/field.ts";
import { FIELD_LAYERS } from "../../../../shared/field-layers.ts";
import { VIEW_KINDS, type ViewKind } from "../../../../shared/periods.ts";
import { MultiSelect, type Option } from "../../components/ui/multi-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { periodLabel, soFarLabel } from "./period-label.ts";
import { PeriodShortcuts } from "./period-shortcuts.tsx";
import type { OverviewFilterState } from "./use-overview-filter.ts";

type Props = {
  state: OverviewFilterState;
  /** Whether the field-input filters (findings, reports, themes) apply on the page. */
  hasFieldInput?: boolean;
};

/** The period, the areas, categories and sources, and on the overview the field input's filters. */
export function FilterBar({ state, hasFieldInput = true }: Props) {
  const i18n = useI18n();
  const workspace = useWorkspace();
  const { t, locale } = i18n;
  const trpc = useTRPC();
  const areas = useQuery(trpc.areas.list.queryOptions());
  const categories = useQuery(trpc.categories.list.queryOptions());
  const sources = useQuery(trpc.incidents.sources.queryOptions());
  const sourceOptions: Option[] = (sources.data ?? []).map((source) => ({
    value: source.id,
    label: source.name,
  }));
  const areaOptions: Option[] = (areas.data ?? [])
    .filter((area) => area.kind === "deso")
    .map((area) => ({ value: area.code ?? area.id, label: area.name }))
    .sort((a, b) => a.label.localeCompare(b.label, "sv"));
  const depthOf = new Map<string, number>();
  const categoryOptions: Option[] = (categories.data ?? []).map((category) => {
    const depth = category.parentId ? (depthOf.get(category.parentId) ?? 0) + 1 : 0;
    depthOf.set(category.id, depth);
    return { value: category.code, label: locale === "sv" ? category.nameSv : category.nameEn, depth };
  });
  return (
    <form className="filter-bar" aria-label={t("filter.title")} onSubmit={(event) => event.preventDefault()}>
      <label>
        <span className="field-label">{t("filter.periodKind")}</span>
        <select value={state.view} onChange={(event) => state.setKind(event.target.value as ViewKind)}>
          {VIEW_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind === workspace.meetingPeriod
                ? t("filter.rhythmKind", { kind: t(`filter.${kind}`) })
                : t(`filter.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="period-stepper">
        <span className="field-label">{t("filter.period")}</span>
        <div>
          <button type="button" onClick={() => state.step(-1)} aria-label={t("filter.previous")}>
            ◀
          </button>
          <output aria-live="polite" data-testid="period-label">
            {periodLabel(state.period, i18n)}
            {state.isComplete ? null : " "}
            {state.isComplete ? null : (
              <span className="so-far-mark" data-testid="period-so-far">
                {soFarLabel(state.observed, i18n)}
              </span>
            )}
          </output>
          <button
            type="button"
            onClick={() => state.step(1)}
            disabled={!state.canGoForward}
            aria-label={t("filter.next")}
          >
            ▶
          </button>
          {!state.isLatest ? (
            <button type="button" className="link-button" onClick={state.goToLatest}>
              {t("filter.latest")}
            </button>
          ) : null}
        </div>
      </div>
      <PeriodShortcuts state={state} />
      <MultiSelect
        label={t("filter.districts")}
        options={areaOptions}
        selected={state.filter.areaCodes}
        onChange={state.setAreas}
      />
      <MultiSelect
        label={t("filter.categories")}
        options={categoryOptions}
        selected={state.filter.categoryCodes}
        onChange={state.setCategories}
      />
      <MultiSelect
        label={t("filter.sources")}
        options={sourceOptions}
        selected={state.filter.sourceIds}
        onChange={state.setSources}
      />
      {hasFieldInput ? (
        <>
          <MultiSelect
            label={t("filter.fieldLayers")}
            options={FIELD_LAYERS.map((layer) => ({ value: layer, label: t(`fieldLayer.${layer}`) }))}
            selected={state.fieldLayers}
            onChange={state.setFieldLayers}
          />
          <label>
            <span className="field-label">{t("filter.findingScope")}</span>
            <select
              value={state.filter.findingScope}
              onChange={(event) => state.setFindingScope(event.target.value as "recorded" | "open")}
            >
              <option value="recorded">{t("filter.findingScope.recorded")}</option>
              <option value="open">{t("filter.findingScope.open")}</option>
            </select>
          </label>
          <MultiSelect
            label={t("filter.findingStatuses")}
            options={FINDING_STATUSES.map((status) => ({
              value: status,
              label: t(`findingStatus.${status}`),
            }))}
            selected={state.filter.findingStatuses}
            onChange={state.setFindingStatuses}
          />
          <MultiSelect
            label={t("filter.themes")}
            options={DIALOGUE_THEMES.map((theme) => ({ value: theme, label: t(`theme.${theme}`) }))}
            selected={state.filter.themes}
            onChange={state.setThemes}
          />
          <p className="muted filter-note">{t("filter.dateBasis")}</p>
        </>
      ) : null}
    </form>
  );
}
