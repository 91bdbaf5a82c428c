import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useAreaOptions } from "../../components/ui/district-select.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { ScrollRegion } from "../../components/ui/scroll-region.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { useStatusText } from "./lagesbild-header.tsx";
import { lagesbildPeriodLabel } from "./lagesbild-period.ts";
import { NewLagesbildForm } from "./new-lagesbild-form.tsx";

/** Every lägesbild of the workspace, newest period first, and for analysts a new one. */
export function LagesbildListPage() {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const statusText = useStatusText();
  const list = useQuery(trpc.lagesbild.list.queryOptions());
  const snapshots = useQuery(trpc.lagesbild.snapshots.queryOptions());
  const areaNames = new Map(useAreaOptions("all").map((option) => [option.value, option.label]));
  const basePath = `/w/${workspace.slug}/lagesbild`;
  const [newest, previous] = snapshots.data ?? [];
  const compareLink =
    newest && previous ? `${basePath}/jamfor?a=${previous.id}&b=${newest.id}` : `${basePath}/jamfor`;
  return (
    <>
      <h1>{t("lagesbild.title")}</h1>
      <p className="muted">{t("lagesbild.intro")}</p>
      <nav className="page-links" aria-label={t("lagesbild.followLinks")}>
        <Link to={`${basePath}/analys`}>{t("overTime.title")}</Link>
        <Link to={`${basePath}/atgardsplan`}>{t("actionPlan.title")}</Link>
      </nav>
      {workspace.permissions.canSeeDetail ? (
        <section className="panel">
          <NewLagesbildForm />
        </section>
      ) : null}
      <Panel
        title={t("lagesbild.list")}
        titleId="lagesbild-list-title"
        isLoading={list.isPending}
        error={list.error}
        isEmpty={list.data?.lagesbilder.length === 0}
        onRetry={() => void list.refetch()}
        actions={
          (snapshots.data?.length ?? 0) > 0 ? (
            <Link to={compareLink}>{t("lagesbild.compareVersions")}</Link>
          ) : null
        }
      >
        {list.data ? (
          <>
            <p data-testid="open-insatser">
              {t("lagesbild.openInsatserTotal", { count: formatNumber(list.data.openInsatser) })}
            </p>
            <ScrollRegion label={t("lagesbild.list")}>
              <table className="data-table" data-testid="lagesbild-list">
                <thead>
                  <tr>
                    <th scope="col">{t("lagesbild.period")}</th>
                    <th scope="col">{t("lagesbild.scope")}</th>
                    <th scope="col">{t("lagesbild.status")}</th>
                    <th scope="col" className="numeric">
                      {t("lagesbild.openInsatser")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.lagesbilder.map((row) => (
                    <tr key={row.id} data-status={row.status}>
                      <th scope="row">
                        <Link to={`${basePath}/${row.id}`}>
                          {lagesbildPeriodLabel(
                            { kind: row.periodKind, start: row.periodStart, end: row.periodEnd },
                            i18n,
                          )}
                        </Link>
                      </th>
                      <td>
                        {row.areaCodes.length > 0
                          ? row.areaCodes.map((code) => areaNames.get(code) ?? code).join(", ")
                          : t("lagesbild.wholeWorkspace")}
                      </td>
                      <td>{statusText(row)}</td>
                      <td className="numeric">{formatNumber(row.openInsatser)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </>
        ) : null}
      </Panel>
    </>
  );
}
