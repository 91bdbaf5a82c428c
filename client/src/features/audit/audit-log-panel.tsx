import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { download } from "../../components/ui/export-buttons.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { AuditFilterForm, type AuditFilterValue, NO_FILTER } from "./audit-filter-form.tsx";
import { AuditTable } from "./audit-table.tsx";

/**
 * The log with its filter, pages and export: a workspace's (its admins), or with `isSystem` the
 * entries of no workspace (system administrators; failed sign-ins).
 */
export function AuditLogPanel({
  isSystem = false,
  users,
  timeZone,
  title,
  intro,
}: {
  isSystem?: boolean;
  intro?: string;
  users: { id: string; name: string }[] | null;
  timeZone: string;
  title: string;
}) {
  const { t, formatNumber } = useI18n();
  const trpc = useTRPC();
  const [filter, setFilter] = useState<AuditFilterValue>(NO_FILTER);
  const [page, setPage] = useState(1);
  const procedures = isSystem
    ? { list: trpc.audit.systemList, export: trpc.audit.systemExport }
    : { list: trpc.audit.list, export: trpc.audit.export };
  const log = useQuery(procedures.list.queryOptions({ filter, page }));
  const exportLog = useMutation(procedures.export.mutationOptions({ onSuccess: download }));
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / (log.data?.pageSize ?? 1)));
  return (
    <Panel
      title={title}
      titleId={isSystem ? "audit-system-title" : "audit-title"}
      isLoading={log.isPending}
      error={log.error}
      actions={
        <div className="export-buttons">
          {(["csv", "xlsx"] as const).map((format) => (
            <button
              key={format}
              type="button"
              disabled={exportLog.isPending}
              onClick={() => exportLog.mutate({ filter, format })}
            >
              {t(format === "csv" ? "export.csv" : "export.xlsx")}
            </button>
          ))}
        </div>
      }
    >
      {intro ? <p className="muted small">{intro}</p> : null}
      <AuditFilterForm
        value={filter}
        users={users}
        onApply={(next) => {
          setFilter(next);
          setPage(1);
        }}
      />
      {exportLog.error ? <ErrorMessage error={exportLog.error} /> : null}
      <p className="muted" aria-live="polite">
        {t("audit.total", { count: formatNumber(log.data?.total ?? 0) })}
      </p>
      {log.data && log.data.entries.length > 0 ? (
        <AuditTable entries={log.data.entries} timeZone={timeZone} />
      ) : null}
      {pages > 1 ? (
        <nav className="form-row" aria-label={t("audit.pages")}>
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t("audit.previous")}
          </button>
          <span>{t("audit.page", { page, pages })}</span>
          <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t("audit.next")}
          </button>
        </nav>
      ) : null}
    </Panel>
  );
}
