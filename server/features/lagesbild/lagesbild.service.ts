import {
  dbDateToLocalDate,
  localDateToDbDate,
  periodContaining,
  toLocalDate,
} from "../../../shared/calendar.ts";
import { diffFigures, type FigureChange, type LagesbildContent } from "../../../shared/lagesbild.ts";
import { type CreateLagesbildInput, CreateLagesbildInputSchema } from "../../../shared/schemas/lagesbild.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { actsAcrossWorkspace } from "../access/ownership.ts";
import { coveredAreas, listAreas } from "../areas/areas.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { assembleFigures } from "./figures.service.ts";
import { listInsatserFor } from "./insatser.service.ts";
import {
  findLagesbild,
  type LagesbildRow,
  lagesbildSelect,
  requireDraft,
  statusLevelsOf,
} from "./lagesbild-record.ts";

/** Creates the lägesbild for a period and scope, or returns the one that exists. */
export async function createLagesbild(scope: ServiceScope, raw: CreateLagesbildInput) {
  const { db, workspace, actor } = scope;
  const input = CreateLagesbildInputSchema.parse(raw);
  const period = periodContaining(input.kind, input.date, workspace.meetingAnchor);
  const areas = await listAreas({ db, workspace });
  const byCode = new Map(areas.map((area) => [area.code, area]));
  const codes = [...new Set(input.areaCodes)].sort();
  const unknown = codes.filter((code) => !byCode.has(code));
  if (unknown.length > 0) throw new AppError("NOT_FOUND", `Unknown area code: ${unknown.join(", ")}`);
  const scopeKey = codes.join(",");
  const key = {
    workspaceId: workspace.id,
    periodKind: period.kind,
    periodStart: localDateToDbDate(period.start),
    scopeKey,
  };
  const existing = await db.lagesbild.findUnique({
    where: { workspaceId_periodKind_periodStart_scopeKey: key },
    select: { id: true },
  });
  if (existing) return { id: existing.id, isNew: false };
  const created = await db.lagesbild.create({
    data: {
      ...key,
      periodEnd: localDateToDbDate(period.end),
      areaIds: codes.map((code) => byCode.get(code)?.id ?? ""),
      createdBy: actor.userId,
    },
    select: { id: true },
  });
  return { id: created.id, isNew: true };
}

export async function listLagesbilder({ db, workspace }: ServiceScope) {
  const rows = await db.lagesbild.findMany({
    where: { workspaceId: workspace.id },
    select: { ...lagesbildSelect, scopeKey: true },
    orderBy: [{ periodStart: "desc" }, { scopeKey: "asc" }],
  });
  const open = await db.insats.count({ where: { workspaceId: workspace.id, status: "open" } });
  const openByMeeting = await db.insats.groupBy({
    by: ["decidedInId"],
    where: { workspaceId: workspace.id, status: "open" },
    _count: { _all: true },
  });
  const openDecidedIn = new Map(openByMeeting.map((group) => [group.decidedInId, group._count._all]));
  return {
    openInsatser: open,
    lagesbilder: rows.map(({ assessment: _a, ...row }) => ({
      ...row,
      /** Insatser decided at this meeting that are still open. */
      openInsatser: openDecidedIn.get(row.id) ?? 0,
      periodStart: dbDateToLocalDate(row.periodStart),
      periodEnd: dbDateToLocalDate(row.periodEnd),
      areaCodes: row.scopeKey ? row.scopeKey.split(",") : [],
    })),
  };
}

/** Today's figures for a lägesbild's period and scope, with the areas they were resolved from. */
async function liveFigures(scope: ServiceScope, lagesbild: LagesbildRow) {
  const { db, workspace } = scope;
  const areas = await listAreas({ db, workspace });
  const areaById = new Map(areas.map((area) => [area.id, area]));
  const areaCodes = lagesbild.areaIds.flatMap((id) => areaById.get(id)?.code ?? []);
  const covered = coveredAreas(areas, areaCodes).map((area) => area.id);
  const figures = await assembleFigures(scope, {
    period: { kind: lagesbild.periodKind, start: lagesbild.periodStart, end: lagesbild.periodEnd },
    areaCodes,
    coveredAreaIds: covered,
  });
  return { figures, areaById, areaCodes, covered };
}

/** The document assembled from today's data: what a draft shows and what publishing freezes. */
export async function assembleContent(
  scope: ServiceScope,
  lagesbild: LagesbildRow,
): Promise<LagesbildContent> {
  const { db, workspace } = scope;
  const { figures, areaById, areaCodes, covered } = await liveFigures(scope, lagesbild);
  const [statuses, contributions, levels, insatser] = [
    await db.lagesbildAreaStatus.findMany({
      where: { workspaceId: workspace.id, lagesbildId: lagesbild.id },
      select: { areaId: true, level: true, justification: true },
    }),
    await db.lagesbildContribution.findMany({
      where: { workspaceId: workspace.id, lagesbildId: lagesbild.id },
      select: { organizationId: true, text: true },
    }),
    await statusLevelsOf(scope),
    await listInsatserFor(scope, { lagesbild, coveredAreaIds: covered }),
  ];
  const organizations = await db.organization.findMany({
    where: { id: { in: contributions.map((c) => c.organizationId) } },
    select: { id: true, name: true },
  });
  const orgName = new Map(organizations.map((o) => [o.id, o.name]));
  return {
    workspaceName: workspace.name,
    scope: { areaCodes, areaNames: lagesbild.areaIds.map((id) => areaById.get(id)?.name ?? id) },
    levels,
    figures,
    statuses: statuses
      .map((s) => ({
        areaId: s.areaId,
        areaCode: areaById.get(s.areaId)?.code ?? null,
        areaName: areaById.get(s.areaId)?.name ?? s.areaId,
        level: s.level,
        justification: s.justification,
      }))
      .sort((a, b) => a.areaName.localeCompare(b.areaName, "sv")),
    assessment: lagesbild.assessment,
    contributions: contributions
      .map((c) => ({
        organizationId: c.organizationId,
        organizationName: orgName.get(c.organizationId) ?? "?",
        text: c.text,
      }))
      .sort((a, b) => a.organizationName.localeCompare(b.organizationName, "sv")),
    insatser,
  };
}

