import type { FigureChange } from "../../../../shared/lagesbild.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/** A published lägesbild stays as published; what today's data says differently is listed beside it. */
export function LiveChangesNotice({ changes }: { changes: FigureChange[] }) {
  const { t, formatNumber } = useI18n();
  if (changes.length === 0) return null;
  return (
    <section className="notice live-changes" aria-labelledby="live-changes-title" data-testid="live-changes">
      <h2 id="live-changes-title">{t("lagesbild.liveChanges.title")}</h2>
      <p>{t("lagesbild.liveChanges.intro")}</p>
      <ul>
        {changes.map((change) => (
          <li key={change.label}>
            {t("lagesbild.liveChanges.row", {
              label: change.label,
              published: formatNumber(change.published),
              live: formatNumber(change.live),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
