import { useMutation } from "@tanstack/react-query";
import type { SortingState } from "@tanstack/react-table";
import type { ExportInput } from "../../../../shared/schemas/analysis.ts";
import type { FindingsExportInput } from "../../../../shared/schemas/exports.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { saveBlob } from "./save-file.ts";

type Format = "csv" | "xlsx";

/** Hands a file the server made (base64) to the browser's download. */
export function download(file: { fileName: string; mimeType: string; base64: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: file.mimeType }), file.fileName);
}

/** The table's sort as the export takes it. */
const sortOf = (sorting: SortingState | undefined) => (sorting ?? []).map(({ id, desc }) => ({ id, desc }));

/** CSV and Excel buttons over one export mutation, with its error beside them. */
function ExportButtonRow({
  isPending,
  error,
  onExport,
}: {
  isPending: boolean;
  error: Parameters<typeof ErrorMessage>[0]["error"] | null;
  onExport(format: Format): void;
}) {
  const { t } = useI18n();
  return (
    <div className="export-buttons">
      <button type="button" disabled={isPending} onClick={() => onExport("csv")}>
        {t("export.csv")}
      </button>
      <button type="button" disabled={isPending} onClick={() => onExport("xlsx")}>
        {t("export.xlsx")}
      </button>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}

/** Exports exactly the table on screen, with the same filters and in its sort, as CSV or Excel. */
export function ExportButtons({
  input,
  sorting,
}: {
  input: Omit<ExportInput, "format" | "locale" | "sort">;
  sorting?: SortingState;
}) {
  const { locale } = useI18n();
  const trpc = useTRPC();
  const exportTable = useMutation(trpc.exports.table.mutationOptions({ onSuccess: download }));
  return (
    <ExportButtonRow
      isPending={exportTable.isPending}
      error={exportTable.error}
      onExport={(format) => exportTable.mutate({ ...input, sort: sortOf(sorting), format, locale })}
    />
  );
}

/** The Fynd page's findings as a file (free text only where the user may read it). */
export function FindingsExportButtons({
  filter,
  sorting,
}: {
  filter: Omit<FindingsExportInput, "format" | "locale" | "sort">;
  sorting?: SortingState;
}) {
  const { locale } = useI18n();
  const trpc = useTRPC();
  const exportFindings = useMutation(trpc.exports.findings.mutationOptions({ onSuccess: download }));
  return (
    <ExportButtonRow
      isPending={exportFindings.isPending}
      error={exportFindings.error}
      onExport={(format) => exportFindings.mutate({ ...filter, sort: sortOf(sorting), format, locale })}
    />
  );
}

/** The dialogues' schedule as a file (never their notes). */
export function DialoguesExportButtons() {
  const { locale } = useI18n();
  const trpc = useTRPC();
  const exportDialogues = useMutation(trpc.exports.dialogues.mutationOptions({ onSuccess: download }));
  return (
    <ExportButtonRow
      isPending={exportDialogues.isPending}
      error={exportDialogues.error}
      onExport={(format) => exportDialogues.mutate({ format, locale })}
    />
  );
}
