import { Link } from "react-router";
import { DownloadLink } from "../../components/ui/download-link.tsx";
import { useI18n } from "../../i18n/i18n.tsx";

/** The document taken into the meeting: projected one item at a time, printed, or as a PDF made by the server. */
export function LagesbildActions({
  slug,
  lagesbildId,
  periodStart,
}: {
  slug: string;
  lagesbildId: string;
  periodStart: string;
}) {
  const { t } = useI18n();
  const path = `/w/${slug}/lagesbild/${lagesbildId}`;
  return (
    <nav className="lagesbild-actions no-print" aria-label={t("lagesbild.actions")}>
      <Link to={`${path}/mote`}>{t("lagesbild.meetingMode")}</Link>
      <Link to={`${path}/utskrift`}>{t("lagesbild.print")}</Link>
      <DownloadLink href={`/api${path}.pdf`} fileName={`lagesbild-${slug}-${periodStart}.pdf`}>
        {t("lagesbild.downloadPdf")}
      </DownloadLink>
    </nav>
  );
}
