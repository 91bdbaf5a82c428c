import { ScrollRegion } from "../../../components/ui/scroll-region.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../../trpc.ts";

export type ActionPlanRow = RouterOutputs["lagesbild"]["actionPlan"][number];

const DATE = { day: "numeric", month: "short", year: "numeric" } as const;

/** Avslutad, Försenad or Pågår, as a badge that says it in words. */
export function ActionStatus({ row }: { row: ActionPlanRow }) {
  const { t } = useI18n();
  if (row.status === "closed")
    return <span className="badge badge-closed">{t("actionPlan.status.closed")}</span>;
  if (row.isOverdue) return <span className="badge badge-overdue">{t("actionPlan.status.overdue")}</span>;
  return <span className="badge badge-ongoing">{t("actionPlan.status.ongoing")}</span>;
}

/** The åtgärdsplan's rows grouped by the problem they meet: measures, owners, dates, status, follow-up. */
export function ActionPlanTable({
  rows,
  caption,
  testId,
}: {
  rows: ActionPlanRow[];
  caption: string;
  testId: string;
}) {
  const { t, formatDate } = useI18n();
  const groups = new Map<string, ActionPlanRow[]>();
  for (const row of rows) groups.set(row.problem, [...(groups.get(row.problem) ?? []), row]);
  const columns = [
    "actionPlan.where",
    "actionPlan.owner",
    "actionPlan.start",
    "actionPlan.end",
    "actionPlan.how",
    "actionPlan.status",
    "actionPlan.followUp",
  ] as const;
  return (
    <ScrollRegion label={caption}>
      <table className="data-table action-plan-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("actionPlan.measure")}</th>
            {columns.map((key) => (
              <th scope="col" key={key}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        {[...groups].map(([problem, measures]) => (
          <tbody key={problem} data-testid="action-plan-problem">
            <tr className="action-plan-problem">
              <th scope="rowgroup" colSpan={columns.length + 1}>
                {t("actionPlan.problem", { problem })}
              </th>
            </tr>
            {measures.map((row) => (
              <tr key={row.id} data-testid="action-plan-row" data-status={row.status}>
                <th scope="row">{row.title}</th>
                <td>{row.areas.join(", ") || t("lagesbild.wholeWorkspace")}</td>
                <td>
                  {[row.organization, row.contactName].filter(Boolean).join(", ") ||
                    t("lagesbild.insats.nobody")}
                </td>
                <td className="nowrap">{formatDate(row.startOn, DATE)}</td>
                <td className="nowrap">{row.endOn ? formatDate(row.endOn, DATE) : t("actionPlan.noEnd")}</td>
                <td>{[row.recurrence, row.resources].filter(Boolean).join("; ")}</td>
                <td>
                  <ActionStatus row={row} />
                </td>
                <td>
                  {row.followUps.length === 0 ? (
                    <span className="muted">{t("actionPlan.noFollowUp")}</span>
                  ) : (
                    <ul className="follow-ups">
                      {row.followUps.map((followUp) => (
                        <li
                          key={`${followUp.doneOn}-${followUp.whatDone}`}
                          data-testid="action-plan-follow-up"
                        >
                          <strong>{formatDate(followUp.doneOn, DATE)}</strong>: {followUp.whatDone}
                          {followUp.effect
                            ? ` (${t("actionPlan.followUpEffect", { effect: followUp.effect })})`
                            : ""}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </ScrollRegion>
  );
}
