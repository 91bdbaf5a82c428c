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
    <figure className="chart" data-testid="weekly-trend" data-total={total}>
      <figcaption className="muted small">{summary}</figcaption>
      <div className="chart-area" role="img" aria-label={`${t("overview.chart")}. ${summary}`}>
        <ResponsiveContainer width="100%" height={260}>
          <ComposedChart data={weeks} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e3e6ea" vertical={false} />
            <XAxis dataKey="label" interval={3} tick={{ fontSize: 12, fill: "#333" }} />
            <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12, fill: "#333" }} />
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
      </div>
    </figure>
  );
}
