import { useI18n } from "../../i18n/i18n.tsx";
import { useUploadProgress } from "../../upload-progress.ts";

/** Progress of the file being sent, then a note while the server checks and writes it. */
export function UploadStatus() {
  const { t, formatNumber } = useI18n();
  const progress = useUploadProgress();
  if (!progress)
    return (
      <p className="muted small" data-testid="upload-status">
        {t("import.importing")}
      </p>
    );
  if (progress.phase === "processing")
    return (
      <p role="status" className="muted small" data-testid="upload-status">
        {t("import.processing")}
      </p>
    );
  const percent = progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <div data-testid="upload-status">
      <label className="small">
        {t("import.sending", {
          sent: formatNumber(progress.sent / 1_000_000, 1),
          total: formatNumber(progress.total / 1_000_000, 1),
        })}
        <progress max={100} value={percent}>
          {percent} %
        </progress>
      </label>
    </div>
  );
}
