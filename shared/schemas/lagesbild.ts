import { z } from "zod";
import { DIALOGUE_THEMES } from "../field.ts";
import { LocalDateSchema } from "./overview.ts";

/** The period kinds a lägesbild is made for: the meeting's two weeks by default, or a month or quarter. */
export const LAGESBILD_PERIOD_KINDS = ["biweek", "month", "quarter"] as const;

export const StatusLevelSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,30}$/),
  labelSv: z.string().trim().min(1).max(40),
  labelEn: z.string().trim().min(1).max(40),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type StatusLevel = z.infer<typeof StatusLevelSchema>;
export const StatusLevelsSchema = z.array(StatusLevelSchema).min(2).max(6);

export const CreateLagesbildInputSchema = z.object({
  kind: z.enum(LAGESBILD_PERIOD_KINDS).default("biweek"),
  /** Any day in the period. */
  date: LocalDateSchema,
  /** Area codes the lägesbild covers; empty = the whole workspace. */
  areaCodes: z.array(z.string().min(1).max(64)).max(100).default([]),
});
export type CreateLagesbildInput = z.input<typeof CreateLagesbildInputSchema>;

export const LagesbildIdSchema = z.object({ id: z.uuid() });

export const SetAreaStatusInputSchema = z.object({
  id: z.uuid(),
  areaId: z.uuid(),
  /** null clears the area's status. */
  level: z.string().max(30).nullable(),
  justification: z.string().trim().max(4000).default(""),
});

export const SetAssessmentInputSchema = z.object({ id: z.uuid(), assessment: z.string().trim().max(20_000) });

export const SetContributionInputSchema = z.object({
  id: z.uuid(),
  /** The organisation the text speaks for; members may only write their own. */
  organizationId: z.uuid(),
  text: z.string().trim().max(10_000),
});

export const LinkedRiseSchema = z.object({
  categoryCode: z.string().min(1).max(64),
  areaCode: z.string().max(64).nullable(),
});
export type LinkedRise = z.infer<typeof LinkedRiseSchema>;

const InsatsFieldsSchema = z.object({
  title: z.string().trim().min(2).max(300),
  problem: z.string().trim().max(4000).default(""),
  areaIds: z.array(z.uuid()).max(50).default([]),
  points: z
    .array(z.object({ lon: z.number().min(-180).max(180), lat: z.number().min(-90).max(90) }))
    .max(50)
    .default([]),
  organizationId: z.uuid().nullable().default(null),
  contactName: z.string().trim().max(200).nullable().default(null),
  startOn: LocalDateSchema,
  endOn: LocalDateSchema.nullable().default(null),
  recurrence: z.string().trim().max(200).nullable().default(null),
  resources: z.string().trim().max(1000).nullable().default(null),
  linkedRises: z.array(LinkedRiseSchema).max(20).default([]),
  linkedFindingIds: z.array(z.uuid()).max(50).default([]),
  linkedThemes: z.array(z.enum(DIALOGUE_THEMES)).max(20).default([]),
});

export const CreateInsatsInputSchema = InsatsFieldsSchema.extend({
  /** The lägesbild (meeting) where it was decided. */
  lagesbildId: z.uuid(),
}).refine((value) => !value.endOn || value.endOn >= value.startOn, {
  message: "Slutdatum före startdatum",
  path: ["endOn"],
});
export type CreateInsatsInput = z.input<typeof CreateInsatsInputSchema>;

export const FollowUpInputSchema = z.object({
  insatsId: z.uuid(),
  /** The lägesbild (meeting) it was given in. */
  lagesbildId: z.uuid().nullable().default(null),
  whatDone: z.string().trim().min(2).max(4000),
  doneOn: LocalDateSchema,
  effect: z.string().trim().max(4000).default(""),
});
export type FollowUpInput = z.input<typeof FollowUpInputSchema>;

export const CloseInsatsInputSchema = z.object({
  insatsId: z.uuid(),
  lagesbildId: z.uuid().nullable().default(null),
  /** A closing återkoppling; without one, the insats must already have one. */
  followUp: FollowUpInputSchema.omit({ insatsId: true, lagesbildId: true }).optional(),
});

export const CompareInputSchema = z.object({ snapshotA: z.uuid(), snapshotB: z.uuid() });
