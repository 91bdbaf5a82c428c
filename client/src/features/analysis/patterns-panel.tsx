import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PatternsOutput } from "../../../../shared/schemas/analysis.ts";
import { AXIS_TICK, CHART_MARGIN, ChartFigure, GRID_STROKE } from "../../components/ui/chart-figure.tsx";
import { ScrollRegion } from "../../components/ui/scroll-region.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

const WEEKDAYS = {
  sv: ["mån", "tis", "ons", "tor", "fre", "lör", "sön"],
  en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
} as const;

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

const LIGHT = [244, 248, 252];
const DARK = [8, 48, 107];

function luminance(rgb: number[]) {
  const [r = 0, g = 0, b = 0] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Blue ramp for the weekday × hour grid. The number is black or white, whichever contrasts more
 * with the cell: with pure black and white one of them always reaches 4.5:1 (WCAG AA).
 */
function cellStyle(value: number, max: number) {
  const share = max > 0 ? value / max : 0;
  const rgb = LIGHT.map((light, index) => Math.round(light + ((DARK[index] ?? 0) - light) * share));
  const background = luminance(rgb);
  const onWhite = 1.05 / (background + 0.05);
  const onBlack = (background + 0.05) / 0.05;
  return { background: `rgb(${rgb.join(" ")})`, color: onWhite > onBlack ? "#fff" : "#000" };
}

/** When incidents happen: by weekday (all), and by weekday and hour (those with a known time). */
export function PatternsPanel({ data }: { data: PatternsOutput }) {
  const { t, locale, formatNumber, formatDate } = useI18n();
  const days = WEEKDAYS[locale];
  const weekdayRows = data.weekdays.map((count, index) => ({ day: days[index], count }));
  const peak = data.weekdays.indexOf(Math.max(...data.weekdays));
  const summary = t("patterns.weekdaySummary", {
    total: formatNumber(data.total),
    day: days[peak] ?? "",
    from: formatDate(data.window.start, { day: "numeric", month: "short", year: "numeric" }),
    to: formatDate(data.window.end, { day: "numeric", month: "short", year: "numeric" }),
  });
  const max = Math.max(0, ...data.weekdayHours.flat());
  return (
    <div className="patterns">
      <ChartFigure testId="weekday-chart" title={t("patterns.weekdays")} summary={summary}>
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={weekdayRows} margin={CHART_MARGIN}>
            <CartesianGrid stroke={GRID_STROKE} vertical={false} />
            <XAxis dataKey="day" tick={AXIS_TICK} />
            <YAxis allowDecimals={false} width={40} tick={AXIS_TICK} />
            <Tooltip formatter={(value: unknown) => formatNumber(Number(value))} />
            <Bar dataKey="count" name={t("trend.count")} fill="#1f5fa8" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
      <h3>{t("patterns.hours")}</h3>
      {data.timed === 0 ? (
        <p className="muted">{t("patterns.noTimes")}</p>
      ) : (
        <>
          <p className="muted small">
            {t("patterns.timedShare", { timed: formatNumber(data.timed), total: formatNumber(data.total) })}
          </p>
          <ScrollRegion label={t("patterns.hours")}>
            <table className="heat-grid" data-testid="hour-grid" data-timed={data.timed}>
              <caption className="visually-hidden">{t("patterns.hours")}</caption>
              <thead>
                <tr>
                  <td />
                  {HOURS.map((hour) => (
                    <th key={hour} scope="col">
                      {String(hour).padStart(2, "0")}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.weekdayHours.map((hours, day) => (
                  <tr key={days[day]}>
                    <th scope="row">{days[day]}</th>
                    {HOURS.map((hour) => (
                      <td key={hour} style={cellStyle(hours[hour] ?? 0, max)}>
                        {(hours[hour] ?? 0) > 0 ? formatNumber(hours[hour] ?? 0) : ""}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </div>
  );
}
