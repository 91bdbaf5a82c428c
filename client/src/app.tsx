import { useQuery } from "@tanstack/react-query";
import { type ComponentType, lazy, Suspense } from "react";
import { Navigate, Route, Routes } from "react-router";
import { PageLoading } from "./components/ui/page-loading.tsx";
import { LoginPage } from "./features/auth/login-page.tsx";
import { WorkspaceLayout } from "./features/workspace/workspace-layout.tsx";
import { useI18n } from "./i18n/i18n.tsx";
import { useTRPC } from "./trpc.ts";

/**
 * A page loaded when it is first opened, so the first route's JavaScript holds only the app's
 * frame, the login and the overview. The workspace layout waits for it inside <main> (the header
 * stays); other routes wait in the <Suspense> around the routes.
 */
function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const CompstatPage = lazyPage(() => import("./features/analysis/compstat-page.tsx"), "CompstatPage");
const AuditPage = lazyPage(() => import("./features/audit/audit-page.tsx"), "AuditPage");
const OverviewPage = lazyPage(() => import("./features/overview/overview-page.tsx"), "OverviewPage");
const AccountPage = lazyPage(() => import("./features/auth/account-page.tsx"), "AccountPage");
const InvitationPage = lazyPage(() => import("./features/auth/invitation-page.tsx"), "InvitationPage");
const ResetPasswordPage = lazyPage(
  () => import("./features/auth/reset-password-page.tsx"),
  "ResetPasswordPage",
);
const CategoriesPage = lazyPage(() => import("./features/categories/categories-page.tsx"), "CategoriesPage");
const DialoguesPage = lazyPage(() => import("./features/dialogues/dialogues-page.tsx"), "DialoguesPage");
const HelpPage = lazyPage(() => import("./features/help/help-page.tsx"), "HelpPage");
const ImportPage = lazyPage(() => import("./features/imports/import-page.tsx"), "ImportPage");
const LagesbildComparePage = lazyPage(
  () => import("./features/lagesbild/lagesbild-compare-page.tsx"),
  "LagesbildComparePage",
);
const LagesbildListPage = lazyPage(
  () => import("./features/lagesbild/lagesbild-list-page.tsx"),
  "LagesbildListPage",
);
const LagesbildMeetingPage = lazyPage(
  () => import("./features/lagesbild/lagesbild-meeting-page.tsx"),
  "LagesbildMeetingPage",
);
const LagesbildPage = lazyPage(() => import("./features/lagesbild/lagesbild-page.tsx"), "LagesbildPage");
const LagesbildPrintPage = lazyPage(
  () => import("./features/lagesbild/lagesbild-print-page.tsx"),
  "LagesbildPrintPage",
);
const ActionPlanPage = lazyPage(
  () => import("./features/lagesbild/over-time/action-plan-page.tsx"),
  "ActionPlanPage",
);
const OverTimePage = lazyPage(
  () => import("./features/lagesbild/over-time/over-time-page.tsx"),
  "OverTimePage",
);
const LofteListPage = lazyPage(
  () => import("./features/medborgarlofte/lofte-list-page.tsx"),
  "LofteListPage",
);
const LoftePage = lazyPage(() => import("./features/medborgarlofte/lofte-page.tsx"), "LoftePage");
const LoftePrintPage = lazyPage(
  () => import("./features/medborgarlofte/lofte-print-page.tsx"),
  "LoftePrintPage",
);
const PublicLoftePage = lazyPage(
  () => import("./features/medborgarlofte/public-lofte-page.tsx"),
  "PublicLoftePage",
);
const MembersPage = lazyPage(() => import("./features/members/members-page.tsx"), "MembersPage");
const NotificationsPage = lazyPage(
  () => import("./features/notifications/notifications-page.tsx"),
  "NotificationsPage",
);
const CitizenReportPage = lazyPage(
  () => import("./features/public/citizen-report-page.tsx"),
  "CitizenReportPage",
);
const CitizenStatusPage = lazyPage(
  () => import("./features/public/citizen-report-page.tsx"),
  "CitizenStatusPage",
);
const MyReportPage = lazyPage(() => import("./features/reports/my-reports-page.tsx"), "MyReportPage");
const MyReportsPage = lazyPage(() => import("./features/reports/my-reports-page.tsx"), "MyReportsPage");
const ReportPage = lazyPage(() => import("./features/reports/report-page.tsx"), "ReportPage");
const ReviewPage = lazyPage(() => import("./features/review/review-page.tsx"), "ReviewPage");
const SettingsPage = lazyPage(() => import("./features/settings/settings-page.tsx"), "SettingsPage");
const SurveysPage = lazyPage(() => import("./features/surveys/surveys-page.tsx"), "SurveysPage");
const SystemPage = lazyPage(() => import("./features/system/system-page.tsx"), "SystemPage");
const FindingsPage = lazyPage(() => import("./features/walks/findings-page.tsx"), "FindingsPage");
const WalkPage = lazyPage(() => import("./features/walks/walk-page.tsx"), "WalkPage");
const WalkProtocolPage = lazyPage(
  () => import("./features/walks/walk-protocol-page.tsx"),
  "WalkProtocolPage",
);
const WalksPage = lazyPage(() => import("./features/walks/walks-page.tsx"), "WalksPage");

