import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import { districtsWithFindings } from "../../../../../shared/lagesbild-meeting.ts";
import { ScrollRegion } from "../../../components/ui/scroll-region.tsx";
import { useI18n } from "../../../i18n/i18n.tsx";

/** Nya fynd: walk findings recorded in the period and those still open at its end, per district. */
export function MeetingFindings({ content }: { content: LagesbildContent }) {
  const { t, formatNumber } = useI18n();
  const { total } = content.figures;
  const districts = districtsWithFindings(content);
  return (
    <div>
      <p data-testid="meeting-findings-summary">
        {t("meeting.findingsSummary", {
          findings: formatNumber(total.findings),
          open: formatNumber(total.openFindings),
        })}
      </p>
      {districts.length === 0 ? null : (
        <ScrollRegion label={t("meeting.findingsTable")}>
          <table className="data-table" data-testid="meeting-findings">
            <thead>
              <tr>
                <th scope="col">{t("col.district")}</th>
                <th scope="col" className="numeric">
                  {t("meeting.findingsInPeriod")}
                </th>
                <th scope="col" className="numeric">
                  {t("meeting.openAtEnd")}
                </th>
              </tr>
            </thead>
            <tbody>
              {districts.map((district) => (
                <tr key={district.areaId}>
                  <th scope="row">{district.name}</th>
                  <td className="numeric">{formatNumber(district.findings)}</td>
                  <td className="numeric">{formatNumber(district.openFindings)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
