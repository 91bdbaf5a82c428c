import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { toLocalDate } from "../../../../shared/calendar.ts";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { ActivitySummary } from "./activity-summary.tsx";
import { EffectList } from "./effect-list.tsx";
import { PromiseActivities } from "./promise-activities.tsx";
import { PromiseDetails } from "./promise-details.tsx";

/**
 * Utskrift of a promise's yearly report (?ar=ÅÅÅÅ): the promise, every activity's progress as of
 * the year's end (or today), what was done that year and the effects; for the browser's print
 * and the server's PDF, the same route as the lägesbild's (decisions/026).
 */
export function LoftePrintPage() {
  const { id = "" } = useParams();
  const [search] = useSearchParams();
  const { t, formatDate, formatNumber } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const today = toLocalDate(new Date());
  const year = Number(search.get("ar") ?? today.slice(0, 4));
  const asOf = `${year}-12-31` < today ? `${year}-12-31` : today;
  const promise = useQuery(trpc.medborgarlofte.get.queryOptions({ id, asOf }));
  const data = promise.data;
  const day = (date: string) => formatDate(date, { day: "numeric", month: "short", year: "numeric" });
  const done = (data?.activities ?? [])
    .flatMap((activity) => [
      ...activity.entries.map((e) => ({
        key: e.id,
        date: e.doneOn,
        activity: activity.title,
        what: e.whatDone,
        area: e.areaName ?? "",
        participants: e.participants,
        organization: e.organizationName ?? "",
      })),
      ...activity.insatser.map((i) => ({
        key: `${activity.id}-${i.id}`,
        date: i.startOn,
        activity: activity.title,
        what: t("lofte.print.insats", { title: i.title }),
        area: i.areaNames.join(", "),
        participants: null,
        organization: i.organizationName ?? "",
      })),
    ])
    .filter((row) => row.date.startsWith(String(year)))
    .sort((a, b) => a.date.localeCompare(b.date));
  return (
    <main id="main" className="page lagesbild-print" data-print-ready={data ? "true" : "false"}>
      <div className="print-toolbar no-print">
        <button type="button" className="primary" onClick={() => window.print()} disabled={!data}>
          {t("lagesbild.print")}
        </button>
        <Link to={`/w/${workspace.slug}/medborgarloften/${id}`}>{t("lagesbild.backToDocument")}</Link>
      </div>
      {data ? (
        <article className="lofte-page">
          <h1>{t("lofte.print.title", { year, title: data.title })}</h1>
          <p className="muted">
            {workspace.name}.{" "}
            {t("lofte.print.asOf", {
              date: formatDate(data.asOf, { day: "numeric", month: "long", year: "numeric" }),
            })}
          </p>
          <PromiseDetails promise={data} />
          <section className="panel" aria-labelledby="lofte-print-progress">
            <h2 id="lofte-print-progress">{t("lofte.progress")}</h2>
            <PromiseActivities
              promise={data}
              render={(activity) => (
                <ActivitySummary
                  key={activity.id}
                  activity={{ ...activity, organizations: activity.organizations.map((o) => o.name) }}
                />
              )}
            />
          </section>
          <section className="panel print-new-page" aria-labelledby="lofte-print-done">
            <h2 id="lofte-print-done">{t("lofte.print.done", { year })}</h2>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("lofte.entry.date")}</th>
                  <th scope="col">{t("lofte.activities")}</th>
                  <th scope="col">{t("lofte.entry.what")}</th>
                  <th scope="col">{t("lofte.entry.area")}</th>
                  <th scope="col" className="numeric">
                    {t("lofte.entry.participants")}
                  </th>
                  <th scope="col">{t("lofte.entry.organization")}</th>
                </tr>
              </thead>
              <tbody>
                {done.map((row) => (
                  <tr key={row.key}>
                    <td>{day(row.date)}</td>
                    <td>{row.activity}</td>
                    <td>{row.what}</td>
                    <td>{row.area}</td>
                    <td className="numeric">
                      {row.participants === null ? "" : formatNumber(row.participants)}
                    </td>
                    <td>{row.organization}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {data.effects.length > 0 ? (
            <section className="panel" aria-labelledby="lofte-print-effects">
              <h2 id="lofte-print-effects">{t("lofte.effects")}</h2>
              <EffectList effects={data.effects} />
            </section>
          ) : null}
        </article>
      ) : (
        <Panel
          title={t("lofte.title")}
          titleId="lofte-print-loading"
          isLoading={promise.isPending}
          error={promise.error}
        >
          {null}
        </Panel>
      )}
    </main>
  );
}
