import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../passwords.ts";
import { ROLES } from "../roles.ts";

export const LoginInputSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 2),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

/** A sign-in or sign-out: the session travels in the cookie, never in the answer. */
export const SessionChangedSchema = z.object({ ok: z.literal(true) });

/** The signed-in user and the workspaces it may open. */
export const MeSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.string(),
    isSystemAdmin: z.boolean(),
  }),
  workspaces: z.array(z.object({ slug: z.string(), name: z.string(), role: z.enum(ROLES) })),
});
export type Me = z.infer<typeof MeSchema>;
