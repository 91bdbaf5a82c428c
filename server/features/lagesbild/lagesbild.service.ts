import {
  dbDateToLocalDate,
  localDateToDbDate,
  periodContaining,
  toLocalDate,
} from "../../../shared/calendar.ts";
import {
  diffFigures,
  type FigureChange,
  type LagesbildContent,
  type LagesbildFigures,
} from "../../../shared/lagesbild.ts";
import {
  type CreateLagesbildInput,
  CreateLagesbildInputSchema,
  type StatusLevel,
  StatusLevelsSchema,
} from "../../../shared/schemas/lagesbild.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { type Actor, actsAcrossWorkspace, requireOwnership } from "../access/ownership.ts";
import { coveredAreas, listAreas } from "../areas/areas.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";
import { assembleFigures } from "./figures.service.ts";
import { listInsatserFor } from "./insatser.service.ts";

export type LagesbildScope = {
  db: Db;
  workspace: CurrentWorkspace;
  actor: Actor;
  /** The clock publishing and closing stamp with (the demo seed replays a year of meetings). */
  now?: () => Date;
};

const lagesbildSelect = {
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

export async function statusLevelsOf(db: Db, workspaceId: string): Promise<StatusLevel[]> {
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { statusLevels: true },
  });
  return StatusLevelsSchema.parse(workspace.statusLevels);
}

