import { useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * A one-time link shown once, for the admin to copy and send (the app sends no email). Its token
 * is in the fragment, so the link reaches no server log when it is opened.
 */
export function OneTimeLink({ url, message }: { url: string; message: string }) {
  const { t } = useI18n();
  const [isCopied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div role="status" className="token-once one-time-link">
      <p>{message}</p>
      <label>
        <span className="field-label">{t("link.label")}</span>
        <input readOnly value={url} onFocus={(event) => event.target.select()} data-testid="one-time-link" />
      </label>
      <button type="button" onClick={copy}>
        {t("link.copy")}
      </button>
      {isCopied ? <span className="success small"> {t("link.copied")}</span> : null}
      <p className="muted small">{t("link.noMail")}</p>
    </div>
  );
}
