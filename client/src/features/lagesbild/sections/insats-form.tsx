import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { DialogueTheme } from "../../../../../shared/field.ts";
import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { DateInput } from "../../../components/ui/date-input.tsx";
import { ErrorMessage } from "../../../components/ui/error-message.tsx";
import { LabelledInput, LabelledTextarea } from "../../../components/ui/labelled-field.tsx";
import { MultiSelect } from "../../../components/ui/multi-select.tsx";
import { OrganizationSelect } from "../../../components/ui/organization-select.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { useTRPC } from "../../../trpc.ts";
import { type LagesbildEditing, useRefreshLagesbild } from "../lagesbild-editing.ts";
import { parseRiseKey } from "./insats-links.ts";
import { InsatsLinksFieldset } from "./insats-links-fieldset.tsx";

const EMPTY = {
  title: "",
  problem: "",
  areaIds: [] as string[],
  organizationId: "",
  contactName: "",
  startOn: "",
  endOn: "",
  recurrence: "",
  resources: "",
  rises: [] as string[],
  findingIds: [] as string[],
  themes: [] as string[],
};

/** Decides a new insats at the meeting: what, where, who, when, with what, and what prompted it. */
export function InsatsForm({ content, edit }: { content: LagesbildContent; edit: LagesbildEditing }) {
  const i18n = useI18n();
  const { t } = i18n;
  const trpc = useTRPC();
  const refresh = useRefreshLagesbild();
  const [form, setForm] = useState({ ...EMPTY, startOn: edit.today });
  const [created, setCreated] = useState("");
  const set = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }));
  const districts = [...content.figures.districts].sort((a, b) => a.name.localeCompare(b.name, "sv"));
  // Findings from the chosen areas' walks, or from the lägesbild's whole scope.
  const chosen = districts.filter((d) => form.areaIds.includes(d.areaId));
  const areaCodes = (chosen.length > 0 ? chosen.map((d) => d.code) : content.scope.areaCodes).filter(
    (code): code is string => Boolean(code),
  );
  const create = useMutation(
    trpc.lagesbild.createInsats.mutationOptions({
      onSuccess: async () => {
        setCreated(t("lagesbild.insatsForm.created", { title: form.title.trim() }));
        setForm({ ...EMPTY, startOn: edit.today });
        await refresh();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated("");
    const text = (value: string) => value.trim() || null;
    create.mutate({
      lagesbildId: edit.lagesbildId,
      title: form.title,
      problem: form.problem,
      areaIds: form.areaIds,
      organizationId: form.organizationId || null,
      contactName: text(form.contactName),
      startOn: form.startOn,
      endOn: form.endOn || null,
      recurrence: text(form.recurrence),
      resources: text(form.resources),
      linkedRises: form.rises.map(parseRiseKey),
      linkedFindingIds: form.findingIds,
      linkedThemes: form.themes as DialogueTheme[],
    });
  };
  return (
    <form className="stack-form insats-form" onSubmit={submit} aria-labelledby="insats-form-title">
      <h3 id="insats-form-title">{t("lagesbild.insatsForm.title")}</h3>
      <LabelledInput
        label={t("lagesbild.insatsForm.what")}
        required
        minLength={2}
        maxLength={300}
        value={form.title}
        onChange={(e) => set({ title: e.target.value })}
      />
      <LabelledTextarea
        label={t("lagesbild.insatsForm.problem")}
        maxLength={4000}
        value={form.problem}
        onChange={(e) => set({ problem: e.target.value })}
      />
      <div className="form-row">
        <MultiSelect
          label={t("lagesbild.insatsForm.areas")}
          options={districts.map((d) => ({ value: d.areaId, label: d.name }))}
          selected={form.areaIds}
          onChange={(areaIds) => set({ areaIds })}
          emptyLabel={t("lagesbild.wholeScope")}
        />
        <label>
          <span className="field-label">{t("lagesbild.insatsForm.organization")}</span>
          <OrganizationSelect
            value={form.organizationId}
            onChange={(organizationId) => set({ organizationId })}
            organizations={edit.organizations}
            noneLabel={t("lagesbild.insatsForm.noOrganization")}
          />
        </label>
        <LabelledInput
          label={t("lagesbild.insatsForm.contact")}
          maxLength={200}
          value={form.contactName}
          onChange={(e) => set({ contactName: e.target.value })}
        />
      </div>
      <div className="form-row">
        <label>
          <span className="field-label">{t("lagesbild.insatsForm.start")}</span>
          <DateInput required value={form.startOn} onChange={(e) => set({ startOn: e.target.value })} />
        </label>
        <label>
          <span className="field-label">{t("lagesbild.insatsForm.end")}</span>
          <DateInput value={form.endOn} onChange={(e) => set({ endOn: e.target.value })} />
        </label>
        <LabelledInput
          label={t("lagesbild.insatsForm.recurrence")}
          maxLength={200}
          value={form.recurrence}
          onChange={(e) => set({ recurrence: e.target.value })}
        />
      </div>
      <LabelledInput
        label={t("lagesbild.insatsForm.resources")}
        maxLength={1000}
        value={form.resources}
        onChange={(e) => set({ resources: e.target.value })}
      />
      <InsatsLinksFieldset
        content={content}
        areaCodes={areaCodes}
        links={form}
        onChange={(links) => set(links)}
      />
      <div>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t("lagesbild.insatsForm.submit")}
        </button>
      </div>
      <p role="status" className="small success">
        {created}
      </p>
      {create.error ? <ErrorMessage error={create.error} isDetailed /> : null}
    </form>
  );
}