export async function findLagesbild({ db, workspace }: LagesbildScope, id: string) {
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
export async function requireDraft(scope: LagesbildScope, id: string): Promise<LagesbildRow> {
  const lagesbild = await findLagesbild(scope, id);
  if (lagesbild.status !== "draft")
    throw new AppError("CONFLICT", "Lägesbilden är publicerad: öppna den för ändring först (ny version).");
  return lagesbild;
}

/** Creates the lägesbild for a period and scope, or returns the one that exists. */
export async function createLagesbild(scope: LagesbildScope, raw: CreateLagesbildInput) {
  const { db, workspace, actor } = scope;
  const input = CreateLagesbildInputSchema.parse(raw);
  const period = periodContaining(input.kind, input.date, workspace.meetingAnchor);
  const areas = await listAreas({ db, workspaceId: workspace.id });
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

export async function listLagesbilder({ db, workspace }: LagesbildScope) {
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

/** The document assembled from today's data: what a draft shows and what publishing freezes. */
export async function assembleContent(
  scope: LagesbildScope,
  lagesbild: LagesbildRow,
): Promise<LagesbildContent> {
  const { db, workspace } = scope;
  const areas = await listAreas({ db, workspaceId: workspace.id });
  const areaById = new Map(areas.map((area) => [area.id, area]));
  const areaCodes = lagesbild.areaIds.flatMap((id) => areaById.get(id)?.code ?? []);
  const covered = coveredAreas(areas, areaCodes).map((area) => area.id);
  const figures = await assembleFigures({
    db,
    workspace,
    period: { kind: lagesbild.periodKind, start: lagesbild.periodStart, end: lagesbild.periodEnd },
    areaCodes,
    coveredAreaIds: covered,
  });
  const [statuses, contributions, levels, insatser] = [
    await db.lagesbildAreaStatus.findMany({
      where: { workspaceId: workspace.id, lagesbildId: lagesbild.id },
      select: { areaId: true, level: true, justification: true },
    }),
    await db.lagesbildContribution.findMany({
      where: { workspaceId: workspace.id, lagesbildId: lagesbild.id },
      select: { organizationId: true, text: true },
    }),
    await statusLevelsOf(db, workspace.id),
    await listInsatserFor(scope, lagesbild, covered),
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
export async function getLagesbild(scope: LagesbildScope, id: string) {
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
    const live = await assembleContent(scope, lagesbild);
    liveChanges = diffFigures(content.figures, live.figures);
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

async function neighbour(scope: LagesbildScope, lagesbild: LagesbildRow, direction: "previous" | "next") {
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

export async function setAreaStatus(
  scope: LagesbildScope,
  input: { id: string; areaId: string; level: string | null; justification: string },
) {
  const { db, workspace, actor } = scope;
  await requireDraft(scope, input.id);
  const key = { workspaceId: workspace.id, lagesbildId: input.id, areaId: input.areaId };
  if (input.level === null) {
    await db.lagesbildAreaStatus.deleteMany({ where: key });
    return;
  }
  const levels = await statusLevelsOf(db, workspace.id);
  if (!levels.some((level) => level.key === input.level))
    throw new AppError(
      "VALIDATION",
      `Okänd statusnivå "${input.level}"; arbetsytans nivåer: ${levels.map((l) => l.key).join(", ")}`,
    );
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

export async function setAssessment(scope: LagesbildScope, input: { id: string; assessment: string }) {
  await requireDraft(scope, input.id);
  await scope.db.lagesbild.update({
    where: { workspaceId_id: { workspaceId: scope.workspace.id, id: input.id } },
    data: { assessment: input.assessment, updatedAt: new Date() },
  });
}

/** Each organisation speaks for itself: a member writes only its own organisation's contribution. */
export async function setContribution(
  scope: LagesbildScope,
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

async function touch(scope: LagesbildScope, id: string) {
  await scope.db.lagesbild.update({
    where: { workspaceId_id: { workspaceId: scope.workspace.id, id } },
    data: { updatedAt: new Date() },
  });
}

/** Freezes what the document shows now into a new version; later data never changes it. */
export async function publishLagesbild(scope: LagesbildScope, id: string) {
  const { db, workspace, actor } = scope;
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
        publishedAt: scope.now?.() ?? new Date(),
      },
    });
    await tx.lagesbild.update({
      where: { workspaceId_id: { workspaceId: workspace.id, id } },
      data: { status: "published", version, publishedAt: scope.now?.() ?? new Date() },
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
export async function reopenLagesbild(scope: LagesbildScope, id: string) {
  const lagesbild = await findLagesbild(scope, id);
  if (lagesbild.status !== "published") throw new AppError("CONFLICT", "Lägesbilden är redan ett utkast.");
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

export async function getSnapshot(scope: LagesbildScope, snapshotId: string) {
  const snapshot = await scope.db.lagesbildSnapshot.findUnique({
    where: { workspaceId_id: { workspaceId: scope.workspace.id, id: snapshotId } },
    select: { id: true, version: true, publishedAt: true, lagesbildId: true, content: true },
  });
  if (!snapshot) throw new AppError("NOT_FOUND", "No such published version in this workspace");
  const content = JSON.parse(snapshot.content) as LagesbildContent;
  // The levels travel beside the content so a comparison can name the status moves it lists.
  return { ...snapshot, levels: content.levels, content };
}

/** Every published version in the workspace, newest period first: what the comparison picks from. */
export async function listSnapshots({ db, workspace }: LagesbildScope) {
  const snapshots = await db.lagesbildSnapshot.findMany({
    where: { workspaceId: workspace.id },
    select: { id: true, version: true, publishedAt: true, lagesbildId: true },
    orderBy: { publishedAt: "desc" },
  });
  const lagesbilder = await db.lagesbild.findMany({
    where: { workspaceId: workspace.id, id: { in: snapshots.map((s) => s.lagesbildId) } },
    select: { id: true, periodKind: true, periodStart: true, periodEnd: true, scopeKey: true },
  });
  const byId = new Map(lagesbilder.map((l) => [l.id, l]));
  return snapshots.flatMap((s) => {
    const l = byId.get(s.lagesbildId);
    if (!l) return [];
    return [
      {
        id: s.id,
        version: s.version,
        publishedAt: s.publishedAt.toISOString(),
        lagesbildId: s.lagesbildId,
        period: {
          kind: l.periodKind,
          start: dbDateToLocalDate(l.periodStart),
          end: dbDateToLocalDate(l.periodEnd),
        },
        areaCodes: l.scopeKey ? l.scopeKey.split(",") : [],
      },
    ];
  });
}

export type { LagesbildFigures };
