import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { elevatedAreas } from "../../../../../shared/lagesbild-meeting.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { LevelBadge } from "../sections/level-badge.tsx";

/** Områden med förhöjd nivå: every area above the lowest level, the most severe first, with its reasons. */
export function MeetingElevated({ content }: { content: LagesbildContent }) {
  const { t, formatNumber } = useI18n();
  const areas = elevatedAreas(content);
  if (areas.length === 0) return <p className="muted">{t("meeting.noElevated")}</p>;
  return (
    <ul className="meeting-cards" data-testid="meeting-elevated">
      {areas.map((area) => (
        <li key={area.areaId} className="meeting-card">
          <h3>
            {area.areaName} <LevelBadge level={area.level} />
          </h3>
          <p className="document-text">{area.justification || t("meeting.noJustification")}</p>
          {area.district ? (
            <p className="muted">
              {t("meeting.areaFigures", {
                count: formatNumber(area.district.count),
                previous: formatNumber(area.district.previousCount),
                findings: formatNumber(area.district.openFindings),
              })}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
