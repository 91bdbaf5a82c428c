import type { RisingFigure } from "../../../../../shared/lagesbild.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { RiseLevelBadge } from "../../analysis/rise-badge.tsx";

/** What is rising now: each category and area with its flag and its count against the expected. */
export function RisingList({ rising }: { rising: RisingFigure[] }) {
  const { t, locale, formatNumber } = useI18n();
  if (rising.length === 0) return <p className="muted">{t("rising.none")}</p>;
  return (
    <ol className="rising-list" data-testid="lagesbild-rising">
      {rising.map((pair) => (
        <li key={`${pair.categoryCode}-${pair.areaCode}`}>
          <span>
            {locale === "sv" ? pair.categoryNameSv : pair.categoryNameEn}, {pair.areaName}
          </span>
          <RiseLevelBadge level={pair.level} />
          <span className="muted small">
            {t("rising.figures", {
              current: formatNumber(pair.current),
              expected: formatNumber(pair.expected, 1),
            })}
          </span>
        </li>
      ))}
    </ol>
  );
}
