import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../../../server/router.ts";
import type { MessageKey } from "../../i18n/messages.ts";

export type AuditEntry = inferRouterOutputs<AppRouter>["audit"]["list"]["entries"][number];
type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** An entry's details in words (the server stores ids and codes; names are read when listed). */
export function describeDetails(
  entry: AuditEntry,
  t: Translate,
  formatNumber: (n: number) => string,
): string {
  const d = entry.details;
  const role = (value: string) => t(`role.${value}` as MessageKey);
  const organization = (name: string | null) => name ?? t("audit.detail.noOrganization");
  const parts: string[] = [];
  if (d.reason) parts.push(t(`audit.detail.${d.reason}`));
  if (d.role)
    parts.push(
      d.previousRole
        ? t("audit.detail.role", { previous: role(d.previousRole), role: role(d.role) })
        : t("audit.detail.newRole", { role: role(d.role) }),
    );
  if (d.organizationId !== undefined) {
    const next = organization(d.organizationName);
    parts.push(
      d.previousOrganizationId !== undefined
        ? t("audit.detail.organization", {
            previous: organization(d.previousOrganizationName),
            organization: next,
          })
        : t("audit.detail.newOrganization", { organization: next }),
    );
  }
  if (d.notesRetentionDays !== undefined && d.surveyMinRespondents !== undefined)
    parts.push(
      t("audit.detail.settings", { notes: d.notesRetentionDays, respondents: d.surveyMinRespondents }),
    );
  if (d.kind) parts.push(t("audit.detail.kind", { kind: d.kind }));
  if (d.format) parts.push(t("audit.detail.format", { format: d.format.toUpperCase() }));
  if (d.count !== undefined) parts.push(t("audit.detail.count", { count: formatNumber(d.count) }));
  if (d.version !== undefined) parts.push(t("audit.detail.version", { version: d.version }));
  if (d.days !== undefined) parts.push(t("audit.detail.days", { days: formatNumber(d.days) }));
  if (d.year !== undefined) parts.push(t("audit.detail.year", { year: d.year }));
  if (d.via) parts.push(t(`audit.detail.${d.via}`));
  return parts.join(" · ");
}

/** What an entry concerns: a person's or organisation's name where the log knows it, else the kind and a short id. */
export function describeTarget(entry: AuditEntry, t: Translate): string {
  const target = entry.target;
  if (!target) return "";
  const kind = t(`audit.targetType.${target.type}` as MessageKey);
  if (target.name) return `${kind}: ${target.name}`;
  return target.id ? `${kind} ${target.id.slice(0, 8)}` : kind;
}
