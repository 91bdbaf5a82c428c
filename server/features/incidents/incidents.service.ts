import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { localDateToDbDate } from "../../../shared/calendar.ts";
import type { CreateIncidentInputSchema } from "../../../shared/schemas/incidents.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { leafAreas } from "../areas/areas.service.ts";
import { ensureDataSource } from "../imports/import-batch.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";
import { insertIncidents } from "./incident-writer.ts";

type CreateIncidentInput = z.output<typeof CreateIncidentInputSchema>;

/** A partner's own report of one event, placed at its district's centroid. */
export async function createIncident({
  db,
  workspace,
  input,
}: {
  db: Db;
  workspace: CurrentWorkspace;
  input: CreateIncidentInput;
}) {
  const [areas, category] = await Promise.all([
    db.area.findMany({
      where: { workspaceId: workspace.id },
      select: { id: true, parentId: true, code: true, centroidLon: true, centroidLat: true },
    }),
    db.category.findUnique({
      where: { workspaceId_code: { workspaceId: workspace.id, code: input.categoryCode } },
      select: { id: true },
    }),
  ]);
  const area = leafAreas(areas).find((candidate) => candidate.code === input.areaCode);
  if (!area) throw new AppError("NOT_FOUND", `Unknown district: ${input.areaCode}`);
  if (!category) throw new AppError("NOT_FOUND", `Unknown category: ${input.categoryCode}`);
  const source = await ensureDataSource(db, workspace.id, "manual", "Manuellt registrerade händelser");
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
