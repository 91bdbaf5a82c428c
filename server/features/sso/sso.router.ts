import { z } from "zod";
import { SsoSettingsSchema } from "../../../shared/schemas/sso.ts";
import { roleProcedure } from "../../trpc.ts";
import { getSsoSettings, updateSsoSettings } from "./sso-settings.service.ts";

const admin = roleProcedure(["admin"]);

/** The workspace's single sign-on mapping (docs/decisions/020), spread into the workspace router. */
export const ssoProcedures = {
  ssoSettings: admin
    .input(z.void())
    .output(SsoSettingsSchema)
    .query(({ ctx }) => getSsoSettings(ctx.scope)),
  updateSsoSettings: admin
    .input(SsoSettingsSchema)
    .output(SsoSettingsSchema)
    .mutation(({ ctx, input }) => updateSsoSettings(ctx.scope, input)),
};
