import { useMutation } from "@tanstack/react-query";
import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { Panel } from "../../../components/ui/panel.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { useTRPC } from "../../../trpc.ts";
import { type LagesbildEditing, useRefreshLagesbild } from "../lagesbild-editing.ts";
import { SavedTextField } from "./saved-text-field.tsx";

/** Bedömning: the meeting's joint assessment of the situation; editors write it, everyone reads it. */
export function AssessmentSection({
  content,
  edit,
}: {
  content: LagesbildContent;
  edit?: LagesbildEditing | null;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLagesbild();
  const save = useMutation(trpc.lagesbild.setAssessment.mutationOptions({ onSuccess: () => refresh() }));
  return (
    <Panel
      title={t("lagesbild.section.assessment")}
      titleId="lagesbild-assessment-title"
      isLoading={false}
      error={null}
      className="lagesbild-section"
    >
      {edit?.canEdit ? (
        <SavedTextField
          label={t("lagesbild.assessmentLabel")}
          value={content.assessment}
          maxLength={20_000}
          testId="assessment-editor"
          onSave={(assessment) => save.mutateAsync({ id: edit.lagesbildId, assessment })}
        />
      ) : content.assessment ? (
        <p className="document-text" data-testid="assessment">
          {content.assessment}
        </p>
      ) : (
        <p className="muted">{t("lagesbild.noAssessment")}</p>
      )}
    </Panel>
  );
}
