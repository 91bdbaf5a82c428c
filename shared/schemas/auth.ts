import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../passwords.ts";

export const LoginInputSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z
    .string()
    .min(1)
    .max(PASSWORD_MAX_LENGTH * 2),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;
