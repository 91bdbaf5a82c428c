import { z } from "zod";
import { DIALOGUE_FORMATS, DIALOGUE_KINDS, DIALOGUE_THEMES } from "../field.ts";
import { DESIRED_DIRECTIONS } from "../lofte-effects.ts";
import { FREQUENCY_UNITS, PROGRESS_STATUSES } from "../medborgarlofte.ts";
import { LocalDateSchema } from "./overview.ts";

const AreaCodesSchema = z.array(z.string().min(1).max(64)).max(100).default([]);
const YearSchema = z.int().min(2000).max(2100);

const PromiseFieldsSchema = z.object({
  title: z.string().trim().min(2).max(200),
  text: z.string().trim().max(20_000).default(""),
  startYear: YearSchema,
  endYear: YearSchema,
  /** The parties: organisations of the workspace. */
  organizationIds: z.array(z.uuid()).max(20).default([]),
  /** Who signed, as printed on the promise ("Kommunstyrelsens ordförande"). */
  signatories: z.array(z.string().trim().min(2).max(200)).max(20).default([]),
  areaCodes: AreaCodesSchema,
  basedOn: z
    .object({
      dialogueIds: z.array(z.uuid()).max(100).default([]),
      themes: z.array(z.enum(DIALOGUE_THEMES)).max(20).default([]),
      lagesbildIds: z.array(z.uuid()).max(100).default([]),
      surveys: z
        .array(z.object({ dataSourceId: z.uuid(), indicator: z.string().min(1).max(200) }))
        .max(20)
        .default([]),
    })
    .default({ dialogueIds: [], themes: [], lagesbildIds: [], surveys: [] }),
});

const yearsInOrder = (value: { startYear: number; endYear: number }) =>
  value.endYear >= value.startYear && value.endYear - value.startYear <= 10;
const YEARS_MESSAGE = {
  message: "Slutåret ska vara samma som startåret eller högst tio år senare",
  path: ["endYear"],
};

export const CreatePromiseInputSchema = PromiseFieldsSchema.refine(yearsInOrder, YEARS_MESSAGE);
export type CreatePromiseInput = z.input<typeof CreatePromiseInputSchema>;
export const UpdatePromiseInputSchema = PromiseFieldsSchema.extend({ id: z.uuid() }).refine(
  yearsInOrder,
  YEARS_MESSAGE,
);
export type UpdatePromiseInput = z.input<typeof UpdatePromiseInputSchema>;

export const PromiseIdSchema = z.object({ id: z.uuid() });
export const GetPromiseInputSchema = z.object({
  id: z.uuid(),
  /** Progress as of this day; today when left out. */
  asOf: LocalDateSchema.optional(),
});
export const ReportInputSchema = z.object({ id: z.uuid(), year: YearSchema.optional() });

export const PublishInputSchema = z.object({
  id: z.uuid(),
  isPublished: z.boolean(),
  showsDialogueSchedule: z.boolean().default(false),
});

export const FocusAreaInputSchema = z.object({
  promiseId: z.uuid(),
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().max(2000).default(""),
});

export const TargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("count"), count: z.int().min(1).max(100_000) }),
  z.object({ kind: z.literal("frequency"), every: z.int().min(1).max(52), per: z.enum(FREQUENCY_UNITS) }),
  z.object({ kind: z.literal("description"), text: z.string().trim().min(2).max(1000) }),
]);

const ActivityFieldsSchema = z.object({
  focusAreaId: z.uuid().nullable().default(null),
  title: z.string().trim().min(2).max(300),
  description: z.string().trim().max(4000).default(""),
  target: TargetSchema,
  /** What is counted, in the plural: "trygghetsvandringar", "träffar". */
  unit: z.string().trim().max(100).default(""),
  /** The period the target is for; the promise's years when left out. */
  periodStart: LocalDateSchema.nullable().default(null),
  periodEnd: LocalDateSchema.nullable().default(null),
  organizationIds: z.array(z.uuid()).max(20).default([]),
  areaCodes: AreaCodesSchema,
});
const periodInOrder = (value: { periodStart: string | null; periodEnd: string | null }) =>
  !value.periodStart || !value.periodEnd || value.periodEnd >= value.periodStart;
