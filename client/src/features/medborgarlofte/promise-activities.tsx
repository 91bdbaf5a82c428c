import type { ReactNode } from "react";
import { useI18n } from "../../i18n/i18n.tsx";

type Grouped<T> = { focusAreas: { id: string; title: string; description: string }[]; activities: T[] };

/**
 * The promise's own activities first, then each fokusområde with its handlingsplan: the same
 * activities, grouped. `render` draws one activity.
 */
export function PromiseActivities<T extends { id: string; focusAreaId: string | null }>({
  promise,
  render,
}: {
  promise: Grouped<T>;
  render: (activity: T) => ReactNode;
}) {
  const { t } = useI18n();
  const direct = promise.activities.filter((a) => a.focusAreaId === null);
  return (
    <div className="lofte-activities">
      {direct.length > 0 ? (
        <section aria-label={t("lofte.activities")}>
          <h3>{t("lofte.activities")}</h3>
          {direct.map(render)}
        </section>
      ) : null}
      {promise.focusAreas.map((focusArea) => {
        const own = promise.activities.filter((a) => a.focusAreaId === focusArea.id);
        return (
          <section key={focusArea.id} className="lofte-focus-area" aria-labelledby={`focus-${focusArea.id}`}>
            <h3 id={`focus-${focusArea.id}`}>{t("lofte.focusArea", { title: focusArea.title })}</h3>
            {focusArea.description ? <p>{focusArea.description}</p> : null}
            {own.length > 0 ? own.map(render) : <p className="muted">{t("lofte.noActivities")}</p>}
          </section>
        );
      })}
    </div>
  );
}
