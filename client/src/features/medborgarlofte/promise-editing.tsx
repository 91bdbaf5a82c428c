import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { type RouterOutputs, useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { EffectForm } from "./effect-form.tsx";
import { FocusAreaForm } from "./focus-area-form.tsx";
import { PromiseForm } from "./promise-form.tsx";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

type PromiseView = RouterOutputs["medborgarlofte"]["get"];

/** Analysts and admins correct or extend the promise, or remove one that is not published. */
export function PromiseEditing({ promise }: { promise: PromiseView }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const navigate = useNavigate();
  const workspace = useWorkspace();
  const refresh = useRefreshLofte();
  const [isOpen, setIsOpen] = useState(false);
  const remove = useMutation(
    trpc.medborgarlofte.remove.mutationOptions({
      onSuccess: async () => {
        await refresh();
        void navigate(`/w/${workspace.slug}/medborgarloften`);
      },
    }),
  );
  return (
    <details className="panel no-print" open={isOpen} onToggle={(e) => setIsOpen(e.currentTarget.open)}>
      <summary>{t("lofte.editPromise")}</summary>
      {isOpen ? <PromiseForm promise={promise} onDone={() => setIsOpen(false)} /> : null}
      <p>
        <button
          type="button"
          disabled={promise.isPublished || remove.isPending}
          onClick={() => {
            if (window.confirm(t("lofte.removePromiseConfirm", { title: promise.title })))
              remove.mutate({ id: promise.id });
          }}
        >
          {t("lofte.removePromise")}
        </button>{" "}
        {promise.isPublished ? <span className="muted small">{t("lofte.removePublishedHint")}</span> : null}
      </p>
      {remove.error ? <ErrorMessage error={remove.error} isDetailed /> : null}
    </details>
  );
}

/** The fokusområden with a rename form and removal (their activities stay with the promise). */
export function FocusAreaEditing({ promise }: { promise: PromiseView }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const [edited, setEdited] = useState<string | null>(null);
  const remove = useMutation(trpc.medborgarlofte.removeFocusArea.mutationOptions({ onSuccess: refresh }));
  if (promise.focusAreas.length === 0) return null;
  const focusArea = promise.focusAreas.find((f) => f.id === edited);
  return (
    <div>
      <h3>{t("lofte.focusAreas")}</h3>
      <ul className="plain-list">
        {promise.focusAreas.map((f) => (
          <li key={f.id}>
            {f.title}{" "}
            <button
              type="button"
              className="link-button"
              aria-label={`${t("lofte.editFocusArea")}: ${f.title}`}
              onClick={() => setEdited(f.id)}
            >
              {t("lofte.edit")}
            </button>{" "}
            <button
              type="button"
              className="link-button"
              aria-label={`${t("lofte.removeFocusArea")}: ${f.title}`}
              onClick={() => remove.mutate({ focusAreaId: f.id })}
            >
              {t("lofte.entry.remove")}
            </button>
          </li>
        ))}
      </ul>
      {focusArea ? (
        <FocusAreaForm
          key={focusArea.id}
          promiseId={promise.id}
          focusArea={focusArea}
          onDone={() => setEdited(null)}
        />
      ) : null}
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
    </div>
  );
}

/** Edit and remove buttons beside an effect, and the correction form for the one being edited. */
export function useEffectEditing(promise: PromiseView) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const [edited, setEdited] = useState<string | null>(null);
  const removeEffect = useMutation(trpc.medborgarlofte.removeEffect.mutationOptions({ onSuccess: refresh }));
  const effect = promise.effects.find((e) => e.id === edited);
  const actions = (effectId: string) => (
    <>
      <button type="button" className="link-button" onClick={() => setEdited(effectId)}>
        {t("lofte.effect.edit")}
      </button>{" "}
      <button type="button" className="link-button" onClick={() => removeEffect.mutate({ effectId })}>
        {t("lofte.effect.remove")}
      </button>
    </>
  );
  const form = effect ? (
    <EffectForm
      key={effect.id}
      promiseId={promise.id}
      startYear={promise.startYear}
      effect={effect}
      onDone={() => setEdited(null)}
    />
  ) : null;
  return { actions, form };
}
