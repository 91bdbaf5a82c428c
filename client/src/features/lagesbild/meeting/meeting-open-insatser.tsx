import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { openCarriedInsatser } from "../../../../../shared/lagesbild-meeting.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { InsatsCard } from "../sections/insats-card.tsx";

/** Öppna insatser: those carried from earlier meetings, the ones still without återkoppling first. */
export function MeetingOpenInsatser({ content }: { content: LagesbildContent }) {
  const { t, formatNumber } = useI18n();
  const insatser = openCarriedInsatser(content);
  if (insatser.length === 0) return <p className="muted">{t("meeting.noOpen")}</p>;
  return (
    <div data-testid="meeting-open">
      <p>
        {t("meeting.openSummary", {
          count: formatNumber(insatser.length),
          missing: formatNumber(insatser.filter((insats) => insats.needsFollowUp).length),
        })}
      </p>
      {insatser.map((insats) => (
        <InsatsCard key={insats.id} insats={insats} content={content} />
      ))}
    </div>
  );
}
