import { dbDateToLocalDate } from "../../../shared/calendar.ts";
import type { LagesbildContent } from "../../../shared/lagesbild.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";

export async function getSnapshot(scope: ServiceScope, snapshotId: string) {
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
export async function listSnapshots({ db, workspace }: ServiceScope) {
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
