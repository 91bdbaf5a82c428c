import type { FrequencyUnit } from "../../../../shared/medborgarlofte.ts";
import { useI18n } from "../../i18n/i18n.tsx";

export type TargetForm = {
  kind: "count" | "frequency" | "description";
  count: string;
  every: string;
  per: FrequencyUnit;
  text: string;
};

/** The target as a number ("minst åtta"), a frequency ("varannan vecka") or in words. */
export function TargetFields({
  value,
  onChange,
  units,
}: {
  value: TargetForm;
  onChange(value: TargetForm): void;
  units: readonly FrequencyUnit[];
}) {
  const { t } = useI18n();
  const set = (patch: Partial<TargetForm>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="form-row">
      <legend>{t("lofte.target")}</legend>
      <label>
        <span className="field-label">{t("lofte.form.targetKind")}</span>
        <select value={value.kind} onChange={(e) => set({ kind: e.target.value as TargetForm["kind"] })}>
          <option value="count">{t("lofte.form.targetKind.count")}</option>
          <option value="frequency">{t("lofte.form.targetKind.frequency")}</option>
          <option value="description">{t("lofte.form.targetKind.description")}</option>
        </select>
      </label>
      {value.kind === "count" ? (
        <label>
          <span className="field-label">{t("lofte.form.count")}</span>
          <input
            type="number"
            required
            min={1}
            max={100_000}
            value={value.count}
            onChange={(e) => set({ count: e.target.value })}
          />
        </label>
      ) : null}
      {value.kind === "frequency" ? (
        <>
          <label>
            <span className="field-label">{t("lofte.form.every")}</span>
            <input
              type="number"
              required
              min={1}
              max={52}
              value={value.every}
              onChange={(e) => set({ every: e.target.value })}
            />
          </label>
          <label>
            <span className="field-label">{t("lofte.form.per")}</span>
            <select value={value.per} onChange={(e) => set({ per: e.target.value as FrequencyUnit })}>
              {units.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`lofte.form.per.${unit}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}
      {value.kind === "description" ? (
        <label>
          <span className="field-label">{t("lofte.form.targetText")}</span>
          <input
            required
            minLength={2}
            maxLength={1000}
            value={value.text}
            onChange={(e) => set({ text: e.target.value })}
          />
        </label>
      ) : null}
    </fieldset>
  );
}
