import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { FINDING_CATEGORIES, type FindingCategory, LIMITS } from "../../../../shared/field.ts";
import { type DistrictGeometries, PlaceField } from "../../components/map/place-field.tsx";
import type { Point } from "../../components/map/place-picker-map.tsx";
import { DateInput } from "../../components/ui/date-input.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { readFileAsBase64 } from "../imports/read-file.ts";
import { useAddressList } from "../places/places-panel.tsx";
import { PhotoField } from "../review/report-fields.tsx";

/** Record a finding on a phone during the walk: where, what, how serious, who fixes it, a photo. */
export function FindingForm({ walkId, others, route }: { walkId: string; others: Point[]; route?: Point[] }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const geometries = useQuery(trpc.areas.districtGeometries.queryOptions());
  const addressList = useAddressList();
  const organizations = useQuery(trpc.walks.organizations.queryOptions());
  const empty = {
    category: "" as FindingCategory | "",
    description: "",
    severity: "2",
    owner: "",
    ownerName: "",
    dueOn: "",
  };
  const [form, setForm] = useState(empty);
  const [point, setPoint] = useState<Point | null>(null);
  const [photos, setPhotos] = useState<File[]>([]);
  const [fileKey, setFileKey] = useState(0);
  const add = useMutation(
    trpc.walks.addFinding.mutationOptions({
      onSuccess: () => {
        setForm(empty);
        setPoint(null);
        setPhotos([]);
        setFileKey((key) => key + 1);
      },
    }),
  );
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!point || !form.category) return;
    add.mutate({
      walkId,
      lon: point[0],
      lat: point[1],
      category: form.category,
      description: form.description,
      severity: Number(form.severity),
      ownerOrganizationId: form.owner || null,
      ownerName: form.ownerName || null,
      dueOn: form.dueOn || null,
      photos: await Promise.all(
        photos.slice(0, LIMITS.photosPerFinding).map((file) => readFileAsBase64(file)),
      ),
    });
  };
  return (
    <form className="stack-form" onSubmit={submit} aria-labelledby="finding-form-title">
      <h2 id="finding-form-title">{t("findings.new")}</h2>
      {geometries.data ? (
        <PlaceField
          geometries={geometries.data as DistrictGeometries}
          value={point}
          addressList={addressList}
          onChange={setPoint}
          others={others}
          route={route}
        />
      ) : null}
      <label>
        <span className="field-label">{t("findings.category")}</span>
        <select required value={form.category} onChange={set("category")}>
          <option value="">{t("report.choose")}</option>
          {FINDING_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {t(`findingCategory.${category}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">{t("findings.description")}</span>
        <textarea
          required
          maxLength={LIMITS.descriptionChars}
          value={form.description}
          onChange={set("description")}
        />
      </label>
      <label>
        <span className="field-label">{t("findings.severity")}</span>
        <select value={form.severity} onChange={set("severity")}>
          {[1, 2, 3].map((level) => (
            <option key={level} value={level}>
              {t(`findings.severity.${level as 1 | 2 | 3}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">{t("findings.owner")}</span>
        <select value={form.owner} onChange={set("owner")}>
          <option value="">{t("import.none")}</option>
          {(organizations.data ?? []).map((organization) => (
            <option key={organization.id} value={organization.id}>
              {organization.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">{t("findings.ownerName")}</span>
        <input value={form.ownerName} onChange={set("ownerName")} />
      </label>
      <label>
        <span className="field-label">{t("findings.dueOn")}</span>
        <DateInput value={form.dueOn} onChange={set("dueOn")} />
      </label>
      <PhotoField
        key={fileKey}
        label={t("findings.photos", { max: LIMITS.photosPerFinding })}
        onChange={setPhotos}
        multiple
      />
      {add.error ? <ErrorMessage error={add.error} /> : null}
      <button
        type="submit"
        className="primary"
        disabled={add.isPending || !point || !form.category || !form.description}
      >
        {t("findings.save")}
      </button>
    </form>
  );
}
