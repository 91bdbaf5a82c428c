import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { SURVEY_KINDS, type SurveyKind } from "../../../../shared/surveys.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { FileImportForm } from "../imports/file-import-form.tsx";

type Summary = { rows: number; added: number; replaced: number; unchanged: number };

/** A survey's results (trygghetsmätning, NTU, enkät) from CSV or Excel, named so later files add to it. */
export function SurveyImportForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const id = useId();
  const surveys = useQuery(trpc.surveys.list.queryOptions());
  const mutation = useMutation(trpc.imports.surveys.mutationOptions());
  const [kind, setKind] = useState<SurveyKind>("trygghetsmatning");
  const [name, setName] = useState("");
  return (
    <FileImportForm
      title={t("surveys.importTitle")}
      hint={t("surveys.importHint")}
      accept=".csv,.xlsx"
      mutation={mutation}
      toInput={(file) => (name.trim().length >= 2 ? { ...file, kind, surveyName: name.trim() } : null)}
      describe={(result) => t("surveys.importDone", result.summary as Summary)}
    >
      <label>
        <span className="field-label">{t("surveys.kind")}</span>
        <select value={kind} onChange={(event) => setKind(event.target.value as SurveyKind)}>
          {SURVEY_KINDS.map((option) => (
            <option key={option} value={option}>
              {t(`surveys.kind.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">{t("surveys.name")}</span>
        <input
          value={name}
          onChange={(event) => setName(event.target.value)}
          list={`${id}-names`}
          required
          minLength={2}
          maxLength={120}
        />
        <datalist id={`${id}-names`}>
          {(surveys.data ?? []).map((survey) => (
            <option key={survey.id} value={survey.name} />
          ))}
        </datalist>
      </label>
    </FileImportForm>
  );
}
