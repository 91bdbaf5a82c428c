import { useQuery } from "@tanstack/react-query";
import { Navigate, Route, Routes } from "react-router";
import { CompstatPage } from "./features/analysis/compstat-page.tsx";
import { AuditPage } from "./features/audit/audit-page.tsx";
import { AccountPage } from "./features/auth/account-page.tsx";
import { InvitationPage } from "./features/auth/invitation-page.tsx";
import { LoginPage } from "./features/auth/login-page.tsx";
import { ResetPasswordPage } from "./features/auth/reset-password-page.tsx";
import { CategoriesPage } from "./features/categories/categories-page.tsx";
import { DialoguesPage } from "./features/dialogues/dialogues-page.tsx";
import { HelpPage } from "./features/help/help-page.tsx";
import { ImportPage } from "./features/imports/import-page.tsx";
import { LagesbildComparePage } from "./features/lagesbild/lagesbild-compare-page.tsx";
import { LagesbildListPage } from "./features/lagesbild/lagesbild-list-page.tsx";
import { LagesbildMeetingPage } from "./features/lagesbild/lagesbild-meeting-page.tsx";
import { LagesbildPage } from "./features/lagesbild/lagesbild-page.tsx";
import { LagesbildPrintPage } from "./features/lagesbild/lagesbild-print-page.tsx";
import { ActionPlanPage } from "./features/lagesbild/over-time/action-plan-page.tsx";
import { OverTimePage } from "./features/lagesbild/over-time/over-time-page.tsx";
import { LofteListPage } from "./features/medborgarlofte/lofte-list-page.tsx";
import { LoftePage } from "./features/medborgarlofte/lofte-page.tsx";
import { LoftePrintPage } from "./features/medborgarlofte/lofte-print-page.tsx";
import { PublicLoftePage } from "./features/medborgarlofte/public-lofte-page.tsx";
import { MembersPage } from "./features/members/members-page.tsx";
import { NotificationsPage } from "./features/notifications/notifications-page.tsx";
import { OverviewPage } from "./features/overview/overview-page.tsx";
import { CitizenReportPage, CitizenStatusPage } from "./features/public/citizen-report-page.tsx";
import { MyReportPage, MyReportsPage } from "./features/reports/my-reports-page.tsx";
import { ReportPage } from "./features/reports/report-page.tsx";
import { ReviewPage } from "./features/review/review-page.tsx";
import { SettingsPage } from "./features/settings/settings-page.tsx";
import { SurveysPage } from "./features/surveys/surveys-page.tsx";
import { SystemPage } from "./features/system/system-page.tsx";
import { FindingsPage } from "./features/walks/findings-page.tsx";
import { WalkPage } from "./features/walks/walk-page.tsx";
import { WalkProtocolPage } from "./features/walks/walk-protocol-page.tsx";
import { WalksPage } from "./features/walks/walks-page.tsx";
import { WorkspaceLayout } from "./features/workspace/workspace-layout.tsx";
import { useI18n } from "./i18n/i18n.tsx";
import { useTRPC } from "./trpc.ts";

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
  );
}
