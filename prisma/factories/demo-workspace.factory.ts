import { DEMO_RISING_CODES } from "../demo/categories.ts";
import { DEMO_ORGANIZATIONS } from "../demo/organizations.ts";
import type { Db } from "../../server/db/client.ts";
import { isoWeekOf, isoWeekStart, type LocalDate } from "../../shared/calendar.ts";
import type { Role } from "../../shared/roles.ts";
import { createBorlangeAreas } from "./area.factory.ts";
import { createCategoryTree } from "./category.factory.ts";
import { createDemoFieldContext } from "./demo-field-support.ts";
import { createDemoDialogues } from "./dialogue.factory.ts";
import { createDemoReports } from "./field-report.factory.ts";
import { createSyntheticIncidents } from "./incident.factory.ts";
import { createDemoLagesbilder } from "./lagesbild.factory.ts";
import { createDemoLofte } from "./lofte.factory.ts";
import { createDemoPlaces } from "./place.factory.ts";
import { createDemoSurvey } from "./survey.factory.ts";
import { createUser } from "./user.factory.ts";
import { createDemoWalks } from "./walk.factory.ts";
import { createOrganization, createWorkspace } from "./workspace.factory.ts";

export const DEMO_SLUG = "est-borlange";
export const DEMO_DEFAULT_PASSWORD = "est-demo-2026";

export const DEMO_USERS: { email: string; name: string; role: Role; organization: string }[] = [
  {
    email: "admin@borlange.example",
    name: "Anna Administratör",
    role: "admin",
    organization: "Borlänge kommun",
  },
  {
    email: "analytiker@borlange.example",
    name: "Per Polisanalytiker",
    role: "analyst",
    organization: "LPO Borlänge",
  },
  { email: "partner@borlange.example", name: "Maria Bovärd", role: "member", organization: "Tunabyggen" },
  {
    email: "lasare@borlange.example",
    name: "Lars Läsare",
    role: "viewer",
    organization: "Räddningstjänsten Dala Mitt",
  },
];

/**
 * "EST Borlänge": Borlänge kommun with its 27 DeSO areas, four organisations, one user per role
 * synthetic incidents from the Monday of ISO week 1 two years before `endDate` up to it, a
 * synthetic trygghetsmätning for those three years, and the past year's field input: safety walks
 * with their findings, partner and citizen reports, and dialogues, and a year of published
 * biweekly lägesbilder with their insatser, and the year's medborgarlöfte with its progress,
 * published (see prisma/demo/).
 */
export async function seedDemoWorkspace(
  db: Db,
  options: {
    endDate: LocalDate;
    password?: string;
    seed?: number;
    /** The year of published lägesbilder (about 4 s); tests that need none leave them out. */
    meetings?: boolean;
  },
) {
  const password = options.password ?? DEMO_DEFAULT_PASSWORD;
  const workspace = await createWorkspace(db, {
    name: "EST Borlänge",
    slug: DEMO_SLUG,
    meetingAnchor: "2024-01-08",
  });
  const organizations = new Map<string, string>();
  for (const organization of DEMO_ORGANIZATIONS) {
    const row = await createOrganization(db, { ...organization, workspaceIds: [workspace.id] });
    organizations.set(organization.name, row.id);
  }
  for (const user of DEMO_USERS) {
    const organizationId = organizations.get(user.organization);
    await createUser(db, {
      email: user.email,
      name: user.name,
      password,
      isSystemAdmin: user.role === "admin",
      memberships: [{ workspaceId: workspace.id, role: user.role, organizationId }],
    });
  }
  const { desos } = await createBorlangeAreas(db, workspace.id);
  const categories = await createCategoryTree(db, workspace.id);
  const policeSource = await db.dataSource.create({
    data: {
      workspaceId: workspace.id,
      kind: "synthetic",
      name: "Polisen: anmälda brott (syntetiska demodata)",
      organizationId: organizations.get("LPO Borlänge"),
    },
  });
  const partnerSource = await db.dataSource.create({
    data: {
      workspaceId: workspace.id,
      kind: "synthetic",
      name: "Tunabyggen: egna rapporter (syntetiska demodata)",
      organizationId: organizations.get("Tunabyggen"),
    },
  });
  const endYear = isoWeekOf(options.endDate).year;
  const start = isoWeekStart({ year: endYear - 2, week: 1 });
  const areas = desos.map((deso) => ({
    ...deso,
    population: deso.population[2025] ?? deso.population[2024] ?? 0,
  }));
  const leaves = categories.filter((category) => category.kind !== "group");
  const common = {
    start,
    end: options.endDate,
    areas,
    centreCode: "2081C1090",
    // A sharp rise over the last 12 weeks (Ökar nu) on top of a climb of 50 % a year (Ökar över tid).
    rising: { codes: DEMO_RISING_CODES, weeks: 12, factor: 2.2, yearlyGrowth: 1.5 },
  };
  const police = await createSyntheticIncidents(db, workspace.id, {
    ...common,
    seed: options.seed ?? 2081,
    dataSourceId: policeSource.id,
    categories: leaves.filter((category) => category.kind === "crime_code"),
  });
  const partner = await createSyntheticIncidents(db, workspace.id, {
    ...common,
    seed: (options.seed ?? 2081) + 1,
    dataSourceId: partnerSource.id,
    categories: leaves.filter((category) => category.kind === "partner_event"),
  });
  await createDemoSurvey(db, workspace.id, [endYear - 2, endYear - 1, endYear]);
  await createDemoPlaces(db, workspace.id);
  const fieldInput = await createDemoFieldInput(db, {
    endDate: options.endDate,
    organizations,
    seed: (options.seed ?? 2081) + 2,
  });
  const meetings =
    options.meetings === false
      ? null
      : await createDemoLagesbilder(db, { slug: DEMO_SLUG, endDate: options.endDate, organizations });
  const medborgarlofte = await createDemoLofte(db, {
    slug: DEMO_SLUG,
    endDate: options.endDate,
    organizations,
  });
  return {
    workspace,
    password,
    incidentCount: police.length + partner.length,
    fieldInput,
    meetings,
    medborgarlofte,
    start,
    end: options.endDate,
  };
}

/**
 * Walks, findings, reports and dialogues, made through the real services as the demo users. The
 * centre (Mjälga-Centrum) and Kupolen-Norra Backa-Hagalund-Ringen are left without any: the
 * tests record their own field input there and read it back exactly.
 */
async function createDemoFieldInput(
  db: Db,
  options: { endDate: LocalDate; organizations: Map<string, string>; seed: number },
) {
  const context = await createDemoFieldContext(db, { slug: DEMO_SLUG, ...options });
  return {
    ...(await createDemoWalks(context)),
    ...(await createDemoReports(context)),
    ...(await createDemoDialogues(context)),
  };
}
