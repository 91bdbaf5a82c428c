import { type MouseEvent, type ReactNode, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { attachmentName, saveBlob } from "./save-file.ts";

type State = { status: "idle" | "pending" } | { status: "failed"; message: string };

/**
 * A link to a file the server makes on request (a PDF). It is fetched first, so a refusal shows
 * the server's own message here instead of an error page; without scripts it is a plain link.
 */
export function DownloadLink({
  href,
  fileName,
  children,
}: {
  href: string;
  fileName: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: "idle" });
  const download = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (state.status === "pending") return;
    setState({ status: "pending" });
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) {
        const message = (await response.text()).trim();
        setState({ status: "failed", message: message || t("download.failed") });
        return;
      }
      saveBlob(
        await response.blob(),
        attachmentName(response.headers.get("Content-Disposition")) ?? fileName,
      );
      setState({ status: "idle" });
    } catch {
      setState({ status: "failed", message: t("download.failed") });
    }
  };
  return (
    <span className="download-link">
      <a href={href} download={fileName} onClick={download} aria-disabled={state.status === "pending"}>
        {children}
      </a>
      <span role="status" className="muted small">
        {state.status === "pending" ? t("download.pending") : ""}
      </span>
      {state.status === "failed" ? (
        <span role="alert" className="error small">
          {state.message}
        </span>
      ) : null}
    </span>
  );
}
