import fs from "node:fs";
import path from "node:path";
import { createUser } from "../../prisma/factories/user.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import type { Db } from "../../server/db/client.ts";
import { importAreasGeoJson, importPopulation } from "../../server/features/areas/areas.import.ts";
import { importCrimeCodeKey } from "../../server/features/categories/crime-codes.import.ts";
import { importPoliceDelivery } from "../../server/features/incidents/police-delivery.ts";
import { resolveMembership } from "../../server/features/workspace/workspace.service.ts";
import { SHARED_DATA } from "./shared-data.ts";

export const DALARNA = path.join(SHARED_DATA, "dalarna");
export const DALARNA_DELIVERIES = ["brott_polisen_dalarna_2022.csv", "brott_polisen_dalarna_2023.csv"];

/**
 * A workspace holding the real Dalarna deliveries in ../shared/data: DeSO areas, populations, the
 * police's crime-code key and both years of reported crimes, imported as an analyst would.
 */
export async function importDalarna(db: Db, slug = "est-dalarna") {
  const created = await createWorkspace(db, { name: "EST Dalarna", slug, meetingAnchor: "2024-01-08" });
  const user = await createUser(db, {
    email: `analytiker@${slug}.example`,
    memberships: [{ workspaceId: created.id, role: "analyst" }],
  });
  const read = (file: string) => fs.readFileSync(path.join(DALARNA, file));
  await importAreasGeoJson({
    db,
    workspaceId: created.id,
    content: read("deso_dalarna.geojson"),
    kind: "deso",
    codeProperty: "desokod",
    parentCodeProperty: "Kommunkod",
    parentNameProperty: "Kommunnamn",
  });
  await importPopulation({
    db,
    workspaceId: created.id,
    content: read("bef_deso_dalarna.csv"),
    codeColumn: "desokod",
    yearColumn: "år",
    populationColumn: "bef",
  });
  await importCrimeCodeKey({ db, workspaceId: created.id, content: read("brott_niva_nyckel.csv") });
  for (const file of DALARNA_DELIVERIES) {
    await importPoliceDelivery({
      db,
      workspaceId: created.id,
      timeZone: "Europe/Stockholm",
      userId: null,
      fileName: file,
      content: read(file),
    });
  }
  const membership = await resolveMembership({ db, userId: user.id, slug });
  if (!membership) throw new Error("the analyst has no membership");
  return membership.workspace;
}
