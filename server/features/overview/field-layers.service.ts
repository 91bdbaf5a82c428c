import { type DialogueTheme, OPEN_FINDING_STATUSES } from "../../../shared/field.ts";
import type { FieldLayersOutput } from "../../../shared/schemas/overview.ts";
import type { Db } from "../../db/client.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import type { CurrentWorkspace } from "../workspace/workspace.service.ts";

type AreaNode = { id: string; parentId: string | null };
type Scope = {
  db: Db;
  workspace: CurrentWorkspace;
  period: { start: string; end: string };
  districtIds: string[];
  findingScope: "recorded" | "open";
  findingStatuses: readonly string[];
  themes: readonly string[];
};

const localDay = (column: string, timeZone: string) =>
  Prisma.sql`(${Prisma.raw(column)} AT TIME ZONE ${timeZone})::date`;

/**
 * The local day a finding counts on: its walk's day, whenever it was typed in; the day it was
 * recorded for a finding without a walk.
 */
const findingDay = (timeZone: string) =>
  Prisma.sql`COALESCE((SELECT (w.starts_at AT TIME ZONE ${timeZone})::date FROM safety_walks w
    WHERE w.workspace_id = f.workspace_id AND w.id = f.walk_id), (f.created_at AT TIME ZONE ${timeZone})::date)`;

/**
 * Findings made in the period (their status now), or with scope "open" every finding made by the
 * period's end whose status at that end was still open (its status then, from the history).
 */
function findingsQuery({ db, workspace, period, districtIds, findingStatuses, findingScope }: Scope) {
  const day = (column: string) => localDay(column, workspace.timezone);
  type Row = FieldLayersOutput["findings"][number] & { areaId: string };
  if (findingScope === "recorded") {
    const statusFilter =
      findingStatuses.length > 0
        ? Prisma.sql`AND f.status::text = ANY(${[...findingStatuses]}::text[])`
        : Prisma.empty;
    return db.$queryRaw<Row[]>`
      SELECT f.id::text, f.walk_id::text AS "walkId", f.lon, f.lat, f.category::text, f.status::text, f.severity,
        f.area_id::text AS "areaId"
      FROM walk_findings f
      WHERE f.workspace_id = ${workspace.id}::uuid AND f.area_id = ANY(${districtIds}::uuid[]) ${statusFilter}
        AND ${findingDay(workspace.timezone)} BETWEEN ${period.start}::date AND ${period.end}::date
      ORDER BY f.created_at`;
  }
  const wanted =
    findingStatuses.length > 0
      ? OPEN_FINDING_STATUSES.filter((status) => findingStatuses.includes(status))
      : [...OPEN_FINDING_STATUSES];
  return db.$queryRaw<Row[]>`
    SELECT id, "walkId", lon, lat, category, status, severity, "areaId" FROM (
      SELECT f.id::text, f.walk_id::text AS "walkId", f.lon, f.lat, f.category::text,
        COALESCE(at_end.status, f.status::text) AS status, f.severity, f.area_id::text AS "areaId", f.created_at
      FROM walk_findings f
      LEFT JOIN LATERAL (
        SELECT c.to_status::text AS status FROM finding_status_changes c
        WHERE c.workspace_id = f.workspace_id AND c.finding_id = f.id
          AND ${day("c.changed_at")} <= ${period.end}::date
        ORDER BY c.changed_at DESC, c.id DESC LIMIT 1
      ) at_end ON true
      WHERE f.workspace_id = ${workspace.id}::uuid AND f.area_id = ANY(${districtIds}::uuid[])
        AND ${findingDay(workspace.timezone)} <= ${period.end}::date
    ) findings
    WHERE status = ANY(${wanted}::text[])
    ORDER BY created_at`;
}

/** Findings (recorded in the period, or open at its end) and approved reports made in the period. */
export async function fieldPoints(scope: Scope) {
  const { db, workspace, period, districtIds } = scope;
  const [findings, reports] = await Promise.all([
    findingsQuery(scope),
    db.$queryRaw<(FieldLayersOutput["reports"][number] & { areaId: string })[]>`
      SELECT id::text, lon, lat, category, kind::text, to_char(${localDay("occurred_at", workspace.timezone)}, 'YYYY-MM-DD') AS date,
        area_id::text AS "areaId"
      FROM field_reports
      WHERE workspace_id = ${workspace.id}::uuid AND area_id = ANY(${districtIds}::uuid[]) AND status = 'approved'
        AND ${localDay("occurred_at", workspace.timezone)} BETWEEN ${period.start}::date AND ${period.end}::date
      ORDER BY occurred_at`,
  ]);
  return { findings, reports };
}

/** The districts (leaf areas) at or below an area: a theme about a RegSO concerns each of its DeSO. */
function leavesBelow(areas: readonly AreaNode[]) {
  const children = new Map<string, string[]>();
  for (const area of areas)
    if (area.parentId) children.set(area.parentId, [...(children.get(area.parentId) ?? []), area.id]);
  const below = (id: string): string[] => {
    const kids = children.get(id);
    return kids ? kids.flatMap(below) : [id];
  };
  return below;
}

/**
 * Dialogue themes raised in dialogues held in the period, per district: a theme counts once per
 * dialogue for each district it concerns (its own areas, else the dialogue's area).
 */
export async function themeMentionsByDistrict(scope: Scope & { areas: readonly AreaNode[] }) {
  const { db, workspace, period, themes } = scope;
  const rows = await db.$queryRaw<
    { dialogue_id: string; theme: DialogueTheme; strength: number; area_ids: string[] }[]
  >`
    SELECT t.dialogue_id::text, t.theme, t.strength,
      CASE WHEN jsonb_array_length(t.area_ids) > 0 THEN t.area_ids
        WHEN d.area_id IS NOT NULL THEN jsonb_build_array(d.area_id::text) ELSE '[]'::jsonb END AS area_ids
    FROM dialogue_themes t
    JOIN dialogues d ON d.workspace_id = t.workspace_id AND d.id = t.dialogue_id
    WHERE t.workspace_id = ${workspace.id}::uuid
      AND ${localDay("d.starts_at", workspace.timezone)} BETWEEN ${period.start}::date AND ${period.end}::date
      ${themes.length > 0 ? Prisma.sql`AND t.theme = ANY(${[...themes]}::text[])` : Prisma.empty}`;
  const leaves = leavesBelow(scope.areas);
  const inScope = new Set(scope.districtIds);
  const byDistrict = new Map<string, Map<DialogueTheme, { count: number; strength: number }>>();
  for (const row of rows) {
    const districts = new Set(row.area_ids.flatMap(leaves).filter((id) => inScope.has(id)));
    for (const district of districts) {
      const mentions = byDistrict.get(district) ?? new Map();
      const current = mentions.get(row.theme) ?? { count: 0, strength: 0 };
      mentions.set(row.theme, {
        count: current.count + 1,
        strength: Math.max(current.strength, row.strength),
      });
      byDistrict.set(district, mentions);
    }
  }
  return byDistrict;
}
