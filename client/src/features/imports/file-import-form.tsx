import type { UseMutationResult } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { ImportError } from "./import-issues.tsx";
import { readFileAsBase64 } from "./read-file.ts";
import { UploadStatus } from "./upload-status.tsx";

type FilePayload = { fileName: string; contentBase64: string };

type Props<Input extends FilePayload, Output> = {
  title: string;
  hint: string;
  accept: string;
  mutation: UseMutationResult<Output, unknown, Input>;
  /** Fields the import needs besides the file (rendered above it) and how they join the payload. */
  children?: ReactNode;
  toInput?: (file: FilePayload) => Input | null;
  /** What the finished import changed, in words. */
  describe?: (result: Output) => string;
};

/** Choose a file and import it whole; errors list file rows, success says what changed. */
export function FileImportForm<Input extends FilePayload = FilePayload, Output = unknown>({
  title,
  hint,
  accept,
  mutation,
  children,
  toInput = (file) => file as Input,
  describe,
}: Props<Input, Output>) {
  const { t } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const input = toInput({ fileName: file.name, contentBase64: await readFileAsBase64(file) });
    if (input) mutation.mutate(input);
  };
  return (
    <form className="import-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="muted small form-hint">{hint}</p>
      {children}
      <label>
        <span className="field-label">{t("import.file")}</span>
        <input type="file" accept={accept} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </label>
      <button type="submit" className="primary" disabled={!file || mutation.isPending}>
        {mutation.isPending ? t("import.importing") : t("import.submit")}
      </button>
      {mutation.isPending ? <UploadStatus /> : null}
      {mutation.error ? <ImportError error={mutation.error} /> : null}
      {mutation.isSuccess ? (
        <p role="status" className="success">
          {describe && mutation.data !== undefined ? describe(mutation.data) : t("import.done")}
        </p>
      ) : null}
    </form>
  );
}
