import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { DIALOGUE_THEMES, type DialogueTheme } from "../../../../shared/field.ts";
import { useAreaOptions } from "../../components/ui/district-select.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { MultiSelect } from "../../components/ui/multi-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../trpc.ts";
import { useTRPC } from "../../trpc.ts";

export type Dialogue = RouterOutputs["dialogues"]["list"][number];

/** Record what a dialogue raised: attendance, themes with how strongly and where, and (restricted) notes. */
export function DialogueResultsForm({ dialogue, onDone }: { dialogue: Dialogue; onDone(): void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const areaOptions = useAreaOptions("all");
  const save = useMutation(
    trpc.dialogues.recordResults.mutationOptions({
      onSuccess: () => onDone(),
    }),
  );
  const [attendance, setAttendance] = useState(dialogue.attendance?.toString() ?? "");
  const [strengths, setStrengths] = useState<Record<string, string>>(
    Object.fromEntries(dialogue.themes.map((theme) => [theme.theme, String(theme.strength)])),
  );
  const [themeAreas, setThemeAreas] = useState<Record<string, string[]>>(
    Object.fromEntries(dialogue.themes.map((theme) => [theme.theme, theme.areaCodes])),
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
          areaCodes: themeAreas[theme] ?? [],
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
        <p className="muted small">{t("dialogues.themeAreasHint")}</p>
        <div className="form-row">
          {DIALOGUE_THEMES.map((theme) => (
            <div key={theme} className="theme-choice" data-theme={theme}>
              <label>
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
              {strengths[theme] ? (
                <MultiSelect
                  label={t("dialogues.themeAreas", { theme: t(`theme.${theme}`) })}
                  options={areaOptions}
                  selected={themeAreas[theme] ?? []}
                  onChange={(codes) => setThemeAreas({ ...themeAreas, [theme]: codes })}
                />
              ) : null}
            </div>
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
