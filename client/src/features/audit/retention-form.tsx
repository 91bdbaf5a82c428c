import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { AUDIT_RETENTION_MAX_DAYS, AUDIT_RETENTION_MIN_DAYS } from "../../../../shared/schemas/audit.ts";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

/** How long the workspace keeps its log; shortening it purges what is now past it. */
export function RetentionForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const retention = useQuery(trpc.audit.retention.queryOptions());
  const save = useMutation(trpc.audit.setRetention.mutationOptions());
  const [days, setDays] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ days: Number(days ?? retention.data?.days) });
  };
  return (
    <Panel
      title={t("audit.retention.title")}
      titleId="audit-retention-title"
      isLoading={retention.isPending}
      error={retention.error}
    >
      <form className="stack-form" onSubmit={submit}>
        <label>
          <span className="field-label">{t("audit.retention.label")}</span>
          <input
            type="number"
            required
            min={AUDIT_RETENTION_MIN_DAYS}
            max={AUDIT_RETENTION_MAX_DAYS}
            value={days ?? retention.data?.days ?? ""}
            onChange={(event) => setDays(event.target.value)}
          />
        </label>
        <p className="muted small">{t("audit.retention.help")}</p>
        {save.error ? <ErrorMessage error={save.error} /> : null}
        {save.data ? (
          <p className="success" role="status">
            {t("audit.retention.saved", { days: save.data.days, purged: save.data.purged })}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("audit.retention.save")}
        </button>
      </form>
    </Panel>
  );
}
