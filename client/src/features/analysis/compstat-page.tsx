import { useQuery } from "@tanstack/react-query";
import type { SortingState } from "@tanstack/react-table";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { isWeekBased } from "../../../../shared/calendar.ts";
import type { DateBasis } from "../../../../shared/schemas/analysis.ts";
import { ExportButtons } from "../../components/ui/export-buttons.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { HelpButton } from "../help/help-button.tsx";
import { FilterBar } from "../overview/filter-bar.tsx";
import { SelectionHeading } from "../overview/selection-heading.tsx";
import { useOverviewFilter } from "../overview/use-overview-filter.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { CompstatTable } from "./compstat-table.tsx";
import { PatternsPanel } from "./patterns-panel.tsx";
import { TrendBandChart } from "./trend-band-chart.tsx";
import { YearsChart } from "./years-chart.tsx";

/** CompStat: which categories (or areas) are rising, against every comparison a meeting uses. */
export function CompstatPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const state = useOverviewFilter(workspace);
  const [params, setParams] = useSearchParams();
  const dateBasis: DateBasis = params.get("basis") === "occurred" ? "occurred" : "registered";
  const groupBy = params.get("group") === "area" ? "area" : "category";
  const setParam = (key: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const [sorting, setSorting] = useState<SortingState>([]);
  const compstat = useQuery(trpc.analysis.compstat.queryOptions({ ...state.filter, dateBasis, groupBy }));
  const trend = useQuery(trpc.analysis.trend.queryOptions({ ...state.filter, dateBasis, periods: 26 }));
  const years = useQuery(trpc.analysis.years.queryOptions({ ...state.filter, dateBasis, years: 5 }));
  const patterns = useQuery(trpc.analysis.patterns.queryOptions({ ...state.filter, dateBasis }));
  return (
    <>
      <SelectionHeading title={t("compstat.title")} state={state} />
      <FilterBar state={state} hasFieldInput={false} />
      <Panel
        title={t("trend.title")}
        titleId="trend-title"
        isLoading={trend.isPending}
        error={trend.error}
        actions={
          <span className="help-buttons">
            <HelpButton entry="forvantat" />
            <HelpButton entry="intervall" />
          </span>
        }
      >
        {trend.data ? (
          <TrendBandChart data={trend.data} isWeekBased={isWeekBased(state.period.kind)} />
        ) : null}
      </Panel>
      <Panel
        title={groupBy === "area" ? t("compstat.byArea") : t("compstat.byCategory")}
        titleId="compstat-title"
        isLoading={compstat.isPending}
        error={compstat.error}
        isEmpty={compstat.data?.rows.length === 0}
        onRetry={() => void compstat.refetch()}
        actions={
          <div className="panel-actions">
            <span className="help-buttons">
              <HelpButton entry="okar-nu" />
              <HelpButton entry="okar-over-tid" />
              <HelpButton entry="for-fa" />
            </span>
            <ExportButtons
              input={{ ...state.filter, dateBasis, groupBy, view: "compstat" }}
              sorting={sorting}
            />
            <label>
              <span className="field-label">{t("compstat.dateBasis")}</span>
              <select
                value={dateBasis}
                onChange={(event) => setParam("basis", event.target.value === "occurred" ? "occurred" : null)}
              >
                <option value="registered">{t("compstat.registered")}</option>
                <option value="occurred">{t("compstat.occurred")}</option>
              </select>
            </label>
            <label>
              <span className="field-label">{t("compstat.rows")}</span>
              <select
                value={groupBy}
                onChange={(event) => setParam("group", event.target.value === "area" ? "area" : null)}
              >
                <option value="category">{t("compstat.byCategory")}</option>
                <option value="area">{t("compstat.byArea")}</option>
              </select>
            </label>
          </div>
        }
      >
        {compstat.data ? (
          <>
            <p className="muted small" data-testid="compstat-basis">
              {t(dateBasis === "occurred" ? "compstat.basisOccurred" : "compstat.basisRegistered")}{" "}
              {t("compstat.comparisons", {
                previous: `${i18n.formatDate(compstat.data.previous.start)}–${i18n.formatDate(compstat.data.previous.end)}`,
                lastYear: `${i18n.formatDate(compstat.data.lastYear.start, { day: "numeric", month: "short", year: "numeric" })}–${i18n.formatDate(compstat.data.lastYear.end, { day: "numeric", month: "short", year: "numeric" })}`,
              })}{" "}
              {t("compstat.sustainedEnd", { end: i18n.formatDate(compstat.data.sustainedEnd) })}
            </p>
            {compstat.data.isComplete ? null : (
              <p className="notice so-far-note" data-testid="compstat-so-far">
                {t("compstat.soFarNote", {
                  start: i18n.formatDate(compstat.data.observed.start),
                  end: i18n.formatDate(compstat.data.observed.end),
                })}{" "}
                <HelpButton entry="hittills" />
              </p>
            )}
            <CompstatTable data={compstat.data} sort={{ sorting, onSortingChange: setSorting }} />
          </>
        ) : null}
      </Panel>
      <div className="two-columns">
        <Panel title={t("years.title")} titleId="years-title" isLoading={years.isPending} error={years.error}>
          {years.data ? <YearsChart data={years.data} /> : null}
        </Panel>
        <Panel
          title={t("patterns.title")}
          titleId="patterns-title"
          isLoading={patterns.isPending}
          error={patterns.error}
        >
          {patterns.data ? <PatternsPanel data={patterns.data} /> : null}
        </Panel>
      </div>
    </>
  );
}