const PERIOD_MESSAGE = { message: "Slutdatum före startdatum", path: ["periodEnd"] };

export const AddActivityInputSchema = ActivityFieldsSchema.extend({ promiseId: z.uuid() }).refine(
  periodInOrder,
  PERIOD_MESSAGE,
);
export type AddActivityInput = z.input<typeof AddActivityInputSchema>;
export const UpdateActivityInputSchema = ActivityFieldsSchema.extend({ activityId: z.uuid() }).refine(
  periodInOrder,
  PERIOD_MESSAGE,
);
export type UpdateActivityInput = z.input<typeof UpdateActivityInputSchema>;

export const AddProgressInputSchema = z.object({
  activityId: z.uuid(),
  doneOn: LocalDateSchema,
  areaCode: z.string().min(1).max(64).nullable().default(null),
  /** Internal: it may name people, so it never reaches the public page. */
  whatDone: z.string().trim().min(2).max(2000),
  participants: z.int().min(0).max(100_000).nullable().default(null),
  /** How many of the activity's unit this counts as (two walks on one evening: 2). */
  quantity: z.int().min(1).max(1000).default(1),
});
export type AddProgressInput = z.input<typeof AddProgressInputSchema>;

export const ProgressIdSchema = z.object({ progressId: z.uuid() });
export const LinkInsatsInputSchema = z.object({ activityId: z.uuid(), insatsId: z.uuid() });

export const EffectInputSchema = z.object({
  promiseId: z.uuid(),
  description: z.string().trim().min(2).max(300),
  desiredDirection: z.enum(DESIRED_DIRECTIONS),
  baselineYear: z.int().min(1990).max(2100),
  areaCode: z.string().min(1).max(64),
  indicator: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("survey"), dataSourceId: z.uuid(), indicator: z.string().min(1).max(200) }),
    z.object({ kind: z.literal("incidents"), categoryCode: z.string().min(1).max(64) }),
  ]),
});
export type EffectInput = z.input<typeof EffectInputSchema>;
export const EffectIdSchema = z.object({ effectId: z.uuid() });

/** What the public page shows besides the promises: trends by category and area, and fixed problems. */
export const PublicSettingsInputSchema = z.object({
  categoryCodes: z.array(z.string().min(1).max(64)).max(10).default([]),
  areaCodes: z.array(z.string().min(1).max(64)).max(30).default([]),
  showsFixedProblems: z.boolean().default(false),
});
export type PublicSettingsInput = z.input<typeof PublicSettingsInputSchema>;

export const DeletePromiseInputSchema = z.object({ id: z.uuid() });
export const ActivityIdSchema = z.object({ activityId: z.uuid() });
export const FocusAreaIdSchema = z.object({ focusAreaId: z.uuid() });
export const UpdateFocusAreaInputSchema = z.object({
  focusAreaId: z.uuid(),
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().max(2000).default(""),
});
export const UpdateProgressInputSchema = AddProgressInputSchema.omit({ activityId: true }).extend({
  progressId: z.uuid(),
});
export type UpdateProgressInput = z.input<typeof UpdateProgressInputSchema>;
export const UpdateEffectInputSchema = EffectInputSchema.omit({ promiseId: true }).extend({
  effectId: z.uuid(),
});
export type UpdateEffectInput = z.input<typeof UpdateEffectInputSchema>;

export const PublicPageInputSchema = z.object({
  workspace: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9-]+$/),
});

