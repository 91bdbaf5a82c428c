import type { UseMutationResult } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { ImportError } from "./import-issues.tsx";
import { readFileAsBase64 } from "./read-file.ts";
import { UploadStatus } from "./upload-status.tsx";

type Props = {
  title: string;
  hint: string;
  accept: string;
  mutation: UseMutationResult<unknown, unknown, { fileName: string; contentBase64: string }>;
};

/** Choose a file and import it whole; errors list file rows, success says what changed. */
export function FileImportForm({ title, hint, accept, mutation }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    mutation.mutate({ fileName: file.name, contentBase64: await readFileAsBase64(file) });
  };
  return (
    <form className="import-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p className="muted small">{hint}</p>
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
          {t("import.done")}
        </p>
      ) : null}
    </form>
  );
}
