import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toLocalDate } from "../../../../shared/calendar.ts";
import { DateInput } from "../../components/ui/date-input.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

/** A partner's quick report of one event of its own kind (writers only; viewers never see it). */
export function ReportPage() {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const areas = useQuery(trpc.areas.list.queryOptions());
  const categories = useQuery(trpc.categories.list.queryOptions());
  const [form, setForm] = useState({
    categoryCode: "",
    areaCode: "",
    occurredOn: toLocalDate(new Date()),
    count: 1,
    description: "",
  });
  const create = useMutation(
    trpc.incidents.create.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.overview.pathKey() });
        setForm((current) => ({ ...current, description: "", count: 1 }));
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ ...form, description: form.description || undefined });
  };
  const partnerCategories = (categories.data ?? []).filter((category) => category.kind === "partner_event");
  const districts = (areas.data ?? [])
    .filter((area) => area.kind === "deso")
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return (
    <>
      <h1>{t("report.title")}</h1>
      <p>{t("report.intro")}</p>
      <form className="stacked-form" onSubmit={submit}>
        <label>
          <span className="field-label">{t("report.category")}</span>
          <select
            required
            value={form.categoryCode}
            onChange={(e) => setForm({ ...form, categoryCode: e.target.value })}
          >
            <option value="">{t("report.choose")}</option>
            {partnerCategories.map((category) => (
              <option key={category.code} value={category.code}>
                {locale === "sv" ? category.nameSv : category.nameEn}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t("report.district")}</span>
          <select
            required
            value={form.areaCode}
            onChange={(e) => setForm({ ...form, areaCode: e.target.value })}
          >
            <option value="">{t("report.choose")}</option>
            {districts.map((area) => (
              <option key={area.id} value={area.code ?? ""}>
                {area.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t("report.date")}</span>
          <DateInput
            required
            value={form.occurredOn}
            onChange={(e) => setForm({ ...form, occurredOn: e.target.value })}
          />
        </label>
        <label>
          <span className="field-label">{t("report.count")}</span>
          <input
            type="number"
            min={1}
            max={1000}
            required
            value={form.count}
            onChange={(e) => setForm({ ...form, count: Number(e.target.value) })}
          />
        </label>
        <label>
          <span className="field-label">{t("report.description")}</span>
          <textarea
            maxLength={2000}
            rows={3}
            value={form.description}
            onChange={(e) => setForm({ ...form, description: e.target.value })}
          />
        </label>
        {create.error ? <ErrorMessage error={create.error} /> : null}
        {create.isSuccess ? (
          <p role="status" className="success">
            {t("report.saved")}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={create.isPending}>
          {t("report.submit")}
        </button>
      </form>
    </>
  );
}
