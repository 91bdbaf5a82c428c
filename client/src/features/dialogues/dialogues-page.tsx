import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { DialogueTheme } from "../../../../shared/field.ts";
import { DialoguesExportButtons } from "../../components/ui/export-buttons.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { ScrollRegion } from "../../components/ui/scroll-region.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { DialoguePlanForm } from "./dialogue-plan-form.tsx";
import { DialogueResultsForm } from "./dialogue-results-form.tsx";
import { ThemeTrendPanel } from "./theme-trend-panel.tsx";

/** Medborgar- and medarbetardialoger: the schedule, and what each raised. */
export function DialoguesPage() {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const dialogues = useQuery(trpc.dialogues.list.queryOptions());
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <h1>{t("dialogues.title")}</h1>
      <Panel
        title={t("dialogues.schedule")}
        titleId="dialogues-schedule-title"
        isLoading={dialogues.isPending}
        error={dialogues.error}
        isEmpty={dialogues.data?.length === 0}
        actions={<DialoguesExportButtons />}
      >
        <ScrollRegion label={t("dialogues.schedule")}>
          <table className="data-table" data-testid="dialogues-table">
            <thead>
              <tr>
                <th scope="col">{t("walks.when")}</th>
                <th scope="col">{t("dialogues.kind")}</th>
                <th scope="col">{t("dialogues.format")}</th>
                <th scope="col">{t("walks.area")}</th>
                <th scope="col">{t("dialogues.attendance")}</th>
                <th scope="col">{t("dialogues.themes")}</th>
                <th scope="col">{t("dialogues.notes")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("dialogues.results")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(dialogues.data ?? []).map((dialogue) => (
                <tr key={dialogue.id} data-place={dialogue.meetingPlace}>
                  <td>
                    {formatDate(dialogue.startsAt.slice(0, 10), {
                      day: "numeric",
                      month: "short",
                      year: "numeric",
                    })}
                  </td>
                  <td>{t(`dialogues.kind.${dialogue.kind}`)}</td>
                  <td>{t(`dialogues.format.${dialogue.format}`)}</td>
                  <td>{dialogue.areaName ?? "–"}</td>
                  <td>{dialogue.attendance ?? "–"}</td>
                  <td data-testid="dialogue-themes">
                    {dialogue.themes
                      .map((theme) => `${t(`theme.${theme.theme as DialogueTheme}`)} (${theme.strength})`)
                      .join(", ") || "–"}
                  </td>
                  <td>
                    {dialogue.notes ??
                      (dialogue.notesPurged
                        ? t("dialogues.notesPurged")
                        : dialogue.notesRestricted
                          ? t("dialogues.notesRestricted")
                          : "–")}
                  </td>
                  <td>
                    {dialogue.canRecordResults ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setOpen(open === dialogue.id ? null : dialogue.id)}
                      >
                        {t("dialogues.results")}
                        <span className="visually-hidden"> {dialogue.meetingPlace}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {(dialogues.data ?? [])
          .filter((dialogue) => dialogue.id === open && dialogue.canRecordResults)
          .map((dialogue) => (
            <DialogueResultsForm key={dialogue.id} dialogue={dialogue} onDone={() => setOpen(null)} />
          ))}
      </Panel>
      <ThemeTrendPanel />
      {workspace.permissions.canWrite ? (
        <Panel title={t("dialogues.plan")} titleId="dialogues-plan-title" isLoading={false} error={null}>
          <DialoguePlanForm />
        </Panel>
      ) : null}
    </>
  );
}
