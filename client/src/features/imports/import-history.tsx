import { useMutation, useQuery } from "@tanstack/react-query";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { type MessageKey, sv } from "../../i18n/messages.ts";
import { useTRPC } from "../../trpc.ts";

/** Who imported what and when, with the file's hash, rows, result, and an undo per batch. */
export function ImportHistory() {
  const { t, formatNumber } = useI18n();
  const trpc = useTRPC();
  const history = useQuery(trpc.imports.history.queryOptions());
  const undo = useMutation(trpc.imports.undo.mutationOptions());
  // The import's name as the import page says it; a kind this version does not know shows its code.
  const kindName = (kind: string) => {
    const key = `import.batchKind.${kind}`;
    return key in sv ? t(key as MessageKey) : kind;
  };
  const when = new Intl.DateTimeFormat("sv-SE", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  });
  return (
    <Panel
      title={t("import.history")}
      titleId="history-title"
      isLoading={history.isPending}
      error={history.error}
      isEmpty={history.data?.length === 0}
    >
      {undo.error ? <ErrorMessage error={undo.error} /> : null}
      <div className="table-scroll">
        <table className="data-table" data-testid="import-history">
          <thead>
            <tr>
              <th scope="col">{t("import.when")}</th>
              <th scope="col">{t("import.who")}</th>
              <th scope="col">{t("import.kind")}</th>
              <th scope="col">{t("import.fileName")}</th>
              <th scope="col" className="numeric">
                {t("import.rows")}
              </th>
              <th scope="col">{t("import.status")}</th>
              <th scope="col">{t("import.hash")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("import.undo")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {(history.data ?? []).map((batch) => (
              <tr key={batch.id} data-status={batch.status}>
                <td>{when.format(new Date(batch.startedAt))}</td>
                <td>{batch.userName ?? t("import.commandLine")}</td>
                <td>{kindName(batch.kind)}</td>
                <td>{batch.fileName}</td>
                <td className="numeric">{formatNumber(batch.rowCount)}</td>
                <td>
                  {batch.status === "failed"
                    ? t("import.failed", { count: batch.errorCount })
                    : t(`import.status.${batch.status}`)}
                </td>
                <td>
                  <code title={batch.fileHash ?? ""}>{batch.fileHash?.slice(0, 10)}</code>
                </td>
                <td>
                  {batch.undoable ? (
                    <button
                      type="button"
                      disabled={undo.isPending}
                      onClick={() => undo.mutate({ batchId: batch.id })}
                    >
                      {t("import.undo")}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
