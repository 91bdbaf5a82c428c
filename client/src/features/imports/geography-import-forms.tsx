import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { ColumnSelect } from "./column-select.tsx";
import { ImportError } from "./import-issues.tsx";
import { UploadStatus } from "./upload-status.tsx";
import { FileChooser, usePreviewedFile } from "./use-previewed-file.tsx";

const AREA_KINDS = ["deso", "regso", "district", "subarea"] as const;

/** Areas from GeoJSON: choose which properties hold the code, the name and the kommun. */
export function AreaImportForm() {
  const { t, formatNumber } = useI18n();
  const trpc = useTRPC();
  const [kind, setKind] = useState<(typeof AREA_KINDS)[number]>("deso");
  const [fields, setFields] = useState({ code: "", name: "", parentCode: "", parentName: "" });
  const preview = useMutation(trpc.imports.areasPreview.mutationOptions());
  const save = useMutation(trpc.imports.areas.mutationOptions());
  const { file, choose } = usePreviewedFile(preview, save);
  const properties = preview.data?.properties ?? [];
  const set = (key: keyof typeof fields) => (value: string) => setFields({ ...fields, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    save.mutate({
      ...file,
      kind,
      codeProperty: fields.code,
      nameProperty: fields.name || undefined,
      parentCodeProperty: fields.parentCode || undefined,
      parentNameProperty: fields.parentName || undefined,
    });
  };
  return (
    <form className="import-form" onSubmit={submit} aria-labelledby="area-import-title">
      <h3 id="area-import-title">{t("import.areasTitle")}</h3>
      <p className="muted small">{t("import.areasHint")}</p>
      <FileChooser accept=".geojson,.json" onChoose={(chosen) => void choose(chosen)} />
      {preview.error ? <ImportError error={preview.error} /> : null}
      {preview.data ? (
        <>
          <p className="small" data-testid="areas-preview">
            {t("import.areasFound", { count: formatNumber(preview.data.features) })}
          </p>
          <div className="form-row">
            <label>
              <span className="field-label">{t("import.areaKind")}</span>
              <select value={kind} onChange={(event) => setKind(event.target.value as typeof kind)}>
                {AREA_KINDS.map((option) => (
                  <option key={option} value={option}>
                    {t(`import.areaKind.${option}`)}
                  </option>
                ))}
              </select>
            </label>
            <ColumnSelect
              label={t("import.codeProperty")}
              columns={properties}
              value={fields.code}
              onChange={set("code")}
            />
            <ColumnSelect
              label={t("import.nameProperty")}
              columns={properties}
              value={fields.name}
              onChange={set("name")}
              optional
            />
            <ColumnSelect
              label={t("import.parentCodeProperty")}
              columns={properties}
              value={fields.parentCode}
              onChange={set("parentCode")}
              optional
            />
            <ColumnSelect
              label={t("import.parentNameProperty")}
              columns={properties}
              value={fields.parentName}
              onChange={set("parentName")}
              optional
            />
          </div>
          <button type="submit" className="primary" disabled={!fields.code || save.isPending}>
            {t("import.submit")}
          </button>
        </>
      ) : null}
      {save.isPending ? <UploadStatus /> : null}
      {save.error ? <ImportError error={save.error} /> : null}
      {save.data ? (
        <p role="status" className="success">
          {t("import.areasDone", {
            areas: formatNumber(save.data.areas),
            created: formatNumber(save.data.created),
          })}
        </p>
      ) : null}
    </form>
  );
}

/** Population per area and year from CSV: choose the code, year and population columns. */
export function PopulationImportForm() {
  const { t, formatNumber } = useI18n();
  const trpc = useTRPC();
  const [columns, setColumns] = useState({ code: "", year: "", population: "" });
  const preview = useMutation(trpc.imports.preview.mutationOptions());
  const save = useMutation(trpc.imports.population.mutationOptions());
  const { file, choose } = usePreviewedFile(preview, save);
  const header = preview.data?.header ?? [];
  const set = (key: keyof typeof columns) => (value: string) => setColumns({ ...columns, [key]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file)
      save.mutate({
        ...file,
        codeColumn: columns.code,
        yearColumn: columns.year,
        populationColumn: columns.population,
      });
  };
  return (
    <form className="import-form" onSubmit={submit} aria-labelledby="population-import-title">
      <h3 id="population-import-title">{t("import.populationTitle")}</h3>
      <p className="muted small">{t("import.populationHint")}</p>
      <FileChooser accept=".csv,.txt" onChoose={(chosen) => void choose(chosen)} />
      {preview.error ? <ImportError error={preview.error} /> : null}
      {preview.data ? (
        <>
          <div className="form-row">
            <ColumnSelect
              label={t("import.codeColumn")}
              columns={header}
              value={columns.code}
              onChange={set("code")}
            />
            <ColumnSelect
              label={t("import.yearColumn")}
              columns={header}
              value={columns.year}
              onChange={set("year")}
            />
            <ColumnSelect
              label={t("import.populationColumn")}
              columns={header}
              value={columns.population}
              onChange={set("population")}
            />
          </div>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t("import.submit")}
          </button>
        </>
      ) : null}
      {save.isPending ? <UploadStatus /> : null}
      {save.error ? <ImportError error={save.error} /> : null}
      {save.data ? (
        <p role="status" className="success">
          {t("import.populationDone", { rows: formatNumber(save.data.rows) })}
        </p>
      ) : null}
    </form>
  );
}
