import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Panel } from "../../components/ui/panel.tsx";
import { ScrollRegion } from "../../components/ui/scroll-region.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { PromiseForm } from "./promise-form.tsx";
import { PublicSettingsForm } from "./public-settings-form.tsx";

/** The workspace's medborgarlöften, the newest first; analysts and admins write a new one. */
export function LofteListPage() {
  const { t, formatNumber } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const list = useQuery(trpc.medborgarlofte.list.queryOptions());
  const basePath = `/w/${workspace.slug}/medborgarloften`;
  return (
    <>
      <h1>{t("lofte.title")}</h1>
      <p className="muted">{t("lofte.intro")}</p>
      <p className="page-links">
        <a href={`/lofte/${workspace.slug}`}>{t("lofte.publicPage")}</a>
      </p>
      <Panel
        title={t("lofte.list")}
        titleId="lofte-list-title"
        isLoading={list.isPending}
        error={list.error}
        isEmpty={list.data?.length === 0}
        onRetry={() => void list.refetch()}
      >
        <ScrollRegion label={t("lofte.list")}>
          <table className="data-table" data-testid="lofte-list">
            <thead>
              <tr>
                <th scope="col">{t("lofte.promise")}</th>
                <th scope="col">{t("lofte.years")}</th>
                <th scope="col" className="numeric">
                  {t("lofte.activityCount")}
                </th>
                <th scope="col">{t("lofte.publication")}</th>
              </tr>
            </thead>
            <tbody>
              {(list.data ?? []).map((promise) => (
                <tr key={promise.id}>
                  <th scope="row">
                    <Link to={`${basePath}/${promise.id}`}>{promise.title}</Link>
                  </th>
                  <td>
                    {promise.startYear === promise.endYear
                      ? promise.startYear
                      : `${promise.startYear}–${promise.endYear}`}
                  </td>
                  <td className="numeric">{formatNumber(promise.activities)}</td>
                  <td>{promise.isPublished ? t("lofte.published") : t("lofte.notPublished")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Panel>
      {workspace.permissions.canAdminister ? (
        <section className="panel">
          <PublicSettingsForm />
        </section>
      ) : null}
      {workspace.permissions.canSeeDetail ? (
        <section className="panel" aria-label={t("lofte.form.newPromise")}>
          <PromiseForm />
        </section>
      ) : null}
    </>
  );
}
