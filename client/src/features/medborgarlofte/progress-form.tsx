import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { toLocalDate } from "../../../../shared/calendar.ts";
import { DistrictSelect } from "../../components/ui/district-select.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

/** What was done for an activity: when, where, what, how many took part and how many it counts as. */
export function ProgressForm({ activityId, title }: { activityId: string; title: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const headingId = useId();
  const empty = {
    doneOn: toLocalDate(new Date()),
    areaCode: "",
    whatDone: "",
    participants: "",
    quantity: "1",
  };
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState("");
  const set = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }));
  const add = useMutation(
    trpc.medborgarlofte.addProgress.mutationOptions({
      onSuccess: async () => {
        setSaved(t("lofte.entry.saved"));
        setForm(empty);
        await refresh();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved("");
    add.mutate({
      activityId,
      doneOn: form.doneOn,
      areaCode: form.areaCode || null,
      whatDone: form.whatDone,
      participants: form.participants === "" ? null : Number(form.participants),
      quantity: Number(form.quantity),
    });
  };
  return (
    <form className="stack-form" onSubmit={submit} aria-labelledby={headingId}>
      <h5 id={headingId}>{t("lofte.entry.title", { title })}</h5>
      <div className="form-row">
        <label>
          <span className="field-label">{t("lofte.entry.date")}</span>
          <input type="date" required value={form.doneOn} onChange={(e) => set({ doneOn: e.target.value })} />
        </label>
        <DistrictSelect
          label={t("lofte.entry.area")}
          value={form.areaCode}
          onChange={(areaCode) => set({ areaCode })}
        />
      </div>
      <label>
        <span className="field-label">{t("lofte.entry.what")}</span>
        <textarea
          required
          minLength={2}
          maxLength={2000}
          value={form.whatDone}
          onChange={(e) => set({ whatDone: e.target.value })}
        />
      </label>
      <p className="muted small">{t("lofte.entry.privacy")}</p>
      <div className="form-row">
        <label>
          <span className="field-label">{t("lofte.entry.participants")}</span>
          <input
            type="number"
            min={0}
            max={100_000}
            value={form.participants}
            onChange={(e) => set({ participants: e.target.value })}
          />
        </label>
        <label>
          <span className="field-label">{t("lofte.entry.quantity")}</span>
          <input
            type="number"
            required
            min={1}
            max={1000}
            value={form.quantity}
            onChange={(e) => set({ quantity: e.target.value })}
          />
        </label>
      </div>
      {add.error ? <ErrorMessage error={add.error} isDetailed /> : null}
      <p role="status" className="success">
        {saved}
      </p>
      <div>
        <button type="submit" className="primary" disabled={add.isPending}>
          {t("lofte.entry.submit")}
        </button>
      </div>
    </form>
  );
}
