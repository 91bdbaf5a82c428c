import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { FormFooter } from "../../components/ui/form-footer.tsx";
import { LabelledInput, LabelledTextarea } from "../../components/ui/labelled-field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../trpc.ts";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { BasedOnFields, NO_BASIS, parseSurveyKey, surveyKey } from "./based-on-fields.tsx";
import { OrganizationsAndAreas } from "./organizations-and-areas.tsx";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

const thisYear = () => new Date().getFullYear();

type PromiseView = RouterOutputs["medborgarlofte"]["get"];

/**
 * A new medborgarlöfte: its years, parties, signatories, areas, text and what it was based on.
 * Given one, the form corrects or extends it (a later end year).
 */
export function PromiseForm({ promise, onDone }: { promise?: PromiseView; onDone?: () => void } = {}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const refresh = useRefreshLofte();
  const [form, setForm] = useState(
    promise
      ? {
          title: promise.title,
          startYear: String(promise.startYear),
          endYear: String(promise.endYear),
          text: promise.text,
          organizationIds: promise.organizations.map((o) => o.id),
          signatories: promise.signatories.join("\n"),
          areaCodes: promise.areas.flatMap((a) => a.code ?? []),
          basedOn: {
            dialogueIds: promise.basedOn.dialogues.map((d) => d.id),
            themes: promise.themes,
            lagesbildIds: promise.basedOn.lagesbilder.map((l) => l.id),
            surveys: promise.basedOn.surveys.map((s) => surveyKey(s.dataSourceId, s.indicator)),
          },
        }
      : {
          title: "",
          startYear: String(thisYear()),
          endYear: String(thisYear()),
          text: "",
          organizationIds: [] as string[],
          signatories: "",
          areaCodes: [] as string[],
          basedOn: NO_BASIS,
        },
  );
  const headingId = useId();
  const set = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }));
  const create = useMutation(
    trpc.medborgarlofte.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await refresh();
        void navigate(`/w/${workspace.slug}/medborgarloften/${id}`);
      },
    }),
  );
  const update = useMutation(
    trpc.medborgarlofte.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone?.();
      },
    }),
  );
  const mutation = promise ? update : create;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
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
    };
    if (promise) update.mutate({ id: promise.id, ...fields });
    else create.mutate(fields);
  };
  const year = (key: "startYear" | "endYear", label: string) => (
    <LabelledInput
      label={label}
      type="number"
      required
      min={2000}
      max={2100}
      value={form[key]}
      onChange={(e) => set({ [key]: e.target.value })}
    />
  );
  return (
    <form className="stack-form wide-form" onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId}>{promise ? t("lofte.editPromise") : t("lofte.form.newPromise")}</h2>
      <LabelledInput
        label={t("lofte.form.title")}
        required
        minLength={2}
        maxLength={200}
        value={form.title}
        onChange={(e) => set({ title: e.target.value })}
      />
      <div className="form-row">
        {year("startYear", t("lofte.form.startYear"))}
        {year("endYear", t("lofte.form.endYear"))}
      </div>
      <LabelledTextarea
        label={t("lofte.form.text")}
        maxLength={20_000}
        value={form.text}
        onChange={(e) => set({ text: e.target.value })}
      />
      <OrganizationsAndAreas
        organizationsLabel={t("lofte.parties")}
        organizationIds={form.organizationIds}
        areaCodes={form.areaCodes}
        onChange={set}
      />
      <LabelledTextarea
        label={t("lofte.form.signatories")}
        rows={2}
        value={form.signatories}
        onChange={(e) => set({ signatories: e.target.value })}
      />
      <BasedOnFields value={form.basedOn} onChange={(basedOn) => set({ basedOn })} />
      <FormFooter
        error={mutation.error}
        isPending={mutation.isPending}
        submitLabel={promise ? t("lofte.form.save") : t("lofte.form.create")}
      />
    </form>
  );
}
