import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { LIMITS, type ReportCategory } from "../../../../shared/field.ts";
import { type DistrictGeometries, PlaceField } from "../../components/map/place-field.tsx";
import type { Point } from "../../components/map/place-picker-map.tsx";
import { DateTimeInput } from "../../components/ui/date-input.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { readFileAsBase64 } from "../imports/read-file.ts";
import { useAddressList } from "../places/places-panel.tsx";
import { PhotoField, ReportCategoryField } from "./report-fields.tsx";

/** Bovärdar, trygghetsvärdar and fältarbetare report from the field; an analyst reviews it. */
export function PartnerReportPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const geometries = useQuery(trpc.areas.districtGeometries.queryOptions());
  const addressList = useAddressList();
  const save = useMutation(trpc.reports.createPartner.mutationOptions());
  const [point, setPoint] = useState<Point | null>(null);
  const [form, setForm] = useState({
    category: "",
    when: "",
    description: "",
    insecurity: "",
    assessment: "",
  });
  const [photo, setPhoto] = useState<File | null>(null);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!point) return;
    save.mutate({
      category: form.category as ReportCategory,
      lon: point[0],
      lat: point[1],
      occurredAt: new Date(form.when || Date.now()).toISOString(),
      description: form.description,
      createsInsecurity: form.insecurity === "" ? null : form.insecurity === "yes",
      assessment: form.assessment || null,
      photo: photo ? await readFileAsBase64(photo) : null,
    });
  };
  if (save.isSuccess)
    return (
      <>
        <h1>{t("partnerReport.title")}</h1>
        <p role="status" className="success">
          {t("partnerReport.sent")}
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          {t("partnerReport.another")}
        </button>
      </>
    );
  return (
    <>
      <h1>{t("partnerReport.title")}</h1>
      <p className="muted">{t("partnerReport.intro")}</p>
      <form className="stack-form" onSubmit={submit}>
        {geometries.data ? (
          <PlaceField
            geometries={geometries.data as DistrictGeometries}
            value={point}
            onChange={setPoint}
            addressList={addressList}
          />
        ) : null}
        <ReportCategoryField
          value={form.category as ReportCategory | ""}
          onChange={(category) => setForm({ ...form, category })}
        />
        <label>
          <span className="field-label">{t("partnerReport.when")}</span>
          <DateTimeInput value={form.when} onChange={set("when")} />
        </label>
        <label>
          <span className="field-label">{t("citizen.description")}</span>
          <textarea
            required
            maxLength={LIMITS.descriptionChars}
            value={form.description}
            onChange={set("description")}
          />
        </label>
        <label>
          <span className="field-label">{t("partnerReport.insecurity")}</span>
          <select value={form.insecurity} onChange={set("insecurity")}>
            <option value="">{t("partnerReport.unsure")}</option>
            <option value="yes">{t("review.yes")}</option>
            <option value="no">{t("review.no")}</option>
          </select>
        </label>
        <label>
          <span className="field-label">{t("partnerReport.assessment")}</span>
          <input value={form.assessment} onChange={set("assessment")} />
        </label>
        <PhotoField label={t("findings.photo")} onChange={(files) => setPhoto(files[0] ?? null)} />
        {save.error ? <ErrorMessage error={save.error} /> : null}
        <button
          type="submit"
          className="primary"
          disabled={save.isPending || !point || !form.category || !form.description}
        >
          {t("partnerReport.submit")}
        </button>
      </form>
    </>
  );
}
