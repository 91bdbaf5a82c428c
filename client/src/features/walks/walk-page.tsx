import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { FindingForm } from "./finding-form.tsx";
import { FindingsTable } from "./findings-table.tsx";

/** One walk: record findings as you go (phone-sized), and follow each finding until it is fixed. */
export function WalkPage() {
  const { t, formatDate } = useI18n();
  const { walkId = "" } = useParams();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const walk = useQuery(trpc.walks.get.queryOptions({ walkId }));
  const findings = useQuery(trpc.walks.findings.queryOptions({ walkId }));
  return (
    <>
      <h1>
        {t("walks.walk")}: {walk.data?.meetingPlace ?? ""}
      </h1>
      {walk.data ? (
        <p className="muted">
          {formatDate(walk.data.startsAt.slice(0, 10), {
            weekday: "long",
            day: "numeric",
            month: "long",
            year: "numeric",
          })}
          {walk.data.areaName ? ` · ${walk.data.areaName}` : ""} ·{" "}
          <Link to={`/w/${workspace.slug}/vandringar/${walkId}/protokoll`}>{t("walks.protocol")}</Link>
        </p>
      ) : null}
      {workspace.permissions.canWrite ? (
        <section className="panel no-print">
          <FindingForm
            walkId={walkId}
            others={(findings.data ?? []).map((f) => [f.lon, f.lat] as [number, number])}
            route={walk.data?.route?.coordinates}
          />
        </section>
      ) : null}
      <Panel
        title={t("findings.title", { count: findings.data?.length ?? 0 })}
        titleId="findings-title"
        isLoading={findings.isPending}
        error={findings.error}
        isEmpty={findings.data?.length === 0}
      >
        {findings.data ? <FindingsTable findings={findings.data} /> : null}
      </Panel>
    </>
  );
}
