import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ErrorBar,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { SurveySeries } from "../../../../shared/schemas/surveys.ts";
import { AXIS_TICK, CHART_MARGIN, ChartFigure, GRID_STROKE } from "../../components/ui/chart-figure.tsx";
import { ScrollRegion } from "../../components/ui/scroll-region.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

type Area = SurveySeries["areas"][number];
const RESULT_COLOR = "#1f5f99";
const INCIDENT_COLOR = "#8a4b08";

/** A result's dot: filled when enough answered, hollow and dashed when too few did. */
function ResultDot(props: {
  cx?: number;
  cy?: number;
  payload?: { isTooFew?: boolean; value?: number | null };
}) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || payload?.value === null) return null;
  return payload?.isTooFew ? (
    <circle cx={cx} cy={cy} r={6} fill="#fff" stroke={RESULT_COLOR} strokeWidth={2} strokeDasharray="3 2" />
  ) : (
    <circle cx={cx} cy={cy} r={5} fill={RESULT_COLOR} />
  );
}

/** One area: the survey result per year with its interval, beside the incidents reported there. */
export function SurveyAreaCard({
  series,
  area,
  indicator,
}: {
  series: SurveySeries;
  area: Area;
  indicator: string;
}) {
  const { t, formatNumber } = useI18n();
  const isPercent = series.unit === "percent";
  const format = (n: number) => `${formatNumber(n, 1)}${isPercent ? " %" : ""}`;
  const rows = series.years.map((year) => {
    const result = area.results.find((entry) => entry.year === year);
    const incidents = area.incidents.find((entry) => entry.year === year);
    return {
      year: String(year),
      value: result?.value ?? null,
      interval:
        result && result.lower !== null && result.upper !== null
          ? [result.value - result.lower, result.upper - result.value]
          : [0, 0],
      lower: result?.lower ?? null,
      upper: result?.upper ?? null,
      respondents: result?.respondents ?? null,
      isTooFew: result?.isTooFew ?? false,
      incidents: incidents?.count ?? null,
      rate: incidents?.rate ?? null,
      isPartialYear: incidents?.isPartialYear ?? false,
    };
  });
  const measured = rows.filter((row) => row.value !== null);
  const showRate = rows.some((row) => row.rate !== null);
  const first = measured[0];
  const last = measured.at(-1);
  const summary =
    first && last
      ? t("surveys.summary", {
          indicator,
          area: area.name,
          from: `${first.year}: ${format(first.value ?? 0)}`,
          to: `${last.year}: ${format(last.value ?? 0)}`,
        })
      : t("surveys.noResults", { area: area.name });
  const incidentSummary = t(showRate ? "surveys.rateSummary" : "surveys.incidentSummary", {
    years: rows
      .filter((row) => (showRate ? row.rate : row.incidents) !== null)
      .map(
        (row) =>
          `${row.year}: ${formatNumber((showRate ? row.rate : row.incidents) ?? 0, showRate ? 1 : 0)}${row.isPartialYear ? ` ${t("surveys.partialYear")}` : ""}`,
      )
      .join(", "),
  });
  return (
    <article className="panel survey-card" data-testid="survey-area" data-area={area.code}>
      <h3>{area.name}</h3>
      <div className="survey-charts">
        <ChartFigure testId="survey-chart" title={indicator} summary={summary}>
          <ResponsiveContainer width="100%" height={220}>
            <LineChart data={rows} margin={CHART_MARGIN}>
              <CartesianGrid stroke={GRID_STROKE} vertical={false} />
              <XAxis dataKey="year" tick={AXIS_TICK} padding={{ left: 24, right: 24 }} />
              <YAxis
                width={44}
                tick={AXIS_TICK}
                domain={series.unit === "index" ? [0, 6] : isPercent ? [0, "auto"] : ["auto", "auto"]}
              />
              <Tooltip formatter={(value: unknown) => (value === null ? "–" : format(Number(value)))} />
              <Line
                dataKey="value"
                name={indicator}
                stroke={RESULT_COLOR}
                strokeWidth={2}
                dot={<ResultDot />}
                connectNulls
                isAnimationActive={false}
              >
                <ErrorBar dataKey="interval" width={8} stroke={RESULT_COLOR} direction="y" />
              </Line>
            </LineChart>
          </ResponsiveContainer>
        </ChartFigure>
        <ChartFigure
          testId="survey-incidents-chart"
          title={t("surveys.incidentsTitle")}
          summary={incidentSummary}
        >
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={rows} margin={CHART_MARGIN}>
              <CartesianGrid stroke={GRID_STROKE} vertical={false} />
              <XAxis dataKey="year" tick={AXIS_TICK} />
              <YAxis width={44} tick={AXIS_TICK} />
              <Tooltip
                formatter={(value: unknown) => (value === null ? "–" : formatNumber(Number(value), 1))}
              />
              <Bar
                dataKey={showRate ? "rate" : "incidents"}
                name={showRate ? t("surveys.rate") : t("surveys.incidents")}
                isAnimationActive={false}
              >
                {rows.map((row) => (
                  <Cell key={row.year} fill={INCIDENT_COLOR} fillOpacity={row.isPartialYear ? 0.45 : 1} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      </div>
      <ScrollRegion label={t("surveys.tableLabel", { area: area.name })}>
        <table className="data-table survey-table">
          <thead>
            <tr>
              <th scope="col">{t("surveys.year")}</th>
              <th scope="col">{t("surveys.value")}</th>
              <th scope="col">{t("surveys.interval")}</th>
              <th scope="col">{t("surveys.respondents")}</th>
              <th scope="col">{t("surveys.incidents")}</th>
              <th scope="col">{t("surveys.rate")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.year} data-too-few={row.isTooFew ? "true" : undefined}>
                <th scope="row">{row.year}</th>
                <td className="num">{row.value === null ? "–" : format(row.value)}</td>
                <td className="num">
                  {row.lower === null || row.upper === null
                    ? "–"
                    : `${format(row.lower)}–${format(row.upper)}`}
                </td>
                <td className="num">
                  {row.respondents === null ? "–" : formatNumber(row.respondents)}
                  {row.isTooFew ? <span className="too-few"> {t("surveys.tooFew")}</span> : null}
                </td>
                <td className="num">
                  {row.incidents === null ? t("surveys.noIncidentData") : formatNumber(row.incidents)}
                  {row.isPartialYear ? <span className="muted"> {t("surveys.partialYear")}</span> : null}
                </td>
                <td className="num" data-partial={row.isPartialYear ? "true" : undefined}>
                  {row.rate === null ? "–" : formatNumber(row.rate, 1)}
                  {row.isPartialYear && row.rate !== null ? (
                    <span className="muted"> {t("surveys.partialYear")}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </article>
  );
}
