import { useMutation, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { download } from "../../components/ui/export-buttons.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { ActivityCard } from "./activity-card.tsx";
import { ActivityForm } from "./activity-form.tsx";
import { EffectForm } from "./effect-form.tsx";
import { EffectList } from "./effect-list.tsx";
import { FocusAreaForm } from "./focus-area-form.tsx";
import { PromiseActivities } from "./promise-activities.tsx";
import { PromiseDetails } from "./promise-details.tsx";
import { PublishControls } from "./publish-controls.tsx";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

/** One medborgarlöfte for the EST group: the promise, every activity's progress, the effects, the report. */
export function LoftePage() {
  const { t, formatDate } = useI18n();
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const refresh = useRefreshLofte();
  const promise = useQuery(trpc.medborgarlofte.get.queryOptions({ id }));
  const report = useMutation(trpc.medborgarlofte.reportXlsx.mutationOptions({ onSuccess: download }));
  const removeEffect = useMutation(trpc.medborgarlofte.removeEffect.mutationOptions({ onSuccess: refresh }));
  const data = promise.data;
  const basePath = `/w/${workspace.slug}/medborgarloften`;
  if (!data)
    return (
      <Panel
        title={t("lofte.title")}
        titleId="lofte-title"
        isLoading={promise.isPending}
        error={promise.error}
      >
        {null}
      </Panel>
    );
  const canEdit = data.permissions.canEdit;
  return (
    <div className="lofte-page">
      <p className="page-links no-print">
        <Link to={basePath}>{t("lofte.all")}</Link>
        <a href={`/lofte/${workspace.slug}`}>{t("lofte.publicPage")}</a>
      </p>
      <h1>{data.title}</h1>
      <p className="lagesbild-meta">
        <span className={`status-pill ${data.isPublished ? "status-published" : "status-draft"}`}>
          {data.isPublished ? t("lofte.published") : t("lofte.notPublished")}
        </span>
        <span className="muted">
          {t("lofte.asOf", {
            date: formatDate(data.asOf, { day: "numeric", month: "long", year: "numeric" }),
          })}
        </span>
      </p>
      {data.permissions.canPublish ? <PublishControls promise={data} /> : null}
      <div className="print-toolbar no-print">
        <button type="button" disabled={report.isPending} onClick={() => report.mutate({ id })}>
          {t("lofte.report")}
        </button>
        <span role="status" className="muted small">
          {report.isPending ? t("actionPlan.downloading") : ""}
        </span>
        {report.error ? <ErrorMessage error={report.error} /> : null}
      </div>
      <PromiseDetails promise={data} />
      <Panel
        title={t("lofte.progress")}
        titleId="lofte-progress-title"
        isLoading={false}
        error={null}
        isEmpty={data.activities.length === 0 && data.focusAreas.length === 0}
      >
        <PromiseActivities
          promise={data}
          render={(activity) => <ActivityCard key={activity.id} activity={activity} />}
        />
      </Panel>
      <Panel
        title={t("lofte.effects")}
        titleId="lofte-effects-title"
        isLoading={false}
        error={null}
        isEmpty={data.effects.length === 0 && !canEdit}
      >
        <EffectList
          effects={data.effects}
          action={
            canEdit
              ? (effectId) => (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => removeEffect.mutate({ effectId })}
                  >
                    {t("lofte.effect.remove")}
                  </button>
                )
              : undefined
          }
        />
        {canEdit ? <EffectForm promiseId={data.id} startYear={data.startYear} /> : null}
      </Panel>
      {canEdit ? (
        <section className="panel" aria-labelledby="lofte-plan-title">
          <h2 id="lofte-plan-title">{t("lofte.form.planTitle")}</h2>
          <FocusAreaForm promiseId={data.id} />
          <ActivityForm promise={data} />
        </section>
      ) : null}
    </div>
  );
}
