import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

/** A fokusområde (bedrägerier mot äldre, trafiksäkerhet…): its handlingsplan is the activities added to it. */
export function FocusAreaForm({ promiseId }: { promiseId: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const [form, setForm] = useState({ title: "", description: "" });
  const add = useMutation(
    trpc.medborgarlofte.addFocusArea.mutationOptions({
      onSuccess: async () => {
        setForm({ title: "", description: "" });
        await refresh();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ promiseId, ...form });
  };
  return (
    <form className="stack-form" onSubmit={submit} aria-labelledby="focus-area-form-title">
      <h3 id="focus-area-form-title">{t("lofte.form.newFocusArea")}</h3>
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
      {add.error ? <ErrorMessage error={add.error} isDetailed /> : null}
      <div>
        <button type="submit" disabled={add.isPending}>
          {t("lofte.form.addFocusArea")}
        </button>
      </div>
    </form>
  );
}
