import { useQuery } from "@tanstack/react-query";
import type { SortingState } from "@tanstack/react-table";
import { lazy, Suspense, useState } from "react";
import { useSearchParams } from "react-router";
import { ExportButtons } from "../../components/ui/export-buttons.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { RisingNowPanel } from "../analysis/rising-now-panel.tsx";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { MAP_METRICS, type MapMetric } from "./choropleth.ts";
import { DISTRICT_TABLE_SORT, DistrictTable } from "./district-table.tsx";
import { FilterBar } from "./filter-bar.tsx";
import { POINT_MODES, type PointMode } from "./incident-layer.ts";
import { soFarLabel } from "./period-label.ts";
import { SelectionHeading } from "./selection-heading.tsx";
import { SoFarNote } from "./so-far-note.tsx";
import { useOverviewFilter } from "./use-overview-filter.ts";

// maplibre is large: it loads in its own chunk while the rest of the page renders.
const DistrictMap = lazy(() => import("./district-map.tsx"));
// The chart library is the largest part of the page: the figures and the table come first.
const WeeklyTrendChart = lazy(() =>
  import("./weekly-trend-chart.tsx").then((module) => ({ default: module.WeeklyTrendChart })),
);

export function OverviewPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const state = useOverviewFilter(workspace);
  const { filter } = state;
  const [params, setParams] = useSearchParams();
  const metric: MapMetric = MAP_METRICS.find((candidate) => candidate === params.get("metric")) ?? "rate";
  const pointMode: PointMode = POINT_MODES.find((candidate) => candidate === params.get("layer")) ?? "off";
  const setParam = (key: string, value: string, fallback: string) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      if (value === fallback) updated.delete(key);
      else updated.set(key, value);
      return updated;
    });
  const config = useQuery(trpc.system.config.queryOptions());
  const geometries = useQuery(trpc.areas.districtGeometries.queryOptions());
  const mapStats = useQuery(trpc.overview.districtStats.queryOptions({ ...filter, areaCodes: [] }));
  const tableStats = useQuery(trpc.overview.districtStats.queryOptions(filter));
  const trend = useQuery(trpc.overview.weeklyTrend.queryOptions({ ...filter, weeks: 52 }));
  const points = useQuery({
    ...trpc.overview.points.queryOptions({ ...filter, areaCodes: [] }),
    enabled: pointMode !== "off",
  });
  const field = useQuery({
    ...trpc.overview.fieldLayers.queryOptions({ ...filter, areaCodes: [] }),
    enabled: state.fieldLayers.length > 0,
  });
  const [sorting, setSorting] = useState<SortingState>(DISTRICT_TABLE_SORT);
  const styleUrl = workspace.basemapStyleUrl ?? config.data?.mapStyleUrl ?? null;
  return (
    <>
      <SelectionHeading title={t("overview.title")} state={state} />
      <FilterBar state={state} />
      <SoFarNote state={state} previous={tableStats.data?.previous ?? null} />
      <RisingNowPanel filter={filter} state={state} />
      <div className="overview-grid">
        <Panel
          title={t("overview.map")}
          titleId="map-title"
          actions={
            <div className="panel-actions">
              <label>
                <span className="field-label">{t("overview.metric")}</span>
                <select value={metric} onChange={(event) => setParam("metric", event.target.value, "rate")}>
                  {MAP_METRICS.map((option) => (
                    <option key={option} value={option}>
                      {t(`overview.metric.${option}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span className="field-label">{t("points.layer")}</span>
                <select value={pointMode} onChange={(event) => setParam("layer", event.target.value, "off")}>
                  {POINT_MODES.map((option) => (
                    <option key={option} value={option}>
                      {t(`points.mode.${option}`)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          }
          isLoading={geometries.isPending || mapStats.isPending || config.isPending}
          error={geometries.error ?? mapStats.error}
          className="map-panel"
        >
          {geometries.data && mapStats.data ? (
            <Suspense fallback={<p className="muted">{t("panel.loading")}</p>}>
              <DistrictMap
                geometries={geometries.data}
                stats={mapStats.data.rows}
                selectedCodes={filter.areaCodes}
                onToggle={state.toggleArea}
                styleUrl={styleUrl}
                metric={metric}
                pointMode={pointMode}
                points={points.data ?? null}
                fieldLayers={state.fieldLayers}
                field={field.data ?? null}
                soFar={state.isComplete ? null : soFarLabel(state.observed, i18n)}
              />
            </Suspense>
          ) : null}
        </Panel>
        <Panel
          title={t("overview.chart")}
          titleId="chart-title"
          isLoading={trend.isPending}
          error={trend.error}
          onRetry={() => void trend.refetch()}
        >
          {trend.data ? (
            <Suspense fallback={<p className="muted">{t("panel.loading")}</p>}>
              <WeeklyTrendChart data={trend.data} />
            </Suspense>
          ) : null}
        </Panel>
      </div>
      <Panel
        title={t("overview.table")}
        titleId="table-title"
        actions={<ExportButtons input={{ ...filter, view: "districts" }} sorting={sorting} />}
        isLoading={tableStats.isPending}
        error={tableStats.error}
        isEmpty={tableStats.data?.rows.length === 0}
        onRetry={() => void tableStats.refetch()}
      >
        {tableStats.data ? (
          <DistrictTable
            data={tableStats.data}
            selectedCodes={filter.areaCodes}
            onToggle={state.toggleArea}
            openFindings={filter.findingScope === "open"}
            sort={{ sorting, onSortingChange: setSorting }}
          />
        ) : null}
      </Panel>
    </>
  );
}
