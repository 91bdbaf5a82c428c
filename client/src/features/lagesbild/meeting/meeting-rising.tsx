import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { AXIS_TICK, ChartFigure, GRID_STROKE } from "../../../components/ui/chart-figure.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { RisingList } from "../sections/rising-list.tsx";

/** Ökar nu: the rising categories as a full-width chart (count against expected) and as a list. */
export function MeetingRising({ content }: { content: LagesbildContent }) {
  const { t, locale, formatNumber } = useI18n();
  const { rising } = content.figures;
  const rows = rising.map((pair) => ({
    label: `${locale === "sv" ? pair.categoryNameSv : pair.categoryNameEn}, ${pair.areaName}`,
    current: pair.current,
    expected: Math.round(pair.expected * 10) / 10,
  }));
  const clear = rising.filter((pair) => pair.level === "clear").length;
  return (
    <div className="meeting-rising">
      {rows.length > 0 ? (
        <ChartFigure
          testId="meeting-rising-chart"
          title={t("meeting.risingChart")}
          summary={t("meeting.risingSummary", {
            count: formatNumber(rows.length),
            clear: formatNumber(clear),
            possible: formatNumber(rows.length - clear),
          })}
        >
          <ResponsiveContainer width="100%" height={80 + rows.length * 48}>
            <BarChart data={rows} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
              <CartesianGrid stroke={GRID_STROKE} horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={{ ...AXIS_TICK, fontSize: 16 }} />
              <YAxis type="category" dataKey="label" width={320} tick={{ ...AXIS_TICK, fontSize: 16 }} />
              <Tooltip formatter={(value: unknown) => formatNumber(Number(value), 1)} />
              <Legend wrapperStyle={{ fontSize: 16 }} />
              <Bar dataKey="current" name={t("meeting.current")} fill="#b34700" isAnimationActive={false} />
              <Bar dataKey="expected" name={t("meeting.expected")} fill="#8d9bab" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      ) : null}
      <RisingList rising={rising} />
    </div>
  );
}
