import { z } from "zod";
import { LocalDateSchema } from "./overview.ts";

/** A partner's own report of one event, entered by hand (vandalism, fire, disturbance). */
export const CreateIncidentInputSchema = z.object({
  categoryCode: z.string().min(1).max(64),
  areaCode: z.string().min(1).max(64),
  occurredOn: LocalDateSchema,
  count: z.number().int().min(1).max(1000).default(1),
  description: z.string().trim().max(2000).optional(),
});
export type CreateIncidentInput = z.input<typeof CreateIncidentInputSchema>;
