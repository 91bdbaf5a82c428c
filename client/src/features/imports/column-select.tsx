import { useI18n } from "../../i18n/i18n.tsx";

/** Pick one of a file's columns (or properties) for a field; optional fields may be left empty. */
export function ColumnSelect({
  label,
  columns,
  value,
  onChange,
  optional = false,
}: {
  label: string;
  columns: readonly string[];
  value: string | undefined;
  onChange(column: string): void;
  optional?: boolean;
}) {
  const { t } = useI18n();
  return (
    <label>
      <span className="field-label">{label}</span>
      <select value={value ?? ""} onChange={(event) => onChange(event.target.value)} required={!optional}>
        <option value="">{optional ? t("import.none") : t("report.choose")}</option>
        {columns.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
