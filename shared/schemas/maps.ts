import { z } from "zod";

/** A style.json URL or a raster tile template with {z}/{x}/{y}; https only; null for the app's own map. */
export const BasemapStyleInputSchema = z.object({
  styleUrl: z
    .url({ protocol: /^https$/, message: "must be an https:// address" })
    .max(1000)
    .nullable(),
});
export type BasemapStyleInput = z.infer<typeof BasemapStyleInputSchema>;

export const BasemapStyleSchema = z.object({ styleUrl: z.string().nullable() });
