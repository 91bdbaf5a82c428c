import { useQuery } from "@tanstack/react-query";
import { DIALOGUE_THEMES, type DialogueTheme } from "../../../../shared/field.ts";
import { MultiSelect } from "../../components/ui/multi-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { lagesbildPeriodLabel } from "../lagesbild/lagesbild-period.ts";

export type BasedOn = {
  dialogueIds: string[];
  themes: DialogueTheme[];
  lagesbildIds: string[];
  surveys: string[];
};
export const NO_BASIS: BasedOn = { dialogueIds: [], themes: [], lagesbildIds: [], surveys: [] };

/** A survey indicator as one option value: "dataSourceId|indicator". */
export const surveyKey = (dataSourceId: string, indicator: string) => `${dataSourceId}|${indicator}`;
export const parseSurveyKey = (key: string) => {
  const [dataSourceId = "", ...rest] = key.split("|");
  return { dataSourceId, indicator: rest.join("|") };
};

/** What a promise is based on: dialogues, their themes, lägesbilder and survey indicators. */
export function BasedOnFields({ value, onChange }: { value: BasedOn; onChange(value: BasedOn): void }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const trpc = useTRPC();
  const dialogues = useQuery(trpc.dialogues.list.queryOptions());
  const lagesbilder = useQuery(trpc.lagesbild.list.queryOptions());
  const surveys = useQuery(trpc.surveys.list.queryOptions());
  const set = (patch: Partial<BasedOn>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="form-row">
      <legend>{t("lofte.basedOn")}</legend>
      <MultiSelect
        label={t("lofte.form.dialogues")}
        options={(dialogues.data ?? []).map((d) => ({
          value: d.id,
          label: `${formatDate(d.startsAt.slice(0, 10), { day: "numeric", month: "short", year: "numeric" })} ${t(`dialogues.kind.${d.kind}`)}${d.meetingPlace ? `, ${d.meetingPlace}` : ""}`,
        }))}
        selected={value.dialogueIds}
        onChange={(dialogueIds) => set({ dialogueIds })}
        emptyLabel={t("lofte.form.none")}
      />
      <MultiSelect
        label={t("lofte.form.themes")}
        options={DIALOGUE_THEMES.map((theme) => ({ value: theme, label: t(`theme.${theme}`) }))}
        selected={value.themes}
        onChange={(themes) => set({ themes: themes as DialogueTheme[] })}
        emptyLabel={t("lofte.form.none")}
      />
      <MultiSelect
        label={t("lofte.form.lagesbilder")}
        options={(lagesbilder.data?.lagesbilder ?? []).map((l) => ({
          value: l.id,
          label: lagesbildPeriodLabel({ kind: l.periodKind, start: l.periodStart, end: l.periodEnd }, i18n),
        }))}
        selected={value.lagesbildIds}
        onChange={(lagesbildIds) => set({ lagesbildIds })}
        emptyLabel={t("lofte.form.none")}
      />
      <MultiSelect
        label={t("lofte.form.surveys")}
        options={(surveys.data ?? []).flatMap((survey) =>
          survey.indicators.map((i) => ({
            value: surveyKey(survey.id, i.indicator),
            label: `${survey.name}: ${i.indicator}`,
          })),
        )}
        selected={value.surveys}
        onChange={(keys) => set({ surveys: keys })}
        emptyLabel={t("lofte.form.none")}
      />
    </fieldset>
  );
}
