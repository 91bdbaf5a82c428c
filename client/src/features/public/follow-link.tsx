import { useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";

/** Copies with the Clipboard API, or where it is missing or refused, through a selected text field. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.append(field);
    field.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      field.remove();
    }
  }
}

/** The reporter's follow-up link: wraps on a phone, with a copy button whose result is announced. */
export function FollowLink({ link }: { link: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  return (
    <>
      <p className="status-link">
        <a href={link} data-testid="follow-link">
          {link}
        </a>
      </p>
      <div className="status-link-tools">
        <button type="button" onClick={async () => setCopied((await copyText(link)) ? "copied" : "failed")}>
          {t("citizen.copyLink")}
        </button>
        <span
          role="status"
          aria-live="polite"
          data-testid="copy-status"
          className={copied === "failed" ? "error" : ""}
        >
          {copied === "copied" ? t("citizen.copied") : copied === "failed" ? t("citizen.copyFailed") : ""}
        </span>
      </div>
    </>
  );
}
