import { type KeyboardEvent, useId, useRef } from "react";
import { Link } from "react-router";
import { useI18n } from "../../i18n/i18n.tsx";
import { type GlossaryId, glossaryEntry } from "./glossary.ts";

/**
 * A small "?" beside a figure or a flag: a button named "Vad betyder …?" that opens the glossary's
 * entry in a native modal <dialog> (the page behind is inert, Escape closes, focus returns); Tab
 * wraps inside it rather than leaving for the browser's own controls.
 */
export function HelpButton({ entry }: { entry: GlossaryId }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { term, text, id } = glossaryEntry(entry);
  const keepFocusInside = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab") return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>("a[href], button")];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    } else if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    }
  };
  const name = t(term);
  return (
    <>
      <button
        type="button"
        className="help-button"
        aria-label={t("help.open", { term: name.toLowerCase() })}
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
      >
        ?
      </button>
      <dialog ref={dialog} className="help-dialog" aria-labelledby={titleId} onKeyDown={keepFocusInside}>
        <h2 id={titleId}>{name}</h2>
        <p>{t(text)}</p>
        <p className="help-dialog-actions">
          <Link to={`/hjalp#${id}`}>{t("help.more")}</Link>
          <button type="button" onClick={() => dialog.current?.close()}>
            {t("help.close")}
          </button>
        </p>
      </dialog>
    </>
  );
}
