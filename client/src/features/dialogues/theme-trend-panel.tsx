import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, CHART_MARGIN, ChartFigure, GRID_STROKE } from "../../components/ui/chart-figure.tsx";
import { DistrictSelect } from "../../components/ui/district-select.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

// Distinguishable for colour-blind readers (Okabe–Ito), each line also named in the legend.
const COLORS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999933"];

/** Which themes the dialogues raise, quarter by quarter, for the kommun or one area. */
export function ThemeTrendPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [areaCode, setAreaCode] = useState("");
  const trend = useQuery(trpc.dialogues.themeTrend.queryOptions({ areaCode: areaCode || null, quarters: 8 }));
  const data = trend.data;
  const rows = (data?.quarters ?? []).map((quarter, index) => ({
    quarter: quarter.replace("-", " "),
    ...Object.fromEntries((data?.series ?? []).map((series) => [series.theme, series.strength[index] ?? 0])),
  }));
  const summary =
    data && data.rising.length > 0
      ? t("themes.rising", {
          themes: data.rising.map((r) => `${t(`theme.${r.theme}`)} (${r.from} → ${r.to})`).join(", "),
        })
      : t("themes.noneRising");
  return (
    <Panel
      title={t("themes.title")}
      titleId="theme-trend-title"
      isLoading={trend.isPending}
      error={trend.error}
      actions={
        <DistrictSelect
          label={t("themes.area")}
          value={areaCode}
          onChange={setAreaCode}
          scope="all"
          emptyLabel={t("themes.allAreas")}
        />
      }
    >
      {data && data.series.length === 0 ? <p className="muted">{t("themes.empty")}</p> : null}
      {data && data.series.length > 0 ? (
        <ChartFigure
          testId="theme-trend-chart"
          title={t("themes.title")}
          summary={summary}
          data={{ "data-themes": data.series.map((series) => series.theme).join(",") }}
          footer={<p className="muted small">{t("themes.explain")}</p>}
        >
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={rows} margin={CHART_MARGIN}>
              <CartesianGrid stroke={GRID_STROKE} vertical={false} />
              <XAxis dataKey="quarter" tick={AXIS_TICK} padding={{ left: 16, right: 16 }} />
              <YAxis allowDecimals={false} width={36} tick={AXIS_TICK} />
              <Tooltip />
              <Legend />
              {data.series.map((series, index) => (
                <Line
                  key={series.theme}
                  dataKey={series.theme}
                  name={t(`theme.${series.theme}`)}
                  stroke={COLORS[index % COLORS.length]}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </ChartFigure>
      ) : null}
    </Panel>
  );
}
