import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { YearsOutput } from "../../../../shared/schemas/analysis.ts";
import {
  AXIS_TICK,
  CHART_MARGIN,
  ChartFigure,
  GRID_STROKE,
  legendText,
} from "../../components/ui/chart-figure.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

// Older years lighter, the current year darkest and thickest.
const YEAR_COLORS = ["#b8c2cc", "#8d9bab", "#5f7a96", "#b34700", "#1b1f24"];

/** One line per ISO year over weeks 1–53, so a season can be compared with earlier years'. */
export function YearsChart({ data: all }: { data: YearsOutput }) {
  const { t, formatNumber } = useI18n();
  // Years before the data begin are all zeros, not a quiet year: only the latest is kept regardless.
  const data = all.filter(
    (series, index) => index === all.length - 1 || series.weeks.some((count) => (count ?? 0) > 0),
  );
  const rows = Array.from({ length: 53 }, (_, index) => {
    const row: Record<string, number | null | string> = { week: `v${index + 1}` };
    for (const series of data) row[String(series.year)] = series.weeks[index] ?? null;
    return row;
  });
  const totals = data.map((series) => ({
    year: series.year,
    total: series.weeks.reduce<number>((sum, n) => sum + (n ?? 0), 0),
  }));
  const summary = t("years.summary", {
    years: totals.map((y) => `${y.year}: ${formatNumber(y.total)}`).join(", "),
  });
  const colors = YEAR_COLORS.slice(-data.length);
  const partial = data.find((series) => series.partialWeek !== null);
  return (
    <ChartFigure
      testId="years-chart"
      title={t("years.title")}
      summary={summary}
      data={{ "data-years": data.length }}
      footer={
        partial?.partialWeek ? (
          <p className="small so-far-mark" data-testid="years-partial-note">
            {t("years.partialWeek", { week: partial.partialWeek, year: partial.year })}
          </p>
        ) : null
      }
    >
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_STROKE} vertical={false} />
          <XAxis dataKey="week" interval={3} tick={AXIS_TICK} />
          <YAxis allowDecimals={false} width={40} tick={AXIS_TICK} />
          <Tooltip formatter={(value: unknown) => (value === null ? "–" : formatNumber(Number(value)))} />
          <Legend formatter={legendText} />
          {data.map((series, index) => (
            <Line
              key={series.year}
              dataKey={String(series.year)}
              name={String(series.year)}
              stroke={colors[index] ?? "#1b1f24"}
              strokeWidth={index === data.length - 1 ? 3 : 1.5}
              dot={false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
