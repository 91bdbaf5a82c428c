import { z } from "zod";
import { WRITER_ROLES } from "../../../shared/roles.ts";
import {
  CreateDialogueInputSchema,
  DialogueResultsInputSchema,
  ThemeTrendInputSchema,
  ThemeTrendSchema,
} from "../../../shared/schemas/field.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { createDialogue, listDialogues, recordDialogueResults, themeTrend } from "./dialogues.service.ts";

const writer = roleProcedure(WRITER_ROLES);

export const dialoguesRouter = router({
  list: workspaceProcedure.input(z.void()).query(({ ctx }) => listDialogues(ctx)),
  create: writer.input(CreateDialogueInputSchema).mutation(({ ctx, input }) => createDialogue(ctx, input)),
  recordResults: writer
    .input(DialogueResultsInputSchema)
    .mutation(({ ctx, input }) => recordDialogueResults(ctx, input)),
  themeTrend: workspaceProcedure
    .input(ThemeTrendInputSchema)
    .output(ThemeTrendSchema)
    .query(({ ctx, input }) => themeTrend(ctx, input)),
});
