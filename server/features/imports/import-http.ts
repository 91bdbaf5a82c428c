import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { APP_ERROR_MESSAGES } from "../../../shared/errors.ts";
import { WORKSPACE_HEADER } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import { resolveImportToken } from "../workspace/api-tokens.service.ts";
import { ImportRejectedError } from "./import-errors.ts";
import { IMPORT_JOB_KINDS, type ImportJobKind, type ImportJobOptions, runImportJob } from "./import-job.ts";

export const IMPORT_ROUTE = "/api/imports/";
export const FILE_NAME_HEADER = "x-est-file-name";
/** A year of a large county's police deliveries is about 7 MB; this leaves ample room. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const STATUS: Record<AppError["code"], number> = {
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_DEACTIVATED: 403,
  LINK_INVALID: 404,
  FORBIDDEN: 403,
  NOT_OWNER: 403,
  NOT_FOUND: 404,
  WORKSPACE_REQUIRED: 403,
  VALIDATION: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_IMPORT_BYTES)
    throw new AppError("VALIDATION", { reason: "FILE_TOO_LARGE", params: { mb: 200 } });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_IMPORT_BYTES)
      throw new AppError("VALIDATION", { reason: "FILE_TOO_LARGE", params: { mb: 200 } });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * POST /api/imports/<kind>: a scheduled job's file, handed over by `npm run import` when this
 * process holds the embedded database. Authorised by an import token an admin created; runs the
 * same all-or-nothing import as the UI and answers with its result or its file-row problems.
 */
export function createImportRoute(db: Db, log?: (line: string) => void) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const kind = url.pathname.slice(IMPORT_ROUTE.length) as ImportJobKind;
    try {
      if (req.method !== "POST") {
        res.setHeader("Allow", "POST");
        return send(res, 405, { error: "Endast POST." });
      }
      if (!IMPORT_JOB_KINDS.includes(kind))
        throw new AppError("NOT_FOUND", `Okänd importtyp "${kind}"; kända: ${IMPORT_JOB_KINDS.join(", ")}.`);
      const authorization = req.headers.authorization ?? "";
      const token = authorization.startsWith("Bearer ") ? authorization.slice(7).trim() : null;
      const slug = req.headers[WORKSPACE_HEADER];
      const { workspace, userId, tokenId } = await resolveImportToken({
        db,
        token,
        workspaceSlug: typeof slug === "string" && slug ? slug : null,
      });
      const fileName = decodeURIComponent(String(req.headers[FILE_NAME_HEADER] ?? "fil"));
      const content = await readBody(req);
      const options = Object.fromEntries(url.searchParams) as ImportJobOptions;
      const outcome = await runImportJob({
        db,
        workspace,
        userId,
        apiTokenId: tokenId,
        kind,
        fileName,
        content,
        options,
      });
      send(res, 200, outcome);
    } catch (error) {
      if (error instanceof ImportRejectedError)
        return send(res, 400, { error: error.message, issues: error.issues, issueCount: error.issueCount });
      if (error instanceof AppError) return send(res, STATUS[error.code], { error: error.message });
      if (error instanceof z.ZodError)
        return send(res, 400, { error: `Ogiltiga val: ${z.prettifyError(error)}` });
      log?.(`Import route ${kind} failed: ${(error as Error).name}`);
      send(res, 500, { error: APP_ERROR_MESSAGES.sv.INTERNAL });
    }
  };
}
