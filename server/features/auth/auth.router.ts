import { z } from "zod";
import {
  AcceptedInvitationSchema,
  AcceptInvitationInputSchema,
  ChangePasswordInputSchema,
  InvitationInfoSchema,
  PasswordChangedSchema,
  PasswordResetSchema,
  ResetInfoSchema,
  ResetPasswordInputSchema,
  TokenInputSchema,
} from "../../../shared/schemas/accounts.ts";
import { LoginInputSchema, MeSchema, SessionChangedSchema } from "../../../shared/schemas/auth.ts";
import { authedProcedure, publicProcedure, router } from "../../trpc.ts";
import { listMyWorkspaces } from "../workspace/workspace.service.ts";
import {
  acceptInvitation,
  changePassword,
  describeInvitation,
  describeReset,
  resetPassword,
} from "./account-links.service.ts";
import { login } from "./auth.service.ts";
import { deleteSession } from "./session.service.ts";

// Outside any workspace: these services take an AccountScope (db, client address, session
// lifetime) from the request's context, not a ServiceScope.
// The one-time links' tokens travel only in POST bodies (mutations), never in a URL a log keeps.
export const authRouter = router({
  login: publicProcedure
    .input(LoginInputSchema)
    .output(SessionChangedSchema)
    .mutation(async ({ ctx, input }) => {
      const session = await login(ctx, input);
      ctx.setSessionCookie(session.token, session.expiresAt);
      return { ok: true as const };
    }),
  logout: publicProcedure
    .input(z.void())
    .output(SessionChangedSchema)
    .mutation(async ({ ctx }) => {
      await deleteSession({ db: ctx.db, token: ctx.sessionToken });
      ctx.clearSessionCookie();
      return { ok: true as const };
    }),
  me: authedProcedure
    .input(z.void())
    .output(MeSchema)
    .query(async ({ ctx }) => ({
      user: ctx.user,
      workspaces: await listMyWorkspaces({ db: ctx.db, userId: ctx.user.id }),
    })),
  invitation: publicProcedure
    .input(TokenInputSchema)
    .output(InvitationInfoSchema)
    .mutation(({ ctx, input }) => describeInvitation(ctx, input.token)),
  acceptInvitation: publicProcedure
    .input(AcceptInvitationInputSchema)
    .output(AcceptedInvitationSchema)
    .mutation(async ({ ctx, input }) => {
      const { session, workspaceSlug } = await acceptInvitation(ctx, input);
      ctx.setSessionCookie(session.token, session.expiresAt);
      return { workspaceSlug };
    }),
  resetInfo: publicProcedure
    .input(TokenInputSchema)
    .output(ResetInfoSchema)
    .mutation(({ ctx, input }) => describeReset(ctx, input.token)),
  resetPassword: publicProcedure
    .input(ResetPasswordInputSchema)
    .output(PasswordResetSchema)
    .mutation(async ({ ctx, input }) => {
      const { session, workspaceSlug } = await resetPassword(ctx, input);
      if (session) ctx.setSessionCookie(session.token, session.expiresAt);
      return { isSignedIn: session !== null, workspaceSlug };
    }),
  changePassword: authedProcedure
    .input(ChangePasswordInputSchema)
    .output(PasswordChangedSchema)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
});
