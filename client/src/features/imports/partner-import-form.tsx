import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { ColumnSelect } from "./column-select.tsx";
import { ImportError } from "./import-issues.tsx";
import { UploadStatus } from "./upload-status.tsx";
import { FileChooser, usePreviewedFile } from "./use-previewed-file.tsx";

type Mapping = {
  date: string;
  category: string;
  area:
    | { by: "code"; column: string }
    | { by: "name"; column: string }
    | { by: "coordinates"; lonColumn: string; latColumn: string };
  count?: string;
  description?: string;
};
const EMPTY: Mapping = { date: "", category: "", area: { by: "code", column: "" } };

/** Upload, preview, map columns to fields, import; the mapping is saved with the data source. */
export function PartnerImportForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sources = useQuery(trpc.imports.partnerSources.queryOptions());
  const [sourceId, setSourceId] = useState("");
  const [newSource, setNewSource] = useState("");
  const [mapping, setMapping] = useState<Mapping>(EMPTY);
  const preview = useMutation(trpc.imports.preview.mutationOptions());
  const createSource = useMutation(
    trpc.imports.createPartnerSource.mutationOptions({
      onSuccess: async (source) => {
        await queryClient.invalidateQueries({ queryKey: trpc.imports.partnerSources.queryKey() });
        setSourceId(source.id);
        setNewSource("");
      },
    }),
  );
  const save = useMutation(trpc.imports.partnerReports.mutationOptions());
  const chooseSource = (id: string) => {
    setSourceId(id);
    const saved = sources.data?.find((source) => source.id === id)?.columnMapping as
      | Mapping
      | null
      | undefined;
    if (saved) setMapping(saved);
  };
  const { file, choose } = usePreviewedFile(preview, save);
  const header = preview.data?.header ?? [];
  const columnSelect = (
    label: string,
    value: string | undefined,
    onChange: (column: string) => void,
    isOptional = false,
  ) => (
    <ColumnSelect label={label} columns={header} value={value} onChange={onChange} optional={isOptional} />
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file && sourceId)
      save.mutate({
        ...file,
        dataSourceId: sourceId,
        mapping: {
          ...mapping,
          count: mapping.count || undefined,
          description: mapping.description || undefined,
        },
      });
  };
  return (
    <form className="import-form" onSubmit={submit} aria-labelledby="partner-import-title">
      <h3 id="partner-import-title">{t("import.partnerTitle")}</h3>
      <p className="muted small">{t("import.partnerHint")}</p>
      <div className="form-row">
        <label>
          <span className="field-label">{t("import.source")}</span>
          <select value={sourceId} onChange={(event) => chooseSource(event.target.value)} required>
            <option value="">{t("report.choose")}</option>
            {(sources.data ?? []).map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t("import.newSource")}</span>
          <input value={newSource} onChange={(event) => setNewSource(event.target.value)} />
        </label>
        <button
          type="button"
          disabled={newSource.trim().length < 2}
          onClick={() => createSource.mutate({ name: newSource })}
        >
          {t("import.createSource")}
        </button>
      </div>
      <FileChooser accept=".csv,.txt,.xlsx" onChoose={(chosen) => void choose(chosen)} />
      {preview.error ? <ImportError error={preview.error} /> : null}
      {preview.data ? (
        <>
          <p className="muted small" data-testid="preview-summary">
            {t("import.previewSummary", { rows: preview.data.rowCount, format: preview.data.format })}
          </p>
          <div className="table-scroll">
            <table className="data-table small" data-testid="preview-table">
              <thead>
                <tr>
                  {header.map((name) => (
                    <th key={name} scope="col">
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {preview.data.rows.map((row, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity of their own
                  <tr key={index}>
                    {header.map((name, column) => (
                      <td key={name}>{row[column] ?? ""}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <fieldset className="form-row">
            <legend>{t("import.mapping")}</legend>
            {columnSelect(t("import.mapDate"), mapping.date, (date) => setMapping({ ...mapping, date }))}
            {columnSelect(t("import.mapCategory"), mapping.category, (category) =>
              setMapping({ ...mapping, category }),
            )}
            <label>
              <span className="field-label">{t("import.mapAreaBy")}</span>
              <select
                value={mapping.area.by}
                onChange={(event) =>
                  setMapping({
                    ...mapping,
                    area:
                      event.target.value === "coordinates"
                        ? { by: "coordinates", lonColumn: "", latColumn: "" }
                        : { by: event.target.value as "code" | "name", column: "" },
                  })
                }
              >
                <option value="code">{t("import.byCode")}</option>
                <option value="name">{t("import.byName")}</option>
                <option value="coordinates">{t("import.byCoordinates")}</option>
              </select>
            </label>
            {mapping.area.by === "coordinates" ? (
              <>
                {columnSelect(t("import.mapLon"), mapping.area.lonColumn, (lonColumn) =>
                  setMapping({
                    ...mapping,
                    area: {
                      by: "coordinates",
                      lonColumn,
                      latColumn: mapping.area.by === "coordinates" ? mapping.area.latColumn : "",
                    },
                  }),
                )}
                {columnSelect(t("import.mapLat"), mapping.area.latColumn, (latColumn) =>
                  setMapping({
                    ...mapping,
                    area: {
                      by: "coordinates",
                      latColumn,
                      lonColumn: mapping.area.by === "coordinates" ? mapping.area.lonColumn : "",
                    },
                  }),
                )}
              </>
            ) : (
              columnSelect(t("import.mapArea"), mapping.area.column, (column) =>
                setMapping({ ...mapping, area: { by: mapping.area.by as "code", column } }),
              )
            )}
            {columnSelect(
              t("import.mapCount"),
              mapping.count,
              (count) => setMapping({ ...mapping, count }),
              true,
            )}
            {columnSelect(
              t("import.mapDescription"),
              mapping.description,
              (description) => setMapping({ ...mapping, description }),
              true,
            )}
          </fieldset>
          <button type="submit" className="primary" disabled={!sourceId || save.isPending}>
            {save.isPending ? t("import.importing") : t("import.submit")}
          </button>
        </>
      ) : null}
      {save.isPending ? <UploadStatus /> : null}
      {save.error ? <ImportError error={save.error} /> : null}
      {save.isSuccess ? (
        <p role="status" className="success">
          {t("import.partnerDone", { rows: save.data.rowCount })}
        </p>
      ) : null}
    </form>
  );
}
