import {
  Bar,
  CartesianGrid,
  Cell,
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

const BAR_COLOR = "#1f5fa8";

/** Bars per ISO week beside last year's line; a week cut short is drawn hollow and named below. */
export function WeeklyTrendChart({ data }: { data: WeeklyTrendOutput }) {
  const { t, formatNumber } = useI18n();
  const weeks = data.weeks.map((week) => ({
    ...week,
    label: week.isPartial
      ? t("overview.partialWeekTick", { week: week.isoWeek.slice(-2) })
      : `v${week.isoWeek.slice(-2)}`,
  }));
  const partial = weeks.find((week) => week.isPartial);
  // Every fourth week counted back from the latest, so the latest (perhaps cut short) is always named.
  const ticks = weeks.filter((_, index) => (weeks.length - 1 - index) % 4 === 0).map((week) => week.label);
  const total = weeks.reduce((sum, week) => sum + week.count, 0);
  const last = weeks.at(-1);
  const summary = t(partial ? "overview.chartSummaryPartial" : "overview.chartSummary", {
    total: formatNumber(total),
    last: formatNumber(last?.count ?? 0),
    days: last?.days ?? 7,
  });
  return (
    <ChartFigure
      testId="weekly-trend"
      title={t("overview.chart")}
      summary={summary}
      data={{ "data-total": total, ...(partial ? { "data-partial-week": partial.isoWeek } : {}) }}
      footer={
        partial ? (
          <p className="small so-far-mark" data-testid="partial-week-note">
            <span className="swatch partial-swatch" aria-hidden="true" />{" "}
            {t("overview.partialWeek", {
              week: Number(partial.isoWeek.slice(-2)),
              days: partial.days,
              count: formatNumber(partial.count),
              lastYear: formatNumber(partial.lastYearCount),
            })}
          </p>
        ) : null
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={weeks} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_STROKE} vertical={false} />
          <XAxis dataKey="label" ticks={ticks} interval={0} tick={AXIS_TICK} />
          <YAxis allowDecimals={false} width={40} tick={AXIS_TICK} />
          <Tooltip
            formatter={(value: unknown) => formatNumber(Number(value))}
            labelFormatter={(label: unknown) => String(label)}
          />
          <Legend />
          <Bar dataKey="count" name={t("overview.thisYear")} fill={BAR_COLOR} isAnimationActive={false}>
            {weeks.map((week) => (
              <Cell
                key={week.weekStart}
                fill={BAR_COLOR}
                fillOpacity={week.isPartial ? 0.15 : 1}
                stroke={week.isPartial ? BAR_COLOR : "none"}
                strokeDasharray={week.isPartial ? "3 2" : undefined}
                className={week.isPartial ? "partial-week" : undefined}
              />
            ))}
          </Bar>
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
