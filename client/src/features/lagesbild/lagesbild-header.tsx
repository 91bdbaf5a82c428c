import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.tsx";
import type { RouterOutputs } from "../../trpc.ts";
import { lagesbildPeriodLabel } from "./lagesbild-period.ts";

type Lagesbild = RouterOutputs["lagesbild"]["get"];

/** "Utkast", "Publicerad v. 2", or "Utkast (v. 2 publicerad)" for a reopened one. */
export function useStatusText() {
  const { t } = useI18n();
  return (lagesbild: { status: string; version: number }) =>
    lagesbild.status === "published"
      ? t("lagesbild.statusPublished", { version: lagesbild.version })
      : lagesbild.version > 0
        ? t("lagesbild.statusReopened", { version: lagesbild.version })
        : t("lagesbild.statusDraft");
}

/**
 * The document's title (period in ISO weeks and dates), workspace, scope, status and, given the
 * list's path, links to the neighbouring periods.
 */
export function LagesbildHeader({ lagesbild, basePath }: { lagesbild: Lagesbild; basePath?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const statusText = useStatusText();
  const { content } = lagesbild;
  return (
    <header className="lagesbild-header">
      <h1>{t("lagesbild.documentTitle", { period: lagesbildPeriodLabel(lagesbild.period, i18n) })}</h1>
      <p className="lagesbild-meta">
        <span>{content.workspaceName}</span>
        <span>
          {content.scope.areaNames.length > 0
            ? content.scope.areaNames.join(", ")
            : t("lagesbild.wholeWorkspace")}
        </span>
        <span className={`status-pill status-${lagesbild.status}`} data-testid="lagesbild-status">
          {statusText(lagesbild)}
        </span>
        {lagesbild.publishedAt ? (
          <span className="muted">
            {t("lagesbild.publishedAt", {
              date: i18n.formatDate(lagesbild.publishedAt.slice(0, 10), {
                day: "numeric",
                month: "short",
                year: "numeric",
              }),
            })}
          </span>
        ) : null}
      </p>
      {basePath ? (
        <nav className="lagesbild-nav no-print" aria-label={t("lagesbild.navigation")}>
          <Link to={basePath}>{t("lagesbild.allLagesbilder")}</Link>
          {lagesbild.previousId ? (
            <Link to={`${basePath}/${lagesbild.previousId}`}>← {t("lagesbild.previous")}</Link>
          ) : null}
          {lagesbild.nextId ? (
            <Link to={`${basePath}/${lagesbild.nextId}`}>{t("lagesbild.next")} →</Link>
          ) : null}
        </nav>
      ) : null}
    </header>
  );
}
