import { useI18n } from "../../i18n/i18n.tsx";
import type { OverviewFilterState } from "./use-overview-filter.ts";

/** One click to the periods a meeting asks for: the rhythm's latest, the last two weeks, up to today. */
export function PeriodShortcuts({ state }: { state: OverviewFilterState }) {
  const { t } = useI18n();
  const shortcuts = [
    { key: "meeting", isActive: state.isMeetingPeriod, onClick: state.goToMeetingPeriod },
    { key: "twoWeeks", isActive: state.isTwoWeeks, onClick: state.goToTwoWeeks },
    { key: "today", isActive: state.isToday, onClick: state.goToToday },
  ] as const;
  return (
    <fieldset className="period-shortcuts">
      <legend className="field-label">{t("filter.shortcuts")}</legend>
      <div>
        {shortcuts.map((shortcut) => (
          <button
            key={shortcut.key}
            type="button"
            aria-pressed={shortcut.isActive}
            onClick={shortcut.onClick}
          >
            {t(`filter.shortcut.${shortcut.key}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
