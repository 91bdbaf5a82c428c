import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { readFileAsBase64 } from "./read-file.ts";

export type LoadedFile = { fileName: string; contentBase64: string };

/**
 * A chosen file, read once and sent for a preview (the columns or properties it holds), so the
 * user can map them before importing; choosing another file clears the last import's result.
 */
export function usePreviewedFile<Preview>(
  preview: UseMutationResult<Preview, unknown, LoadedFile>,
  save: { reset(): void },
) {
  const [file, setFile] = useState<LoadedFile | null>(null);
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    const loaded = { fileName: chosen.name, contentBase64: await readFileAsBase64(chosen) };
    setFile(loaded);
    save.reset();
    preview.mutate(loaded);
  };
  return { file, choose };
}

/** The labelled file input of an import form. */
export function FileChooser({
  accept,
  onChoose,
}: {
  accept: string;
  onChoose(file: File | undefined): void;
}) {
  const { t } = useI18n();
  return (
    <label>
      <span className="field-label">{t("import.file")}</span>
      <input type="file" accept={accept} onChange={(event) => onChoose(event.target.files?.[0])} />
    </label>
  );
}
