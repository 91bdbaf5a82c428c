import { DEMO_DIALOGUES, type DemoDialogue } from "../demo/dialogues.ts";
import { createDialogue, recordDialogueResults } from "../../server/features/dialogues/dialogues.service.ts";
import { addDays, daysBetween, type LocalDate } from "../../shared/calendar.ts";
import { CreateDialogueInputSchema, DialogueResultsInputSchema } from "../../shared/schemas/field.ts";
import { type DemoFieldContext, localInstant } from "./demo-field-support.ts";

const DAY = 86_400_000;

/**
 * The demo's dialogues, scheduled and their results recorded through the dialogue services as the
 * demo users who held them, then dated back to when they were planned.
 */
export async function createDemoDialogues(
  context: DemoFieldContext,
  dialogues: DemoDialogue[] = DEMO_DIALOGUES,
) {
  const { db, workspace, actors, endDate } = context;
  for (const plan of dialogues) {
    const startsAt = localInstant(dialogueDay(plan.when, endDate), plan.time, workspace.timezone);
    const actor = actors[plan.createdBy];
    const { id } = await createDialogue(
      actor,
      CreateDialogueInputSchema.parse({
        kind: plan.kind,
        format: plan.format,
        startsAt: startsAt.toISOString(),
        areaCode: plan.areaCode,
        meetingPlace: plan.meetingPlace,
      }),
    );
    if (plan.results)
      await recordDialogueResults(
        actor,
        DialogueResultsInputSchema.parse({
          dialogueId: id,
          attendance: plan.results.attendance,
          themes: plan.results.themes.map((theme) => ({ ...theme, areaCodes: theme.areaCodes ?? [] })),
          notes: null,
        }),
      );
    // Held dialogues were planned three weeks ahead; the coming ones during the last week.
    const createdAt = plan.results
      ? new Date(startsAt.getTime() - 21 * DAY)
      : localInstant(addDays(endDate, -3), "10:00", workspace.timezone);
    await db.dialogue.update({
      where: { workspaceId_id: { workspaceId: workspace.id, id } },
      data: { createdAt },
    });
  }
  return { dialogues: dialogues.length };
}

const quarterStart = (date: LocalDate, quartersBack: number): LocalDate => {
  const index = Number(date.slice(0, 4)) * 4 + Math.floor((Number(date.slice(5, 7)) - 1) / 3) - quartersBack;
  const month = (index % 4) * 3 + 1;
  return `${Math.floor(index / 4)}-${String(month).padStart(2, "0")}-01`;
};

/** The day a demo dialogue is held: placed within a quarter (the latest only up to the end), or after it. */
export function dialogueDay(when: DemoDialogue["when"], endDate: LocalDate): LocalDate {
  if ("daysAfterEnd" in when) return addDays(endDate, when.daysAfterEnd);
  const start = quarterStart(endDate, when.quartersBack);
  const end = when.quartersBack === 0 ? endDate : addDays(quarterStart(endDate, when.quartersBack - 1), -1);
  return addDays(start, Math.round(when.at * daysBetween(start, end)));
}
