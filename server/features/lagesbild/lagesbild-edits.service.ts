import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { requireOwnership } from "../access/ownership.ts";
import { requireDraft, statusLevelsOf } from "./lagesbild-record.ts";

export async function setAreaStatus(
  scope: ServiceScope,
  input: { id: string; areaId: string; level: string | null; justification: string },
) {
  const { db, workspace, actor } = scope;
  await requireDraft(scope, input.id);
  const key = { workspaceId: workspace.id, lagesbildId: input.id, areaId: input.areaId };
  if (input.level === null) {
    await db.lagesbildAreaStatus.deleteMany({ where: key });
    return;
  }
  const levels = await statusLevelsOf(scope);
  if (!levels.some((level) => level.key === input.level))
    throw new AppError("VALIDATION", {
      reason: "UNKNOWN_STATUS_LEVEL",
      params: { level: input.level, levels: levels.map((l) => l.key).join(", ") },
      field: "level",
    });
  const area = await db.area.findUnique({
    where: { workspaceId_id: { workspaceId: workspace.id, id: input.areaId } },
    select: { id: true },
  });
  if (!area) throw new AppError("NOT_FOUND", "No such area in this workspace");
  const data = {
    level: input.level,
    justification: input.justification,
    updatedBy: actor.userId,
    updatedAt: new Date(),
  };
  await db.lagesbildAreaStatus.upsert({
    where: { workspaceId_lagesbildId_areaId: key },
    create: { ...key, ...data },
    update: data,
  });
  await touch(scope, input.id);
}

export async function setAssessment(scope: ServiceScope, input: { id: string; assessment: string }) {
  await requireDraft(scope, input.id);
  await scope.db.lagesbild.update({
    where: { workspaceId_id: { workspaceId: scope.workspace.id, id: input.id } },
    data: { assessment: input.assessment, updatedAt: new Date() },
  });
}

/** Each organisation speaks for itself: a member writes only its own organisation's contribution. */
export async function setContribution(
  scope: ServiceScope,
  input: { id: string; organizationId: string; text: string },
) {
  const { db, workspace, actor } = scope;
  await requireDraft(scope, input.id);
  // Another organisation's contribution is its record: NOT_OWNER, as for findings and dialogues.
  requireOwnership(actor, [input.organizationId], "contribution");
  const inWorkspace = await db.workspaceOrganization.findUnique({
    where: {
      workspaceId_organizationId: { workspaceId: workspace.id, organizationId: input.organizationId },
    },
    select: { organizationId: true },
  });
  if (!inWorkspace) throw new AppError("NOT_FOUND", "The organisation is not part of this workspace");
  const key = { workspaceId: workspace.id, lagesbildId: input.id, organizationId: input.organizationId };
  if (input.text === "") {
    await db.lagesbildContribution.deleteMany({ where: key });
    return;
  }
  const data = { text: input.text, updatedBy: actor.userId, updatedAt: new Date() };
  await db.lagesbildContribution.upsert({
    where: { workspaceId_lagesbildId_organizationId: key },
    create: { ...key, ...data },
    update: data,
  });
}

async function touch(scope: ServiceScope, id: string) {
  await scope.db.lagesbild.update({
    where: { workspaceId_id: { workspaceId: scope.workspace.id, id } },
    data: { updatedAt: new Date() },
  });
}
