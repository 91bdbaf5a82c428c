import { z } from "zod";
import { ANALYST_ROLES } from "../../../shared/roles.ts";
import {
  AreasImportInputSchema,
  AreasImportSchema,
  CrimeCodesImportSchema,
  FileInputSchema,
  GeoJsonPreviewSchema,
  ImportHistorySchema,
  PartnerReportsImportSchema,
  PartnerReportsInputSchema,
  PartnerSourceInputSchema,
  PartnerSourceSchema,
  PartnerSourcesSchema,
  PoliceDeliveryImportSchema,
  PoliceEventsImportSchema,
  PopulationImportInputSchema,
  PopulationImportSchema,
  SurveyImportSchema,
  TablePreviewSchema,
  UndoImportInputSchema,
  UndoImportSchema,
} from "../../../shared/schemas/imports.ts";
import { ImportSurveyInputSchema } from "../../../shared/schemas/surveys.ts";
import { roleProcedure, router } from "../../trpc.ts";
import { importAreasGeoJson, importPopulation, previewGeoJson } from "../areas/areas.import.ts";
import { importCrimeCodeKey } from "../categories/crime-codes.import.ts";
import { importPoliceDelivery } from "../incidents/police-delivery.ts";
import { importPoliceEvents } from "../incidents/police-events.ts";
import { importPartnerReports } from "../reports/partner-reports.import.ts";
import { importSurveyResults } from "../surveys/surveys.import.ts";
import { importerOptionsOf } from "./import-batch.ts";
import {
  createPartnerSource,
  listImportBatches,
  listPartnerSources,
  undoImportBatch,
} from "./imports.service.ts";
import { readTable } from "./read-table.ts";

const analystProcedure = roleProcedure(ANALYST_ROLES);
const decode = (input: { contentBase64: string }) => Buffer.from(input.contentBase64, "base64");
/** A file's name and bytes as the importers take them. */
const fileOf = (input: { fileName: string; contentBase64: string }) => ({
  fileName: input.fileName,
  content: decode(input),
});

// The importers belong to their domains (areas, categories, incidents, reports, surveys); this
// router is the one door to them, with the history and undo that every import shares.
export const importsRouter = router({
  history: analystProcedure
    .input(z.void())
    .output(ImportHistorySchema)
    .query(({ ctx }) => listImportBatches(ctx.scope)),
  policeDelivery: analystProcedure
    .input(FileInputSchema)
    .output(PoliceDeliveryImportSchema)
    .mutation(({ ctx, input }) =>
      importPoliceDelivery({ ...importerOptionsOf(ctx.scope), ...fileOf(input) }),
    ),
  policeEvents: analystProcedure
    .input(FileInputSchema)
    .output(PoliceEventsImportSchema)
    .mutation(({ ctx, input }) => importPoliceEvents({ ...importerOptionsOf(ctx.scope), ...fileOf(input) })),
  preview: analystProcedure
    .input(FileInputSchema)
    .output(TablePreviewSchema)
    .mutation(async ({ input }) => {
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
    .output(PartnerSourcesSchema)
    .query(({ ctx }) => listPartnerSources(ctx.scope)),
  createPartnerSource: analystProcedure
    .input(PartnerSourceInputSchema)
    .output(PartnerSourceSchema)
    .mutation(({ ctx, input }) => createPartnerSource(ctx.scope, input)),
  partnerReports: analystProcedure
    .input(PartnerReportsInputSchema)
    .output(PartnerReportsImportSchema)
    .mutation(({ ctx, input }) =>
      importPartnerReports({
        ...importerOptionsOf(ctx.scope),
        ...fileOf(input),
        dataSourceId: input.dataSourceId,
        mapping: input.mapping,
      }),
    ),
  crimeCodes: analystProcedure
    .input(FileInputSchema)
    .output(CrimeCodesImportSchema)
    .mutation(({ ctx, input }) =>
      importCrimeCodeKey({ ...importerOptionsOf(ctx.scope), content: decode(input) }),
    ),
  areasPreview: analystProcedure
    .input(FileInputSchema)
    .output(GeoJsonPreviewSchema)
    .mutation(({ input }) => previewGeoJson(decode(input))),
  areas: analystProcedure
    .input(AreasImportInputSchema)
    .output(AreasImportSchema)
    .mutation(({ ctx, input }) => {
      const { fileName: _name, contentBase64: _content, ...properties } = input;
      return importAreasGeoJson({ ...importerOptionsOf(ctx.scope), content: decode(input), ...properties });
    }),
  population: analystProcedure
    .input(PopulationImportInputSchema)
    .output(PopulationImportSchema)
    .mutation(({ ctx, input }) => {
      const { fileName: _name, contentBase64: _content, ...columns } = input;
      return importPopulation({ ...importerOptionsOf(ctx.scope), content: decode(input), ...columns });
    }),
  surveys: analystProcedure
    .input(ImportSurveyInputSchema)
    .output(SurveyImportSchema)
    .mutation(({ ctx, input }) =>
      importSurveyResults({
        ...importerOptionsOf(ctx.scope),
        ...fileOf(input),
        kind: input.kind,
        surveyName: input.surveyName,
      }),
    ),
  undo: analystProcedure
    .input(UndoImportInputSchema)
    .output(UndoImportSchema)
    .mutation(({ ctx, input }) => undoImportBatch(ctx.scope, input.batchId)),
});
