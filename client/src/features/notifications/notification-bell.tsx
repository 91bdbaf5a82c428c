import { useQuery } from "@tanstack/react-query";
import { NavLink } from "react-router";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

/** How often the bell asks again: the notifications are derived on the server when read. */
const REFRESH_MS = 60_000;

/** The navigation's bell: a link to the list, named with the unread count. */
export function NotificationBell({ slug }: { slug: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const list = useQuery(trpc.notifications.list.queryOptions(undefined, { refetchInterval: REFRESH_MS }));
  const unread = list.data?.unread ?? 0;
  const label =
    unread === 0
      ? t("notifications.bellNone")
      : unread === 1
        ? t("notifications.bellOne")
        : t("notifications.bell", { count: unread });
  return (
    <NavLink className="notification-bell" to={`/w/${slug}/aviseringar`} aria-label={label} title={label}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="notification-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </NavLink>
  );
}
