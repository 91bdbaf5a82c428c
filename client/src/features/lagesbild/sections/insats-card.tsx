import type { InsatsView, LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { useAreaOptions } from "../../../components/ui/district-select.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import type { MessageKey } from "../../../i18n/messages.ts";
import { canWriteFor, type LagesbildEditing } from "../lagesbild-editing.ts";
import { InsatsEffect } from "../over-time/insats-effect.tsx";
import { FollowUpControls } from "./follow-up-form.tsx";
import { linkedRiseLabel } from "./insats-links.ts";

type Props = { insats: InsatsView; content: LagesbildContent; edit?: LagesbildEditing | null };

/** One insats as the meeting reads it: what, where, who, when, with what, why, and what came of it. */
export function InsatsCard({ insats, content, edit }: Props) {
  const { t, locale, formatDate } = useI18n();
  const areaNames = new Map(useAreaOptions("all").map((option) => [option.value, option.label]));
  const date = (value: string) => formatDate(value, { day: "numeric", month: "short", year: "numeric" });
  const when = insats.endOn
    ? `${date(insats.startOn)} – ${date(insats.endOn)}`
    : t("lagesbild.insats.from", { date: date(insats.startOn) });
  const prompts = [
    ...insats.linkedRises.map((rise) => linkedRiseLabel(rise, content, locale, areaNames)),
    ...insats.linkedThemes.map(
      (theme) => `${t("lagesbild.insats.theme")}: ${t(`theme.${theme}` as MessageKey)}`,
    ),
    ...(insats.linkedFindingIds.length > 0
      ? [t("lagesbild.insats.findingCount", { count: insats.linkedFindingIds.length })]
      : []),
  ];
  const titleId = `insats-${insats.id}`;
  return (
    <article
      className="insats-card"
      aria-labelledby={titleId}
      data-testid="insats"
      data-status={insats.status}
    >
      <header className="insats-header">
        <h4 id={titleId}>{insats.title}</h4>
        <ul className="badge-list" aria-label={t("lagesbild.insats.badges")}>
          {insats.status === "closed" ? (
            <li className="badge badge-closed">{t("lagesbild.insats.closed")}</li>
          ) : null}
          {insats.isCarried ? <li className="badge badge-carried">{t("lagesbild.insats.carried")}</li> : null}
          {insats.isOverdue ? <li className="badge badge-overdue">{t("lagesbild.insats.overdue")}</li> : null}
          {insats.needsFollowUp ? (
            <li className="badge badge-needs-follow-up">{t("lagesbild.insats.needsFollowUp")}</li>
          ) : null}
        </ul>
      </header>
      <dl className="facts">
        {insats.problem ? (
          <>
            <dt>{t("lagesbild.insats.problem")}</dt>
            <dd>{insats.problem}</dd>
          </>
        ) : null}
        <dt>{t("lagesbild.insats.where")}</dt>
        <dd>{insats.areaNames.length > 0 ? insats.areaNames.join(", ") : t("lagesbild.wholeScope")}</dd>
        <dt>{t("lagesbild.insats.who")}</dt>
        <dd>
          {[insats.organizationName, insats.contactName].filter(Boolean).join(", ") ||
            t("lagesbild.insats.nobody")}
        </dd>
        <dt>{t("lagesbild.insats.when")}</dt>
        <dd>
          {when}
          {insats.recurrence ? `, ${insats.recurrence}` : ""}
        </dd>
        {insats.resources ? (
          <>
            <dt>{t("lagesbild.insats.resources")}</dt>
            <dd>{insats.resources}</dd>
          </>
        ) : null}
        {prompts.length > 0 ? (
          <>
            <dt>{t("lagesbild.insats.prompts")}</dt>
            <dd>{prompts.join("; ")}</dd>
          </>
        ) : null}
      </dl>
      {insats.followUps.length > 0 ? (
        <section aria-label={t("lagesbild.insats.followUps")}>
          <h5>{t("lagesbild.insats.followUps")}</h5>
          <ul className="follow-ups">
            {insats.followUps.map((followUp) => (
              <li key={followUp.id} data-testid="follow-up">
                <strong>{date(followUp.doneOn)}</strong>
                {followUp.organizationName ? ` (${followUp.organizationName})` : ""}: {followUp.whatDone}
                {followUp.effect ? (
                  <div className="small">
                    {t("lagesbild.insats.effect")}: {followUp.effect}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <InsatsEffect insats={insats} />
      {edit && insats.status === "open" && canWriteFor(edit, insats.organizationId) ? (
        <FollowUpControls insats={insats} edit={edit} />
      ) : null}
    </article>
  );
}
