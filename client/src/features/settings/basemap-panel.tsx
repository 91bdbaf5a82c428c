import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";

/** Documented choices, never defaults: each sends the users' map views to its service. */
export const BASEMAP_PRESETS = [
  { key: "osm", url: "https://tiles.openfreemap.org/styles/liberty" },
  {
    key: "lantmateriet",
    url: "https://api.lantmateriet.se/open/topowebb-ccby/v1/wmts/token/NYCKEL/1.0.0/topowebb/default/3857/{z}/{y}/{x}.png",
  },
] as const;

/** The workspace's basemap: the app's own (empty) or an external style an admin chooses. */
export default function BasemapPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const workspace = useWorkspace();
  const [styleUrl, setStyleUrl] = useState(workspace.basemapStyleUrl ?? "");
  const save = useMutation(
    trpc.maps.setBasemapStyle.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.workspace.current.queryKey() }),
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ styleUrl: styleUrl.trim() === "" ? null : styleUrl.trim() });
  };
  return (
    <section className="panel" aria-labelledby="basemap-title" data-testid="basemap-settings">
      <h2 id="basemap-title">{t("basemap.title")}</h2>
      <p className="muted small">{t("basemap.intro")}</p>
      <form className="stack-form" onSubmit={submit}>
        <label>
          <span className="field-label">{t("basemap.styleUrl")}</span>
          <input
            type="url"
            inputMode="url"
            value={styleUrl}
            onChange={(event) => setStyleUrl(event.target.value)}
            aria-describedby="basemap-hint"
            placeholder="https://"
          />
        </label>
        <p className="muted small" id="basemap-hint">
          {t("basemap.styleUrlHint")}
        </p>
        <fieldset className="form-row">
          <legend>{t("basemap.presets")}</legend>
          {BASEMAP_PRESETS.map((preset) => (
            <button key={preset.key} type="button" onClick={() => setStyleUrl(preset.url)}>
              {t(`basemap.preset.${preset.key}`)}
            </button>
          ))}
        </fieldset>
        {styleUrl.includes("NYCKEL") ? <p className="notice small">{t("basemap.lantmaterietHint")}</p> : null}
        {save.error ? <ErrorMessage error={save.error} /> : null}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("basemap.save")}
        </button>
        {save.isSuccess ? (
          <p role="status" className="success">
            {t("basemap.saved")}
          </p>
        ) : null}
      </form>
    </section>
  );
}
