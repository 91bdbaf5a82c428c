import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Panel } from "../../components/ui/panel.tsx";
import { ScrollRegion } from "../../components/ui/scroll-region.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { InvitationsTable } from "./invitations-table.tsx";
import { InviteForm } from "./invite-form.tsx";
import { MemberRow } from "./member-row.tsx";
import { OrganizationsPanel } from "./organizations-panel.tsx";

/** Admins: the members with their roles and organisations, invitations, and the workspace's organisations. */
export function MembersPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const members = useQuery(trpc.workspace.members.queryOptions());
  const workspace = useWorkspace();
  return (
    <>
      <h1>{t("members.title")}</h1>
      <p className="muted">{t("members.intro")}</p>
      <p>
        <Link to={`/w/${workspace.slug}/medlemmar/logg`}>{t("audit.open")}</Link>
      </p>
      <Panel
        title={t("members.list")}
        titleId="members-title"
        isLoading={members.isPending}
        error={members.error}
        isEmpty={members.data?.length === 0}
      >
        <ScrollRegion label={t("members.list")}>
          <table className="data-table members-table">
            <thead>
              <tr>
                <th scope="col">{t("members.name")}</th>
                <th scope="col">{t("members.email")}</th>
                <th scope="col">{t("members.organization")}</th>
                <th scope="col">{t("members.role")}</th>
                <th scope="col">{t("members.status")}</th>
                <th scope="col">{t("members.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {(members.data ?? []).map((member) => (
                <MemberRow key={`${member.id}:${member.role}:${member.organizationId}`} member={member} />
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <InvitationsTable />
        <InviteForm />
      </Panel>
      <OrganizationsPanel />
    </>
  );
}
