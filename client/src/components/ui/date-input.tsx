import { useEffect, useRef } from "react";
import { isLocalDate } from "../../../../shared/calendar.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { isTimeOfDay, normaliseDate, normaliseTime } from "./date-text.ts";

// Chromium draws <input type="date"> in the browser's own locale (03/05/2026, 09:30 PM under an
// English browser) whatever the page's lang says, so dates are typed as text in the Swedish
// form, ÅÅÅÅ-MM-DD and TT:MM (docs/decisions/017); the native calendar still opens from a button.

type ChangeHandler = (event: { target: { value: string } }) => void;
type Props = { value: string; onChange: ChangeHandler; required?: boolean; id?: string };

/** A date typed as ÅÅÅÅ-MM-DD whatever the browser's language; the value is that text. */
export function DateInput({ value, onChange, required, id }: Props) {
  const { t } = useI18n();
  const textRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    textRef.current?.setCustomValidity(value === "" || isLocalDate(value) ? "" : t("dateInput.invalid"));
  }, [value, t]);
  return (
    <span className="date-input">
      <input
        ref={textRef}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        lang="sv"
        placeholder={t("dateInput.placeholder")}
        required={required}
        value={value}
        onChange={(event) => onChange({ target: { value: event.target.value } })}
        onBlur={(event) => {
          const normalised = normaliseDate(event.target.value);
          if (normalised !== value) onChange({ target: { value: normalised } });
        }}
      />
      <button
        type="button"
        className="date-input-picker"
        aria-label={t("dateInput.pick")}
        title={t("dateInput.pick")}
        onClick={() => pickerRef.current?.showPicker?.()}
      >
        <span aria-hidden="true">▦</span>
      </button>
      <input
        ref={pickerRef}
        type="date"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        value={isLocalDate(value) ? value : ""}
        onChange={(event) => onChange({ target: { value: event.target.value } })}
      />
    </span>
  );
}

/** A date and a time of day (ÅÅÅÅ-MM-DD and TT:MM, 24 hours); the value is "ÅÅÅÅ-MM-DDTTT:MM" as datetime-local's. */
export function DateTimeInput({ value, onChange, required, id }: Props) {
  const { t } = useI18n();
  const timeRef = useRef<HTMLInputElement>(null);
  const [date = "", time = ""] = value.split("T");
  const emit = (nextDate: string, nextTime: string) =>
    onChange({ target: { value: nextDate === "" && nextTime === "" ? "" : `${nextDate}T${nextTime}` } });
  useEffect(() => {
    const isMissing = time === "" && (required || date !== "");
    timeRef.current?.setCustomValidity(
      isMissing || (time !== "" && !isTimeOfDay(time)) ? t("timeInput.invalid") : "",
    );
  }, [date, time, required, t]);
  return (
    <span className="date-time-input">
      <DateInput
        id={id}
        value={date}
        required={required}
        onChange={(event) => emit(event.target.value, time)}
      />
      <input
        ref={timeRef}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        lang="sv"
        className="time-input"
        aria-label={t("timeInput.label")}
        placeholder={t("timeInput.placeholder")}
        required={required}
        value={time}
        onChange={(event) => emit(date, event.target.value)}
        onBlur={(event) => {
          const normalised = normaliseTime(event.target.value);
          if (normalised !== time) emit(date, normalised);
        }}
      />
    </span>
  );
}
