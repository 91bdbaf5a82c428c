import { useQuery } from "@tanstack/react-query";
import { NavLink } from "react-router";
import { useI18n } from "../../i18n/i18n.tsx";
import { useTRPC } from "../../trpc.ts";

/** Granskning in the navigation, with how many reports wait ("3 rapporter väntar" to screen readers). */
export function ReviewNavLink({ slug }: { slug: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  // Refreshed now and then, so a badge left open on a meeting screen does not go stale.
  const pending = useQuery({ ...trpc.reports.pendingCount.queryOptions(), refetchInterval: 60_000 });
  const count = pending.data?.count ?? 0;
  return (
    <NavLink to={`/w/${slug}/granskning`}>
      {t("nav.review")}
      {count > 0 ? (
        <>
          {" "}
          <span className="nav-count" aria-hidden="true" data-testid="review-count">
            {count}
          </span>
          <span className="visually-hidden">
            {" "}
            ({t(count === 1 ? "review.waitingOne" : "review.waitingMany", { count })})
          </span>
        </>
      ) : null}
    </NavLink>
  );
}
