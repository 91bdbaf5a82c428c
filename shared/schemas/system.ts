import { z } from "zod";

/** What the client needs before anyone signs in: the installation's basemap style and SSO button. */
export const PublicConfigSchema = z.object({
  mapStyleUrl: z.string().nullable(),
  /** The single sign-on provider's name for the login page's button, when one is configured. */
  sso: z.object({ name: z.string() }).nullable().optional(),
});
export type PublicConfig = z.infer<typeof PublicConfigSchema>;
