import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import {
  type ActivityTarget,
  FREQUENCY_UNITS,
  type FrequencyUnit,
} from "../../../../shared/medborgarlofte.ts";
import type { AddActivityInput } from "../../../../shared/schemas/medborgarlofte.ts";
import { DateInput } from "../../components/ui/date-input.tsx";
import { FormFooter } from "../../components/ui/form-footer.tsx";
import { LabelledInput, LabelledTextarea } from "../../components/ui/labelled-field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { OrganizationsAndAreas } from "./organizations-and-areas.tsx";
import { TargetFields, type TargetForm } from "./target-fields.tsx";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

type PromiseBasics = {
  id: string;
  startYear: number;
  endYear: number;
  focusAreas: { id: string; title: string }[];
};

/** An activity as it stands, for editing it. */
export type EditedActivity = {
  id: string;
  title: string;
  focusAreaId: string | null;
  description: string;
  target: ActivityTarget;
  unit: string;
  period: { start: string; end: string };
  organizations: { id: string }[];
  areaCodes: string[];
};

function targetForm(target: ActivityTarget | undefined): TargetForm {
  const base = { kind: "count", count: "", every: "2", per: "week" as FrequencyUnit, text: "" } as TargetForm;
  if (!target) return base;
  if (target.kind === "count") return { ...base, kind: "count", count: String(target.count) };
  if (target.kind === "frequency")
    return { ...base, kind: "frequency", every: String(target.every), per: target.per };
  return { ...base, kind: "description", text: target.text };
}

/** A new activity (or, given one, its correction): what, its target, unit and period, who is responsible, where. */
export function ActivityForm({
  promise,
  activity,
  onDone,
}: {
  promise: PromiseBasics;
  activity?: EditedActivity;
  onDone?: () => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const year = Math.min(Math.max(new Date().getFullYear(), promise.startYear), promise.endYear);
  const empty = {
    title: activity?.title ?? "",
    focusAreaId: activity?.focusAreaId ?? "",
    description: activity?.description ?? "",
    target: targetForm(activity?.target),
    unit: activity?.unit ?? "",
    periodStart: activity?.period.start ?? `${year}-01-01`,
    periodEnd: activity?.period.end ?? `${year}-12-31`,
    organizationIds: activity?.organizations.map((o) => o.id) ?? [],
    areaCodes: activity?.areaCodes ?? [],
  };
  const headingId = useId();
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState("");
  const set = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }));
  const add = useMutation(
    trpc.medborgarlofte.addActivity.mutationOptions({
      onSuccess: async () => {
        setSaved(t("lofte.form.activityAdded", { title: form.title.trim() }));
        setForm(empty);
        await refresh();
      },
    }),
  );
  const update = useMutation(
    trpc.medborgarlofte.updateActivity.mutationOptions({
      onSuccess: async () => {
        setSaved(t("lofte.form.saved"));
        await refresh();
        onDone?.();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved("");
    const { target } = form;
    const fields: Omit<AddActivityInput, "promiseId"> = {
      focusAreaId: form.focusAreaId || null,
      title: form.title,
      description: form.description,
      target:
        target.kind === "count"
          ? { kind: "count", count: Number(target.count) }
          : target.kind === "frequency"
            ? { kind: "frequency", every: Number(target.every), per: target.per }
            : { kind: "description", text: target.text },
      unit: form.unit,
      periodStart: form.periodStart || null,
      periodEnd: form.periodEnd || null,
      organizationIds: form.organizationIds,
      areaCodes: form.areaCodes,
    };
    if (activity) update.mutate({ activityId: activity.id, ...fields });
    else add.mutate({ promiseId: promise.id, ...fields });
  };
  const mutation = activity ? update : add;
  return (
    <form className="stack-form insats-form" onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{activity ? t("lofte.editActivity") : t("lofte.form.newActivity")}</h3>
      <LabelledInput
        label={t("lofte.form.activityTitle")}
        required
        minLength={2}
        maxLength={300}
        value={form.title}
        onChange={(e) => set({ title: e.target.value })}
      />
      {promise.focusAreas.length > 0 ? (
        <label>
          <span className="field-label">{t("lofte.form.focusArea")}</span>
          <select value={form.focusAreaId} onChange={(e) => set({ focusAreaId: e.target.value })}>
            <option value="">{t("lofte.form.noFocusArea")}</option>
            {promise.focusAreas.map((f) => (
              <option key={f.id} value={f.id}>
                {f.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <LabelledTextarea
        label={t("lofte.form.description")}
        maxLength={4000}
        value={form.description}
        onChange={(e) => set({ description: e.target.value })}
      />
      <TargetFields value={form.target} onChange={(target) => set({ target })} units={FREQUENCY_UNITS} />
      <div className="form-row">
        <LabelledInput
          label={t("lofte.form.unit")}
          maxLength={100}
          value={form.unit}
          onChange={(e) => set({ unit: e.target.value })}
        />
        <label>
          <span className="field-label">{t("lofte.form.periodStart")}</span>
          <DateInput value={form.periodStart} onChange={(e) => set({ periodStart: e.target.value })} />
        </label>
        <label>
          <span className="field-label">{t("lofte.form.periodEnd")}</span>
          <DateInput value={form.periodEnd} onChange={(e) => set({ periodEnd: e.target.value })} />
        </label>
      </div>
      <OrganizationsAndAreas
        organizationsLabel={t("lofte.responsible")}
        organizationIds={form.organizationIds}
        areaCodes={form.areaCodes}
        onChange={set}
      />
      <FormFooter
        error={mutation.error}
        status={saved}
        isPending={mutation.isPending}
        submitLabel={activity ? t("lofte.form.save") : t("lofte.form.addActivity")}
      />
    </form>
  );
}
