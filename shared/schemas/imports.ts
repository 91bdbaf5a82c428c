import { z } from "zod";

/** Files travel as base64 inside tRPC; 40 MB of base64 is about 30 MB of file. */
export const FileInputSchema = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().min(1).max(40_000_000),
});
export type FileInput = z.infer<typeof FileInputSchema>;

/** Which columns of a partner's file hold what; kept with the data source for its next file. */
export const ColumnMappingSchema = z.object({
  date: z.string().min(1),
  category: z.string().min(1),
  area: z.discriminatedUnion("by", [
    z.object({ by: z.literal("code"), column: z.string().min(1) }),
    z.object({ by: z.literal("name"), column: z.string().min(1) }),
    z.object({ by: z.literal("coordinates"), lonColumn: z.string().min(1), latColumn: z.string().min(1) }),
  ]),
  count: z.string().optional(),
  description: z.string().optional(),
});
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

export const PartnerReportsInputSchema = FileInputSchema.extend({
  dataSourceId: z.uuid(),
  mapping: ColumnMappingSchema,
});

export const AREA_IMPORT_KINDS = ["deso", "regso", "district", "subarea"] as const;

export const AreasImportInputSchema = FileInputSchema.extend({
  kind: z.enum(AREA_IMPORT_KINDS),
  codeProperty: z.string().min(1).max(100),
  nameProperty: z.string().min(1).max(100).optional(),
  parentCodeProperty: z.string().min(1).max(100).optional(),
  parentNameProperty: z.string().min(1).max(100).optional(),
});

export const PopulationImportInputSchema = FileInputSchema.extend({
  codeColumn: z.string().min(1).max(100),
  yearColumn: z.string().min(1).max(100),
  populationColumn: z.string().min(1).max(100),
});

export const PartnerSourceInputSchema = z.object({ name: z.string().trim().min(2).max(120) });
export const UndoImportInputSchema = z.object({ batchId: z.uuid() });

/** A problem of a refused file, by file row and column. */
export const ImportIssueSchema = z.object({ row: z.number(), column: z.string(), reason: z.string() });
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

/** A completed import's history row as the importer answers it, with what it changed. */
const importBatchOf = <Summary extends z.ZodType>(summary: Summary) =>
  z.object({ id: z.string(), rowCount: z.number(), fileHash: z.string().nullable(), summary });

/** Per delivery (file): its kommun and months, with the crimes each month held before and after. */
export const PoliceDeliveryImportSchema = importBatchOf(
  z.array(
    z.object({
      delivery: z.string(),
      kommunCode: z.string(),
      from: z.string(),
      to: z.string(),
      months: z.array(z.object({ month: z.string(), before: z.number(), after: z.number() })),
    }),
  ),
);

export const PoliceEventsImportSchema = importBatchOf(
  z.object({
    events: z.number(),
    imported: z.number(),
    summaries: z.number(),
    outsideWorkspace: z.number(),
    duplicates: z.number(),
  }),
);

export const PartnerReportsImportSchema = importBatchOf(z.object({ rows: z.number(), format: z.string() }));

export const SurveyImportSchema = importBatchOf(
  z.object({ rows: z.number(), added: z.number(), replaced: z.number(), unchanged: z.number() }),
);
export type SurveyImport = z.infer<typeof SurveyImportSchema>;

/** The first rows of a partner's or population file, so the user can map its columns. */
export const TablePreviewSchema = z.object({
  header: z.array(z.string()),
  rows: z.array(z.array(z.string().nullable())),
  rowCount: z.number(),
  format: z.string(),
});

/** What a GeoJSON file holds: its areas' count, their properties and three areas' values. */
export const GeoJsonPreviewSchema = z.object({
  features: z.number(),
  properties: z.array(z.string()),
  examples: z.array(z.record(z.string(), z.string())),
});

export const AreasImportSchema = z.object({ areas: z.number(), created: z.number() });
export const PopulationImportSchema = z.object({ rows: z.number() });
export const CrimeCodesImportSchema = z.object({ codes: z.number(), categories: z.number() });

export const IMPORT_STATUSES = ["running", "completed", "failed", "undone"] as const;

/**
 * The import history. `summary` is what the import stored about its changes (its shape depends
 * on the kind and on the app's version that wrote it), so it is passed on as JSON.
 */
export const ImportHistorySchema = z.array(
  z.object({
    id: z.string(),
    kind: z.string(),
    fileName: z.string().nullable(),
    fileHash: z.string().nullable(),
    status: z.enum(IMPORT_STATUSES),
    rowCount: z.number(),
    errorCount: z.number(),
    errors: z.array(ImportIssueSchema).nullable(),
    summary: z.json().nullable(),
    startedAt: z.date(),
    finishedAt: z.date().nullable(),
    undoneAt: z.date().nullable(),
    dataSource: z.object({ name: z.string() }),
    undoable: z.boolean(),
    userName: z.string().nullable(),
  }),
);
export type ImportHistory = z.infer<typeof ImportHistorySchema>;

export const UndoImportSchema = z.object({ removed: z.number(), restored: z.number() });

export const PartnerSourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  columnMapping: ColumnMappingSchema.nullable(),
});
export const PartnerSourcesSchema = z.array(PartnerSourceSchema);
