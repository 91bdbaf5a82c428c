import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Suspense, useRef } from "react";
import { Navigate, NavLink, Outlet, useNavigate, useParams } from "react-router";
import { ErrorMessage } from "../../components/ui/error-message.tsx";
import { LanguageSelect } from "../../components/ui/language-select.tsx";
import { PageLoading } from "../../components/ui/page-loading.tsx";
import { useI18n } from "../../i18n/i18n.tsx";
import { setCurrentWorkspace, useTRPC } from "../../trpc.ts";
import { NotificationBell } from "../notifications/notification-bell.tsx";
import { ReviewNavLink } from "../review/review-nav-link.tsx";
import { useFilterSearch } from "./use-filter-search.ts";
import { WorkspaceContext } from "./workspace-context.tsx";

/**
 * Loads the workspace for every page under /w/:slug. `isBare` leaves out the app's header and
 * navigation (the print page, the projected meeting): those pages bring their own <main>.
 */
export function WorkspaceLayout({ isBare = false }: { isBare?: boolean }) {
  const { slug = "" } = useParams();
  const queryClient = useQueryClient();
  const previousSlug = useRef<string | null>(null);
  // Every request carries the workspace; cached answers from another workspace are dropped.
  if (previousSlug.current !== slug) {
    if (previousSlug.current !== null) queryClient.clear();
    setCurrentWorkspace(slug);
    previousSlug.current = slug;
  }
  const trpc = useTRPC();
  const { t } = useI18n();
  const navigate = useNavigate();
  const filterSearch = useFilterSearch(slug);
  const current = useQuery(trpc.workspace.current.queryOptions());
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        queryClient.clear();
        void navigate("/login");
      },
    }),
  );
  if (current.error) {
    const status = (current.error as { data?: { httpStatus?: number } }).data?.httpStatus;
    if (status === 401) return <Navigate to="/login" replace />;
    return (
      <main id="main" className="page">
        <ErrorMessage error={current.error} />
      </main>
    );
  }
  if (!current.data) return <p className="muted page">{t("panel.loading")}</p>;
  const workspace = current.data;
  if (isBare)
    return (
      <WorkspaceContext.Provider value={workspace}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </WorkspaceContext.Provider>
    );
  return (
    <WorkspaceContext.Provider value={workspace}>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="app-name">{t("appName")}</span>
          <span className="workspace-name" title={t("header.workspace")}>
            {workspace.name}
          </span>
        </div>
        <nav aria-label={t("nav.main")}>
          <NavLink to={`/w/${slug}${filterSearch}`} end>
            {t("nav.overview")}
          </NavLink>
          <NavLink to={`/w/${slug}/lagesbild`}>{t("nav.lagesbild")}</NavLink>
          <NavLink to={`/w/${slug}/utveckling${filterSearch}`}>{t("nav.compstat")}</NavLink>
          <NavLink to={`/w/${slug}/vandringar`}>{t("nav.walks")}</NavLink>
          <NavLink to={`/w/${slug}/fynd${filterSearch}`}>{t("nav.findings")}</NavLink>
          <NavLink to={`/w/${slug}/dialoger`}>{t("nav.dialogues")}</NavLink>
          <NavLink to={`/w/${slug}/trygghet`}>{t("nav.surveys")}</NavLink>
          <NavLink to={`/w/${slug}/medborgarloften`}>{t("nav.medborgarlofte")}</NavLink>
          {workspace.permissions.canSeeDetail ? (
            <NavLink to={`/w/${slug}/import`}>{t("nav.import")}</NavLink>
          ) : null}
          {workspace.permissions.canSeeDetail ? (
            <NavLink to={`/w/${slug}/kategorier`}>{t("nav.categories")}</NavLink>
          ) : null}
          {workspace.permissions.canSeeDetail ? <ReviewNavLink slug={slug} /> : null}
          {workspace.permissions.canWrite ? (
            <NavLink to={`/w/${slug}/rapportera`}>{t("nav.report")}</NavLink>
          ) : null}
          {workspace.permissions.canWrite ? (
            <NavLink to={`/w/${slug}/mina-rapporter`}>{t("nav.myReports")}</NavLink>
          ) : null}
          {workspace.permissions.canAdminister ? (
            <NavLink to={`/w/${slug}/medlemmar`}>{t("nav.members")}</NavLink>
          ) : null}
          {workspace.permissions.canAdminister ? (
            <NavLink to={`/w/${slug}/installningar`}>{t("nav.settings")}</NavLink>
          ) : null}
          {workspace.permissions.canAdministerSystem ? (
            <NavLink to="/system">{t("nav.system")}</NavLink>
          ) : null}
        </nav>
        <div className="header-tools">
          <NotificationBell slug={slug} />
          <span className="role-badge" data-testid="role">
            {t("header.role")}: {t(`role.${workspace.role}`)}
          </span>
          <NavLink className="account-link" to={`/w/${slug}/konto`}>
            {t("nav.account")}
          </NavLink>
          <LanguageSelect />
          <button type="button" onClick={() => logout.mutate()}>
            {t("header.logout")}
          </button>
        </div>
      </header>
      <main id="main" className="page">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </WorkspaceContext.Provider>
  );
}
