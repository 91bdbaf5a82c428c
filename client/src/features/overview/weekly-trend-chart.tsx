import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { WeeklyTrendOutput } from "../../../../shared/schemas/overview.ts";
import { AXIS_TICK, CHART_MARGIN, ChartFigure, GRID_STROKE } from "../../components/ui/chart-figure.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

export function WeeklyTrendChart({ data }: { data: WeeklyTrendOutput }) {
  const { t, formatNumber } = useI18n();
  const weeks = data.weeks.map((week) => ({ ...week, label: `v${week.isoWeek.slice(-2)}` }));
  const total = weeks.reduce((sum, week) => sum + week.count, 0);
  const summary = t("overview.chartSummary", {
    total: formatNumber(total),
    last: formatNumber(weeks.at(-1)?.count ?? 0),
  });
  return (
    <ChartFigure
      testId="weekly-trend"
      title={t("overview.chart")}
      summary={summary}
      data={{ "data-total": total }}
    >
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={weeks} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_STROKE} vertical={false} />
          <XAxis dataKey="label" interval={3} tick={AXIS_TICK} />
          <YAxis allowDecimals={false} width={40} tick={AXIS_TICK} />
          <Tooltip
            formatter={(value: unknown) => formatNumber(Number(value))}
            labelFormatter={(label: unknown) => String(label)}
          />
          <Legend />
          <Bar dataKey="count" name={t("overview.thisYear")} fill="#1f5fa8" isAnimationActive={false} />
          <Line
            dataKey="lastYearCount"
            name={t("overview.lastYear")}
            stroke="#b34700"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
