import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { Point } from "../../components/map/place-picker-map.tsx";
import { DateTimeInput } from "../../components/ui/date-input.tsx";
import { DistrictSelect } from "../../components/ui/district-select.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { ScrollRegion } from "../../components/ui/scroll-region.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { RouteField } from "./route-field.tsx";

const GROUPS = ["boende", "bostadsbolag", "polis", "kommun", "ovriga"] as const;

/** Trygghetsvandringar: plan one, and see each walk with how many of its findings are still open. */
export function WalksPage() {
  const { t, formatDate } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const walks = useQuery(trpc.walks.list.queryOptions());
  const create = useMutation(
    trpc.walks.create.mutationOptions({
      onSuccess: (walk) => {
        void navigate(`/w/${workspace.slug}/vandringar/${walk.id}`);
      },
    }),
  );
  const [form, setForm] = useState({
    areaCode: "",
    startsAt: "",
    meetingPlace: "",
    stops: "",
    organizers: "",
  });
  const [participants, setParticipants] = useState<Record<string, string>>({});
  const [route, setRoute] = useState<Point[]>([]);
  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      areaCode: form.areaCode || null,
      // datetime-local is local time; the browser knows the offset.
      startsAt: new Date(form.startsAt).toISOString(),
      meetingPlace: form.meetingPlace,
      route: route.length >= 2 ? { type: "LineString", coordinates: route } : null,
      stops: form.stops
        .split("\n")
        .map((stop) => stop.trim())
        .filter(Boolean),
      organizers: form.organizers,
      participants: Object.fromEntries(
        Object.entries(participants)
          .filter(([, value]) => value !== "")
          .map(([group, value]) => [group, Number(value)]),
      ),
    });
  };
  return (
    <>
      <h1>{t("walks.title")}</h1>
      <Panel
        title={t("walks.list")}
        titleId="walks-list-title"
        isLoading={walks.isPending}
        error={walks.error}
        isEmpty={walks.data?.length === 0}
      >
        <ScrollRegion label={t("walks.list")}>
          <table className="data-table" data-testid="walks-table">
            <thead>
              <tr>
                <th scope="col">{t("walks.when")}</th>
                <th scope="col">{t("walks.area")}</th>
                <th scope="col">{t("walks.meetingPlace")}</th>
                <th scope="col" className="numeric">
                  {t("walks.findings")}
                </th>
                <th scope="col" className="numeric">
                  {t("walks.open")}
                </th>
              </tr>
            </thead>
            <tbody>
              {(walks.data ?? []).map((walk) => (
                <tr key={walk.id}>
                  <td>
                    <Link to={`/w/${workspace.slug}/vandringar/${walk.id}`}>
                      {formatDate(walk.startsAt.slice(0, 10), {
                        day: "numeric",
                        month: "short",
                        year: "numeric",
                      })}
                    </Link>
                  </td>
                  <td>{walk.areaName ?? "–"}</td>
                  <td>{walk.meetingPlace}</td>
                  <td className="numeric">{walk.findings}</td>
                  <td className="numeric">{walk.open}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </Panel>
      {workspace.permissions.canWrite ? (
        <Panel title={t("walks.plan")} titleId="walks-plan-title" isLoading={false} error={null}>
          <form className="stack-form" onSubmit={submit}>
            <DistrictSelect
              label={t("walks.area")}
              value={form.areaCode}
              onChange={(code) => setForm({ ...form, areaCode: code })}
            />
            <label>
              <span className="field-label">{t("walks.when")}</span>
              <DateTimeInput required value={form.startsAt} onChange={set("startsAt")} />
            </label>
            <label>
              <span className="field-label">{t("walks.meetingPlace")}</span>
              <input required value={form.meetingPlace} onChange={set("meetingPlace")} />
            </label>
            <label>
              <span className="field-label">{t("walks.stops")}</span>
              <textarea value={form.stops} onChange={set("stops")} />
            </label>
            <RouteField route={route} onChange={setRoute} />
            <label>
              <span className="field-label">{t("walks.organizers")}</span>
              <input value={form.organizers} onChange={set("organizers")} />
            </label>
            <fieldset>
              <legend>{t("walks.participants")}</legend>
              <div className="form-row">
                {GROUPS.map((group) => (
                  <label key={group}>
                    <span className="field-label">{t(`walks.group.${group}`)}</span>
                    <input
                      type="number"
                      min={0}
                      inputMode="numeric"
                      value={participants[group] ?? ""}
                      onChange={(event) => setParticipants({ ...participants, [group]: event.target.value })}
                    />
                  </label>
                ))}
              </div>
            </fieldset>
            {create.error ? <ErrorMessage error={create.error} /> : null}
            <button type="submit" className="primary" disabled={create.isPending}>
              {t("walks.create")}
            </button>
          </form>
        </Panel>
      ) : null}
    </>
  );
}
