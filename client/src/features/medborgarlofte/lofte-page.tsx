import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { download } from "../../components/ui/export-buttons.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { type RouterOutputs, useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { ActivityCard } from "./activity-card.tsx";
import { ActivityForm } from "./activity-form.tsx";
import { EffectForm } from "./effect-form.tsx";
import { EffectList } from "./effect-list.tsx";
import { FocusAreaForm } from "./focus-area-form.tsx";
import { PromiseActivities } from "./promise-activities.tsx";
import { PromiseDetails } from "./promise-details.tsx";
import { FocusAreaEditing, PromiseEditing, useEffectEditing } from "./promise-editing.tsx";
import { PublishControls } from "./publish-controls.tsx";

/** One medborgarlöfte for the EST group: the promise, every activity's progress, the effects, the report. */
export function LoftePage() {
  const { t } = useI18n();
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const promise = useQuery(trpc.medborgarlofte.get.queryOptions({ id }));
  if (!promise.data)
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
  return <LoftePageBody data={promise.data} />;
}

type PromiseView = RouterOutputs["medborgarlofte"]["get"];

function LoftePageBody({ data }: { data: PromiseView }) {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const report = useMutation(trpc.medborgarlofte.reportXlsx.mutationOptions({ onSuccess: download }));
  const [reportYear, setReportYear] = useState<number | null>(null);
  const basePath = `/w/${workspace.slug}/medborgarloften`;
  const id = data.id;
  const canEdit = data.permissions.canEdit;
  const effectEditing = useEffectEditing(data);
  const thisYear = new Date().getFullYear();
  const year = reportYear ?? Math.min(Math.max(thisYear, data.startYear), data.endYear);
  const years = Array.from({ length: data.endYear - data.startYear + 1 }, (_, i) => data.startYear + i);
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
        <label>
          <span className="field-label">{t("lofte.reportYear")}</span>
          <select value={year} onChange={(e) => setReportYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={report.isPending} onClick={() => report.mutate({ id, year })}>
          {t("lofte.report")}
        </button>
        <Link to={`${basePath}/${id}/utskrift?ar=${year}`}>{t("lofte.printReport")}</Link>
        <a href={`/api/w/${workspace.slug}/medborgarlofte/${id}.pdf?ar=${year}`} download>
          {t("lofte.pdf")}
        </a>
        <span role="status" className="muted small">
          {report.isPending ? t("actionPlan.downloading") : ""}
        </span>
        {report.error ? <ErrorMessage error={report.error} /> : null}
      </div>
      <PromiseDetails promise={data} />
      {canEdit ? <PromiseEditing promise={data} /> : null}
      <Panel
        title={t("lofte.progress")}
        titleId="lofte-progress-title"
        isLoading={false}
        error={null}
        isEmpty={data.activities.length === 0 && data.focusAreas.length === 0}
      >
        <PromiseActivities
          promise={data}
          render={(activity) => <ActivityCard key={activity.id} activity={activity} promise={data} />}
        />
      </Panel>
      <Panel
        title={t("lofte.effects")}
        titleId="lofte-effects-title"
        isLoading={false}
        error={null}
        isEmpty={data.effects.length === 0 && !canEdit}
      >
        <EffectList effects={data.effects} action={canEdit ? effectEditing.actions : undefined} />
        {canEdit ? effectEditing.form : null}
        {canEdit ? <EffectForm promiseId={data.id} startYear={data.startYear} /> : null}
      </Panel>
      {canEdit ? (
        <section className="panel" aria-labelledby="lofte-plan-title">
          <h2 id="lofte-plan-title">{t("lofte.form.planTitle")}</h2>
          <FocusAreaEditing promise={data} />
          <FocusAreaForm promiseId={data.id} />
          <ActivityForm promise={data} />
        </section>
      ) : null}
    </div>
  );
}
