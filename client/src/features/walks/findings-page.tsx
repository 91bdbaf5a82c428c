import { useQuery } from "@tanstack/react-query";
import type { SortingState } from "@tanstack/react-table";
import { lazy, Suspense, useState } from "react";
import { useSearchParams } from "react-router";
import {
  FINDING_CATEGORIES,
  FINDING_STATUSES,
  type FindingCategory,
  type FindingStatus,
} from "../../../../shared/field.ts";
import { STATUS_COLORS } from "../../components/map/finding-colors.ts";
import { useAreaOptions } from "../../components/ui/district-select.tsx";
import { FindingsExportButtons } from "../../components/ui/export-buttons.tsx";
import { MultiSelect } from "../../components/ui/multi-select.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";
import { useAreaSelectionName } from "../overview/selection-heading.tsx";
import { FindingsTable } from "./findings-table.tsx";

// maplibre is large: it loads in its own chunk.
const FindingsMap = lazy(() => import("../../components/map/findings-map.tsx"));

const AGES = [7, 14, 30, 90] as const;
const split = (value: string | null) => (value ? value.split(",").filter(Boolean) : []);

/** Every walk's findings in one list, filtered by status, category, area, owner and age (in the URL). */
export function FindingsPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const statuses = split(params.get("status")).filter((s): s is FindingStatus =>
    (FINDING_STATUSES as readonly string[]).includes(s),
  );
  const categories = split(params.get("category")).filter((c): c is FindingCategory =>
    (FINDING_CATEGORIES as readonly string[]).includes(c),
  );
  const areaCodes = split(params.get("areas"));
  const owner = params.get("owner") ?? "";
  const age = Number(params.get("olderThan") ?? "") || null;
  const organizations = useQuery(trpc.walks.organizations.queryOptions());
  const filter = {
    statuses,
    categories,
    areaCodes,
    ownerOrganizationId: owner || null,
    olderThanDays: age,
    walkId: null,
  };
  const findings = useQuery(trpc.walks.findings.queryOptions(filter));
  const [sorting, setSorting] = useState<SortingState>([]);
  const update = (key: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const areaOptions = useAreaOptions("all");
  const geometries = useQuery(trpc.areas.districtGeometries.queryOptions());
  const areaName = useAreaSelectionName(areaCodes);
  return (
    <>
      <h1>{areaName ? `${t("findings.pageTitle")}: ${areaName}` : t("findings.pageTitle")}</h1>
      <form
        className="filter-bar"
        aria-label={t("findings.filter")}
        onSubmit={(event) => event.preventDefault()}
      >
        <MultiSelect
          label={t("findings.status")}
          options={FINDING_STATUSES.map((status) => ({ value: status, label: t(`findingStatus.${status}`) }))}
          selected={statuses}
          onChange={(values) => update("status", values.join(","))}
        />
        <MultiSelect
          label={t("findings.category")}
          options={FINDING_CATEGORIES.map((category) => ({
            value: category,
            label: t(`findingCategory.${category}`),
          }))}
          selected={categories}
          onChange={(values) => update("category", values.join(","))}
        />
        <MultiSelect
          label={t("walks.area")}
          options={areaOptions}
          selected={areaCodes}
          onChange={(values) => update("areas", values.join(","))}
        />
        <label>
          <span className="field-label">{t("findings.owner")}</span>
          <select value={owner} onChange={(event) => update("owner", event.target.value)}>
            <option value="">{t("filter.all")}</option>
            {(organizations.data ?? []).map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t("findings.age")}</span>
          <select value={age ?? ""} onChange={(event) => update("olderThan", event.target.value)}>
            <option value="">{t("filter.all")}</option>
            {AGES.map((days) => (
              <option key={days} value={days}>
                {t("findings.olderThan", { days })}
              </option>
            ))}
          </select>
        </label>
      </form>
      <Panel
        title={t("findings.title", { count: findings.data?.length ?? 0 })}
        titleId="findings-list-title"
        isLoading={findings.isPending}
        error={findings.error}
        isEmpty={findings.data?.length === 0}
        actions={<FindingsExportButtons filter={filter} sorting={sorting} />}
      >
        {findings.data && geometries.data ? (
          <Suspense fallback={<p className="muted">{t("panel.loading")}</p>}>
            <FindingsMap geometries={geometries.data} findings={findings.data} label={t("findings.map")} />
            <FindingsLegend findings={findings.data} />
          </Suspense>
        ) : null}
        {findings.data ? (
          <FindingsTable findings={findings.data} showWalk sort={{ sorting, onSortingChange: setSorting }} />
        ) : null}
      </Panel>
    </>
  );
}

/** How many of the listed findings are in each status, with the map's colours. */
function FindingsLegend({ findings }: { findings: { status: string }[] }) {
  const { t } = useI18n();
  return (
    <ul className="plain-list small field-legend" data-testid="findings-legend">
      {FINDING_STATUSES.map((status) => (
        <li key={status}>
          <span className="swatch round" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />{" "}
          {t(`findingStatus.${status}`)}: {findings.filter((finding) => finding.status === status).length}
        </li>
      ))}
      <li>{t("findings.mapHint")}</li>
    </ul>
  );
}
