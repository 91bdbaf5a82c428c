import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, lazy, Suspense, useEffect, useState } from "react";
import { useParams } from "react-router";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { ApiTokensPanel } from "./api-tokens-panel.tsx";
import { MeetingRhythmPanel } from "./meeting-rhythm-panel.tsx";
import { SsoPanel } from "./sso-panel.tsx";

// Rarely opened, so kept out of the first route's JavaScript.
const AreaNamesPanel = lazy(() => import("./area-names-panel.tsx"));
const BasemapPanel = lazy(() => import("./basemap-panel.tsx"));

/** Workspace settings for admins: dialogue notes' retention, the survey minimum, area names, the basemap, import tokens. */
export function SettingsPage() {
  const { t } = useI18n();
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const settings = useQuery(trpc.workspace.settings.queryOptions());
  const save = useMutation(trpc.workspace.updateSettings.mutationOptions());
  const [form, setForm] = useState({ notesRetentionDays: "", surveyMinRespondents: "" });
  useEffect(() => {
    if (settings.data)
      setForm({
        notesRetentionDays: String(settings.data.notesRetentionDays),
        surveyMinRespondents: String(settings.data.surveyMinRespondents),
      });
  }, [settings.data]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      notesRetentionDays: Number(form.notesRetentionDays),
      surveyMinRespondents: Number(form.surveyMinRespondents),
    });
  };
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <Panel
        title={t("settings.data")}
        titleId="settings-title"
        isLoading={settings.isPending}
        error={settings.error}
      >
        <form className="stack-form" onSubmit={submit}>
          <label>
            <span className="field-label">{t("settings.retention")}</span>
            <input
              type="number"
              min={30}
              max={3650}
              required
              inputMode="numeric"
              aria-describedby="retention-hint"
              value={form.notesRetentionDays}
              onChange={(event) => setForm({ ...form, notesRetentionDays: event.target.value })}
            />
          </label>
          <p className="muted small" id="retention-hint">
            {t("settings.retentionHint")}
          </p>
          <label>
            <span className="field-label">{t("settings.minRespondents")}</span>
            <input
              type="number"
              min={1}
              max={10000}
              required
              inputMode="numeric"
              aria-describedby="respondents-hint"
              value={form.surveyMinRespondents}
              onChange={(event) => setForm({ ...form, surveyMinRespondents: event.target.value })}
            />
          </label>
          <p className="muted small" id="respondents-hint">
            {t("settings.minRespondentsHint")}
          </p>
          {save.error ? <ErrorMessage error={save.error} /> : null}
          <button type="submit" className="primary" disabled={save.isPending}>
            {t("settings.save")}
          </button>
          {save.isSuccess ? (
            <p role="status" className="success">
              {t("settings.saved", { purged: save.data.purgedNotes })}
            </p>
          ) : null}
        </form>
      </Panel>
      <MeetingRhythmPanel />
      <Suspense fallback={<p className="muted">{t("panel.loading")}</p>}>
        <AreaNamesPanel />
        <BasemapPanel />
      </Suspense>
      <SsoPanel />
      <ApiTokensPanel workspaceSlug={slug} />
    </>
  );
}
