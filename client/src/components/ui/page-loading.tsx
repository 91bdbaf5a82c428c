import { useI18n } from "../../i18n/i18n.tsx";

/** What shows while a page's code or data arrives. */
export function PageLoading() {
  const { t } = useI18n();
  return <p className="muted page">{t("panel.loading")}</p>;
}
