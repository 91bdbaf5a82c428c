import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { DesiredDirection } from "../../../../shared/lofte-effects.ts";
import { DistrictSelect } from "../../components/ui/district-select.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { parseSurveyKey, surveyKey } from "./based-on-fields.tsx";
import { useRefreshLofte } from "./use-refresh-lofte.ts";

/** An expected effect tied to a survey indicator or an incident category in one area. */
export function EffectForm({ promiseId, startYear }: { promiseId: string; startYear: number }) {
  const { locale, t } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLofte();
  const surveys = useQuery(trpc.surveys.list.queryOptions());
  const categories = useQuery(trpc.categories.list.queryOptions());
  const empty = {
    description: "",
    kind: "survey" as "survey" | "incidents",
    survey: "",
    categoryCode: "",
    areaCode: "",
    desiredDirection: "decrease" as DesiredDirection,
    baselineYear: String(startYear - 1),
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
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({
      promiseId,
      description: form.description,
      desiredDirection: form.desiredDirection,
      baselineYear: Number(form.baselineYear),
      areaCode: form.areaCode,
      indicator:
        form.kind === "survey"
          ? { kind: "survey", ...parseSurveyKey(form.survey) }
          : { kind: "incidents", categoryCode: form.categoryCode },
    });
  };
  return (
    <form className="stack-form insats-form" onSubmit={submit} aria-labelledby="effect-form-title">
      <h3 id="effect-form-title">{t("lofte.effect.new")}</h3>
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
      {add.error ? <ErrorMessage error={add.error} isDetailed /> : null}
      <div>
        <button type="submit" disabled={add.isPending}>
          {t("lofte.effect.add")}
        </button>
      </div>
    </form>
  );
}
