import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useCallback } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { MEETING_AGENDA, type MeetingItem } from "../../../../shared/lagesbild-meeting.ts";
import { Panel } from "../../components/ui/panel.tsx";
import { type AgendaItem, SteppedAgenda } from "../../components/ui/stepped-agenda.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { type RouterOutputs, useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { editingFor } from "./lagesbild-editing.ts";
import { useStatusText } from "./lagesbild-header.tsx";
import { lagesbildPeriodLabel } from "./lagesbild-period.ts";
import { MeetingElevated } from "./meeting/meeting-elevated.tsx";
import { MeetingFindings } from "./meeting/meeting-findings.tsx";
import { MeetingOpenInsatser } from "./meeting/meeting-open-insatser.tsx";
import { MeetingOverview } from "./meeting/meeting-overview.tsx";
import { MeetingRising } from "./meeting/meeting-rising.tsx";
import { InsatserSection } from "./sections/insatser-section.tsx";

type Lagesbild = RouterOutputs["lagesbild"]["get"];

/** The content of each agenda item; only the decisions can change anything, and only in a draft. */
function useAgendaItems(lagesbild: Lagesbild, styleUrl: string | null): AgendaItem[] {
  const { t } = useI18n();
  const workspace = useWorkspace();
  const { content } = lagesbild;
  const edit = editingFor(lagesbild, workspace.organizations);
  const contents: Record<MeetingItem, ReactNode> = {
    overview: <MeetingOverview content={content} styleUrl={styleUrl} />,
    elevated: <MeetingElevated content={content} />,
    rising: <MeetingRising content={content} />,
    open: <MeetingOpenInsatser content={content} />,
    findings: <MeetingFindings content={content} />,
    decisions: (
      <>
        {edit?.canEdit ? null : <p className="muted">{t("meeting.readOnly")}</p>}
        <InsatserSection content={content} edit={edit} />
      </>
    ),
  };
  return MEETING_AGENDA.map((key) => ({
    key,
    title: t(`meeting.item.${key}` as MessageKey),
    content: contents[key],
  }));
}

function Meeting({ lagesbild, styleUrl }: { lagesbild: Lagesbild; styleUrl: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const statusText = useStatusText();
  const [search, setSearch] = useSearchParams();
  const items = useAgendaItems(lagesbild, styleUrl);
  const asked = Number(search.get("punkt") ?? "1");
  const current = Number.isInteger(asked) ? Math.min(Math.max(asked - 1, 0), items.length - 1) : 0;
  const documentPath = `/w/${workspace.slug}/lagesbild/${lagesbild.id}`;
  const select = useCallback(
    (index: number) => setSearch({ punkt: String(index + 1) }, { replace: true }),
    [setSearch],
  );
  const exit = useCallback(() => void navigate(documentPath), [navigate, documentPath]);
  const announce = (index: number) =>
    t("meeting.announce", { number: index + 1, count: items.length, title: items[index]?.title ?? "" });
  return (
    <>
      <header className="meeting-header">
        <p className="meeting-kicker">
          {t("meeting.mode")} · {lagesbild.content.workspaceName} · {statusText(lagesbild)}
        </p>
        <h1>{t("lagesbild.documentTitle", { period: lagesbildPeriodLabel(lagesbild.period, i18n) })}</h1>
        <p className="meeting-tools">
          <Link to={documentPath}>{t("meeting.exit")}</Link>
          <span className="muted">{t("meeting.keys", { count: items.length })}</span>
          <span data-testid="meeting-position">
            {t("meeting.position", { number: current + 1, count: items.length })}
          </span>
        </p>
      </header>
      <SteppedAgenda
        label={t("meeting.agenda")}
        items={items}
        current={current}
        onSelect={select}
        onExit={exit}
        announce={announce}
      />
    </>
  );
}

/** Mötesläge: the lägesbild for a projector, one agenda item at a time, stepped with the keyboard. */
export function LagesbildMeetingPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const config = useQuery(trpc.system.config.queryOptions());
  const lagesbild = useQuery(trpc.lagesbild.get.queryOptions({ id }));
  return (
    <main id="main" className="meeting" data-testid="meeting">
      {lagesbild.data ? (
        <Meeting
          lagesbild={lagesbild.data}
          styleUrl={workspace.basemapStyleUrl ?? config.data?.mapStyleUrl ?? null}
        />
      ) : (
        <Panel
          title={t("meeting.mode")}
          titleId="meeting-loading-title"
          isLoading={lagesbild.isPending}
          error={lagesbild.error}
          onRetry={() => void lagesbild.refetch()}
        >
          {null}
        </Panel>
      )}
    </main>
  );
}
