import { z } from "zod";
import {
  addDays,
  dbDateToLocalDate,
  localDateToDbDate,
  periodContaining,
  toLocalDate,
} from "../../../shared/calendar.ts";
import { describeEffect, effectWindows, estimateEffect } from "../../../shared/effect.ts";
import type { LagesbildContent } from "../../../shared/lagesbild.ts";
import { LocalDateSchema } from "../../../shared/schemas/overview.ts";
import { AppError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { coveredAreas, listAreas } from "../areas/areas.service.ts";
import { listCategories, resolveCategoryScope } from "../categories/categories.service.ts";
import type { Cell } from "../exports/table-file.ts";
import { toXlsx } from "../exports/table-file.ts";

export const OverTimeInputSchema = z.object({
  kind: z.enum(["quarter", "year"]).default("quarter"),
  date: LocalDateSchema,
});

/** The latest published version of each lägesbild whose period lies within the range, oldest first. */
async function publishedIn({ db, workspace }: ServiceScope, start: string, end: string) {
  const lagesbilder = await db.lagesbild.findMany({
    where: {
      workspaceId: workspace.id,
      version: { gt: 0 },
      periodStart: { gte: localDateToDbDate(start), lte: localDateToDbDate(end) },
    },
    select: { id: true, version: true, periodKind: true, periodStart: true, periodEnd: true, scopeKey: true },
    orderBy: { periodStart: "asc" },
  });
  const snapshots = await db.lagesbildSnapshot.findMany({
    where: {
      workspaceId: workspace.id,
      OR: lagesbilder.map((l) => ({ lagesbildId: l.id, version: l.version })),
    },
    select: { lagesbildId: true, content: true },
  });
  const contentOf = new Map(snapshots.map((s) => [s.lagesbildId, JSON.parse(s.content) as LagesbildContent]));
  return lagesbilder.flatMap((l) => {
    const content = contentOf.get(l.id);
    if (!content) return [];
    return [
      {
        id: l.id,
        scopeKey: l.scopeKey,
        period: {
          kind: l.periodKind,
          start: dbDateToLocalDate(l.periodStart),
          end: dbDateToLocalDate(l.periodEnd),
        },
        content,
      },
    ];
  });
}

/**
 * The quarter's or year's analysis the EST method asks for: each area's status level across the
 * published lägesbilder (a strip per area), the categories flagged again and again, and the
 * insatser active in the range with their återkoppling.
 */
export async function getOverTime(scope: ServiceScope, input: z.input<typeof OverTimeInputSchema>) {
  const { kind, date } = OverTimeInputSchema.parse(input);
  const range = periodContaining(kind, date, scope.workspace.meetingAnchor);
  const published = (await publishedIn(scope, range.start, range.end)).filter((l) => l.scopeKey === "");
  const columns = published.map((l) => ({ lagesbildId: l.id, period: l.period }));
  const strips = new Map<string, { areaId: string; areaName: string; levels: (string | null)[] }>();
  published.forEach((l, index) => {
    for (const district of l.content.figures.districts) {
      const strip = strips.get(district.areaId) ?? {
        areaId: district.areaId,
        areaName: district.name,
        levels: new Array(published.length).fill(null),
      };
      strip.levels[index] = l.content.statuses.find((s) => s.areaId === district.areaId)?.level ?? null;
      strips.set(district.areaId, strip);
    }
  });
  const flagged = new Map<
    string,
    { categoryCode: string; nameSv: string; nameEn: string; times: number; areas: Set<string> }
  >();
  for (const l of published) {
    const seen = new Set<string>();
    for (const pair of l.content.figures.rising) {
      const entry = flagged.get(pair.categoryCode) ?? {
        categoryCode: pair.categoryCode,
        nameSv: pair.categoryNameSv,
        nameEn: pair.categoryNameEn,
        times: 0,
        areas: new Set<string>(),
      };
      if (!seen.has(pair.categoryCode)) entry.times++;
      seen.add(pair.categoryCode);
      entry.areas.add(pair.areaName);
      flagged.set(pair.categoryCode, entry);
    }
  }
  const insatser = await actionPlanRows(scope, { start: range.start, end: range.end });
  return {
    range: { kind, start: range.start, end: range.end },
    levels: published.at(-1)?.content.levels ?? [],
    columns,
    strips: [...strips.values()].sort((a, b) => a.areaName.localeCompare(b.areaName, "sv")),
    repeatedlyFlagged: [...flagged.values()]
      .filter((entry) => entry.times >= 2)
      .map((entry) => ({ ...entry, areas: [...entry.areas].sort((a, b) => a.localeCompare(b, "sv")) }))
      .sort((a, b) => b.times - a.times || a.nameSv.localeCompare(b.nameSv, "sv")),
    insatser,
  };
}

/** The åtgärdsplan (Lag 2023:196): each problem with its measures, owners, dates and follow-up. */
export async function actionPlanRows(
  { db, workspace }: ServiceScope,
  range?: { start: string; end: string },
) {
  const rows = await db.insats.findMany({
    where: {
      workspaceId: workspace.id,
      ...(range
        ? {
            startOn: { lte: localDateToDbDate(range.end) },
            OR: [{ endOn: null }, { endOn: { gte: localDateToDbDate(range.start) } }],
          }
        : {}),
    },
    select: {
      id: true,
      title: true,
      problem: true,
      areaIds: true,
      organizationId: true,
      contactName: true,
      startOn: true,
      endOn: true,
      recurrence: true,
      resources: true,
      status: true,
      closedAt: true,
    },
    orderBy: [{ problem: "asc" }, { startOn: "asc" }],
  });
  const followUps = await db.insatsFollowUp.findMany({
    where: { workspaceId: workspace.id, insatsId: { in: rows.map((r) => r.id) } },
    select: { insatsId: true, whatDone: true, doneOn: true, effect: true },
    orderBy: { doneOn: "asc" },
  });
  const organizations = await db.organization.findMany({
    where: { id: { in: rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])) } },
    select: { id: true, name: true },
  });
  const areas = await db.area.findMany({
    where: { workspaceId: workspace.id },
    select: { id: true, name: true },
  });
  const orgName = new Map(organizations.map((o) => [o.id, o.name]));
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  const today = toLocalDate(new Date(), workspace.timezone);
  return rows.map((row) => {
    const endOn = row.endOn ? dbDateToLocalDate(row.endOn) : null;
    return {
      id: row.id,
      problem: row.problem || "(problem ej angivet)",
      title: row.title,
      areas: row.areaIds.map((id) => areaName.get(id) ?? id),
      organization: row.organizationId ? (orgName.get(row.organizationId) ?? null) : null,
      contactName: row.contactName,
      startOn: dbDateToLocalDate(row.startOn),
      endOn,
      recurrence: row.recurrence,
      resources: row.resources,
      status: row.status as "open" | "closed",
      isOverdue: row.status === "open" && endOn !== null && endOn < today,
      followUps: followUps
        .filter((f) => f.insatsId === row.id)
        .map((f) => ({ whatDone: f.whatDone, doneOn: dbDateToLocalDate(f.doneOn), effect: f.effect })),
    };
  });
}