const PublicProgressSchema = z.object({
  target: z.number().nullable(),
  done: z.number(),
  elapsedShare: z.number(),
  expected: z.number().nullable(),
  share: z.number().nullable(),
  status: z.enum(PROGRESS_STATUSES),
});
const PublicTargetSchema = TargetSchema;
const DateRangeSchema = z.object({ start: z.string(), end: z.string() });
const SurveyPointSchema = z.object({
  year: z.number(),
  value: z.number(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  respondents: z.number().nullable(),
});
const VerdictSchema = z.enum([
  "increase",
  "decrease",
  "no_clear_difference",
  "too_few",
  "no_interval",
  "no_data",
]);
const DirectionSchema = z.enum(["as_desired", "against", "unclear", "not_measurable"]);

export const MeasuredEffectSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("survey"),
    unit: z.enum(["index", "percent"]),
    baseline: SurveyPointSchema.nullable(),
    latest: SurveyPointSchema.nullable(),
    change: z
      .object({
        difference: z.number(),
        interval: z.object({ lower: z.number(), upper: z.number() }).nullable(),
        verdict: VerdictSchema,
      })
      .nullable(),
    direction: DirectionSchema,
  }),
  z.object({
    kind: z.literal("incidents"),
    baseline: z.object({ range: DateRangeSchema, count: z.number().nullable() }).nullable(),
    current: z.object({ range: DateRangeSchema, count: z.number().nullable() }).nullable(),
    percentChange: z.number().nullable(),
    percentInterval: z.object({ lower: z.number(), upper: z.number() }).nullable(),
    verdict: VerdictSchema,
    direction: DirectionSchema,
    isWithheld: z.boolean().optional(),
  }),
]);

/** Everything the public page gets: only declared fields leave the server (no free text from progress). */
export const PublicPageSchema = z.object({
  name: z.string(),
  asOf: z.string(),
  promises: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      text: z.string(),
      startYear: z.number(),
      endYear: z.number(),
      parties: z.array(z.string()),
      signatories: z.array(z.string()),
      areas: z.array(z.string()),
      basedOn: z.object({
        dialogues: z.number(),
        themes: z.array(z.enum(DIALOGUE_THEMES)),
        surveys: z.array(z.string()),
        lagesbilder: z.number(),
      }),
      focusAreas: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })),
      activities: z.array(
        z.object({
          id: z.string(),
          focusAreaId: z.string().nullable(),
          title: z.string(),
          description: z.string(),
          target: PublicTargetSchema,
          unit: z.string(),
          period: DateRangeSchema,
          organizations: z.array(z.string()),
          progress: PublicProgressSchema,
        }),
      ),
      effects: z.array(
        z.object({
          id: z.string(),
          description: z.string(),
          areaName: z.string(),
          desiredDirection: z.enum(DESIRED_DIRECTIONS),
          measured: MeasuredEffectSchema,
        }),
      ),
    }),
  ),
  /** What was done: structured, no free text; participants below 5 are not given. */
  done: z.array(
    z.object({
      doneOn: z.string(),
      activityTitle: z.string(),
      areaName: z.string().nullable(),
      participants: z.number().nullable(),
      hasFewParticipants: z.boolean(),
    }),
  ),
  /** Findings of the last twelve months and how many are fixed; null when not public. */
  fixedProblems: z
    .object({
      period: DateRangeSchema,
      total: z.number().nullable(),
      fixed: z.number().nullable(),
      isTotalSuppressed: z.boolean(),
      isFixedFew: z.boolean(),
      isOpenFew: z.boolean(),
    })
    .nullable(),
  /** The chosen incident trends: each area and category over the same days of the last years. */
  trends: z
    .object({
      years: z.array(z.object({ year: z.number(), start: z.string(), end: z.string() })),
      series: z.array(
        z.object({
          areaName: z.string(),
          categoryName: z.string(),
          categoryNameEn: z.string(),
          cells: z.array(
            z.object({
              year: z.number(),
              count: z.number().nullable(),
              rate: z.number().nullable(),
              isSuppressed: z.boolean(),
              isWithheld: z.boolean(),
            }),
          ),
        }),
      ),
    })
    .nullable(),
  dialogues: z.array(
    z.object({
      date: z.string(),
      time: z.string(),
      format: z.enum(DIALOGUE_FORMATS),
      areaName: z.string().nullable(),
      meetingPlace: z.string(),
    }),
  ),
});
export type PublicPage = z.infer<typeof PublicPageSchema>;

// What the EST group's procedures answer (the public page's answer is PublicPageSchema above).

/** The id of what was created or changed. */
export const LofteIdResultSchema = z.object({ id: z.string() });

