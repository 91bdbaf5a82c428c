import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { useAreaOptions } from "../../components/ui/district-select.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { MultiSelect } from "../../components/ui/multi-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { BasedOnFields, NO_BASIS, parseSurveyKey } from "./based-on-fields.tsx";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

const thisYear = () => new Date().getFullYear();

/** A new medborgarlöfte: its years, parties, signatories, areas, text and what it was based on. */
export function PromiseForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const refresh = useRefreshLofte();
  const areaOptions = useAreaOptions("all");
  const [form, setForm] = useState({
    title: "",
    startYear: String(thisYear()),
    endYear: String(thisYear()),
    text: "",
    organizationIds: [] as string[],
    signatories: "",
    areaCodes: [] as string[],
    basedOn: NO_BASIS,
  });
  const set = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }));
  const create = useMutation(
    trpc.medborgarlofte.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await refresh();
        void navigate(`/w/${workspace.slug}/medborgarloften/${id}`);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      title: form.title,
      text: form.text,
      startYear: Number(form.startYear),
      endYear: Number(form.endYear),
      organizationIds: form.organizationIds,
      signatories: form.signatories
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
      areaCodes: form.areaCodes,
      basedOn: { ...form.basedOn, surveys: form.basedOn.surveys.map(parseSurveyKey) },
    });
  };
  const year = (key: "startYear" | "endYear", label: string) => (
    <label>
      <span className="field-label">{label}</span>
      <input
        type="number"
        required
        min={2000}
        max={2100}
        value={form[key]}
        onChange={(e) => set({ [key]: e.target.value })}
      />
    </label>
  );
  return (
    <form className="stack-form wide-form" onSubmit={submit} aria-labelledby="promise-form-title">
      <h2 id="promise-form-title">{t("lofte.form.newPromise")}</h2>
      <label>
        <span className="field-label">{t("lofte.form.title")}</span>
        <input
          required
          minLength={2}
          maxLength={200}
          value={form.title}
          onChange={(e) => set({ title: e.target.value })}
        />
      </label>
      <div className="form-row">
        {year("startYear", t("lofte.form.startYear"))}
        {year("endYear", t("lofte.form.endYear"))}
      </div>
      <label>
        <span className="field-label">{t("lofte.form.text")}</span>
        <textarea maxLength={20_000} value={form.text} onChange={(e) => set({ text: e.target.value })} />
      </label>
      <div className="form-row">
        <MultiSelect
          label={t("lofte.parties")}
          options={workspace.organizations.map((o) => ({ value: o.id, label: o.name }))}
          selected={form.organizationIds}
          onChange={(organizationIds) => set({ organizationIds })}
          emptyLabel={t("lofte.form.none")}
        />
        <MultiSelect
          label={t("lofte.areas")}
          options={areaOptions}
          selected={form.areaCodes}
          onChange={(areaCodes) => set({ areaCodes })}
          emptyLabel={t("lofte.form.wholeKommun")}
        />
      </div>
      <label>
        <span className="field-label">{t("lofte.form.signatories")}</span>
        <textarea rows={2} value={form.signatories} onChange={(e) => set({ signatories: e.target.value })} />
      </label>
      <BasedOnFields value={form.basedOn} onChange={(basedOn) => set({ basedOn })} />
      {create.error ? <ErrorMessage error={create.error} isDetailed /> : null}
      <div>
        <button type="submit" className="primary" disabled={create.isPending}>
          {t("lofte.form.create")}
        </button>
      </div>
    </form>
  );
}
