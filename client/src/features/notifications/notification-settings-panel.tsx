import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useAreaOptions } from "../../components/ui/district-select.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { MultiSelect } from "../../components/ui/multi-select.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

/** "Mina områden" and e-mail on or off: the member's own notification settings in this workspace. */
export function NotificationSettingsPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.notifications.settings.queryOptions());
  const areas = useQuery(trpc.areas.list.queryOptions());
  const options = useAreaOptions("all");
  const [codes, setCodes] = useState<string[] | null>(null);
  const [emailEnabled, setEmailEnabled] = useState<boolean | null>(null);
  const save = useMutation(
    trpc.notifications.updateSettings.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }),
    }),
  );
  const codeOf = new Map((areas.data ?? []).map((area) => [area.id, area.code ?? ""]));
  const idOf = new Map((areas.data ?? []).map((area) => [area.code ?? "", area.id]));
  const savedCodes = (settings.data?.areaIds ?? []).map((id) => codeOf.get(id) ?? "").filter(Boolean);
  const chosen = codes ?? savedCodes;
  const isEmailOn = emailEnabled ?? settings.data?.emailEnabled ?? true;
  useEffect(() => {
    if (save.isSuccess) {
      setCodes(null);
      setEmailEnabled(null);
    }
  }, [save.isSuccess]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const areaIds = chosen.map((code) => idOf.get(code)).filter((id): id is string => Boolean(id));
    save.mutate({ areaIds, emailEnabled: isEmailOn });
  };
  return (
    <Panel
      title={t("notifications.settings.title")}
      titleId="notification-settings-title"
      isLoading={settings.isPending || areas.isPending}
      error={settings.error ?? areas.error}
    >
      <form className="stacked-form" onSubmit={submit} aria-labelledby="notification-settings-title">
        <MultiSelect
          label={t("notifications.settings.areas")}
          options={options}
          selected={chosen}
          onChange={(values) => {
            save.reset();
            setCodes(values);
          }}
        />
        <p className="muted small">{t("notifications.settings.areasHint")}</p>
        <label className="checkbox-label">
          <input
            type="checkbox"
            checked={isEmailOn}
            onChange={(event) => {
              save.reset();
              setEmailEnabled(event.target.checked);
            }}
          />{" "}
          {t("notifications.settings.email")}
        </label>
        {save.error ? <ErrorMessage error={save.error} isDetailed /> : null}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("notifications.settings.save")}
        </button>
        <p role="status" className="success">
          {save.isSuccess ? t("notifications.settings.saved") : ""}
        </p>
      </form>
    </Panel>
  );
}
