import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { DIALOGUE_FORMATS, DIALOGUE_KINDS } from "../../../../shared/field.ts";
import { DateTimeInput } from "../../components/ui/date-input.tsx";
import { DistrictSelect } from "../../components/ui/district-select.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

/** Put a dialogue in the schedule: kind, format, time, district and meeting place. */
export function DialoguePlanForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const create = useMutation(trpc.dialogues.create.mutationOptions());
  const [form, setForm] = useState({
    kind: "medborgardialog",
    format: "stormote",
    startsAt: "",
    areaCode: "",
    meetingPlace: "",
  });
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      kind: form.kind as (typeof DIALOGUE_KINDS)[number],
      format: form.format as (typeof DIALOGUE_FORMATS)[number],
      startsAt: new Date(form.startsAt).toISOString(),
      areaCode: form.areaCode || null,
      meetingPlace: form.meetingPlace,
    });
  };
  return (
    <form className="stack-form" onSubmit={submit}>
      <label>
        <span className="field-label">{t("dialogues.kind")}</span>
        <select value={form.kind} onChange={set("kind")}>
          {DIALOGUE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`dialogues.kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">{t("dialogues.format")}</span>
        <select value={form.format} onChange={set("format")}>
          {DIALOGUE_FORMATS.map((format) => (
            <option key={format} value={format}>
              {t(`dialogues.format.${format}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">{t("walks.when")}</span>
        <DateTimeInput required value={form.startsAt} onChange={set("startsAt")} />
      </label>
      <DistrictSelect
        label={t("walks.area")}
        value={form.areaCode}
        onChange={(code) => setForm({ ...form, areaCode: code })}
      />
      <label>
        <span className="field-label">{t("walks.meetingPlace")}</span>
        <input value={form.meetingPlace} onChange={set("meetingPlace")} />
      </label>
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <button type="submit" className="primary" disabled={create.isPending}>
        {t("dialogues.create")}
      </button>
    </form>
  );
}
