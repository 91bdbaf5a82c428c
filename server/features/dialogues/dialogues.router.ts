import { z } from "zod";
import { WRITER_ROLES } from "../../../shared/roles.ts";
import {
  CreateDialogueInputSchema,
  DialogueResultsInputSchema,
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
    .query(({ ctx }) =>
      auditAfter(ctx.db, listDialogues(ctx), (dialogues) =>
        restrictedReadEntry(ctx, "dialogue_notes_read", dialogues.filter((d) => Boolean(d.notes)).length),
      ),
    ),
  create: writer.input(CreateDialogueInputSchema).mutation(({ ctx, input }) => createDialogue(ctx, input)),
  recordResults: writer
    .input(DialogueResultsInputSchema)
    .mutation(({ ctx, input }) => recordDialogueResults(ctx, input)),
  themeTrend: workspaceProcedure
    .input(ThemeTrendInputSchema)
    .output(ThemeTrendSchema)
    .query(({ ctx, input }) => themeTrend(ctx, input)),
});
