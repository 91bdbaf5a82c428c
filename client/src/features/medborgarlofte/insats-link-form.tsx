import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

/** Counts an insats decided in a lägesbild as progress for the activity (a link, not a copy). */
export function InsatsLinkForm({ activityId, linked }: { activityId: string; linked: string[] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const selectId = useId();
  const plan = useQuery(trpc.lagesbild.actionPlan.queryOptions());
  const [insatsId, setInsatsId] = useState("");
  const link = useMutation(
    trpc.medborgarlofte.linkInsats.mutationOptions({
      onSuccess: async () => {
        setInsatsId("");
        await refresh();
      },
    }),
  );
  const options = (plan.data ?? []).filter((insats) => !linked.includes(insats.id));
  if (options.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (insatsId) link.mutate({ activityId, insatsId });
  };
  return (
    <form className="close-insats" onSubmit={submit}>
      <label htmlFor={selectId}>{t("lofte.linkInsats")}</label>
      <select id={selectId} value={insatsId} onChange={(e) => setInsatsId(e.target.value)}>
        <option value="">{t("report.choose")}</option>
        {options.map((insats) => (
          <option key={insats.id} value={insats.id}>
            {insats.title} ({insats.startOn})
          </option>
        ))}
      </select>
      <button type="submit" disabled={!insatsId || link.isPending}>
        {t("lofte.linkInsatsSubmit")}
      </button>
      {link.error ? <ErrorMessage error={link.error} /> : null}
    </form>
  );
}
