import type { CategoryFigure } from "../../../../../shared/lagesbild.ts";
import { ScrollRegion } from "../../../components/ui/scroll-region.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { RiseLevelBadge } from "../../analysis/rise-badge.tsx";

/** The period's categories (the top two levels) against the previous period and the same period last year. */
export function CategoriesTable({ categories }: { categories: CategoryFigure[] }) {
  const { t, locale, formatNumber, formatPercent } = useI18n();
  return (
    <ScrollRegion label={t("lagesbild.categories")}>
      <table className="data-table" data-testid="lagesbild-categories">
        <caption className="visually-hidden">{t("lagesbild.categories")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("compstat.category")}</th>
            <th scope="col" className="numeric">
              {t("compstat.current")}
            </th>
            <th scope="col" className="numeric">
              {t("compstat.previous")}
            </th>
            <th scope="col" className="numeric">
              {t("compstat.lastYear")}
            </th>
            <th scope="col" className="numeric">
              {t("col.change")}
            </th>
            <th scope="col">{t("compstat.flag")}</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => {
            const change = category.current - category.previous;
            return (
              <tr key={category.code ?? category.nameSv} data-code={category.code ?? ""}>
                <th scope="row" className={category.depth > 0 ? "indented" : undefined}>
                  {locale === "sv" ? category.nameSv : category.nameEn}
                </th>
                <td className="numeric">{formatNumber(category.current)}</td>
                <td className="numeric">{formatNumber(category.previous)}</td>
                <td className="numeric">{formatNumber(category.lastYear)}</td>
                <td className="numeric">
                  {`${change > 0 ? "+" : ""}${formatNumber(change)}`}
                  {category.changePercent === null ? null : (
                    <span className="muted small"> ({formatPercent(category.changePercent)})</span>
                  )}
                </td>
                <td>
                  <RiseLevelBadge level={category.level} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
