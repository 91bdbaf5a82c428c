import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { localDateToDbDate } from "../../../shared/calendar.ts";
import type { Role } from "../../../shared/roles.ts";
import type { CreateIncidentInputSchema } from "../../../shared/schemas/incidents.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { organizationForNewRecord, resolveActor } from "../access/ownership.ts";
import { leafAreas } from "../areas/areas.service.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";
import { insertIncidents } from "./incident-writer.ts";

type CreateIncidentInput = z.output<typeof CreateIncidentInputSchema>;
type Scope = { db: Db; workspace: CurrentWorkspace; role: Role; user: { id: string } };

const MANUAL_SOURCE_NAME = "Manuellt registrerade händelser";

/** The manual source of one organisation (or of none), so every hand-entered row says whose it is. */
async function manualSourceOf(db: Db, workspaceId: string, organizationId: string | null) {
  const existing = await db.dataSource.findFirst({
    where: { workspaceId, kind: "manual", organizationId },
    select: { id: true },
  });
  if (existing) return existing;
  const organization = organizationId
    ? await db.organization.findUnique({ where: { id: organizationId }, select: { name: true } })
    : null;
  return db.dataSource.create({
    data: {
      workspaceId,
      kind: "manual",
      organizationId,
      name: organization ? `${MANUAL_SOURCE_NAME}: ${organization.name}` : MANUAL_SOURCE_NAME,
    },
    select: { id: true },
  });
}

/**
 * A partner's own report of one event, placed at its district's centroid and recorded under the
 * caller's organisation. Police crime codes come only through imports (docs/decisions/011).
 */
export async function createIncident(scope: Scope, input: CreateIncidentInput) {
  const { db, workspace } = scope;
  const organizationId = organizationForNewRecord(await resolveActor(scope));
  const [areas, category] = await Promise.all([
    db.area.findMany({
      where: { workspaceId: workspace.id },
      select: { id: true, parentId: true, code: true, centroidLon: true, centroidLat: true },
    }),
    db.category.findUnique({
      where: { workspaceId_code: { workspaceId: workspace.id, code: input.categoryCode } },
      select: { id: true, kind: true },
    }),
  ]);
  const area = leafAreas(areas).find((candidate) => candidate.code === input.areaCode);
  if (!area) throw new AppError("NOT_FOUND", `Unknown district: ${input.areaCode}`);
  if (!category) throw new AppError("NOT_FOUND", `Unknown category: ${input.categoryCode}`);
  if (category.kind !== "partner_event")
    throw new AppError(
      "FORBIDDEN",
      `Category ${input.categoryCode} is not a partner event: police crime codes and groups come only through imports`,
    );
  const source = await manualSourceOf(db, workspace.id, organizationId);
  const occurred = localDateToDbDate(input.occurredOn);
  await insertIncidents(
    db,
    workspace.id,
    [
      {
        dataSourceId: source.id,
        externalId: `manual-${randomUUID()}`,
        categoryId: category.id,
        areaId: area.id,
        occurredFrom: occurred,
        registeredAt: new Date(),
        count: input.count,
        lon: area.centroidLon,
        lat: area.centroidLat,
        pointPrecision: "area_centroid",
        description: input.description ?? null,
      },
    ],
    workspace.timezone,
  );
  return { ok: true as const };
}
