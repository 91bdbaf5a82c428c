import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorMessage } from "../../../components/ui/error-message.tsx";
import { MultiSelect } from "../../../components/ui/multi-select.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { useTRPC } from "../../../trpc.ts";
import { EffectResult } from "./effect-result.tsx";

type Insats = { id: string; title: string; areaIds: string[] };

/**
 * "Effekt": the analyst picks a comparison area (and categories) and reads the server's estimate.
 * Nothing is asked of the server, and no field is drawn, until the disclosure is opened.
 */
export function InsatsEffect({ insats }: { insats: Insats }) {
  const { t } = useI18n();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <details
      className="insats-effect no-print"
      data-testid="insats-effect"
      onToggle={(event) => setIsOpen(event.currentTarget.open)}
    >
      <summary>{t("effect.title")}</summary>
      {isOpen ? (
        insats.areaIds.length > 0 ? (
          <EffectControls insats={insats} />
        ) : (
          <p className="muted">{t("effect.noArea")}</p>
        )
      ) : null}
    </details>
  );
}

function EffectControls({ insats }: { insats: Insats }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const [comparison, setComparison] = useState("");
  const [categoryCodes, setCategoryCodes] = useState<string[]>([]);
  const areas = useQuery(trpc.areas.list.queryOptions());
  const categories = useQuery(trpc.categories.list.queryOptions());
  const effect = useQuery(
    trpc.lagesbild.effect.queryOptions({
      insatsId: insats.id,
      comparisonAreaCodes: comparison ? [comparison] : [],
      categoryCodes,
    }),
  );
  const parents = new Set((areas.data ?? []).map((area) => area.parentId));
  // Districts outside the insats's own areas: the server refuses an overlapping comparison.
  const comparisonOptions = (areas.data ?? [])
    .filter((area) => area.code && !parents.has(area.id) && !insats.areaIds.includes(area.id))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const depthOf = new Map<string, number>();
  const categoryOptions = (categories.data ?? []).map((category) => {
    const depth = category.parentId ? (depthOf.get(category.parentId) ?? 0) + 1 : 0;
    depthOf.set(category.id, depth);
    return { value: category.code, label: locale === "sv" ? category.nameSv : category.nameEn, depth };
  });
  return (
    <div className="insats-effect-body">
      <form
        className="insats-effect-controls"
        aria-label={t("effect.formFor", { title: insats.title })}
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          <span className="field-label">{t("effect.comparison")}</span>
          <select value={comparison} onChange={(event) => setComparison(event.target.value)}>
            <option value="">{t("effect.noComparison")}</option>
            {comparisonOptions.map((area) => (
              <option key={area.id} value={area.code ?? ""}>
                {area.name}
              </option>
            ))}
          </select>
        </label>
        <MultiSelect
          label={t("effect.categories")}
          options={categoryOptions}
          selected={categoryCodes}
          onChange={setCategoryCodes}
          emptyLabel={t("effect.allCategories")}
        />
      </form>
      <div aria-live="polite" aria-busy={effect.isFetching}>
        {effect.isPending ? <p className="muted">{t("panel.loading")}</p> : null}
        {effect.error ? <ErrorMessage error={effect.error} isDetailed /> : null}
        {effect.data ? <EffectResult result={effect.data} /> : null}
      </div>
    </div>
  );
}
