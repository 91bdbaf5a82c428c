import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import { APP_ERROR_MESSAGES, type AppErrorCode } from "../shared/errors.ts";
import type { Role } from "../shared/roles.ts";
import type { Context } from "./context.ts";
import { isDatabaseUnavailable } from "./db/unavailable.ts";
import { AppError } from "./errors.ts";
import { resolveSession } from "./features/auth/session.service.ts";
import { ImportRejectedError } from "./features/imports/import-errors.ts";
import { resolveMembership } from "./features/workspace/workspace.service.ts";
import type { ServiceScope } from "./service-scope.ts";

const TRPC_CODE: Record<AppErrorCode, TRPCError["code"]> = {
  UNAUTHENTICATED: "UNAUTHORIZED",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  ACCOUNT_DEACTIVATED: "FORBIDDEN",
  LINK_INVALID: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  NOT_OWNER: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  WORKSPACE_REQUIRED: "FORBIDDEN",
  VALIDATION: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  METHOD_NOT_ALLOWED: "METHOD_NOT_SUPPORTED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

function appCodeOf(error: TRPCError): AppErrorCode {
  if (error.cause instanceof AppError) return error.cause.code;
  if (error.cause instanceof z.ZodError) return "VALIDATION";
  if (error.code === "UNAUTHORIZED") return "UNAUTHENTICATED";
  if (error.code === "FORBIDDEN") return "FORBIDDEN";
  if (error.code === "NOT_FOUND") return "NOT_FOUND";
  if (error.code === "BAD_REQUEST") return "VALIDATION";
  if (error.code === "TOO_MANY_REQUESTS") return "RATE_LIMITED";
  // The HTTP layer's own refusals (wrong method, body too large, not JSON) are the client's doing.
  if (error.code === "METHOD_NOT_SUPPORTED") return "METHOD_NOT_ALLOWED";
  if (error.code === "PAYLOAD_TOO_LARGE") return "PAYLOAD_TOO_LARGE";
  if (error.code === "UNSUPPORTED_MEDIA_TYPE") return "UNSUPPORTED_MEDIA_TYPE";
  return "INTERNAL";
}

const t = initTRPC.context<Context>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const appCode = appCodeOf(error);
    const zodError = error.cause instanceof z.ZodError ? z.flattenError(error.cause) : null;
    // Internal errors never reach the client with their message: it may hold SQL or data.
    const message = appCode === "INTERNAL" ? APP_ERROR_MESSAGES.en.INTERNAL : shape.message;
    // An import's row-level problems (file row, column, reason) travel with the error.
    const importIssues =
      error.cause instanceof ImportRejectedError
        ? { issues: error.cause.issues, count: error.cause.issueCount }
        : null;
    // A refusal's reason (shared/errors.ts), which the client words in the user's language.
    const detail = error.cause instanceof AppError ? error.cause.detail : null;
    return {
      ...shape,
      message,
      data: {
        ...shape.data,
        stack: undefined,
        appCode,
        zodError,
        importIssues,
        reason: detail?.reason ?? null,
        reasonParams: detail?.params ?? null,
        field: detail?.field ?? null,
      },
    };
  },
});

// Domain code throws AppError; here it becomes a TRPCError with the matching HTTP code.
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: TRPC_CODE[cause.code], message: cause.message, cause });
  }
  // PostgreSQL restarting or away: a 503 the client can explain, not an internal error.
  if (!result.ok && isDatabaseUnavailable(result.error.cause)) {
    const cause = new AppError("UNAVAILABLE", APP_ERROR_MESSAGES.en.UNAVAILABLE);
    throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(mapAppErrors);

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const session = ctx.requestCaller
    ? ((await ctx.requestCaller())?.session ?? null)
    : await resolveSession({ db: ctx.db, token: ctx.sessionToken, renewDays: ctx.sessionDays });
  if (!session) throw new AppError("UNAUTHENTICATED", "No valid session");
  // A session in use slides: the browser's cookie gets the new expiry too.
  if (session.renewedUntil && ctx.sessionToken) ctx.setSessionCookie(ctx.sessionToken, session.renewedUntil);
  return next({ ctx: { ...ctx, session, user: session.user } });
});

/** The one place the caller's workspace and role are resolved; every tenant query uses its id. */
export const workspaceProcedure = authedProcedure.use(async ({ ctx, next }) => {
  if (!ctx.workspaceSlug) throw new AppError("WORKSPACE_REQUIRED", "No workspace given");
  const caller = ctx.requestCaller ? await ctx.requestCaller() : null;
  const membership = caller
    ? caller.membership
    : await resolveMembership({ db: ctx.db, userId: ctx.user.id, slug: ctx.workspaceSlug });
  if (!membership) throw new AppError("WORKSPACE_REQUIRED", "Not a member of this workspace");
  // The data version read with the membership (a query's request), for the answer cache's key.
  const dataVersion = caller?.dataVersion ?? null;
  const { workspace, role, organizationId } = membership;
  // The shape every workspace service takes first (server/service-scope.ts).
  const scope: ServiceScope = { db: ctx.db, workspace, actor: { userId: ctx.user.id, role, organizationId } };
  return next({ ctx: { ...ctx, workspace, role, dataVersion, scope } });
});

export function roleProcedure(roles: readonly Role[]) {
  return workspaceProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.role)) throw new AppError("FORBIDDEN", `Role ${ctx.role} may not do this`);
    return next();
  });
}

/** System administrators create workspaces; it is not a role inside any workspace. */
export const systemAdminProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!ctx.user.isSystemAdmin) throw new AppError("FORBIDDEN", "Only a system administrator may do this");
  return next();
});
