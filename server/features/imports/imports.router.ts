import { z } from "zod";
import { ANALYST_ROLES } from "../../../shared/roles.ts";
import { FileInputSchema } from "../../../shared/schemas/imports.ts";
import { ImportSurveyInputSchema } from "../../../shared/schemas/surveys.ts";
import { roleProcedure, router } from "../../trpc.ts";
import { importAreasGeoJson, importPopulation, previewGeoJson } from "../areas/areas.import.ts";
import { importCrimeCodeKey } from "../categories/crime-codes.import.ts";
import { importPoliceDelivery } from "../incidents/police-delivery.ts";
import { importPoliceEvents } from "../incidents/police-events.ts";
import { ColumnMappingSchema, importPartnerReports } from "../reports/partner-reports.import.ts";
import { importSurveyResults } from "../surveys/surveys.import.ts";
import {
  createPartnerSource,
  listImportBatches,
  listPartnerSources,
  undoImportBatch,
} from "./imports.service.ts";
import { readTable } from "./read-table.ts";

const analystProcedure = roleProcedure(ANALYST_ROLES);
const decode = (input: { contentBase64: string }) => Buffer.from(input.contentBase64, "base64");

export const importsRouter = router({
  history: analystProcedure
    .input(z.void())
    .query(({ ctx }) => listImportBatches({ db: ctx.db, workspaceId: ctx.workspace.id })),
  policeDelivery: analystProcedure.input(FileInputSchema).mutation(({ ctx, input }) =>
    importPoliceDelivery({
      db: ctx.db,
      workspaceId: ctx.workspace.id,
      timeZone: ctx.workspace.timezone,
      userId: ctx.user.id,
      fileName: input.fileName,
      content: decode(input),
    }),
  ),
  policeEvents: analystProcedure.input(FileInputSchema).mutation(({ ctx, input }) =>
    importPoliceEvents({
      db: ctx.db,
      workspaceId: ctx.workspace.id,
      timeZone: ctx.workspace.timezone,
      userId: ctx.user.id,
      fileName: input.fileName,
      content: decode(input),
    }),
  ),
  preview: analystProcedure.input(FileInputSchema).mutation(async ({ input }) => {
    const table = await readTable(input.fileName, decode(input));
    return {
      header: table.header,
      rows: table.rows.slice(0, 10),
      rowCount: table.rows.length,
      format: table.format,
    };
  }),
  partnerSources: analystProcedure
    .input(z.void())
    .query(({ ctx }) => listPartnerSources({ db: ctx.db, workspaceId: ctx.workspace.id })),
  createPartnerSource: analystProcedure
    .input(z.object({ name: z.string().trim().min(2).max(120) }))
    .mutation(({ ctx, input }) =>
      createPartnerSource({ db: ctx.db, workspaceId: ctx.workspace.id, name: input.name }),
    ),
  partnerReports: analystProcedure
    .input(FileInputSchema.extend({ dataSourceId: z.string().uuid(), mapping: ColumnMappingSchema }))
    .mutation(({ ctx, input }) =>
      importPartnerReports({
        db: ctx.db,
        workspaceId: ctx.workspace.id,
        timeZone: ctx.workspace.timezone,
        userId: ctx.user.id,
        dataSourceId: input.dataSourceId,
        fileName: input.fileName,
        content: decode(input),
        mapping: input.mapping,
      }),
    ),
  crimeCodes: analystProcedure.input(FileInputSchema).mutation(({ ctx, input }) =>
    importCrimeCodeKey({
      db: ctx.db,
      workspaceId: ctx.workspace.id,
      userId: ctx.user.id,
      content: decode(input),
    }),
  ),
  areasPreview: analystProcedure
    .input(FileInputSchema)
    .mutation(({ input }) => previewGeoJson(decode(input))),
  areas: analystProcedure
    .input(
      FileInputSchema.extend({
        kind: z.enum(["deso", "regso", "district", "subarea"]),
        codeProperty: z.string().min(1).max(100),
        nameProperty: z.string().min(1).max(100).optional(),
        parentCodeProperty: z.string().min(1).max(100).optional(),
        parentNameProperty: z.string().min(1).max(100).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      importAreasGeoJson({
        db: ctx.db,
        workspaceId: ctx.workspace.id,
        userId: ctx.user.id,
        content: decode(input),
        kind: input.kind,
        codeProperty: input.codeProperty,
        nameProperty: input.nameProperty,
        parentCodeProperty: input.parentCodeProperty,
        parentNameProperty: input.parentNameProperty,
      }),
    ),
  population: analystProcedure
    .input(
      FileInputSchema.extend({
        codeColumn: z.string().min(1).max(100),
        yearColumn: z.string().min(1).max(100),
        populationColumn: z.string().min(1).max(100),
      }),
    )
    .mutation(({ ctx, input }) =>
      importPopulation({
        db: ctx.db,
        workspaceId: ctx.workspace.id,
        userId: ctx.user.id,
        content: decode(input),
        codeColumn: input.codeColumn,
        yearColumn: input.yearColumn,
        populationColumn: input.populationColumn,
      }),
    ),
  surveys: analystProcedure.input(ImportSurveyInputSchema).mutation(({ ctx, input }) =>
    importSurveyResults({
      db: ctx.db,
      workspaceId: ctx.workspace.id,
      timeZone: ctx.workspace.timezone,
      userId: ctx.user.id,
      fileName: input.fileName,
      content: decode(input),
      kind: input.kind,
      surveyName: input.surveyName,
    }),
  ),
  undo: analystProcedure.input(z.object({ batchId: z.string().uuid() })).mutation(({ ctx, input }) =>
    undoImportBatch({
      db: ctx.db,
      workspaceId: ctx.workspace.id,
      batchId: input.batchId,
      userId: ctx.user.id,
    }),
  ),
});
