import { REPORT_CATEGORIES, type ReportCategory } from "../../../../shared/field.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/** What a report is about, from the shared list (citizen and partner reports alike). */
export function ReportCategoryField({
  value,
  onChange,
}: {
  value: ReportCategory | "";
  onChange(category: ReportCategory): void;
}) {
  const { t } = useI18n();
  return (
    <label>
      <span className="field-label">{t("citizen.category")}</span>
      <select required value={value} onChange={(event) => onChange(event.target.value as ReportCategory)}>
        <option value="">{t("report.choose")}</option>
        {REPORT_CATEGORIES.map((option) => (
          <option key={option} value={option}>
            {t(`reportCategory.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A photo from the phone's camera or files; the server checks its real type and size. */
export function PhotoField({
  label,
  onChange,
  multiple = false,
}: {
  label: string;
  onChange(files: File[]): void;
  multiple?: boolean;
}) {
  return (
    <label>
      <span className="field-label">{label}</span>
      <input
        type="file"
        accept="image/jpeg,image/png,image/webp"
        capture="environment"
        multiple={multiple}
        onChange={(event) => onChange([...(event.target.files ?? [])])}
      />
    </label>
  );
}