/** The åtgärdsplan as an XLSX file (one row per insats; återkoppling joined). */
export async function actionPlanXlsx(scope: ServiceScope) {
  const rows = await actionPlanRows(scope);
  const header: Cell[] = [
    "Problem",
    "Åtgärd (insats)",
    "Område",
    "Ansvarig organisation",
    "Kontaktperson",
    "Start",
    "Slut",
    "Återkommande",
    "Resurser",
    "Status",
    "Uppföljning (återkoppling)",
  ];
  const body: Cell[][] = rows.map((r) => [
    r.problem,
    r.title,
    r.areas.join(", "),
    r.organization,
    r.contactName,
    r.startOn,
    r.endOn,
    r.recurrence,
    r.resources,
    r.status === "closed" ? "Avslutad" : r.isOverdue ? "Pågår, försenad" : "Pågår",
    r.followUps
      .map((f) => `${f.doneOn}: ${f.whatDone}${f.effect ? ` (effekt: ${f.effect})` : ""}`)
      .join("\n"),
  ]);
  const buffer = await toXlsx([{ name: "Åtgärdsplan", rows: [header, ...body] }]);
  return {
    fileName: `atgardsplan-${scope.workspace.slug}.xlsx`,
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    base64: buffer.toString("base64"),
  };
}

