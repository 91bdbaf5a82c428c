import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { formatIsoWeek, isoWeekOf } from "../../../../shared/calendar.ts";
import type { FindingCategory } from "../../../../shared/field.ts";
import { RISE_LABELS } from "../../../../shared/rising.ts";
import type { Notification } from "../../../../shared/schemas/notifications.ts";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { Panel } from "../../components/ui/panel.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/messages.ts";
import { useTRPC } from "../../trpc.ts";
import { periodLabel } from "../overview/period-label.ts";
import { useWorkspace } from "../workspace/workspace-context.tsx";

type I18n = ReturnType<typeof useI18n>;

/** A category's words where the catalogue has them, else its code (a category the catalogue does not know yet). */
function categoryText(i18n: I18n, key: string, fallback: string) {
  const text = i18n.t(key as MessageKey);
  return text && text !== key ? text : fallback;
}

function describe(item: Notification, i18n: I18n): string {
  const { t, locale } = i18n;
  if (item.kind === "review")
    return t("notifications.review", {
      kind: t(`notifications.review.${item.reportKind}`),
      category: categoryText(i18n, `reportCategory.${item.category}`, item.category),
      area: item.areaName ?? "–",
    });
  if (item.kind === "overdue")
    return t("notifications.overdue", {
      due: i18n.formatDate(item.dueOn),
      category: t(`findingCategory.${item.category as FindingCategory}`),
      area: item.areaName ?? "–",
    });
  return t("notifications.rising", {
    level: RISE_LABELS[locale][item.level],
    category: locale === "sv" ? item.categoryNameSv : item.categoryNameEn,
    area: item.areaName,
    period: periodLabel(item.period, i18n),
  });
}

function linkOf(item: Notification, slug: string): string {
  if (item.kind === "review") return `/w/${slug}/granskning`;
  if (item.kind === "overdue")
    return item.walkId ? `/w/${slug}/vandringar/${item.walkId}` : `/w/${slug}/fynd?status=ny,tilldelad,pagar`;
  const params = new URLSearchParams({
    period: item.period.kind,
    from: formatIsoWeek(isoWeekOf(item.period.start)),
    categories: item.categoryCode,
  });
  if (item.areaCode) params.set("areas", item.areaCode);
  return `/w/${slug}/utveckling?${params.toString()}`;
}

/** The member's notifications, newest first; opening or marking one reads it. */
export function NotificationsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const workspace = useWorkspace();
  const list = useQuery(trpc.notifications.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() });
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refresh }));
  const markAll = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refresh }));
  const data = list.data;
  return (
    <>
      <h1>{t("notifications.title")}</h1>
      <p className="muted">{t("notifications.intro")}</p>
      <Panel
        title={t("notifications.listTitle")}
        titleId="notifications-title"
        isLoading={list.isPending}
        error={list.error}
        actions={
          data && data.unread > 0 ? (
            <button type="button" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
              {t("notifications.markAll")}
            </button>
          ) : null
        }
      >
        {data ? (
          <p className="muted" role="status">
            {t("notifications.unreadCount", { count: data.unread, total: data.total })}
          </p>
        ) : null}
        {(markRead.error ?? markAll.error) ? <ErrorMessage error={markRead.error ?? markAll.error} /> : null}
        {data && data.items.length === 0 ? <p className="muted">{t("notifications.none")}</p> : null}
        <ul className="notification-list" data-testid="notifications">
          {(data?.items ?? []).map((item) => (
            <li key={item.key} className={item.isRead ? "is-read" : "is-unread"}>
              {item.isRead ? null : <span className="visually-hidden">{t("notifications.unread")}: </span>}
              <Link
                to={linkOf(item, workspace.slug)}
                onClick={() => (item.isRead ? undefined : markRead.mutate({ keys: [item.key] }))}
              >
                {describe(item, i18n)}
              </Link>
              <span className="muted small"> {i18n.formatDate(item.at.slice(0, 10))}</span>
              {item.isRead ? null : (
                <button
                  type="button"
                  className="link-button small"
                  onClick={() => markRead.mutate({ keys: [item.key] })}
                  disabled={markRead.isPending}
                >
                  {t("notifications.markRead")}
                  <span className="visually-hidden">: {describe(item, i18n)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      </Panel>
    </>
  );
}
