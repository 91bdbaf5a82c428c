import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { ErrorMessage } from "../../../components/ui/error-message.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";

type Props = {
  label: string;
  value: string;
  maxLength: number;
  /** Stores the text (trimmed by the server); the field shows saving, saved or the refusal. */
  onSave(text: string): Promise<unknown>;
  testId?: string;
};

/** A text the document keeps: saved when the writer leaves the field or presses the button, said aloud when saved. */
export function SavedTextField({ label, value, maxLength, onSave, testId }: Props) {
  const { t } = useI18n();
  const save = useMutation({ mutationFn: onSave });
  const id = useId();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const isChanged = text.trim() !== value;
  const store = () => {
    if (isChanged && !save.isPending) save.mutate(text);
  };
  return (
    <div className="saved-text" data-testid={testId}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        rows={5}
        value={text}
        maxLength={maxLength}
        onChange={(event) => setText(event.target.value)}
        onBlur={store}
      />
      <div className="saved-text-actions">
        <button type="button" onClick={store} disabled={!isChanged || save.isPending}>
          {t("lagesbild.save")}
        </button>
        <span role="status" className="small">
          {save.isPending ? t("lagesbild.saving") : save.isSuccess && !isChanged ? t("lagesbild.saved") : ""}
        </span>
      </div>
      {save.error ? <ErrorMessage error={save.error} isDetailed /> : null}
    </div>
  );
}
