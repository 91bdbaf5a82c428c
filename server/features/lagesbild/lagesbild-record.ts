import { dbDateToLocalDate } from "../../../shared/calendar.ts";
import { type StatusLevel, StatusLevelsSchema } from "../../../shared/schemas/lagesbild.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";

export const lagesbildSelect = {
  id: true,
  periodKind: true,
  periodStart: true,
  periodEnd: true,
  areaIds: true,
  assessment: true,
  status: true,
  version: true,
  publishedAt: true,
  updatedAt: true,
} as const;

export async function statusLevelsOf({ db, workspace: { id } }: ServiceScope): Promise<StatusLevel[]> {
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id },
    select: { statusLevels: true },
  });
  return StatusLevelsSchema.parse(workspace.statusLevels);
}

export async function findLagesbild({ db, workspace }: ServiceScope, id: string) {
  const found = await db.lagesbild.findUnique({
    where: { workspaceId_id: { workspaceId: workspace.id, id } },
    select: lagesbildSelect,
  });
  if (!found) throw new AppError("NOT_FOUND", "No such lägesbild in this workspace");
  return {
    ...found,
    periodStart: dbDateToLocalDate(found.periodStart),
    periodEnd: dbDateToLocalDate(found.periodEnd),
  };
}
export type LagesbildRow = Awaited<ReturnType<typeof findLagesbild>>;

/** A draft may change; a published one must be reopened first, so no edit slips past its snapshot. */
export async function requireDraft(scope: ServiceScope, id: string): Promise<LagesbildRow> {
  const lagesbild = await findLagesbild(scope, id);
  if (lagesbild.status !== "draft") throw new AppError("CONFLICT", { reason: "LAGESBILD_PUBLISHED" });
  return lagesbild;
}
