import { z } from "zod";

/** Files travel as base64 inside tRPC; 40 MB of base64 is about 30 MB of file. */
export const FileInputSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(40_000_000),
});
export type FileInput = z.infer<typeof FileInputSchema>;
