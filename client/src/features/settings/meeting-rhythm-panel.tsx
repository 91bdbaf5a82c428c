import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { isLocalDate, toLocalDate } from "../../../../shared/calendar.ts";
import {
  MEETING_PERIODS,
  type MeetingPeriod,
  nextMeetings,
  rhythmWithMeetingOn,
} from "../../../../shared/meeting-rhythm.ts";
import { DateInput } from "../../components/ui/date-input.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { periodLabel } from "../overview/period-label.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";

/**
 * The EST's meeting rhythm: how often it meets, and one meeting's date (its weekday is the meeting
 * day, its week decides which weeks the periods start). The overview opens on the period the next
 * meeting reviews.
 */
export function MeetingRhythmPanel() {
  const i18n = useI18n();
  const { t } = i18n;
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const today = toLocalDate(new Date(), workspace.timezone);
  const stored = {
    period: workspace.meetingPeriod,
    weekday: workspace.meetingWeekday,
    anchor: workspace.meetingAnchor,
  };
  const nextStored = nextMeetings(stored, today, 1)[0]?.date ?? today;
  const [form, setForm] = useState<{ period: MeetingPeriod; meetingDate: string }>({
    period: stored.period,
    meetingDate: nextStored,
  });
  useEffect(() => setForm({ period: stored.period, meetingDate: nextStored }), [stored.period, nextStored]);
  const save = useMutation(trpc.workspace.updateMeetingRhythm.mutationOptions());
  const preview = isLocalDate(form.meetingDate)
    ? nextMeetings(rhythmWithMeetingOn(form.period, form.meetingDate), today, 3)
    : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(form);
  };
  const dayOf = (date: string) => i18n.formatDate(date, { weekday: "long", day: "numeric", month: "long" });
  return (
    <Panel title={t("settings.rhythm")} titleId="rhythm-title" isLoading={false} error={null}>
      <form className="stack-form" onSubmit={submit} aria-labelledby="rhythm-title">
        <label>
          <span className="field-label">{t("settings.rhythmPeriod")}</span>
          <select
            value={form.period}
            onChange={(event) => setForm({ ...form, period: event.target.value as MeetingPeriod })}
          >
            {MEETING_PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(`settings.rhythm.${period}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t("settings.rhythmDate")}</span>
          <DateInput
            required
            value={form.meetingDate}
            onChange={(event) => setForm({ ...form, meetingDate: event.target.value })}
          />
        </label>
        <p className="muted small">{t("settings.rhythmDateHint")}</p>
        <h3>{t("settings.rhythmNext")}</h3>
        <ul className="plain-list small" data-testid="rhythm-preview">
          {preview.map((meeting) => (
            <li key={meeting.date}>
              {t("settings.rhythmMeeting", {
                date: dayOf(meeting.date),
                period: periodLabel(meeting.reviews, i18n),
              })}
            </li>
          ))}
        </ul>
        {save.error ? <ErrorMessage error={save.error} /> : null}
        <button type="submit" className="primary" disabled={save.isPending}>
          {t("settings.rhythmSave")}
        </button>
        {save.isSuccess ? (
          <p role="status" className="success">
            {t("settings.rhythmSaved")}
          </p>
        ) : null}
      </form>
    </Panel>
  );
}
