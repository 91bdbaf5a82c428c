import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { isoWeekOf } from "../../../../shared/calendar.ts";
import { RISE_LABELS } from "../../../../shared/rising.ts";
import type { TrendOutput } from "../../../../shared/schemas/analysis.ts";
import {
  AXIS_TICK,
  CHART_MARGIN,
  ChartFigure,
  GRID_STROKE,
  legendText,
} from "../../components/ui/chart-figure.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

const FLAG_COLORS = { clear: "#a40e26", possible: "#b86e00" } as const;

/** Counts per period inside the band the baseline expects; flagged periods are marked. */
export function TrendBandChart({ data, isWeekBased }: { data: TrendOutput; isWeekBased: boolean }) {
  const { t, locale, formatNumber, formatDate } = useI18n();
  const points = data.map((point) => {
    const label = isWeekBased
      ? `v${isoWeekOf(point.start).week}`
      : formatDate(point.start, { month: "short", year: "2-digit" });
    return { ...point, label: point.isPartial ? t("trend.partialTick", { label }) : label };
  });
  const partial = data.find((point) => point.isPartial);
  const shown = points.map((point) => ({
    ...point,
    band: point.low === null || point.high === null ? null : [point.low, point.high],
  }));
  const flagged = data.filter((point) => point.level === "clear" || point.level === "possible");
  const summary = t("trend.summary", { flagged: flagged.length, periods: data.length });
  return (
    <ChartFigure
      testId="trend-band"
      title={t("trend.title")}
      summary={summary}
      data={{ "data-flagged": flagged.length }}
      footer={
        <p className="small">
          <span className="swatch" style={{ background: FLAG_COLORS.clear }} aria-hidden="true" />{" "}
          {RISE_LABELS[locale].clear}{" "}
          <span className="swatch" style={{ background: FLAG_COLORS.possible }} aria-hidden="true" />{" "}
          {RISE_LABELS[locale].possible}
          {partial ? (
            <span className="so-far-mark" data-testid="trend-partial-note">
              {" "}
              <span className="swatch partial-swatch round" aria-hidden="true" /> {t("trend.partial")}
            </span>
          ) : null}
        </p>
      }
    >
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={shown} margin={CHART_MARGIN}>
          <CartesianGrid stroke={GRID_STROKE} vertical={false} />
          <XAxis dataKey="label" tick={AXIS_TICK} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} width={40} tick={AXIS_TICK} />
          <Tooltip
            formatter={(value: unknown) =>
              Array.isArray(value)
                ? value.map((v) => formatNumber(Number(v), 1)).join("–")
                : formatNumber(Number(value), 1)
            }
          />
          <Legend formatter={legendText} />
          <Area
            dataKey="band"
            name={t("trend.band")}
            fill="#c6dbef"
            stroke="#6f9cc8"
            strokeWidth={0}
            legendType="square"
            isAnimationActive={false}
          />
          <Line
            dataKey="expected"
            name={t("trend.expected")}
            stroke="#4a6f94"
            strokeDasharray="4 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="count"
            name={t("trend.count")}
            stroke="#1b1f24"
            strokeWidth={2}
            isAnimationActive={false}
            dot={(props: { cx?: number; cy?: number; index?: number }) => {
              const point = data[props.index ?? 0];
              if (point?.isPartial)
                return (
                  <circle
                    key={props.index}
                    cx={props.cx}
                    cy={props.cy}
                    r={5}
                    fill="#fff"
                    stroke="#1b1f24"
                    strokeDasharray="2 2"
                    className="partial-dot"
                  />
                );
              const level = point?.level;
              const color = level === "clear" || level === "possible" ? FLAG_COLORS[level] : null;
              return color ? (
                <circle
                  key={props.index}
                  cx={props.cx}
                  cy={props.cy}
                  r={5}
                  fill={color}
                  className={`flag-dot flag-${level}`}
                />
              ) : (
                <g key={props.index} />
              );
            }}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