export const PromiseListSchema = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    startYear: z.number(),
    endYear: z.number(),
    isPublished: z.boolean(),
    publishedAt: z.string().nullable(),
    activities: z.number(),
  }),
);

export const PublishedPromiseSchema = z.object({ id: z.string(), isPublished: z.boolean() });

export const PublicSettingsSchema = z.object({
  categoryCodes: z.array(z.string()),
  areaCodes: z.array(z.string()),
  showsFixedProblems: z.boolean(),
});
export type PublicSettings = z.infer<typeof PublicSettingsSchema>;

export const InsatsLinkSchema = z.object({
  activityId: z.string(),
  insatsId: z.string(),
  isLinked: z.boolean(),
});

const NamedSchema = z.object({ id: z.string(), name: z.string() });

/** An activity as the EST group sees it: progress, every entry (with its free text) and linked insatser. */
export const ActivityViewSchema = z.object({
  id: z.string(),
  promiseId: z.string(),
  focusAreaId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  target: TargetSchema,
  unit: z.string(),
  period: DateRangeSchema,
  organizationIds: z.array(z.string()),
  areaIds: z.array(z.string()),
  organizations: z.array(NamedSchema),
  areas: z.array(z.string()),
  areaCodes: z.array(z.string()),
  canRecord: z.boolean(),
  entries: z.array(
    z.object({
      id: z.string(),
      activityId: z.string(),
      doneOn: z.string(),
      areaId: z.string().nullable(),
      whatDone: z.string(),
      participants: z.number().nullable(),
      quantity: z.number(),
      organizationId: z.string().nullable(),
      areaName: z.string().nullable(),
      areaCode: z.string().nullable(),
      organizationName: z.string().nullable(),
      canRemove: z.boolean(),
    }),
  ),
  insatser: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      startOn: z.string(),
      status: z.enum(["open", "closed"]),
      areaIds: z.array(z.string()),
      organizationId: z.string().nullable(),
      areaNames: z.array(z.string()),
      organizationName: z.string().nullable(),
    }),
  ),
  progress: PublicProgressSchema,
});

export const EffectViewSchema = z.object({
  id: z.string(),
  promiseId: z.string(),
  description: z.string(),
  indicatorKind: z.enum(["survey", "incidents"]),
  dataSourceId: z.string().nullable(),
  indicator: z.string().nullable(),
  categoryCode: z.string().nullable(),
  areaId: z.string(),
  areaName: z.string(),
  areaCode: z.string().nullable(),
  desiredDirection: z.enum(DESIRED_DIRECTIONS),
  baselineYear: z.number(),
  measured: MeasuredEffectSchema,
});

/** One promise for the EST group: text and basis, fokusområden, activities' progress, effects. */
export const PromiseViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  startYear: z.number(),
  endYear: z.number(),
  organizations: z.array(NamedSchema),
  signatories: z.array(z.string()),
  areas: z.array(z.object({ code: z.string().nullable(), name: z.string() })),
  themes: z.array(z.enum(DIALOGUE_THEMES)),
  basedOn: z.object({
    /** Dialogues by date and place, never their notes. */
    dialogues: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(DIALOGUE_KINDS),
        format: z.enum(DIALOGUE_FORMATS),
        date: z.string(),
        areaName: z.string().nullable(),
        meetingPlace: z.string(),
      }),
    ),
    lagesbilder: z.array(
      z.object({ id: z.string(), periodKind: z.string(), periodStart: z.string(), periodEnd: z.string() }),
    ),
    surveys: z.array(z.object({ dataSourceId: z.string(), indicator: z.string(), name: z.string() })),
  }),
  isPublished: z.boolean(),
  showsDialogueSchedule: z.boolean(),
  publishedAt: z.string().nullable(),
  asOf: z.string(),
  focusAreas: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })),
  activities: z.array(ActivityViewSchema),
  effects: z.array(EffectViewSchema),
  permissions: z.object({ canEdit: z.boolean(), canPublish: z.boolean() }),
});
export type PromiseView = z.infer<typeof PromiseViewSchema>;
