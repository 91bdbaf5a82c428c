import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useRefreshLagesbild } from "./lagesbild-editing.ts";

type Props = { lagesbildId: string; status: "draft" | "published"; version: number };

/** Publishing freezes the document into a new version after a confirmation; reopening allows changes again. */
export function PublishControls({ lagesbildId, status, version }: Props) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLagesbild();
  const [isConfirming, setIsConfirming] = useState(false);
  const [done, setDone] = useState("");
  const confirmRef = useRef<HTMLButtonElement>(null);
  const publish = useMutation(
    trpc.lagesbild.publish.mutationOptions({
      onSuccess: async (result) => {
        setIsConfirming(false);
        setDone(t("lagesbild.published", { version: result.version }));
        await refresh();
      },
    }),
  );
  const reopen = useMutation(
    trpc.lagesbild.reopen.mutationOptions({
      onSuccess: async () => {
        setDone(t("lagesbild.reopened"));
        await refresh();
      },
    }),
  );
  useEffect(() => {
    if (isConfirming) confirmRef.current?.focus();
  }, [isConfirming]);
  return (
    <div className="publish-controls no-print">
      {status === "draft" && !isConfirming ? (
        <button type="button" className="primary" onClick={() => setIsConfirming(true)}>
          {t("lagesbild.publish")}
        </button>
      ) : null}
      {status === "draft" && isConfirming ? (
        <fieldset className="confirm">
          <legend className="visually-hidden">{t("lagesbild.publish")}</legend>
          <p id="publish-confirm-text">{t("lagesbild.publishConfirm", { version: version + 1 })}</p>
          <button
            ref={confirmRef}
            type="button"
            className="primary"
            disabled={publish.isPending}
            onClick={() => publish.mutate({ id: lagesbildId })}
          >
            {t("lagesbild.publishVersion", { version: version + 1 })}
          </button>{" "}
          <button type="button" onClick={() => setIsConfirming(false)}>
            {t("lagesbild.cancel")}
          </button>
        </fieldset>
      ) : null}
      {status === "published" ? (
        <button type="button" disabled={reopen.isPending} onClick={() => reopen.mutate({ id: lagesbildId })}>
          {t("lagesbild.reopen")}
        </button>
      ) : null}
      <p role="status" className="small success">
        {done}
      </p>
      {publish.error ? <ErrorMessage error={publish.error} isDetailed /> : null}
      {reopen.error ? <ErrorMessage error={reopen.error} isDetailed /> : null}
    </div>
  );
}
