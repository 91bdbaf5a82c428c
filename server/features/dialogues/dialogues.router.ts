import { z } from "zod";
import { WRITER_ROLES } from "../../../shared/roles.ts";
import {
  CreateDialogueInputSchema,
  CreatedSchema,
  DialogueListSchema,
  DialogueResultsInputSchema,
  DialogueResultsRecordedSchema,
  ThemeTrendInputSchema,
  ThemeTrendSchema,
} from "../../../shared/schemas/field.ts";
import { roleProcedure, router, workspaceProcedure } from "../../trpc.ts";
import { auditAfter, restrictedReadEntry } from "../audit/audit.service.ts";
import { createDialogue, listDialogues, recordDialogueResults, themeTrend } from "./dialogues.service.ts";

const writer = roleProcedure(WRITER_ROLES);

export const dialoguesRouter = router({
  // Audited when the answer holds any dialogue's notes (decisions/018).
  list: workspaceProcedure
    .input(z.void())
    .output(DialogueListSchema)
    .query(({ ctx }) =>
      auditAfter(ctx.db, listDialogues(ctx.scope), (dialogues) =>
        restrictedReadEntry(
          ctx.scope,
          "dialogue_notes_read",
          dialogues.filter((d) => Boolean(d.notes)).length,
        ),
      ),
    ),
  create: writer
    .input(CreateDialogueInputSchema)
    .output(CreatedSchema)
    .mutation(({ ctx, input }) => createDialogue(ctx.scope, input)),
  recordResults: writer
    .input(DialogueResultsInputSchema)
    .output(DialogueResultsRecordedSchema)
    .mutation(({ ctx, input }) => recordDialogueResults(ctx.scope, input)),
  themeTrend: workspaceProcedure
    .input(ThemeTrendInputSchema)
    .output(ThemeTrendSchema)
    .query(({ ctx, input }) => themeTrend(ctx.scope, input)),
});
