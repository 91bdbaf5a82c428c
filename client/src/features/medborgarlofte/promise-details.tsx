import { useI18n } from "../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../trpc.ts";
import { lagesbildPeriodLabel } from "../lagesbild/lagesbild-period.ts";

type PromiseView = RouterOutputs["medborgarlofte"]["get"];

/** The promise as signed: its text, years, parties, signatories, areas and what it was based on. */
export function PromiseDetails({ promise }: { promise: PromiseView }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const { basedOn } = promise;
  const years =
    promise.startYear === promise.endYear
      ? String(promise.startYear)
      : `${promise.startYear}–${promise.endYear}`;
  const basis = [
    ...basedOn.dialogues.map(
      (d) =>
        `${t(`dialogues.kind.${d.kind}`)} ${formatDate(d.date, { day: "numeric", month: "short", year: "numeric" })}${d.meetingPlace ? ` (${d.meetingPlace})` : ""}`,
    ),
    ...promise.themes.map((theme) => `${t("lofte.theme")}: ${t(`theme.${theme}`)}`),
    ...basedOn.lagesbilder.map(
      (l) =>
        `${t("nav.lagesbild")} ${lagesbildPeriodLabel({ kind: l.periodKind, start: l.periodStart, end: l.periodEnd }, i18n)}`,
    ),
    ...basedOn.surveys.map((s) => `${s.name}: ${s.indicator}`),
  ];
  return (
    <section className="panel" aria-labelledby="lofte-details-title">
      <h2 id="lofte-details-title">{t("lofte.thePromise")}</h2>
      {promise.text ? <p className="document-text">{promise.text}</p> : null}
      <dl className="facts">
        <dt>{t("lofte.years")}</dt>
        <dd>{years}</dd>
        <dt>{t("lofte.parties")}</dt>
        <dd>{promise.organizations.map((o) => o.name).join(", ") || t("lofte.noOne")}</dd>
        <dt>{t("lofte.signatories")}</dt>
        <dd>{promise.signatories.join(", ") || t("lofte.noOne")}</dd>
        <dt>{t("lofte.areas")}</dt>
        <dd>{promise.areas.map((a) => a.name).join(", ") || t("lofte.form.wholeKommun")}</dd>
        <dt>{t("lofte.basedOn")}</dt>
        <dd>
          {basis.length > 0 ? (
            <ul className="plain-list">
              {basis.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : (
            t("lofte.noOne")
          )}
        </dd>
      </dl>
    </section>
  );
}
