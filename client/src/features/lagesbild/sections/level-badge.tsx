import { readableTextColor } from "../../../../../shared/contrast.ts";
import type { StatusLevel } from "../../../../../shared/schemas/lagesbild.ts";
import { type Locale, useI18n } from "../../../i18n/i18n.tsx";

/** Areas without a status are grey on the map and in the legend. */
export const NO_STATUS_COLOR = "#d9d9d9";

export function levelLabel(level: StatusLevel, locale: Locale): string {
  return locale === "sv" ? level.labelSv : level.labelEn;
}

/** A level's colours: its own background with black or white text, whichever passes WCAG AA. */
export function levelStyle(level: StatusLevel | null | undefined) {
  const background = level?.color ?? NO_STATUS_COLOR;
  return { background, color: readableTextColor(background) };
}

/** The level by name on its colour: the colour never carries the meaning alone. */
export function LevelBadge({ level }: { level: StatusLevel | null | undefined }) {
  const { t, locale } = useI18n();
  return (
    <span className="level-badge" style={levelStyle(level)} data-level={level?.key ?? ""}>
      {level ? levelLabel(level, locale) : t("lagesbild.noStatus")}
    </span>
  );
}

/** What each colour means, every level by name. */
export function StatusLegend({ levels }: { levels: StatusLevel[] }) {
  const { t, locale } = useI18n();
  return (
    <figure className="map-legend" data-testid="status-legend">
      <figcaption>{t("lagesbild.legend")}</figcaption>
      <ul>
        {levels.map((level) => (
          <li key={level.key}>
            <span className="swatch" style={{ background: level.color }} aria-hidden="true" />
            {levelLabel(level, locale)}
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: NO_STATUS_COLOR }} aria-hidden="true" />
          {t("lagesbild.noStatus")}
        </li>
      </ul>
    </figure>
  );
}
