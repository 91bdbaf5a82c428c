import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { RISE_LABELS } from "../../../../shared/rising.ts";
import type { CompstatInput } from "../../../../shared/schemas/analysis.ts";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";

/** For leadership: the category × area pairs rising most clearly, each a link into the filtered view. */
export function RisingNowPanel({ filter }: { filter: CompstatInput }) {
  const { t, locale, formatNumber } = useI18n();
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const rising = useQuery(trpc.analysis.risingNow.queryOptions(filter));
  const linkTo = (categoryCode: string, areaCode: string | null) => {
    const params = new URLSearchParams(window.location.search);
    params.set("categories", categoryCode);
    if (areaCode) params.set("areas", areaCode);
    return `/w/${workspace.slug}/utveckling?${params.toString()}`;
  };
  return (
    <Panel title={t("rising.title")} titleId="rising-title" isLoading={rising.isPending} error={rising.error}>
      {rising.data && rising.data.length === 0 ? <p className="muted">{t("rising.none")}</p> : null}
      <ol className="rising-list" data-testid="rising-now">
        {(rising.data ?? []).map((pair) => (
          <li key={`${pair.categoryCode}-${pair.areaCode}`}>
            <Link to={linkTo(pair.categoryCode, pair.areaCode)}>
              {locale === "sv" ? pair.categoryNameSv : pair.categoryNameEn}, {pair.areaName}
            </Link>
            <span className={`rise-badge rise-${pair.level}`}>{RISE_LABELS[locale][pair.level]}</span>
            <span className="muted small">
              {t("rising.figures", {
                current: formatNumber(pair.current),
                expected: formatNumber(pair.expected, 1),
              })}
            </span>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
