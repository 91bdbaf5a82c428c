import { useQuery } from "@tanstack/react-query";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

export function MembersPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const members = useQuery(trpc.workspace.members.queryOptions());
  return (
    <>
      <h1>{t("members.title")}</h1>
      <Panel
        title={t("members.title")}
        titleId="members-title"
        isLoading={members.isPending}
        error={members.error}
        isEmpty={members.data?.length === 0}
      >
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.email")}</th>
              <th scope="col">{t("members.organization")}</th>
              <th scope="col">{t("members.role")}</th>
            </tr>
          </thead>
          <tbody>
            {(members.data ?? []).map((member) => (
              <tr key={member.id}>
                <td>{member.name}</td>
                <td>{member.email}</td>
                <td>{member.organization ?? "–"}</td>
                <td>{t(`role.${member.role}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
    </>
  );
}
