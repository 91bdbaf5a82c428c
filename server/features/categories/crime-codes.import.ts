import { createHash } from "node:crypto";
import type { Db } from "../../db/client.ts";
import { locateColumns, parseCsv } from "../imports/csv.ts";
import { type ImportActor, recordImportAudit } from "../imports/import-batch.ts";
import { createIssueList, ImportRejectedError } from "../imports/import-errors.ts";

const COLUMNS = ["Brottskod", "Brott_niva", "Brottskategorier_namn"] as const;

/** Group codes are derived from the path of names, so re-importing the same key finds the same groups. */
export function groupCode(path: readonly string[]): string {
  return `K-${createHash("sha1").update(path.join(" > ")).digest("hex").slice(0, 10)}`;
}

/**
 * Imports a crime-code hierarchy (one row per code and level, as in brott_niva_nyckel.csv): levels
 * above the last become groups, the last level names the code. Safe to repeat: categories are
 * matched by code and moved or renamed, never duplicated.
 */
export async function importCrimeCodeKey({
  db,
  workspaceId,
  content,
  ...actor
}: ImportActor & {
  db: Db;
  workspaceId: string;
  content: Buffer | string;
}) {
  const table = parseCsv(content);
  const issues = createIssueList();
  const { index, missing } = locateColumns(table.header, COLUMNS);
  for (const column of missing) issues.add({ row: 1, column, reason: "kolumnen saknas i rubrikraden" });
  const levelsByCode = new Map<string, Map<number, string>>();
  table.rows.forEach((cells, position) => {
    if (missing.length > 0) return;
    const line = position + 2;
    const code = Number((cells[index.Brottskod] ?? "").trim());
    const level = Number((cells[index.Brott_niva] ?? "").trim());
    const name = (cells[index.Brottskategorier_namn] ?? "").trim();
    if (!Number.isInteger(code) || code < 0) {
      issues.add({ row: line, column: "Brottskod", reason: "inte en brottskod" });
      return;
    }
    if (!Number.isInteger(level) || level < 1) {
      issues.add({ row: line, column: "Brott_niva", reason: "inte en nivå (1, 2, …)" });
      return;
    }
    if (!name) {
      issues.add({ row: line, column: "Brottskategorier_namn", reason: "namnet saknas" });
      return;
    }
    const levels = levelsByCode.get(String(code)) ?? new Map<number, string>();
    levels.set(level, name);
    levelsByCode.set(String(code), levels);
  });
  if (issues.total > 0) throw new ImportRejectedError(issues.listed, issues.total);
  return db.$transaction(
    async (tx) => {
      const existing = await tx.category.findMany({
        where: { workspaceId },
        select: { id: true, code: true },
      });
      const idByCode = new Map(existing.map((c) => [c.code, c.id]));
      let sortOrder = 0;
      const upsert = async (
        code: string,
        name: string,
        parentId: string | null,
        kind: "group" | "crime_code",
      ) => {
        const id = idByCode.get(code);
        const data = { parentId, nameSv: name, nameEn: name, kind, sortOrder: sortOrder++ };
        if (id) {
          await tx.category.update({ where: { workspaceId_id: { workspaceId, id } }, data });
          return id;
        }
        const created = await tx.category.create({
          data: { workspaceId, code, ...data },
          select: { id: true },
        });
        idByCode.set(code, created.id);
        return created.id;
      };
      for (const [code, levels] of [...levelsByCode].sort(([a], [b]) => Number(a) - Number(b))) {
        const names = [...levels].sort(([a], [b]) => a - b).map(([, name]) => name);
        let parentId: string | null = null;
        for (let depth = 0; depth < names.length - 1; depth++) {
          parentId = await upsert(
            groupCode(names.slice(0, depth + 1)),
            names[depth] ?? "",
            parentId,
            "group",
          );
        }
        await upsert(code, names.at(-1) ?? code, parentId, "crime_code");
      }
      await recordImportAudit(
        tx,
        { ...actor, workspaceId },
        { kind: "crime-codes", count: levelsByCode.size },
      );
      return { codes: levelsByCode.size, categories: idByCode.size };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
