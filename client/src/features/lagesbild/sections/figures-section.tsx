import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { Panel } from "../../../components/ui/panel.tsx";
import { ScrollRegion } from "../../../components/ui/scroll-region.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import type { MessageKey } from "../../../i18n/messages.ts";
import { CategoriesTable } from "./categories-table.tsx";
import { RisingList } from "./rising-list.tsx";

/** Siffror: the categories, what is rising now, the dialogues' themes and the latest surveys, as the period shows them. */
export function FiguresSection({ content }: { content: LagesbildContent }) {
  const { t, locale, formatNumber, formatDate } = useI18n();
  const { figures } = content;
  return (
    <Panel
      title={t("lagesbild.section.figures")}
      titleId="lagesbild-figures-title"
      isLoading={false}
      error={null}
      className="lagesbild-section"
    >
      <p className="muted small">
        {t("lagesbild.figuresNote", {
          previous: `${formatDate(figures.previous.start)} – ${formatDate(figures.previous.end)}`,
        })}
      </p>
      <CategoriesTable categories={figures.categories} />
      <div className="two-columns figures-lists">
        <section aria-labelledby="lagesbild-rising-title">
          <h3 id="lagesbild-rising-title">{t("rising.title")}</h3>
          <RisingList rising={figures.rising} />
          {figures.risingOverTime ? (
            <>
              <h3 id="lagesbild-over-time-title">{t("rising.overTime")}</h3>
              {figures.risingOverTime.length === 0 ? (
                <p className="muted">{t("rising.overTimeNone")}</p>
              ) : (
                <ul
                  className="plain-list"
                  data-testid="lagesbild-rising-over-time"
                  aria-labelledby="lagesbild-over-time-title"
                >
                  {figures.risingOverTime.map((pair) => (
                    <li key={`${pair.categoryCode}-${pair.areaCode}`}>
                      <strong>
                        {locale === "sv" ? pair.categoryNameSv : pair.categoryNameEn}, {pair.areaName}
                      </strong>
                      : {locale === "sv" ? pair.textSv : pair.textEn}
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
        </section>
        <section aria-labelledby="lagesbild-themes-title">
          <h3 id="lagesbild-themes-title">{t("lagesbild.themes")}</h3>
          {figures.themes.length === 0 ? (
            <p className="muted">{t("lagesbild.noThemes")}</p>
          ) : (
            <ul className="plain-list" data-testid="lagesbild-themes">
              {figures.themes.map((theme) => (
                <li key={theme.theme}>
                  {t(`theme.${theme.theme}` as MessageKey)}:{" "}
                  {t("lagesbild.themeDialogues", { count: formatNumber(theme.dialogues) })}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section aria-labelledby="lagesbild-surveys-title">
        <h3 id="lagesbild-surveys-title">{t("lagesbild.surveys")}</h3>
        {figures.surveys.length === 0 ? (
          <p className="muted">{t("lagesbild.noSurveys")}</p>
        ) : (
          <ScrollRegion label={t("lagesbild.surveys")}>
            <table className="data-table" data-testid="lagesbild-surveys">
              <thead>
                <tr>
                  <th scope="col">{t("lagesbild.survey")}</th>
                  <th scope="col">{t("lagesbild.indicator")}</th>
                  <th scope="col">{t("col.district")}</th>
                  <th scope="col" className="numeric">
                    {t("lagesbild.year")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("lagesbild.value")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {figures.surveys.map((row) => (
                  <tr key={`${row.survey}-${row.indicator}-${row.area}`}>
                    <td>{row.survey}</td>
                    <td>{row.indicator}</td>
                    <td>{row.area}</td>
                    <td className="numeric">{row.year}</td>
                    <td className="numeric">
                      {formatNumber(row.value, Number.isInteger(row.value) ? 0 : 1)}
                      {row.unit === "percent" ? " %" : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </Panel>
  );
}
