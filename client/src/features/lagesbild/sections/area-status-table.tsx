import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { DistrictFigure, LagesbildContent } from "../../../../../shared/lagesbild.ts";
import type { StatusLevel } from "../../../../../shared/schemas/lagesbild.ts";
import { ErrorMessage } from "../../../components/ui/error-message.tsx";
import { ScrollRegion } from "../../../components/ui/scroll-region.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import { useTRPC } from "../../../trpc.ts";
import { type LagesbildEditing, useRefreshLagesbild } from "../lagesbild-editing.ts";
import { LevelBadge, levelLabel, levelStyle } from "./level-badge.tsx";

type AreaStatus = LagesbildContent["statuses"][number];

/** Per district: the period's figures and its status; editors set the level (saved on change) and why (on leaving the field). */
export function AreaStatusTable({
  content,
  edit,
}: {
  content: LagesbildContent;
  edit?: LagesbildEditing | null;
}) {
  const { t, formatNumber } = useI18n();
  const [saved, setSaved] = useState("");
  const statusByArea = new Map(content.statuses.map((status) => [status.areaId, status]));
  const districts = [...content.figures.districts].sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const { total } = content.figures;
  return (
    <div>
      <ScrollRegion label={t("lagesbild.statusTable")}>
        <table className="data-table" data-testid="area-status-table">
          <thead>
            <tr>
              <th scope="col">{t("col.district")}</th>
              <th scope="col">{t("lagesbild.status")}</th>
              <th scope="col" className="numeric">
                {t("col.count")}
              </th>
              <th scope="col" className="numeric">
                {t("col.change")}
              </th>
              <th scope="col" className="numeric">
                {t("col.findings")}
              </th>
              <th scope="col" className="numeric">
                {t("lagesbild.openFindings")}
              </th>
              <th scope="col" className="numeric">
                {t("col.reports")}
              </th>
              <th scope="col">{t("lagesbild.justification")}</th>
            </tr>
          </thead>
          <tbody>
            {districts.map((district) => (
              <AreaStatusRow
                key={district.areaId}
                district={district}
                status={statusByArea.get(district.areaId)}
                levels={content.levels}
                edit={edit?.canEdit ? edit : null}
                onSaved={() => setSaved(t("lagesbild.statusSaved", { name: district.name }))}
              />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("overview.total")}</th>
              <td />
              <td className="numeric">{formatNumber(total.count)}</td>
              <td className="numeric">
                <Change count={total.count} previous={total.previousCount} percent={null} />
              </td>
              <td className="numeric">{formatNumber(total.findings)}</td>
              <td className="numeric">{formatNumber(total.openFindings)}</td>
              <td className="numeric">{formatNumber(total.reports)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
      <p role="status" className="small success">
        {saved}
      </p>
    </div>
  );
}

function Change({ count, previous, percent }: { count: number; previous: number; percent: number | null }) {
  const { formatNumber, formatPercent } = useI18n();
  const change = count - previous;
  return (
    <>
      {`${change > 0 ? "+" : ""}${formatNumber(change)}`}
      {percent === null ? null : <span className="muted small"> ({formatPercent(percent)})</span>}
    </>
  );
}

type RowProps = {
  district: DistrictFigure;
  status: AreaStatus | undefined;
  levels: StatusLevel[];
  edit: LagesbildEditing | null;
  onSaved(): void;
};

function AreaStatusRow({ district, status, levels, edit, onSaved }: RowProps) {
  const { t, locale, formatNumber } = useI18n();
  const trpc = useTRPC();
  const refresh = useRefreshLagesbild();
  const save = useMutation(
    trpc.lagesbild.setAreaStatus.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onSaved();
      },
    }),
  );
  const [level, setLevel] = useState(status?.level ?? "");
  const [justification, setJustification] = useState(status?.justification ?? "");
  // A refetch (someone else's change, a reopened version) replaces what is shown.
  useEffect(() => setLevel(status?.level ?? ""), [status?.level]);
  useEffect(() => setJustification(status?.justification ?? ""), [status?.justification]);
  const current = levels.find((candidate) => candidate.key === level);
  const store = (nextLevel: string, nextJustification: string) => {
    if (!edit) return;
    save.mutate({
      id: edit.lagesbildId,
      areaId: district.areaId,
      level: nextLevel || null,
      justification: nextJustification,
    });
  };
  return (
    <tr data-area-id={district.areaId} data-level={status?.level ?? ""}>
      <th scope="row">{district.name}</th>
      <td>
        {edit ? (
          <label>
            <span className="visually-hidden">{t("lagesbild.statusFor", { name: district.name })}</span>
            <select
              className="level-select"
              style={levelStyle(current)}
              value={level}
              onChange={(event) => {
                setLevel(event.target.value);
                store(event.target.value, justification);
              }}
            >
              <option value="">{t("lagesbild.noStatus")}</option>
              {levels.map((option) => (
                <option key={option.key} value={option.key}>
                  {levelLabel(option, locale)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <LevelBadge level={current} />
        )}
      </td>
      <td className="numeric">{formatNumber(district.count)}</td>
      <td className="numeric">
        <Change count={district.count} previous={district.previousCount} percent={district.changePercent} />
      </td>
      <td className="numeric">{formatNumber(district.findings)}</td>
      <td className="numeric">{formatNumber(district.openFindings)}</td>
      <td className="numeric">{formatNumber(district.reports)}</td>
      <td>
        {edit ? (
          <label>
            <span className="visually-hidden">
              {t("lagesbild.justificationFor", { name: district.name })}
            </span>
            <input
              className="justification-input"
              value={justification}
              disabled={level === ""}
              title={level === "" ? t("lagesbild.justificationNeedsLevel") : undefined}
              maxLength={4000}
              onChange={(event) => setJustification(event.target.value)}
              onBlur={() => {
                if (level && justification.trim() !== (status?.justification ?? ""))
                  store(level, justification);
              }}
            />
          </label>
        ) : (
          status?.justification
        )}
        {save.error ? <ErrorMessage error={save.error} isDetailed /> : null}
      </td>
    </tr>
  );
}
