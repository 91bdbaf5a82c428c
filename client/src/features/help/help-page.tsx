import { useEffect } from "react";
import { useLocation } from "react-router";
import { LanguageSelect } from "../../components/ui/language-select.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { GLOSSARY } from "./glossary.ts";

/** The glossary on a page of its own (/hjalp#okar-nu): no sign-in, so a citizen can read it too. */
export function HelpPage() {
  const { t } = useI18n();
  const { hash } = useLocation();
  useEffect(() => {
    const target = hash ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    target?.scrollIntoView();
    target?.focus();
  }, [hash]);
  return (
    <main id="main" className="page help-page">
      <div className="help-page-tools">
        <LanguageSelect />
      </div>
      <h1>{t("help.title")}</h1>
      <p className="muted">{t("help.intro")}</p>
      <dl className="glossary">
        {GLOSSARY.map((entry) => (
          <div key={entry.id} className="glossary-entry">
            <dt id={entry.id} tabIndex={-1}>
              {t(entry.term)}
            </dt>
            <dd>{t(entry.text)}</dd>
          </div>
        ))}
      </dl>
    </main>
  );
}
