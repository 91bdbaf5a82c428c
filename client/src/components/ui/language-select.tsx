import { type Locale, useI18n } from "../../i18n/i18n.tsx";

/** Swedish first, English second; the choice is remembered in this browser. */
export function LanguageSelect({
  className,
  isLabelVisible,
}: {
  className?: string;
  isLabelVisible?: boolean;
}) {
  const { t, locale, setLocale } = useI18n();
  return (
    <label className={className}>
      <span className={isLabelVisible ? "field-label" : "visually-hidden"}>{t("header.language")}</span>
      <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        <option value="sv">Svenska</option>
        <option value="en">English</option>
      </select>
    </label>
  );
}