/** "/" sends a signed-in user to their first workspace, anyone else to the login page. */
function Home() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { retry: false }));
  if (me.isPending) return <p className="muted page">{t("panel.loading")}</p>;
  const first = me.data?.workspaces[0];
  // A system administrator may belong to no workspace yet: their page is the list of workspaces.
  const fallback = me.data?.user.isSystemAdmin ? "/system" : "/login";
  return <Navigate to={first ? `/w/${first.slug}` : fallback} replace />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <h1>{t("notFound")}</h1>
    </main>
  );
}

export function App() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/" element={<Home />} />
        <Route path="/login" element={<LoginPage />} />
        <Route path="/inbjudan" element={<InvitationPage />} />
        <Route path="/aterstall" element={<ResetPasswordPage />} />
        <Route path="/system" element={<SystemPage />} />
        <Route path="/rapport/status" element={<CitizenStatusPage />} />
        <Route path="/rapport/:slug" element={<CitizenReportPage />} />
        <Route path="/lofte/:slug" element={<PublicLoftePage />} />
        <Route path="/hjalp" element={<HelpPage />} />
        {/* Printed and projected without the app's header and navigation. */}
        <Route path="/w/:slug" element={<WorkspaceLayout isBare />}>
          <Route path="lagesbild/:id/utskrift" element={<LagesbildPrintPage />} />
          <Route path="lagesbild/:id/mote" element={<LagesbildMeetingPage />} />
          <Route path="medborgarloften/:id/utskrift" element={<LoftePrintPage />} />
        </Route>
        <Route path="/w/:slug" element={<WorkspaceLayout />}>
          <Route index element={<OverviewPage />} />
          <Route path="lagesbild" element={<LagesbildListPage />} />
          <Route path="lagesbild/jamfor" element={<LagesbildComparePage />} />
          <Route path="lagesbild/analys" element={<OverTimePage />} />
          <Route path="lagesbild/atgardsplan" element={<ActionPlanPage />} />
          <Route path="lagesbild/:id" element={<LagesbildPage />} />
          <Route path="medborgarloften" element={<LofteListPage />} />
          <Route path="medborgarloften/:id" element={<LoftePage />} />
          <Route path="utveckling" element={<CompstatPage />} />
          <Route path="import" element={<ImportPage />} />
          <Route path="rapportera" element={<ReportPage />} />
          <Route path="mina-rapporter" element={<MyReportsPage />} />
          <Route path="mina-rapporter/:reportId" element={<MyReportPage />} />
          <Route path="medlemmar" element={<MembersPage />} />
          <Route path="medlemmar/logg" element={<AuditPage />} />
          <Route path="konto" element={<AccountPage />} />
          <Route path="aviseringar" element={<NotificationsPage />} />
          <Route path="kategorier" element={<CategoriesPage />} />
          <Route path="granskning" element={<ReviewPage />} />
          {/* Fältrapport was the second way to report; it is now Rapportera (decisions/024). */}
          <Route path="faltrapport" element={<Navigate to="../rapportera" replace />} />
          <Route path="dialoger" element={<DialoguesPage />} />
          <Route path="trygghet" element={<SurveysPage />} />
          <Route path="installningar" element={<SettingsPage />} />
          <Route path="vandringar" element={<WalksPage />} />
          <Route path="fynd" element={<FindingsPage />} />
          <Route path="vandringar/:walkId" element={<WalkPage />} />
          <Route path="vandringar/:walkId/protokoll" element={<WalkProtocolPage />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Suspense>
  );
}
