import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import type { InsatsView } from "../../../../../shared/lagesbild.ts";
import { DateInput } from "../../../components/ui/date-input.tsx";
import { ErrorMessage } from "../../../components/ui/error-message.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { useTRPC } from "../../../trpc.ts";
import { type LagesbildEditing, useRefreshLagesbild } from "../lagesbild-editing.ts";

/** Återkoppling (what was done, when, with what effect) and closing, which the server refuses without it. */
export function FollowUpControls({ insats, edit }: { insats: InsatsView; edit: LagesbildEditing }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLagesbild();
  const id = useId();
  const empty = { whatDone: "", doneOn: edit.today, effect: "" };
  const [form, setForm] = useState(empty);
  const addFollowUp = useMutation(
    trpc.lagesbild.addFollowUp.mutationOptions({
      onSuccess: async () => {
        setForm(empty);
        await refresh();
      },
    }),
  );
  const close = useMutation(trpc.lagesbild.closeInsats.mutationOptions({ onSuccess: () => refresh() }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    addFollowUp.mutate({ insatsId: insats.id, lagesbildId: edit.lagesbildId, ...form });
  };
  return (
    <div className="follow-up-controls no-print">
      <details open={insats.needsFollowUp || undefined}>
        <summary>{t("lagesbild.followUp.title")}</summary>
        <form
          className="stack-form"
          onSubmit={submit}
          aria-label={t("lagesbild.followUp.formFor", { title: insats.title })}
        >
          <label>
            <span className="field-label">{t("lagesbild.followUp.whatDone")}</span>
            <textarea
              required
              minLength={2}
              maxLength={4000}
              value={form.whatDone}
              onChange={(event) => setForm({ ...form, whatDone: event.target.value })}
            />
          </label>
          <label>
            <span className="field-label">{t("lagesbild.followUp.doneOn")}</span>
            <DateInput
              required
              value={form.doneOn}
              onChange={(event) => setForm({ ...form, doneOn: event.target.value })}
            />
          </label>
          <label>
            <span className="field-label">{t("lagesbild.followUp.effect")}</span>
            <textarea
              maxLength={4000}
              value={form.effect}
              onChange={(event) => setForm({ ...form, effect: event.target.value })}
            />
          </label>
          <div>
            <button type="submit" disabled={addFollowUp.isPending}>
              {t("lagesbild.followUp.save")}
            </button>
          </div>
          <p role="status" className="small success">
            {addFollowUp.isSuccess ? t("lagesbild.followUp.saved") : ""}
          </p>
          {addFollowUp.error ? <ErrorMessage error={addFollowUp.error} isDetailed /> : null}
        </form>
      </details>
      <div className="close-insats">
        <button
          type="button"
          aria-describedby={`${id}-close-hint`}
          disabled={close.isPending}
          onClick={() => close.mutate({ insatsId: insats.id, lagesbildId: edit.lagesbildId })}
        >
          {t("lagesbild.followUp.close")}
        </button>
        <span id={`${id}-close-hint`} className="muted small">
          {t("lagesbild.followUp.closeHint")}
        </span>
        {close.error ? <ErrorMessage error={close.error} isDetailed /> : null}
      </div>
    </div>
  );
}
