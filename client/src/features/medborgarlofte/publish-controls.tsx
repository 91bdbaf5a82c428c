import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

/** Admins choose what reaches the public page: the promise, and with it the dialogue schedule. */
export function PublishControls({
  promise,
}: {
  promise: { id: string; isPublished: boolean; showsDialogueSchedule: boolean };
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const [showsDialogues, setShowsDialogues] = useState(promise.showsDialogueSchedule);
  const publish = useMutation(trpc.medborgarlofte.publish.mutationOptions({ onSuccess: refresh }));
  return (
    <div className="publish-controls no-print">
      <label>
        <input
          type="checkbox"
          checked={showsDialogues}
          onChange={(e) => setShowsDialogues(e.target.checked)}
        />{" "}
        {t("lofte.showsDialogues")}
      </label>
      <button
        type="button"
        className={promise.isPublished ? undefined : "primary"}
        disabled={publish.isPending}
        onClick={() =>
          publish.mutate({ id: promise.id, isPublished: true, showsDialogueSchedule: showsDialogues })
        }
      >
        {promise.isPublished ? t("lofte.updatePublication") : t("lofte.publish")}
      </button>
      {promise.isPublished ? (
        <button
          type="button"
          disabled={publish.isPending}
          onClick={() => publish.mutate({ id: promise.id, isPublished: false })}
        >
          {t("lofte.unpublish")}
        </button>
      ) : null}
      <p className="muted small">{t("lofte.publishHint")}</p>
      {publish.error ? <ErrorMessage error={publish.error} /> : null}
    </div>
  );
}
