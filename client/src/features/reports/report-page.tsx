import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useContext, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { LIMITS, type ReportCategory } from "../../../../shared/field.ts";
import type { PlaceOption } from "../../components/map/address-input.tsx";
import { type DistrictGeometries, PlaceField } from "../../components/map/place-field.tsx";
import type { Point } from "../../components/map/place-picker-map.tsx";
import { DateTimeInput } from "../../components/ui/date-input.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { LabelledInput, LabelledTextarea } from "../../components/ui/labelled-field.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { readFileAsBase64 } from "../imports/read-file.ts";
import { useAddressList } from "../places/places-panel.tsx";
import { PhotoField, ReportCategoryField } from "../review/report-fields.tsx";
import { WorkspaceContext } from "../workspace/workspace-context.tsx";
import { newSubmissionId } from "./submission-id.ts";

const EMPTY = { category: "", when: "", description: "", insecurity: "", assessment: "" };

/**
 * Rapportera: the one way partners' staff report (decisions/024). A member's report waits for an
 * analyst's review; an analyst's or admin's own is approved as it is filed. After sending, the
 * form is emptied (a second tap cannot file it again: the submission id goes with it) and a
 * confirmation links to the report under Mina rapporter.
 */
export function ReportPage() {
  const { t } = useI18n();
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const workspace = useContext(WorkspaceContext);
  const geometries = useQuery(trpc.areas.districtGeometries.queryOptions());
  const addressList = useAddressList();
  const [point, setPoint] = useState<Point | null>(null);
  const [place, setPlace] = useState<PlaceOption | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [photo, setPhoto] = useState<File | null>(null);
  const [needsPlace, setNeedsPlace] = useState(false);
  // A new form (map, address and photo fields included) after each report.
  const [formKey, setFormKey] = useState(0);
  const submissionId = useRef(newSubmissionId());
  const isSubmitting = useRef(false);
  const save = useMutation(
    trpc.reports.createPartner.mutationOptions({
      onSuccess: () => {
        setForm(EMPTY);
        setPoint(null);
        setPlace(null);
        setPhoto(null);
        setFormKey((key) => key + 1);
        submissionId.current = newSubmissionId();
        void queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
      },
      onSettled: () => {
        isSubmitting.current = false;
      },
    }),
  );
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!point) {
      setNeedsPlace(true);
      return;
    }
    // Guards the moment before the mutation starts (reading the photo), when the button is still enabled.
    if (isSubmitting.current) return;
    isSubmitting.current = true;
    setNeedsPlace(false);
    try {
      save.mutate({
        category: form.category as ReportCategory,
        lon: point[0],
        lat: point[1],
        placeId: place?.id ?? null,
        occurredAt: new Date(form.when || Date.now()).toISOString(),
        description: form.description,
        createsInsecurity: form.insecurity === "" ? null : form.insecurity === "yes",
        assessment: form.assessment || null,
        photo: photo ? await readFileAsBase64(photo) : null,
        submissionId: submissionId.current,
      });
    } catch (error) {
      isSubmitting.current = false;
      throw error;
    }
  };
  const isReviewer = workspace?.permissions.canSeeDetail ?? false;
  return (
    <>
      <h1>{t("reportForm.title")}</h1>
      <p className="muted">{t(isReviewer ? "reportForm.introReviewer" : "reportForm.intro")}</p>
      <div aria-live="polite">
        {save.isSuccess && save.data ? (
          <p role="status" className="success" data-testid="report-sent">
            {t(save.data.status === "approved" ? "reportForm.sentApproved" : "reportForm.sent")}{" "}
            <Link to={`/w/${slug}/mina-rapporter/${save.data.id}`}>{t("reportForm.openReport")}</Link>
          </p>
        ) : null}
      </div>
      <form key={formKey} className="stack-form" onSubmit={submit} data-testid="report-form">
        {geometries.data ? (
          <PlaceField
            geometries={geometries.data as DistrictGeometries}
            value={point}
            onChange={(next) => {
              setPoint(next);
              setNeedsPlace(false);
            }}
            onPlaceChange={setPlace}
            addressList={addressList}
          />
        ) : null}
        {needsPlace ? (
          <p className="error" role="alert">
            {t("reportForm.needsPlace")}
          </p>
        ) : null}
        <ReportCategoryField
          value={form.category as ReportCategory | ""}
          onChange={(category) => setForm({ ...form, category })}
        />
        <label>
          <span className="field-label">{t("reportForm.when")}</span>
          <DateTimeInput value={form.when} onChange={set("when")} />
        </label>
        <LabelledTextarea
          label={t("reportForm.description")}
          required
          maxLength={LIMITS.descriptionChars}
          value={form.description}
          onChange={set("description")}
        />
        <label>
          <span className="field-label">{t("reportForm.insecurity")}</span>
          <select value={form.insecurity} onChange={set("insecurity")}>
            <option value="">{t("reportForm.unsure")}</option>
            <option value="yes">{t("review.yes")}</option>
            <option value="no">{t("review.no")}</option>
          </select>
        </label>
        <LabelledInput
          label={t("reportForm.assessment")}
          value={form.assessment}
          onChange={set("assessment")}
        />
        <PhotoField label={t("findings.photo")} onChange={(files) => setPhoto(files[0] ?? null)} />
        {save.error ? <ErrorMessage error={save.error} isDetailed /> : null}
        <div>
          <button type="submit" className="primary" disabled={save.isPending}>
            {save.isPending ? t("reportForm.sending") : t("reportForm.submit")}
          </button>
        </div>
      </form>
    </>
  );
}
