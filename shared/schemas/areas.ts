import { z } from "zod";

export const RenameAreaInputSchema = z.object({
  areaId: z.uuid(),
  name: z.string().trim().min(1).max(120),
});
export type RenameAreaInput = z.infer<typeof RenameAreaInputSchema>;

export const RenamedAreaSchema = z.object({ id: z.string(), code: z.string().nullable(), name: z.string() });
