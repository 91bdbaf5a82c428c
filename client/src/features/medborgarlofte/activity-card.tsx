import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ScrollRegion } from "../../components/ui/scroll-region.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { type RouterOutputs, useTRPC } from "../../trpc.ts";
import { ActivityForm } from "./activity-form.tsx";
import { ActivitySummary } from "./activity-summary.tsx";
import { InsatsLinkForm } from "./insats-link-form.tsx";
import { ProgressForm } from "./progress-form.tsx";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

type Promise = RouterOutputs["medborgarlofte"]["get"];
type Activity = Promise["activities"][number];

/**
 * An activity with what was done for it; its organisations' members record more here and
 * correct their entries; analysts and admins edit or remove the activity.
 */
export function ActivityCard({ activity, promise }: { activity: Activity; promise: Promise }) {
  const { t, formatDate, formatNumber } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const remove = useMutation(trpc.medborgarlofte.removeProgress.mutationOptions({ onSuccess: refresh }));
  const unlink = useMutation(trpc.medborgarlofte.unlinkInsats.mutationOptions({ onSuccess: refresh }));
  const removeActivity = useMutation(
    trpc.medborgarlofte.removeActivity.mutationOptions({ onSuccess: refresh }),
  );
  const [editedEntry, setEditedEntry] = useState<string | null>(null);
  const [isEditing, setIsEditing] = useState(false);
  const count = activity.entries.length + activity.insatser.length;
  const entryBeingEdited = activity.entries.find((e) => e.id === editedEntry);
  return (
    <ActivitySummary activity={{ ...activity, organizations: activity.organizations.map((o) => o.name) }}>
      <details className="follow-up-controls">
        <summary>{t("lofte.done", { count: formatNumber(count) })}</summary>
        {activity.entries.length > 0 ? (
          <ScrollRegion label={t("lofte.doneTable", { title: activity.title })}>
            <table className="data-table" data-testid="progress-entries">
              <thead>
                <tr>
                  <th scope="col">{t("lofte.entry.date")}</th>
                  <th scope="col">{t("lofte.entry.what")}</th>
                  <th scope="col">{t("lofte.entry.area")}</th>
                  <th scope="col" className="numeric">
                    {t("lofte.entry.participants")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("lofte.entry.quantity")}
                  </th>
                  <th scope="col">{t("lofte.entry.organization")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("lofte.entry.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {activity.entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatDate(entry.doneOn, { day: "numeric", month: "short", year: "numeric" })}</td>
                    <td>{entry.whatDone}</td>
                    <td>{entry.areaName ?? ""}</td>
                    <td className="numeric">
                      {entry.participants === null ? "" : formatNumber(entry.participants)}
                    </td>
                    <td className="numeric">{formatNumber(entry.quantity)}</td>
                    <td>{entry.organizationName ?? ""}</td>
                    <td>
                      {entry.canRemove ? (
                        <>
                          <button
                            type="button"
                            className="link-button"
                            aria-label={`${t("lofte.entry.edit")}: ${entry.doneOn}`}
                            onClick={() => setEditedEntry(entry.id)}
                          >
                            {t("lofte.entry.edit")}
                          </button>{" "}
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => remove.mutate({ progressId: entry.id })}
                          >
                            {t("lofte.entry.remove")}
                          </button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ) : null}
        {entryBeingEdited ? (
          <ProgressForm
            key={entryBeingEdited.id}
            activityId={activity.id}
            title={activity.title}
            entry={entryBeingEdited}
            onDone={() => setEditedEntry(null)}
          />
        ) : null}
        {activity.insatser.length > 0 ? (
          <ul className="follow-ups">
            {activity.insatser.map((insats) => (
              <li key={insats.id}>
                {t("lofte.insats", {
                  title: insats.title,
                  date: formatDate(insats.startOn, { day: "numeric", month: "short", year: "numeric" }),
                  status: t(insats.status === "open" ? "lofte.insatsOpen" : "lofte.insatsClosed"),
                })}{" "}
                {activity.canRecord ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => unlink.mutate({ activityId: activity.id, insatsId: insats.id })}
                  >
                    {t("lofte.unlinkInsats")}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </details>
      {activity.canRecord ? (
        <details className="follow-up-controls">
          <summary>{t("lofte.recordProgress")}</summary>
          <ProgressForm activityId={activity.id} title={activity.title} />
          <InsatsLinkForm activityId={activity.id} linked={activity.insatser.map((i) => i.id)} />
        </details>
      ) : null}
      {promise.permissions.canEdit ? (
        <details
          className="follow-up-controls no-print"
          open={isEditing}
          onToggle={(e) => setIsEditing(e.currentTarget.open)}
        >
          <summary>{t("lofte.editActivity")}</summary>
          {isEditing ? (
            <ActivityForm promise={promise} activity={activity} onDone={() => setIsEditing(false)} />
          ) : null}
          <button
            type="button"
            disabled={removeActivity.isPending}
            onClick={() => {
              if (window.confirm(t("lofte.removeActivityConfirm", { title: activity.title })))
                removeActivity.mutate({ activityId: activity.id });
            }}
          >
            {t("lofte.removeActivity")}
          </button>
        </details>
      ) : null}
    </ActivitySummary>
  );
}
