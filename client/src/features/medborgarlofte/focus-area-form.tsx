import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

type EditedFocusArea = { id: string; title: string; description: string };

/**
 * A fokusområde (bedrägerier mot äldre, trafiksäkerhet…): its handlingsplan is the activities
 * added to it. Given one, the form renames it.
 */
export function FocusAreaForm({
  promiseId,
  focusArea,
  onDone,
}: {
  promiseId: string;
  focusArea?: EditedFocusArea;
  onDone?: () => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const headingId = useId();
  const [form, setForm] = useState({
    title: focusArea?.title ?? "",
    description: focusArea?.description ?? "",
  });
  const add = useMutation(
    trpc.medborgarlofte.addFocusArea.mutationOptions({
      onSuccess: async () => {
        setForm({ title: "", description: "" });
        await refresh();
      },
    }),
  );
  const update = useMutation(
    trpc.medborgarlofte.updateFocusArea.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone?.();
      },
    }),
  );
  const mutation = focusArea ? update : add;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (focusArea) update.mutate({ focusAreaId: focusArea.id, ...form });
    else add.mutate({ promiseId, ...form });
  };
  return (
    <form className="stack-form" onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{focusArea ? t("lofte.editFocusArea") : t("lofte.form.newFocusArea")}</h3>
      <label>
        <span className="field-label">{t("lofte.form.focusAreaTitle")}</span>
        <input
          required
          minLength={2}
          maxLength={200}
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
        />
      </label>
      <label>
        <span className="field-label">{t("lofte.form.description")}</span>
        <textarea
          maxLength={2000}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.target.value })}
        />
      </label>
      {mutation.error ? <ErrorMessage error={mutation.error} isDetailed /> : null}
      <div>
        <button type="submit" disabled={mutation.isPending}>
          {focusArea ? t("lofte.form.save") : t("lofte.form.addFocusArea")}
        </button>
      </div>
    </form>
  );
}
