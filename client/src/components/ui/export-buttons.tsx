import { useMutation } from "@tanstack/react-query";
import type { ExportInput } from "../../../../shared/schemas/analysis.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { ErrorMessage } from "./error-message.tsx";
import { saveBlob } from "./save-file.ts";

/** Hands a file the server made (base64) to the browser's download. */
export function download(file: { fileName: string; mimeType: string; base64: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: file.mimeType }), file.fileName);
}

/** Exports exactly the table on screen, with the same filters, as CSV or Excel. */
export function ExportButtons({ input }: { input: Omit<ExportInput, "format" | "locale"> }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const exportTable = useMutation(trpc.exports.table.mutationOptions({ onSuccess: download }));
  return (
    <div className="export-buttons">
      <button
        type="button"
        disabled={exportTable.isPending}
        onClick={() => exportTable.mutate({ ...input, format: "csv", locale })}
      >
        {t("export.csv")}
      </button>
      <button
        type="button"
        disabled={exportTable.isPending}
        onClick={() => exportTable.mutate({ ...input, format: "xlsx", locale })}
      >
        {t("export.xlsx")}
      </button>
      {exportTable.error ? <ErrorMessage error={exportTable.error} /> : null}
    </div>
  );
}
