import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  DIALOGUE_FORMATS,
  DIALOGUE_KINDS,
  DIALOGUE_THEMES,
  type DialogueTheme,
} from "../../../../shared/field.ts";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { ScrollRegion } from "../../components/ui/scroll-region.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../trpc.ts";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";

type Dialogue = RouterOutputs["dialogues"]["list"][number];

/** Record what a dialogue raised: attendance, themes with how strongly, and (restricted) notes. */
function ResultsForm({ dialogue, onDone }: { dialogue: Dialogue; onDone(): void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.dialogues.recordResults.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries();
        onDone();
      },
    }),
  );
  const [attendance, setAttendance] = useState(dialogue.attendance?.toString() ?? "");
  const [strengths, setStrengths] = useState<Record<string, string>>(
    Object.fromEntries(dialogue.themes.map((theme) => [theme.theme, String(theme.strength)])),
  );
  const [notes, setNotes] = useState(dialogue.notes ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      dialogueId: dialogue.id,
      attendance: attendance === "" ? null : Number(attendance),
      themes: Object.entries(strengths)
        .filter(([, strength]) => strength !== "")
        .map(([theme, strength]) => ({
          theme: theme as DialogueTheme,
          strength: Number(strength),
          areaCodes: [],
        })),
      notes: notes.trim() || null,
    });
  };
  return (
    <form className="stack-form" onSubmit={submit} aria-label={t("dialogues.resultsFor")}>
      <label>
        <span className="field-label">{t("dialogues.attendance")}</span>
        <input
          type="number"
          min={0}
          inputMode="numeric"
          value={attendance}
          onChange={(e) => setAttendance(e.target.value)}
        />
      </label>
      <fieldset>
        <legend>{t("dialogues.themes")}</legend>
        <div className="form-row">
          {DIALOGUE_THEMES.map((theme) => (
            <label key={theme}>
              <span className="field-label">{t(`theme.${theme}`)}</span>
              <select
                value={strengths[theme] ?? ""}
                onChange={(e) => setStrengths({ ...strengths, [theme]: e.target.value })}
              >
                <option value="">{t("dialogues.notRaised")}</option>
                {[1, 2, 3].map((level) => (
                  <option key={level} value={level}>
                    {t(`dialogues.strength.${level as 1 | 2 | 3}`)}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        <span className="field-label">{t("dialogues.notes")}</span>
        <textarea value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <p className="muted small">{t("dialogues.notesHint")}</p>
      {save.error ? <ErrorMessage error={save.error} /> : null}
      <button type="submit" className="primary" disabled={save.isPending}>
        {t("dialogues.saveResults")}
      </button>
    </form>
  );
}

/** Medborgar- and medarbetardialoger: the schedule, and what each raised. */
export function DialoguesPage() {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const dialogues = useQuery(trpc.dialogues.list.queryOptions());
  const areas = useQuery(trpc.areas.list.queryOptions());
  const create = useMutation(
    trpc.dialogues.create.mutationOptions({ onSuccess: () => void queryClient.invalidateQueries() }),
  );
  const [form, setForm] = useState({
    kind: "medborgardialog",
    format: "stormote",
    startsAt: "",
    areaCode: "",
    meetingPlace: "",
  });
  const [open, setOpen] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      kind: form.kind as (typeof DIALOGUE_KINDS)[number],
      format: form.format as (typeof DIALOGUE_FORMATS)[number],
      startsAt: new Date(form.startsAt).toISOString(),
      areaCode: form.areaCode || null,
      meetingPlace: form.meetingPlace,
    });
  };
  return (
    <>
      <h1>{t("dialogues.title")}</h1>
      <Panel
        title={t("dialogues.schedule")}
        titleId="dialogues-schedule-title"
        isLoading={dialogues.isPending}
        error={dialogues.error}
        isEmpty={dialogues.data?.length === 0}
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
                    {workspace.permissions.canWrite ? (
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
          .filter((dialogue) => dialogue.id === open)
          .map((dialogue) => (
            <ResultsForm key={dialogue.id} dialogue={dialogue} onDone={() => setOpen(null)} />
          ))}
      </Panel>
      {workspace.permissions.canWrite ? (
        <Panel title={t("dialogues.plan")} titleId="dialogues-plan-title" isLoading={false} error={null}>
          <form className="stack-form" onSubmit={submit}>
            <label>
              <span className="field-label">{t("dialogues.kind")}</span>
              <select value={form.kind} onChange={set("kind")}>
                {DIALOGUE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`dialogues.kind.${kind}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span className="field-label">{t("dialogues.format")}</span>
              <select value={form.format} onChange={set("format")}>
                {DIALOGUE_FORMATS.map((format) => (
                  <option key={format} value={format}>
                    {t(`dialogues.format.${format}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              <span className="field-label">{t("walks.when")}</span>
              <input type="datetime-local" required value={form.startsAt} onChange={set("startsAt")} />
            </label>
            <label>
              <span className="field-label">{t("walks.area")}</span>
              <select value={form.areaCode} onChange={set("areaCode")}>
                <option value="">{t("import.none")}</option>
                {(areas.data ?? [])
                  .filter((area) => area.kind === "deso")
                  .map((area) => (
                    <option key={area.id} value={area.code ?? ""}>
                      {area.name}
                    </option>
                  ))}
              </select>
            </label>
            <label>
              <span className="field-label">{t("walks.meetingPlace")}</span>
              <input value={form.meetingPlace} onChange={set("meetingPlace")} />
            </label>
            {create.error ? <ErrorMessage error={create.error} /> : null}
            <button type="submit" className="primary" disabled={create.isPending}>
              {t("dialogues.create")}
            </button>
          </form>
        </Panel>
      ) : null}
    </>
  );
}
