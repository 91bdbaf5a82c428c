import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Panel } from "../../../components/ui/panel.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { useTRPC } from "../../../trpc.ts";
import { useWorkspace } from "../../workspace/workspace-context.tsx";
import { lagesbildPeriodLabel } from "../lagesbild-period.ts";
import { ActionPlanTable } from "./action-plan-table.tsx";
import { LevelStrips } from "./level-strips.tsx";
import { RangeChooser } from "./range-chooser.tsx";
import { RepeatedlyFlagged } from "./repeatedly-flagged.tsx";
import { useOverTimeRange } from "./use-over-time-range.ts";

/** The quarter's or year's analysis: status strips per area, categories flagged again and again, insatser. */
export function OverTimePage() {
  const i18n = useI18n();
  const { t, formatNumber } = i18n;
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const state = useOverTimeRange();
  const overTime = useQuery(trpc.lagesbild.overTime.queryOptions(state.input));
  const data = overTime.data;
  const basePath = `/w/${workspace.slug}/lagesbild`;
  const panel = {
    isLoading: overTime.isPending,
    error: overTime.error,
    onRetry: () => void overTime.refetch(),
  };
  return (
    <>
      <p className="page-links no-print">
        <Link to={basePath}>{t("lagesbild.allLagesbilder")}</Link>
        <Link to={`${basePath}/atgardsplan`}>{t("actionPlan.title")}</Link>
      </p>
      <h1>
        {t("overTime.title")}: {lagesbildPeriodLabel(state.range, i18n)}
      </h1>
      <p className="muted">{t("overTime.intro")}</p>
      <RangeChooser state={state} />
      <Panel title={t("overTime.strips")} titleId="over-time-strips-title" {...panel}>
        {data?.columns.length === 0 ? <p className="muted">{t("overTime.noLagesbilder")}</p> : null}
        {data && data.columns.length > 0 ? <LevelStrips data={data} /> : null}
      </Panel>
      <Panel title={t("overTime.flagged")} titleId="over-time-flagged-title" {...panel}>
        {data ? <RepeatedlyFlagged data={data} /> : null}
      </Panel>
      <Panel title={t("overTime.insatser")} titleId="over-time-insatser-title" {...panel}>
        {data?.insatser.length === 0 ? <p className="muted">{t("overTime.noInsatser")}</p> : null}
        {data && data.insatser.length > 0 ? (
          <ActionPlanTable
            rows={data.insatser}
            testId="over-time-insatser"
            caption={t("overTime.insatserCaption", { count: formatNumber(data.insatser.length) })}
          />
        ) : null}
      </Panel>
    </>
  );
}
