import type { ProgressStatus } from "../../../../shared/medborgarlofte.ts";
import { useI18n } from "../../i18n/i18n.tsx";

const BADGE: Record<ProgressStatus, string> = {
  not_started: "badge-carried",
  on_track: "badge-carried",
  behind: "badge-overdue",
  reached: "badge-closed",
  missed: "badge-overdue",
  unmeasured: "badge-needs-follow-up",
};

/** The activity's status as a named badge: behind and missed are never told by colour alone. */
export function ProgressStatusBadge({ status }: { status: ProgressStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge ${BADGE[status]}`} data-testid="progress-status">
      {t(`lofte.status.${status}`)}
    </span>
  );
}
