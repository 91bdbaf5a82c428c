import { useMutation } from "@tanstack/react-query";
import { createColumnHelper, useTable } from "@tanstack/react-table";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { toLocalDate } from "../../../../shared/calendar.ts";
import {
  FINDING_TRANSITIONS,
  type FindingCategory,
  type FindingStatus,
  OPEN_FINDING_STATUSES,
} from "../../../../shared/field.ts";
import {
  DataTable,
  sortingFeatures as features,
  sortOptions,
  type TableSort,
} from "../../components/ui/data-table.tsx";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../trpc.ts";
import { useTRPC } from "../../trpc.ts";

export type Finding = RouterOutputs["walks"]["findings"][number];

const helper = createColumnHelper<typeof features, Finding>();

/** Moves a finding on: the next statuses it may take, and a reason (required to reject). */
function StatusControl({ finding }: { finding: Finding }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const change = useMutation(trpc.walks.changeStatus.mutationOptions());
  const next = FINDING_TRANSITIONS[finding.status as FindingStatus];
  const [status, setStatus] = useState<FindingStatus | "">("");
  const [reason, setReason] = useState("");
  const [owner, setOwner] = useState("");
  // The server says per finding whether this user's organisation may change it (decisions/011).
  if (!finding.canChange || next.length === 0) return null;
  const name = finding.description || t(`findingCategory.${finding.category as FindingCategory}`);
  return (
    <form
      className="status-control"
      aria-label={t("findings.changeFor", { description: name })}
      onSubmit={(event) => {
        event.preventDefault();
        if (!status) return;
        change.mutate({
          findingId: finding.id,
          status,
          reason: reason || null,
          ...(status === "tilldelad" && owner ? { ownerName: owner } : {}),
        });
      }}
    >
      <label>
        <span className="field-label">{t("findings.nextStatus")}</span>
        <select value={status} onChange={(event) => setStatus(event.target.value as FindingStatus)}>
          <option value="">{t("report.choose")}</option>
          {next.map((option) => (
            <option key={option} value={option}>
              {t(`findingStatus.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {status === "tilldelad" && !finding.owner ? (
        <label>
          <span className="field-label">{t("findings.ownerName")}</span>
          <input value={owner} onChange={(event) => setOwner(event.target.value)} />
        </label>
      ) : null}
      <label>
        <span className="field-label">{t("findings.reason")}</span>
        <input value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <button type="submit" disabled={!status || change.isPending}>
        {t("findings.apply")}
      </button>
      {change.error ? <ErrorMessage error={change.error} /> : null}
    </form>
  );
}

/** Findings, sortable, with their status and what comes next; across walks also when and on which walk. */
export function FindingsTable({
  findings,
  showWalk = false,
  sort,
}: {
  findings: Finding[];
  showWalk?: boolean;
  sort?: TableSort;
}) {
  const { t, formatDate } = useI18n();
  const { slug } = useParams();
  const today = toLocalDate(new Date());
  const context = showWalk
    ? [
        helper.accessor("createdOn", {
          header: t("findings.recorded"),
          sortFn: "alphanumeric",
          cell: (info) => formatDate(info.getValue(), { day: "numeric", month: "short", year: "numeric" }),
        }),
        helper.accessor("walkId", {
          header: t("findings.walk"),
          sortFn: "alphanumeric",
          cell: (info) => {
            const walkId = info.getValue();
            return walkId ? (
              <Link to={`/w/${slug}/vandringar/${walkId}`}>{t("findings.openWalk")}</Link>
            ) : (
              "–"
            );
          },
        }),
      ]
    : [];
  const columns = helper.columns([
    ...context,
    helper.accessor("category", {
      header: t("findings.category"),
      sortFn: "alphanumeric",
      cell: (info) => t(`findingCategory.${info.getValue() as FindingCategory}`),
    }),
    helper.accessor("description", {
      header: t("findings.description"),
      sortFn: "alphanumeric",
      cell: (info) =>
        info.row.original.isRestricted ? (
          <span className="muted">{t("findings.restricted")}</span>
        ) : (
          info.getValue()
        ),
    }),
    helper.accessor("areaName", {
      header: t("walks.area"),
      sortFn: "alphanumeric",
      cell: (info) => info.getValue() ?? "–",
    }),
    helper.accessor("severity", {
      header: t("findings.severity"),
      sortFn: "basic",
      cell: (info) => t(`findings.severity.${info.getValue() as 1 | 2 | 3}`),
    }),
    helper.accessor("owner", {
      header: t("findings.owner"),
      sortFn: "alphanumeric",
      cell: (info) => info.getValue() ?? "–",
    }),
    helper.accessor("dueOn", {
      header: t("findings.dueOn"),
      sortFn: "alphanumeric",
      cell: (info) => {
        const due = info.getValue();
        if (!due) return "–";
        const isOverdue =
          due < today && (OPEN_FINDING_STATUSES as readonly string[]).includes(info.row.original.status);
        return (
          <>
            {formatDate(due, { day: "numeric", month: "short" })}
            {isOverdue ? <span className="overdue"> {t("findings.overdue")}</span> : null}
          </>
        );
      },
    }),
    helper.accessor("status", {
      header: t("findings.status"),
      sortFn: "alphanumeric",
      cell: (info) => (
        <span className={`status status-${info.getValue()}`}>
          {t(`findingStatus.${info.getValue() as FindingStatus}`)}
        </span>
      ),
    }),
    helper.display({
      id: "actions",
      header: t("findings.actions"),
      cell: (info) => <StatusControl finding={info.row.original} />,
    }),
  ]);
  const table = useTable({
    features,
    columns,
    data: findings,
    initialState: { sorting: [] },
    ...sortOptions(sort),
  });
  return (
    <DataTable
      table={table}
      testId="findings-table"
      scrollLabel={t("findings.title", { count: findings.length })}
      rowAttributes={(row) => ({
        "data-status": row.original.status,
        "data-description": row.original.description,
        "data-restricted": row.original.isRestricted,
      })}
    />
  );
}
