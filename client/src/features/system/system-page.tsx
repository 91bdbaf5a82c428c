import { useQuery } from "@tanstack/react-query";
import { Link, Navigate } from "react-router";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { LanguageSelect } from "../../components/ui/language-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { AuditLogPanel } from "../audit/audit-log-panel.tsx";
import { CreateWorkspaceForm } from "./create-workspace-form.tsx";

/** `/system`: a system administrator's list of workspaces and the form that creates one. */
export function SystemPage() {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const workspaces = useQuery(trpc.system.workspaces.queryOptions(undefined, { retry: false }));
  const status = (workspaces.error as { data?: { httpStatus?: number } } | null)?.data?.httpStatus;
  if (status === 401) return <Navigate to="/login" replace />;
  return (
    <main id="main" className="page">
      <div className="system-header">
        <Link to="/">{t("system.back")}</Link>
        <LanguageSelect />
      </div>
      <h1>{t("system.title")}</h1>
      <p className="muted">{t("system.intro")}</p>
      {workspaces.error ? <ErrorMessage error={workspaces.error} /> : null}
      {workspaces.data ? (
        <section className="panel" aria-labelledby="system-workspaces">
          <h2 id="system-workspaces">{t("system.workspaces")}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("system.name")}</th>
                <th scope="col">{t("system.slug")}</th>
                <th scope="col" className="numeric">
                  {t("system.members")}
                </th>
                <th scope="col">{t("system.created")}</th>
              </tr>
            </thead>
            <tbody>
              {workspaces.data.map((workspace) => (
                <tr key={workspace.slug}>
                  <td>{workspace.name}</td>
                  <td>{workspace.slug}</td>
                  <td className="numeric">{workspace.memberCount}</td>
                  <td>
                    {formatDate(new Date(workspace.createdAt).toISOString().slice(0, 10), {
                      dateStyle: "medium",
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {workspaces.data ? <CreateWorkspaceForm /> : null}
      {workspaces.data ? (
        <AuditLogPanel
          isSystem
          title={t("audit.system.title")}
          intro={t("audit.system.intro")}
          users={null}
          timeZone="Europe/Stockholm"
        />
      ) : null}
    </main>
  );
}
