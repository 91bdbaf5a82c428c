import { z } from "zod";
import { LoginInputSchema } from "../../../shared/schemas/auth.ts";
import { authedProcedure, publicProcedure, router } from "../../trpc.ts";
import { listMyWorkspaces } from "../workspace/workspace.service.ts";
import { login } from "./auth.service.ts";
import { deleteSession } from "./session.service.ts";

export const authRouter = router({
  login: publicProcedure.input(LoginInputSchema).mutation(async ({ ctx, input }) => {
    const session = await login({ db: ctx.db, input, clientIp: ctx.clientIp, sessionDays: ctx.sessionDays });
    ctx.setSessionCookie(session.token, session.expiresAt);
    return { ok: true as const };
  }),
  logout: publicProcedure.input(z.void()).mutation(async ({ ctx }) => {
    await deleteSession({ db: ctx.db, token: ctx.sessionToken });
    ctx.clearSessionCookie();
    return { ok: true as const };
  }),
  me: authedProcedure.input(z.void()).query(async ({ ctx }) => ({
    user: ctx.user,
    workspaces: await listMyWorkspaces({ db: ctx.db, userId: ctx.user.id }),
  })),
});
