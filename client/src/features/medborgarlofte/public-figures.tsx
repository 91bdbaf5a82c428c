import { ScrollRegion } from "../../components/ui/scroll-region.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../trpc.ts";

type Page = RouterOutputs["medborgarlofte"]["publicPage"];

/** "430 av 500 åtgärdade", or what of it may be said when a part is below 5 (decisions/026). */
export function PublicFixedProblems({ figure }: { figure: NonNullable<Page["fixedProblems"]> }) {
  const { t, formatDate, formatNumber } = useI18n();
  const total = figure.total === null ? "" : formatNumber(figure.total);
  const sentence =
    figure.total === null
      ? t("lofte.public.totalFew")
      : figure.isFixedFew
        ? t("lofte.public.fixedFew", { total })
        : figure.isOpenFew
          ? t("lofte.public.openFew", { total })
          : t("lofte.public.fixed", { fixed: formatNumber(figure.fixed ?? 0), total });
  const day = (date: string) => formatDate(date, { day: "numeric", month: "long", year: "numeric" });
  return (
    <section className="panel" aria-labelledby="lofte-fixed-title">
      <h2 id="lofte-fixed-title">{t("lofte.public.fixedTitle")}</h2>
      <p className="lofte-fixed" data-testid="lofte-fixed">
        {sentence}
      </p>
      <p className="muted small">
        {t("lofte.public.fixedAbout", { start: day(figure.period.start), end: day(figure.period.end) })}
      </p>
    </section>
  );
}

/**
 * The chosen incident trends: a table per area and crime type over the same days of each year,
 * with a bar for each shown count. Withheld counts have no bar and no rate.
 */
export function PublicTrends({ trends }: { trends: NonNullable<Page["trends"]> }) {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const first = trends.years[0];
  const span = first
    ? `${formatDate(first.start, { day: "numeric", month: "long" })}–${formatDate(first.end, { day: "numeric", month: "long" })}`
    : "";
  const largest = Math.max(1, ...trends.series.flatMap((s) => s.cells.map((c) => c.count ?? 0)));
  return (
    <section className="panel" aria-labelledby="lofte-trends-title">
      <h2 id="lofte-trends-title">{t("lofte.public.trendsTitle")}</h2>
      <p className="muted small">{t("lofte.public.trendsAbout", { span })}</p>
      <ScrollRegion label={t("lofte.public.trendsTitle")}>
        <table className="data-table lofte-trends" data-testid="lofte-trends">
          <thead>
            <tr>
              <th scope="col">{t("lofte.public.area")}</th>
              <th scope="col">{t("lofte.public.category")}</th>
              {trends.years.map((year) => (
                <th key={year.year} scope="col" className="numeric">
                  {year.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trends.series.map((series) => (
              <tr key={`${series.areaName}|${series.categoryName}`}>
                <th scope="row">{series.areaName}</th>
                <td>{locale === "sv" ? series.categoryName : series.categoryNameEn}</td>
                {series.cells.map((cell) => (
                  <td key={cell.year} className="numeric">
                    {cell.isWithheld ? (
                      <span className="muted">{t("lofte.public.withheld")}</span>
                    ) : cell.count === null ? (
                      <span className="muted">{t("lofte.public.fewer")}</span>
                    ) : (
                      <>
                        {formatNumber(cell.count)}
                        <span
                          className="lofte-trend-bar"
                          aria-hidden="true"
                          style={{ width: `${(cell.count / largest) * 100}%` }}
                        />
                        {cell.rate === null ? null : (
                          <span className="muted small">
                            {t("lofte.public.perThousand", {
                              rate: formatNumber(cell.rate, 1),
                            })}
                          </span>
                        )}
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
