import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useParams, useSearchParams } from "react-router";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { LanguageSelect } from "../../components/ui/language-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { type RouterOutputs, useTRPC } from "../../trpc.ts";
import { ActivitySummary } from "./activity-summary.tsx";
import { EffectList } from "./effect-list.tsx";
import { PromiseActivities } from "./promise-activities.tsx";
import { PublicFixedProblems, PublicTrends } from "./public-figures.tsx";
import { PublicDeeds, PublicDialogues } from "./public-lists.tsx";

type Page = RouterOutputs["medborgarlofte"]["publicPage"];

/** In an iframe the page tells its parent how tall it is, so a kommun's site can size the frame. */
function useReportHeight(isEmbedded: boolean) {
  useEffect(() => {
    if (!isEmbedded || window.parent === window) return;
    const report = () =>
      window.parent.postMessage({ type: "est:lofte-height", height: document.body.scrollHeight }, "*");
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [isEmbedded]);
}

function PromiseArticle({ promise }: { promise: Page["promises"][number] }) {
  const { t } = useI18n();
  const years =
    promise.startYear === promise.endYear ? promise.startYear : `${promise.startYear}–${promise.endYear}`;
  const basedOn = [
    promise.basedOn.dialogues > 0
      ? t(
          promise.basedOn.dialogues === 1 ? "lofte.public.basedOnDialogue" : "lofte.public.basedOnDialogues",
          {
            count: promise.basedOn.dialogues,
          },
        )
      : null,
    ...promise.basedOn.themes.map((theme) => t(`theme.${theme}`)),
    ...promise.basedOn.surveys,
    promise.basedOn.lagesbilder > 0
      ? t(
          promise.basedOn.lagesbilder === 1
            ? "lofte.public.basedOnLagesbild"
            : "lofte.public.basedOnLagesbilder",
          {
            count: promise.basedOn.lagesbilder,
          },
        )
      : null,
  ].filter(Boolean);
  return (
    <article className="panel lofte-promise" aria-labelledby={`promise-${promise.id}`}>
      <h2 id={`promise-${promise.id}`}>{promise.title}</h2>
      {promise.text ? <p className="document-text">{promise.text}</p> : null}
      <dl className="facts">
        <dt>{t("lofte.years")}</dt>
        <dd>{years}</dd>
        <dt>{t("lofte.parties")}</dt>
        <dd>{promise.parties.join(", ") || t("lofte.noOne")}</dd>
        {promise.signatories.length > 0 ? (
          <>
            <dt>{t("lofte.signatories")}</dt>
            <dd>{promise.signatories.join(", ")}</dd>
          </>
        ) : null}
        {promise.areas.length > 0 ? (
          <>
            <dt>{t("lofte.areas")}</dt>
            <dd>{promise.areas.join(", ")}</dd>
          </>
        ) : null}
        {basedOn.length > 0 ? (
          <>
            <dt>{t("lofte.basedOn")}</dt>
            <dd>{basedOn.join(", ")}</dd>
          </>
        ) : null}
      </dl>
      <PromiseActivities
        promise={promise}
        render={(activity) => <ActivitySummary key={activity.id} activity={activity} />}
      />
      {promise.effects.length > 0 ? (
        <section aria-labelledby={`effects-${promise.id}`}>
          <h3 id={`effects-${promise.id}`}>{t("lofte.effects")}</h3>
          <EffectList effects={promise.effects} />
        </section>
      ) : null}
    </article>
  );
}

/**
 * The public follow-up page (/lofte/:slug): no login. `?inbaddad=1` leaves out the page's own
 * header and footer for an iframe on the kommun's site (the server allows framing only here).
 */
export function PublicLoftePage() {
  const { t, formatDate } = useI18n();
  const { slug = "" } = useParams();
  const [search] = useSearchParams();
  const isEmbedded = search.get("inbaddad") === "1";
  const trpc = useTRPC();
  const page = useQuery(trpc.medborgarlofte.publicPage.queryOptions({ workspace: slug }, { retry: false }));
  useReportHeight(isEmbedded);
  const data = page.data;
  return (
    <main id="main" className={`page public-page lofte-public${isEmbedded ? " is-embedded" : ""}`}>
      {isEmbedded ? null : (
        <div className="header-tools">
          <LanguageSelect />
        </div>
      )}
      <h1>{t("lofte.public.title", { name: data?.name ?? "" })}</h1>
      {page.error ? <ErrorMessage error={page.error} /> : null}
      {page.isPending ? <p className="muted">{t("panel.loading")}</p> : null}
      {data ? (
        <>
          <p className="muted">
            {t("lofte.public.intro", {
              date: formatDate(data.asOf, { day: "numeric", month: "long", year: "numeric" }),
            })}
          </p>
          {data.promises.length === 0 ? <p>{t("lofte.public.none")}</p> : null}
          {data.promises.map((promise) => (
            <PromiseArticle key={promise.id} promise={promise} />
          ))}
          {data.fixedProblems ? <PublicFixedProblems figure={data.fixedProblems} /> : null}
          {data.trends ? <PublicTrends trends={data.trends} /> : null}
          {data.promises.length > 0 ? <PublicDeeds deeds={data.done} /> : null}
          {data.dialogues.length > 0 ? <PublicDialogues dialogues={data.dialogues} /> : null}
        </>
      ) : null}
      {isEmbedded ? null : <p className="muted small">{t("lofte.public.about")}</p>}
    </main>
  );
}
