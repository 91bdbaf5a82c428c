import { useI18n } from "../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../trpc.ts";

type Page = RouterOutputs["medborgarlofte"]["publicPage"];

/** What was done, newest first: when, what and where; how many took part only from five up. */
export function PublicDeeds({ deeds }: { deeds: Page["done"] }) {
  const { t, formatDate, formatNumber } = useI18n();
  return (
    <section className="panel" aria-labelledby="lofte-done-title">
      <h2 id="lofte-done-title">{t("lofte.public.done")}</h2>
      {deeds.length === 0 ? (
        <p className="muted">{t("lofte.public.nothingYet")}</p>
      ) : (
        <ul className="lofte-deeds" data-testid="lofte-done">
          {deeds.map((deed, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: public deeds carry no identity (no ids leave the server)
            <li key={`${deed.doneOn}-${index}`}>
              <strong>{formatDate(deed.doneOn, { day: "numeric", month: "long" })}</strong>:{" "}
              {deed.activityTitle}
              {deed.areaName ? `, ${deed.areaName}` : ""}
              {deed.participants !== null
                ? `. ${t("lofte.public.participants", { count: formatNumber(deed.participants) })}`
                : deed.hasFewParticipants
                  ? `. ${t("lofte.public.fewParticipants")}`
                  : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The coming months' medborgardialoger: date, time, form and place; nothing about people. */
export function PublicDialogues({ dialogues }: { dialogues: Page["dialogues"] }) {
  const { t, formatDate } = useI18n();
  return (
    <section className="panel" aria-labelledby="lofte-dialogues-title">
      <h2 id="lofte-dialogues-title">{t("lofte.public.dialogues")}</h2>
      <ul className="lofte-deeds" data-testid="lofte-dialogues">
        {dialogues.map((dialogue) => (
          <li key={`${dialogue.date}-${dialogue.time}-${dialogue.meetingPlace}`}>
            <strong>
              {formatDate(dialogue.date, { weekday: "long", day: "numeric", month: "long" })} {dialogue.time}
            </strong>
            : {t(`dialogues.format.${dialogue.format}`)}
            {dialogue.areaName ? `, ${dialogue.areaName}` : ""}
            {dialogue.meetingPlace ? ` (${dialogue.meetingPlace})` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
