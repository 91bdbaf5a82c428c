import { z } from "zod";

/** A file the server makes for the browser to save (an Excel report, a table): its bytes in base64. */
export const DownloadFileSchema = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
});
export type DownloadFile = z.infer<typeof DownloadFileSchema>;
