import { useI18n } from "../../../i18n/i18n.tsx";
import { lagesbildPeriodLabel } from "../lagesbild-period.ts";
import type { OverTimeKind, OverTimeRange } from "./use-over-time-range.ts";

/** Quarter or year, stepped back and forth with ◀ ▶; the chosen range is announced. */
export function RangeChooser({ state }: { state: OverTimeRange }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <form
      className="filter-bar no-print"
      aria-label={t("overTime.chooser")}
      onSubmit={(event) => event.preventDefault()}
    >
      <label>
        <span className="field-label">{t("overTime.kind")}</span>
        <select value={state.kind} onChange={(event) => state.setKind(event.target.value as OverTimeKind)}>
          <option value="quarter">{t("overTime.quarter")}</option>
          <option value="year">{t("overTime.year")}</option>
        </select>
      </label>
      <div className="period-stepper">
        <span className="field-label">{t("overTime.period")}</span>
        <div>
          <button type="button" onClick={() => state.step(-1)} aria-label={t("overTime.previous")}>
            ◀
          </button>
          <output aria-live="polite" data-testid="over-time-range">
            {lagesbildPeriodLabel(state.range, i18n)}
          </output>
          <button type="button" onClick={() => state.step(1)} aria-label={t("overTime.next")}>
            ▶
          </button>
        </div>
      </div>
    </form>
  );
}
