import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useParams } from "react-router";
import { LIMITS, type ReportCategory } from "../../../../shared/field.ts";
import { type DistrictGeometries, PlaceField } from "../../components/map/place-field.tsx";
import type { Point } from "../../components/map/place-picker-map.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { LanguageSelect } from "../../components/ui/language-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC, useTRPCClient } from "../../trpc.ts";
import { readFileAsBase64 } from "../imports/read-file.ts";
import { PhotoField, ReportCategoryField } from "../review/report-fields.tsx";
import { FollowLink } from "./follow-link.tsx";
import { usePublicAddressList } from "./use-public-places.ts";

/**
 * The public "trygghetsapp" page: anyone can report a place that feels unsafe, without logging
 * in. Reports go to moderation; the reporter gets a link to follow their own report.
 */
export function CitizenReportPage() {
  const { t } = useI18n();
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const form = useQuery(trpc.reports.citizenForm.queryOptions({ workspace: slug }, { retry: false }));
  const submit = useMutation(trpc.reports.citizen.mutationOptions());
  const [point, setPoint] = useState<Point | null>(null);
  const [category, setCategory] = useState<ReportCategory | "">("");
  const [description, setDescription] = useState("");
  const [contact, setContact] = useState("");
  const [website, setWebsite] = useState("");
  const [photo, setPhoto] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const addressList = usePublicAddressList(slug);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setLocalError(null);
    if (!point) return setLocalError(t("place.none"));
    if (photo && photo.size > LIMITS.photoBytes) return setLocalError(t("citizen.photoTooLarge"));
    submit.mutate({
      workspace: slug,
      category: category as ReportCategory,
      lon: point[0],
      lat: point[1],
      occurredAt: new Date().toISOString(),
      description,
      contact: contact || null,
      website,
      photo: photo ? await readFileAsBase64(photo) : null,
    });
  };

  if (submit.data) {
    const link = `${window.location.origin}/rapport/status#${submit.data.followToken}`;
    return (
      <main id="main" className="page public-page">
        <h1>{t("citizen.thanks")}</h1>
        <p role="status">{t("citizen.received")}</p>
        <p>{t("citizen.followHint")}</p>
        <FollowLink link={link} />
      </main>
    );
  }
  return (
    <main id="main" className="page public-page">
      <div className="header-tools">
        <LanguageSelect />
      </div>
      <h1>{t("citizen.title", { name: form.data?.name ?? "" })}</h1>
      <p>{t("citizen.intro")}</p>
      <p className="notice small">{t("citizen.emergency")}</p>
      {form.error ? <ErrorMessage error={form.error} /> : null}
      {form.data ? (
        <form className="stack-form" onSubmit={send} noValidate={false}>
          <PlaceField
            geometries={form.data.geometries as DistrictGeometries}
            value={point}
            onChange={setPoint}
            addressList={addressList}
          />
          <ReportCategoryField value={category} onChange={setCategory} />
          <label>
            <span className="field-label">{t("citizen.description")}</span>
            <textarea
              required
              maxLength={LIMITS.descriptionChars}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </label>
          <PhotoField label={t("citizen.photo")} onChange={(files) => setPhoto(files[0] ?? null)} />
          <label>
            <span className="field-label">{t("citizen.contact")}</span>
            <input
              type="email"
              maxLength={LIMITS.contactChars}
              value={contact}
              onChange={(e) => setContact(e.target.value)}
              autoComplete="email"
            />
          </label>
          <p className="muted small">{t("citizen.privacy")}</p>
          {/* A field people never see or reach; bots fill it in. */}
          <div className="honeypot" aria-hidden="true">
            <label>
              Webbplats
              <input
                tabIndex={-1}
                autoComplete="off"
                value={website}
                onChange={(e) => setWebsite(e.target.value)}
              />
            </label>
          </div>
          {localError ? (
            <p role="alert" className="error">
              {localError}
            </p>
          ) : null}
          {submit.error ? <ErrorMessage error={submit.error} /> : null}
          <button type="submit" className="primary" disabled={submit.isPending || !category || !description}>
            {t("citizen.submit")}
          </button>
        </form>
      ) : null}
    </main>
  );
}

/** The follow-up token from the URL fragment (`#<token>` or `#token=<token>`), which browsers never send. */
function followTokenOf(hash: string) {
  const fragment = hash.replace(/^#/, "");
  return new URLSearchParams(fragment).get("token") ?? fragment;
}

/**
 * The reporter's view of their own report. The token stays out of every URL that reaches a server
 * or its logs: read from the fragment, sent in a POST body.
 */
export function CitizenStatusPage() {
  const { t, formatDate } = useI18n();
  const client = useTRPCClient();
  const token = followTokenOf(window.location.hash);
  const status = useQuery({
    queryKey: ["reports.citizenStatus", token],
    queryFn: () => client.reports.citizenStatus.mutate({ token }),
    enabled: token.length >= 20,
    retry: false,
  });
  return (
    <main id="main" className="page public-page">
      <h1>{t("citizen.statusTitle")}</h1>
      {token.length < 20 ? <p>{t("citizen.noToken")}</p> : null}
      {status.error ? <ErrorMessage error={status.error} /> : null}
      {status.data ? (
        <dl className="facts" data-testid="citizen-status" data-status={status.data.status}>
          <dt>{t("citizen.category")}</dt>
          <dd>{t(`reportCategory.${status.data.category as ReportCategory}`)}</dd>
          <dt>{t("citizen.sent")}</dt>
          <dd>
            {formatDate(status.data.createdAt.slice(0, 10), {
              day: "numeric",
              month: "long",
              year: "numeric",
            })}
          </dd>
          <dt>{t("citizen.status")}</dt>
          <dd>{t(`review.${status.data.status}`)}</dd>
          {status.data.reason ? (
            <>
              <dt>{t("citizen.reason")}</dt>
              <dd>{status.data.reason}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
    </main>
  );
}
