import type { Context } from "../../server/context.ts";
import type { Db } from "../../server/db/client.ts";
import { SESSION_DAYS } from "../../server/features/auth/session.service.ts";
import { createCaller } from "../../server/router.ts";

/** A tRPC caller as a browser would be: its session cookie and the workspace header it sends. */
export function callerFor(
  db: Db,
  options: { token?: string | null; workspace?: string | null; clientIp?: string } = {},
) {
  const cookies: { token: string | null } = { token: options.token ?? null };
  const context: Context = {
    db,
    sessionToken: options.token ?? null,
    workspaceSlug: options.workspace ?? null,
    clientIp: options.clientIp ?? "127.0.0.1",
    sessionDays: SESSION_DAYS,
    setSessionCookie: (token) => {
      cookies.token = token;
    },
    clearSessionCookie: () => {
      cookies.token = null;
    },
  };
  return { caller: createCaller(context), cookies };
}

/** Logs in through the real procedure and returns a caller holding the session it set. */
export async function loginAs(db: Db, email: string, password: string, workspace?: string) {
  const { caller, cookies } = callerFor(db);
  await caller.auth.login({ email, password });
  if (!cookies.token) throw new Error("login set no session cookie");
  return { ...callerFor(db, { token: cookies.token, workspace }), token: cookies.token };
}
