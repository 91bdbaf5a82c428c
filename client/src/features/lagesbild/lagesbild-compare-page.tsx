import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { useAreaOptions } from "../../components/ui/district-select.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { type RouterOutputs, useTRPC } from "../../trpc.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";
import { ComparisonView } from "./comparison-view.tsx";
import { lagesbildPeriodLabel } from "./lagesbild-period.ts";

type Snapshot = RouterOutputs["lagesbild"]["snapshots"][number];

/** Two published versions side by side: what rose, what fell, which statuses moved, which insatser opened and closed. */
export function LagesbildComparePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const [params, setParams] = useSearchParams();
  const a = params.get("a") ?? "";
  const b = params.get("b") ?? "";
  const snapshots = useQuery(trpc.lagesbild.snapshots.queryOptions());
  const comparison = useQuery({
    ...trpc.lagesbild.compare.queryOptions({ snapshotA: a, snapshotB: b }),
    enabled: a !== "" && b !== "" && a !== b,
  });
  const areaNames = new Map(useAreaOptions("all").map((option) => [option.value, option.label]));
  const label = (snapshot: Snapshot) => {
    const scope =
      snapshot.areaCodes.length > 0
        ? snapshot.areaCodes.map((code) => areaNames.get(code) ?? code).join(", ")
        : t("lagesbild.wholeWorkspace");
    return `${lagesbildPeriodLabel(snapshot.period, i18n)}, ${scope}, v. ${snapshot.version}`;
  };
  const choose = (key: "a" | "b", value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  const picker = (key: "a" | "b", value: string) => (
    <label>
      <span className="field-label">{t(key === "a" ? "lagesbild.compare.a" : "lagesbild.compare.b")}</span>
      <select value={value} onChange={(event) => choose(key, event.target.value)}>
        <option value="">{t("report.choose")}</option>
        {(snapshots.data ?? []).map((snapshot) => (
          <option key={snapshot.id} value={snapshot.id}>
            {label(snapshot)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <h1>{t("lagesbild.compare.title")}</h1>
      <p>
        <Link to={`/w/${workspace.slug}/lagesbild`}>{t("lagesbild.allLagesbilder")}</Link>
      </p>
      <Panel
        title={t("lagesbild.compare.choose")}
        titleId="compare-choose-title"
        isLoading={snapshots.isPending}
        error={snapshots.error}
        isEmpty={snapshots.data?.length === 0}
      >
        <div className="form-row">
          {picker("a", a)}
          {picker("b", b)}
        </div>
        {a && a === b ? <p className="notice">{t("lagesbild.compare.same")}</p> : null}
      </Panel>
      {comparison.data || comparison.isFetching || comparison.error ? (
        <Panel
          title={t("lagesbild.compare.result")}
          titleId="compare-result-title"
          isLoading={comparison.isPending}
          error={comparison.error}
        >
          {comparison.data ? <ComparisonView data={comparison.data} /> : null}
        </Panel>
      ) : null}
    </>
  );
}
