import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { AuditLogPanel } from "./audit-log-panel.tsx";
import { RetentionForm } from "./retention-form.tsx";

/** `/w/:slug/medlemmar/logg`: the workspace's audit log for its admins (docs/decisions/018). */
export function AuditPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const members = useQuery(trpc.workspace.members.queryOptions());
  return (
    <>
      <p>
        <Link to={`/w/${workspace.slug}/medlemmar`}>{t("audit.back")}</Link>
      </p>
      <h1>{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro")}</p>
      <AuditLogPanel
        title={t("audit.entries")}
        users={(members.data ?? []).map((member) => ({ id: member.id, name: member.name }))}
        timeZone={workspace.timezone}
      />
      <RetentionForm />
    </>
  );
}
