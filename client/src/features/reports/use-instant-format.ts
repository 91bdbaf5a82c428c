import { useContext, useMemo } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { WorkspaceContext } from "../workspace/workspace-context.tsx";

/** An instant (ISO string) as the workspace's local date and time: "1 dec. 2026 14:05". */
export function useInstantFormat(): (instant: string) => string {
  const { locale } = useI18n();
  const timeZone = useContext(WorkspaceContext)?.timezone ?? "Europe/Stockholm";
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone,
    });
    return (instant: string) => format.format(new Date(instant));
  }, [locale, timeZone]);
}
