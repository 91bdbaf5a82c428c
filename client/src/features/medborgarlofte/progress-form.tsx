import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { toLocalDate } from "../../../../shared/calendar.ts";
import { DateInput } from "../../components/ui/date-input.tsx";
import { DistrictSelect } from "../../components/ui/district-select.tsx";
import { FormFooter } from "../../components/ui/form-footer.tsx";
import { LabelledInput, LabelledTextarea } from "../../components/ui/labelled-field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

export type EditedEntry = {
  id: string;
  doneOn: string;
  areaCode: string | null;
  whatDone: string;
  participants: number | null;
  quantity: number;
};

/**
 * What was done for an activity: when, where, what, how many took part and how many it counts
 * as. Given an entry, the form corrects it.
 */
export function ProgressForm({
  activityId,
  title,
  entry,
  onDone,
}: {
  activityId: string;
  title: string;
  entry?: EditedEntry;
  onDone?: () => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const headingId = useId();
  const empty = {
    doneOn: entry?.doneOn ?? toLocalDate(new Date()),
    areaCode: entry?.areaCode ?? "",
    whatDone: entry?.whatDone ?? "",
    participants: entry?.participants === null || !entry ? "" : String(entry.participants),
    quantity: String(entry?.quantity ?? 1),
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
  const update = useMutation(
    trpc.medborgarlofte.updateProgress.mutationOptions({
      onSuccess: async () => {
        setSaved(t("lofte.form.saved"));
        await refresh();
        onDone?.();
      },
    }),
  );
  const mutation = entry ? update : add;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved("");
    const fields = {
      doneOn: form.doneOn,
      areaCode: form.areaCode || null,
      whatDone: form.whatDone,
      participants: form.participants === "" ? null : Number(form.participants),
      quantity: Number(form.quantity),
    };
    if (entry) update.mutate({ progressId: entry.id, ...fields });
    else add.mutate({ activityId, ...fields });
  };
  return (
    <form className="stack-form" onSubmit={submit} aria-labelledby={headingId}>
      <h5 id={headingId}>{entry ? t("lofte.entry.editTitle") : t("lofte.entry.title", { title })}</h5>
      <div className="form-row">
        <label>
          <span className="field-label">{t("lofte.entry.date")}</span>
          <DateInput required value={form.doneOn} onChange={(e) => set({ doneOn: e.target.value })} />
        </label>
        <DistrictSelect
          label={t("lofte.entry.area")}
          value={form.areaCode}
          onChange={(areaCode) => set({ areaCode })}
        />
      </div>
      <LabelledTextarea
        label={t("lofte.entry.what")}
        required
        minLength={2}
        maxLength={2000}
        value={form.whatDone}
        onChange={(e) => set({ whatDone: e.target.value })}
      />
      <p className="muted small">{t("lofte.entry.privacy")}</p>
      <div className="form-row">
        <LabelledInput
          label={t("lofte.entry.participants")}
          type="number"
          min={0}
          max={100_000}
          value={form.participants}
          onChange={(e) => set({ participants: e.target.value })}
        />
        <LabelledInput
          label={t("lofte.entry.quantity")}
          type="number"
          required
          min={1}
          max={1000}
          value={form.quantity}
          onChange={(e) => set({ quantity: e.target.value })}
        />
      </div>
      <FormFooter
        error={mutation.error}
        status={saved}
        isPending={mutation.isPending}
        submitLabel={entry ? t("lofte.form.save") : t("lofte.entry.submit")}
      />
    </form>
  );
}
