import { TRPCClientError } from "@trpc/client";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

type Issues = { issues: { row: number; column: string; reason: string }[]; count: number };

/** An import's error, with every listed problem's file row, column and reason. */
export function ImportError({ error }: { error: unknown }) {
  const { t } = useI18n();
  const issues =
    error instanceof TRPCClientError
      ? ((error.data as { importIssues?: Issues | null } | undefined)?.importIssues ?? null)
      : null;
  if (!issues) return <ErrorMessage error={error} />;
  return (
    <div role="alert" className="import-issues">
      <p className="error">{t("import.rejected", { count: issues.count })}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("import.row")}</th>
            <th scope="col">{t("import.column")}</th>
            <th scope="col">{t("import.reason")}</th>
          </tr>
        </thead>
        <tbody>
          {issues.issues.map((issue) => (
            <tr key={`${issue.row}-${issue.column}-${issue.reason}`}>
              <td className="numeric">{issue.row}</td>
              <td>{issue.column}</td>
              <td>{issue.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {issues.count > issues.issues.length ? (
        <p className="muted">{t("import.moreIssues", { count: issues.count - issues.issues.length })}</p>
      ) : null}
    </div>
  );
}
