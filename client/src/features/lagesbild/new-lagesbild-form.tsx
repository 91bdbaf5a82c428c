import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { lastCompletePeriod, periodContaining, toLocalDate } from "../../../../shared/calendar.ts";
import { LAGESBILD_PERIOD_KINDS } from "../../../../shared/schemas/lagesbild.ts";
import { useAreaOptions } from "../../components/ui/district-select.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { MultiSelect } from "../../components/ui/multi-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { useRefreshLagesbild } from "./lagesbild-editing.ts";
import { lagesbildPeriodLabel } from "./lagesbild-period.ts";

type Kind = (typeof LAGESBILD_PERIOD_KINDS)[number];

/** A new lägesbild (or the existing one for the same period and areas): by default the latest complete period. */
export function NewLagesbildForm() {
  const i18n = useI18n();
  const { t } = i18n;
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const refresh = useRefreshLagesbild();
  const areaOptions = useAreaOptions("all");
  const latest = (kind: Kind) =>
    lastCompletePeriod(kind, toLocalDate(new Date()), workspace.meetingAnchor).start;
  const [kind, setKind] = useState<Kind>("biweek");
  const [date, setDate] = useState(() => latest("biweek"));
  const [isDateChosen, setIsDateChosen] = useState(false);
  const [areaCodes, setAreaCodes] = useState<string[]>([]);
  const create = useMutation(
    trpc.lagesbild.create.mutationOptions({
      onSuccess: async (created) => {
        await refresh();
        void navigate(`/w/${workspace.slug}/lagesbild/${created.id}`);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ kind, date, areaCodes });
  };
  const period = date ? periodContaining(kind, date, workspace.meetingAnchor) : null;
  return (
    <form className="stack-form" onSubmit={submit} aria-labelledby="new-lagesbild-title">
      <h2 id="new-lagesbild-title">{t("lagesbild.new")}</h2>
      <div className="form-row">
        <label>
          <span className="field-label">{t("lagesbild.periodKind")}</span>
          <select
            value={kind}
            onChange={(event) => {
              const next = event.target.value as Kind;
              setKind(next);
              if (!isDateChosen) setDate(latest(next));
            }}
          >
            {LAGESBILD_PERIOD_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`filter.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t("lagesbild.dateInPeriod")}</span>
          <input
            type="date"
            required
            value={date}
            aria-describedby="new-lagesbild-period"
            onChange={(event) => {
              setDate(event.target.value);
              setIsDateChosen(true);
            }}
          />
        </label>
        <MultiSelect
          label={t("lagesbild.areas")}
          options={areaOptions}
          selected={areaCodes}
          onChange={setAreaCodes}
          emptyLabel={t("lagesbild.wholeWorkspace")}
        />
      </div>
      <p id="new-lagesbild-period" className="muted small" data-testid="new-lagesbild-period">
        {period ? t("lagesbild.periodWillBe", { period: lagesbildPeriodLabel(period, i18n) }) : ""}
      </p>
      <div>
        <button type="submit" className="primary" disabled={create.isPending || !date}>
          {t("lagesbild.create")}
        </button>
      </div>
      {create.error ? <ErrorMessage error={create.error} isDetailed /> : null}
    </form>
  );
}