/**
 * One lägesbild as its readers see it: a draft live; a published one as its latest snapshot, with
 * what today's data says differently (a delivery that replaced months, an undo) listed beside it.
 */
export async function getLagesbild(scope: ServiceScope, id: string) {
  const { db, workspace, actor } = scope;
  const lagesbild = await findLagesbild(scope, id);
  const snapshots = await db.lagesbildSnapshot.findMany({
    where: { workspaceId: workspace.id, lagesbildId: id },
    select: { id: true, version: true, publishedAt: true, publishedBy: true },
    orderBy: { version: "desc" },
  });
  let content: LagesbildContent;
  let liveChanges: FigureChange[] | null = null;
  const latest = snapshots[0];
  if (lagesbild.status === "published" && latest) {
    const snapshot = await db.lagesbildSnapshot.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: workspace.id, id: latest.id } },
      select: { content: true },
    });
    content = JSON.parse(snapshot.content) as LagesbildContent;
    // Only the figures can move under a published version: statuses and texts are its own.
    liveChanges = diffFigures(content.figures, (await liveFigures(scope, lagesbild)).figures);
  } else content = await assembleContent(scope, lagesbild);
  const [previous, next] = await Promise.all([
    neighbour(scope, lagesbild, "previous"),
    neighbour(scope, lagesbild, "next"),
  ]);
  return {
    id: lagesbild.id,
    status: lagesbild.status as "draft" | "published",
    version: lagesbild.version,
    period: { kind: lagesbild.periodKind, start: lagesbild.periodStart, end: lagesbild.periodEnd },
    publishedAt: lagesbild.publishedAt?.toISOString() ?? null,
    content,
    liveChanges,
    snapshots: snapshots.map((s) => ({
      id: s.id,
      version: s.version,
      publishedAt: s.publishedAt.toISOString(),
    })),
    previousId: previous,
    nextId: next,
    today: toLocalDate(new Date(), workspace.timezone),
    permissions: {
      canEdit: actsAcrossWorkspace(actor),
      contributesFor: actsAcrossWorkspace(actor)
        ? null
        : actor.role === "member"
          ? actor.organizationId
          : null,
    },
  };
}

async function neighbour(scope: ServiceScope, lagesbild: LagesbildRow, direction: "previous" | "next") {
  const found = await scope.db.lagesbild.findFirst({
    where: {
      workspaceId: scope.workspace.id,
      periodKind: lagesbild.periodKind,
      areaIds: { equals: lagesbild.areaIds },
      periodStart:
        direction === "previous"
          ? { lt: localDateToDbDate(lagesbild.periodStart) }
          : { gt: localDateToDbDate(lagesbild.periodStart) },
    },
    select: { id: true },
    orderBy: { periodStart: direction === "previous" ? "desc" : "asc" },
  });
  return found?.id ?? null;
}

/**
 * Freezes what the document shows now into a new version; later data never changes it.
 * `publishedAt` is for the demo seed, which replays a year of meetings; otherwise now.
 */
export async function publishLagesbild(scope: ServiceScope, input: { id: string; publishedAt?: Date }) {
  const { db, workspace, actor } = scope;
  const { id } = input;
  const publishedAt = input.publishedAt ?? new Date();
  const lagesbild = await requireDraft(scope, id);
  const content = await assembleContent(scope, lagesbild);
  const version = lagesbild.version + 1;
  await db.$transaction(async (tx) => {
    await tx.lagesbildSnapshot.create({
      data: {
        workspaceId: workspace.id,
        lagesbildId: id,
        version,
        content: JSON.stringify(content),
        publishedBy: actor.userId,
        publishedAt,
      },
    });
    await tx.lagesbild.update({
      where: { workspaceId_id: { workspaceId: workspace.id, id } },
      data: { status: "published", version, publishedAt },
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: actor.userId,
      action: "lagesbild_published",
      target: { type: "lagesbild", id },
      details: { version },
    });
  });
  return { version };
}

/** Opens a published lägesbild for changes; its published versions stay as they were. */
export async function reopenLagesbild(scope: ServiceScope, id: string) {
  const lagesbild = await findLagesbild(scope, id);
  if (lagesbild.status !== "published") throw new AppError("CONFLICT", { reason: "LAGESBILD_ALREADY_DRAFT" });
  await scope.db.$transaction(async (tx) => {
    await tx.lagesbild.update({
      where: { workspaceId_id: { workspaceId: scope.workspace.id, id } },
      data: { status: "draft" },
    });
    await recordAudit(tx, {
      workspaceId: scope.workspace.id,
      userId: scope.actor.userId,
      action: "lagesbild_reopened",
      target: { type: "lagesbild", id },
      details: { version: lagesbild.version },
    });
  });
}