export const EffectInputSchema = z.object({
  insatsId: z.uuid(),
  /** The comparison area(s) the analyst chooses; empty = before/after in the insats's area only. */
  comparisonAreaCodes: z.array(z.string().min(1).max(64)).max(50).default([]),
  categoryCodes: z.array(z.string().min(1).max(64)).max(50).default([]),
});

/** Incidents in the insats's areas before and after its start, against a comparison area, in words. */
export async function getInsatsEffect(scope: ServiceScope, input: z.input<typeof EffectInputSchema>) {
  const { db, workspace } = scope;
  const parsed = EffectInputSchema.parse(input);
  const insats = await db.insats.findUnique({
    where: { workspaceId_id: { workspaceId: workspace.id, id: parsed.insatsId } },
    select: { areaIds: true, startOn: true, endOn: true },
  });
  if (!insats) throw new AppError("NOT_FOUND", "No such insats in this workspace");
  if (insats.areaIds.length === 0) throw new AppError("VALIDATION", { reason: "INSATS_WITHOUT_AREA" });
  // Judged up to the last day with data, so days not yet delivered do not read as a fall.
  const [latest] = await db.$queryRaw<{ day: Date | null }[]>`
    SELECT MAX(day) AS day FROM daily_incident_counts WHERE workspace_id = ${workspace.id}::uuid`;
  const today = latest?.day
    ? addDays(dbDateToLocalDate(latest.day), 1)
    : toLocalDate(new Date(), workspace.timezone);
  const windows = effectWindows(
    dbDateToLocalDate(insats.startOn),
    insats.endOn ? dbDateToLocalDate(insats.endOn) : null,
    today,
  );
  if (!windows.windows)
    return { windows: null, reason: windows.reason, effect: null, textSv: null, textEn: null };
  const areas = await listAreas({ db, workspace });
  const codesOf = (ids: string[]) =>
    areas.filter((a) => ids.includes(a.id)).flatMap((a) => (a.code ? [a.code] : []));
  const own = coveredAreas(areas, codesOf(insats.areaIds)).map((a) => a.id);
  const comparison = coveredAreas(areas, parsed.comparisonAreaCodes).map((a) => a.id);
  if (parsed.comparisonAreaCodes.length > 0 && comparison.some((id) => own.includes(id)))
    throw new AppError("VALIDATION", { reason: "COMPARISON_AREA_OVERLAPS", field: "comparisonAreaIds" });
  const categories = resolveCategoryScope(
    await listCategories({ db, workspace }),
    parsed.categoryCodes,
  );
  const { before, after } = windows.windows;
  const count = async (areaIds: string[], range: { start: string; end: string }) => {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT COALESCE(SUM(registered), 0)::int AS n FROM daily_incident_counts
      WHERE workspace_id = ${workspace.id}::uuid AND day BETWEEN ${range.start}::date AND ${range.end}::date
        AND area_id = ANY(${areaIds}::uuid[])
        ${categories ? Prisma.sql`AND category_id = ANY(${categories}::uuid[])` : Prisma.empty}`;
    return row?.n ?? 0;
  };
  const counts = {
    before: await count(own, before),
    after: await count(own, after),
    ...(parsed.comparisonAreaCodes.length > 0
      ? { comparisonBefore: await count(comparison, before), comparisonAfter: await count(comparison, after) }
      : {}),
  };
  const effect = estimateEffect(counts);
  return {
    windows: windows.windows,
    reason: null,
    effect,
    textSv: describeEffect(effect, "sv"),
    textEn: describeEffect(effect, "en"),
  };
}
