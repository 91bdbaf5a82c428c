import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { toLocalDate } from "../../../../shared/calendar.ts";
import { MultiSelect } from "../../components/ui/multi-select.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { SurveyAreaCard } from "./survey-area-card.tsx";

const MAX_AREAS = 12;

/** Survey results per area over time beside reported incidents; the choice lives in the URL. */
export function SurveysPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const catalog = useQuery(trpc.surveys.list.queryOptions());
  const areas = useQuery(trpc.areas.list.queryOptions());
  const categories = useQuery(trpc.categories.list.queryOptions());
  const survey = catalog.data?.find((entry) => entry.id === params.get("survey")) ?? catalog.data?.[0];
  const indicator =
    survey?.indicators.find((entry) => entry.indicator === params.get("indicator")) ?? survey?.indicators[0];
  const chosen = (params.get("areas") ?? "").split(",").filter((code) => indicator?.areaCodes.includes(code));
  const areaCodes = chosen.length > 0 ? chosen : (indicator?.areaCodes.slice(0, 4) ?? []);
  const categoryCode = params.get("category") ?? "";
  const series = useQuery({
    ...trpc.surveys.series.queryOptions({
      dataSourceId: survey?.id ?? "",
      indicator: indicator?.indicator ?? "",
      areaCodes,
      categoryCodes: categoryCode ? [categoryCode] : [],
      today: toLocalDate(new Date(), workspace.timezone),
    }),
    enabled: Boolean(survey && indicator && areaCodes.length > 0),
  });
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const nameOf = new Map((areas.data ?? []).map((area) => [area.code, area.name]));
  const groups = (categories.data ?? []).filter((category) => category.kind === "group");
  return (
    <>
      <h1>{t("surveys.title")}</h1>
      <p className="muted">{t("surveys.lead")}</p>
      <Panel
        title={t("surveys.choose")}
        titleId="surveys-choose-title"
        isLoading={catalog.isPending}
        error={catalog.error}
        isEmpty={catalog.data?.length === 0}
      >
        <div className="form-row">
          <label>
            <span className="field-label">{t("surveys.survey")}</span>
            <select
              value={survey?.id ?? ""}
              onChange={(event) => update({ survey: event.target.value, indicator: null, areas: null })}
            >
              {(catalog.data ?? []).map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name} ({t(`surveys.kind.${entry.kind}`)})
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field-label">{t("surveys.indicator")}</span>
            <select
              value={indicator?.indicator ?? ""}
              onChange={(event) => update({ indicator: event.target.value, areas: null })}
            >
              {(survey?.indicators ?? []).map((entry) => (
                <option key={entry.indicator} value={entry.indicator}>
                  {entry.indicator} ({entry.firstYear}–{entry.lastYear})
                </option>
              ))}
            </select>
          </label>
          <MultiSelect
            label={t("surveys.areas")}
            options={(indicator?.areaCodes ?? []).map((code) => ({
              value: code,
              label: nameOf.get(code) ?? code,
            }))}
            selected={areaCodes}
            onChange={(values) => update({ areas: values.slice(0, MAX_AREAS).join(",") })}
          />
          <label>
            <span className="field-label">{t("surveys.incidentsBeside")}</span>
            <select value={categoryCode} onChange={(event) => update({ category: event.target.value })}>
              <option value="">{t("surveys.allIncidents")}</option>
              {groups.map((group) => (
                <option key={group.id} value={group.code ?? ""}>
                  {group.nameSv}
                </option>
              ))}
            </select>
          </label>
        </div>
        {series.data ? (
          <p className="muted small" data-testid="survey-legend">
            {t("surveys.legend", { minimum: series.data.minRespondents })}
          </p>
        ) : null}
      </Panel>
      {series.error ? (
        <Panel
          title={t("surveys.failedTitle")}
          titleId="surveys-error"
          isLoading={false}
          error={series.error}
        >
          {null}
        </Panel>
      ) : null}
      <div className="survey-grid" aria-busy={series.isFetching}>
        {series.data?.areas.map((area) => (
          <SurveyAreaCard
            key={area.code}
            series={series.data}
            area={area}
            indicator={indicator?.indicator ?? ""}
          />
        ))}
      </div>
    </>
  );
}
