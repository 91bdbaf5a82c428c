import { analysisRouter } from "./features/analysis/analysis.router.ts";
import { areasRouter } from "./features/areas/areas.router.ts";
import { auditRouter } from "./features/audit/audit.router.ts";
import { authRouter } from "./features/auth/auth.router.ts";
import { categoriesRouter } from "./features/categories/categories.router.ts";
import { dialoguesRouter } from "./features/dialogues/dialogues.router.ts";
import { exportsRouter } from "./features/exports/exports.router.ts";
import { importsRouter } from "./features/imports/imports.router.ts";
import { incidentsRouter } from "./features/incidents/incidents.router.ts";
import { lagesbildRouter } from "./features/lagesbild/lagesbild.router.ts";
import { mapsRouter } from "./features/maps/maps.router.ts";
import { medborgarlofteRouter } from "./features/medborgarlofte/medborgarlofte.router.ts";
import { notificationsRouter } from "./features/notifications/notifications.router.ts";
import { overviewRouter } from "./features/overview/overview.router.ts";
import { placesRouter } from "./features/places/places.router.ts";
import { reportsRouter } from "./features/reports/reports.router.ts";
import { surveysRouter } from "./features/surveys/surveys.router.ts";
import { createSystemRouter, type PublicConfig } from "./features/system/system.router.ts";
import { walksRouter } from "./features/walks/walks.router.ts";
import { workspaceRouter } from "./features/workspace/workspace.router.ts";
import { createCallerFactory, router } from "./trpc.ts";

export function createAppRouter(config: PublicConfig = { mapStyleUrl: null }) {
  return router({
    system: createSystemRouter(config),
    auth: authRouter,
    workspace: workspaceRouter,
    areas: areasRouter,
    maps: mapsRouter,
    categories: categoriesRouter,
    overview: overviewRouter,
    analysis: analysisRouter,
    exports: exportsRouter,
    imports: importsRouter,
    incidents: incidentsRouter,
    walks: walksRouter,
    reports: reportsRouter,
    dialogues: dialoguesRouter,
    surveys: surveysRouter,
    places: placesRouter,
    lagesbild: lagesbildRouter,
    medborgarlofte: medborgarlofteRouter,
    audit: auditRouter,
    notifications: notificationsRouter,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
export const createCaller = createCallerFactory(createAppRouter());
