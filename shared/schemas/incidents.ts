import { z } from "zod";

/** Where incidents come from (the database's DataSourceKind). */
export const DATA_SOURCE_KINDS = [
  "police_delivery",
  "police_events_api",
  "partner_reports",
  "manual",
  "synthetic",
  "survey",
] as const;

export const DataSourceListSchema = z.array(
  z.object({ id: z.string(), name: z.string(), kind: z.enum(DATA_SOURCE_KINDS) }),
);
export type DataSourceList = z.infer<typeof DataSourceListSchema>;
