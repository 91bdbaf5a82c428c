import { ScrollRegion } from "../../components/ui/scroll-region.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { type AuditEntry, describeDetails, describeTarget } from "./audit-details.ts";

/** One page of the log: when, who (with role and organisation then), what, on what, details. */
export function AuditTable({ entries, timeZone }: { entries: AuditEntry[]; timeZone: string }) {
  const { t, locale, formatNumber } = useI18n();
  const when = new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "short",
    timeStyle: "medium",
    timeZone,
  });
  return (
    <ScrollRegion label={t("audit.entries")}>
      <table className="data-table" data-testid="audit-table">
        <thead>
          <tr>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.action")}</th>
            <th scope="col">{t("audit.target")}</th>
            <th scope="col">{t("audit.details")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-action={entry.action}>
              <td>
                <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
              </td>
              <td>
                {entry.actor ? (entry.actor.name ?? t("audit.unknownUser")) : t("audit.nobody")}
                {entry.actor?.role || entry.actor?.organization ? (
                  <span className="muted small">
                    {" "}
                    (
                    {[entry.actor.role ? t(`role.${entry.actor.role}`) : null, entry.actor.organization]
                      .filter(Boolean)
                      .join(", ")}
                    )
                  </span>
                ) : null}
              </td>
              <td>{t(`audit.action.${entry.action}` as MessageKey)}</td>
              <td>{describeTarget(entry, t)}</td>
              <td>{describeDetails(entry, t, formatNumber)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
