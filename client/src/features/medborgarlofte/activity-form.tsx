import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { FREQUENCY_UNITS, type FrequencyUnit } from "../../../../shared/medborgarlofte.ts";
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

/** A new activity: what, its target, unit and period, who is responsible, where. */
export function ActivityForm({ promise }: { promise: PromiseBasics }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const year = Math.min(Math.max(new Date().getFullYear(), promise.startYear), promise.endYear);
  const empty = {
    title: "",
    focusAreaId: "",
    description: "",
    target: { kind: "count", count: "", every: "2", per: "week" as FrequencyUnit, text: "" } as TargetForm,
    unit: "",
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    organizationIds: [] as string[],
    areaCodes: [] as string[],
  };
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved("");
    const { target } = form;
    add.mutate({
      promiseId: promise.id,
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
    });
  };
  return (
    <form className="stack-form insats-form" onSubmit={submit} aria-labelledby="activity-form-title">
      <h3 id="activity-form-title">{t("lofte.form.newActivity")}</h3>
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
        <LabelledInput
          label={t("lofte.form.periodStart")}
          type="date"
          value={form.periodStart}
          onChange={(e) => set({ periodStart: e.target.value })}
        />
        <LabelledInput
          label={t("lofte.form.periodEnd")}
          type="date"
          min={form.periodStart}
          value={form.periodEnd}
          onChange={(e) => set({ periodEnd: e.target.value })}
        />
      </div>
      <OrganizationsAndAreas
        organizationsLabel={t("lofte.responsible")}
        organizationIds={form.organizationIds}
        areaCodes={form.areaCodes}
        onChange={set}
      />
      <FormFooter
        error={add.error}
        status={saved}
        isPending={add.isPending}
        submitLabel={t("lofte.form.addActivity")}
      />
    </form>
  );
}
