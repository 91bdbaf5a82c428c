import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { checkPhoto } from "./photo-check.ts";

type Executor = Pick<Db, "$executeRaw" | "$queryRaw">;
type Owner = { findingId: string } | { reportId: string };

/**
 * Photos go in and out as base64 through SQL's encode/decode: the PGlite adapter cannot bind
 * Prisma's Bytes values, and this way both databases take the same path.
 */
export async function insertPhoto(
  db: Executor,
  workspaceId: string,
  owner: Owner,
  photo: Awaited<ReturnType<typeof checkPhoto>>,
) {
  const findingId = "findingId" in owner ? owner.findingId : null;
  const reportId = "reportId" in owner ? owner.reportId : null;
  await db.$executeRaw`
    INSERT INTO photos (workspace_id, id, finding_id, report_id, content_type, size, data)
    VALUES (${workspaceId}::uuid, gen_random_uuid(), ${findingId}::uuid, ${reportId}::uuid, ${photo.contentType},
      ${photo.data.length}, decode(${photo.data.toString("base64")}, 'base64'))`;
}

export async function readPhoto(db: Executor, workspaceId: string, photoId: string) {
  const [photo] = await db.$queryRaw<{ contentType: string; base64: string }[]>`
    SELECT content_type AS "contentType", encode(data, 'base64') AS base64
    FROM photos WHERE workspace_id = ${workspaceId}::uuid AND id = ${photoId}::uuid`;
  if (!photo) throw new AppError("NOT_FOUND", "No such photo");
  // encode() wraps base64 at 76 characters.
  return { contentType: photo.contentType, base64: photo.base64.replace(/\s/g, "") };
}
