import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import type { DesiredDirection } from "../../../../shared/lofte-effects.ts";
import { DistrictSelect } from "../../components/ui/district-select.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { parseSurveyKey, surveyKey } from "./based-on-fields.tsx";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

/** An effect as it stands, for correcting it. */
export type EditedEffect = {
  id: string;
  description: string;
  indicatorKind: "survey" | "incidents";
  dataSourceId: string | null;
  indicator: string | null;
  categoryCode: string | null;
  areaCode: string | null;
  desiredDirection: DesiredDirection;
  baselineYear: number;
};

/** An expected effect tied to a survey indicator or an incident category in one area; given one, its correction. */
export function EffectForm({
  promiseId,
  startYear,
  effect,
  onDone,
}: {
  promiseId: string;
  startYear: number;
  effect?: EditedEffect;
  onDone?: () => void;
}) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const surveys = useQuery(trpc.surveys.list.queryOptions());
  const categories = useQuery(trpc.categories.list.queryOptions());
  const headingId = useId();
  const empty = {
    description: effect?.description ?? "",
    kind: effect?.indicatorKind ?? ("survey" as "survey" | "incidents"),
    survey: effect?.dataSourceId && effect.indicator ? surveyKey(effect.dataSourceId, effect.indicator) : "",
    categoryCode: effect?.categoryCode ?? "",
    areaCode: effect?.areaCode ?? "",
    desiredDirection: effect?.desiredDirection ?? ("decrease" as DesiredDirection),
    baselineYear: String(effect?.baselineYear ?? startYear - 1),
  };
  const [form, setForm] = useState(empty);
  const set = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }));
  const add = useMutation(
    trpc.medborgarlofte.addEffect.mutationOptions({
      onSuccess: async () => {
        setForm(empty);
        await refresh();
      },
    }),
  );
  const update = useMutation(
    trpc.medborgarlofte.updateEffect.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone?.();
      },
    }),
  );
  const mutation = effect ? update : add;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = {
      description: form.description,
      desiredDirection: form.desiredDirection,
      baselineYear: Number(form.baselineYear),
      areaCode: form.areaCode,
      indicator:
        form.kind === "survey"
          ? { kind: "survey" as const, ...parseSurveyKey(form.survey) }
          : { kind: "incidents" as const, categoryCode: form.categoryCode },
    };
    if (effect) update.mutate({ effectId: effect.id, ...fields });
    else add.mutate({ promiseId, ...fields });
  };
  return (
    <form className="stack-form insats-form" onSubmit={submit} aria-labelledby={headingId}>
      <h3 id={headingId}>{effect ? t("lofte.effect.editTitle") : t("lofte.effect.new")}</h3>
      <label>
        <span className="field-label">{t("lofte.effect.description")}</span>
        <input
          required
          minLength={2}
          maxLength={300}
          value={form.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      </label>
      <div className="form-row">
        <label>
          <span className="field-label">{t("lofte.effect.kind")}</span>
          <select value={form.kind} onChange={(e) => set({ kind: e.target.value as typeof form.kind })}>
            <option value="survey">{t("lofte.effect.kind.survey")}</option>
            <option value="incidents">{t("lofte.effect.kind.incidents")}</option>
          </select>
        </label>
        {form.kind === "survey" ? (
          <label>
            <span className="field-label">{t("lofte.effect.indicator")}</span>
            <select required value={form.survey} onChange={(e) => set({ survey: e.target.value })}>
              <option value="">{t("report.choose")}</option>
              {(surveys.data ?? []).flatMap((s) =>
                s.indicators.map((i) => (
                  <option key={surveyKey(s.id, i.indicator)} value={surveyKey(s.id, i.indicator)}>
                    {s.name}: {i.indicator}
                  </option>
                )),
              )}
            </select>
          </label>
        ) : (
          <label>
            <span className="field-label">{t("lofte.effect.category")}</span>
            <select
              required
              value={form.categoryCode}
              onChange={(e) => set({ categoryCode: e.target.value })}
            >
              <option value="">{t("report.choose")}</option>
              {(categories.data ?? []).map((c) => (
                <option key={c.code} value={c.code}>
                  {locale === "sv" ? c.nameSv : c.nameEn}
                </option>
              ))}
            </select>
          </label>
        )}
        <DistrictSelect
          label={t("lofte.effect.area")}
          scope="all"
          value={form.areaCode}
          onChange={(areaCode) => set({ areaCode })}
        />
      </div>
      <div className="form-row">
        <label>
          <span className="field-label">{t("lofte.effect.direction")}</span>
          <select
            value={form.desiredDirection}
            onChange={(e) => set({ desiredDirection: e.target.value as DesiredDirection })}
          >
            <option value="decrease">{t("lofte.effect.desired.decrease")}</option>
            <option value="increase">{t("lofte.effect.desired.increase")}</option>
          </select>
        </label>
        <label>
          <span className="field-label">{t("lofte.effect.baselineYear")}</span>
          <input
            type="number"
            required
            min={1990}
            max={2100}
            value={form.baselineYear}
            onChange={(e) => set({ baselineYear: e.target.value })}
          />
        </label>
      </div>
      {mutation.error ? <ErrorMessage error={mutation.error} isDetailed /> : null}
      <div>
        <button type="submit" disabled={mutation.isPending}>
          {effect ? t("lofte.form.save") : t("lofte.effect.add")}
        </button>
      </div>
    </form>
  );
}
