import { z } from "zod";
import { DIALOGUE_THEMES } from "../field.ts";
import { CategoryAreaPairSchema, RisingPairSchema } from "./analysis.ts";
import { DistrictStatSchema, LocalDateSchema } from "./overview.ts";

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

// What the procedures answer. The document's shape (shared/lagesbild.ts names its types) is the
// same live (a draft) and frozen (a published snapshot's JSON): fields added later are optional.

const RangeSchema = z.object({ start: z.string(), end: z.string() });
const PeriodSchema = z.object({ kind: z.string(), start: z.string(), end: z.string() });

/** A district's row of the overview (without the absolute change), with its open findings. */
export const DistrictFigureSchema = DistrictStatSchema.omit({ change: true }).extend({
  openFindings: z.number(),
});

export const CategoryFigureSchema = z.object({
  code: z.string().nullable(),
  nameSv: z.string(),
  nameEn: z.string(),
  depth: z.number(),
  current: z.number(),
  previous: z.number(),
  lastYear: z.number(),
  changePercent: z.number().nullable(),
  level: z.enum(["clear", "possible", "normal", "too_few"]),
});

export const RisingFigureSchema = RisingPairSchema.omit({ pValue: true });

/** A category × area whose sustained flag ("ökar över tid") is sure or likely, in words. */
export const RisingOverTimeFigureSchema = CategoryAreaPairSchema.extend({
  level: z.enum(["sure", "likely"]),
  textSv: z.string(),
  textEn: z.string(),
});

export const LagesbildFiguresSchema = z.object({
  period: PeriodSchema,
  previous: RangeSchema,
  districts: z.array(DistrictFigureSchema),
  total: z.object({
    count: z.number(),
    previousCount: z.number(),
    findings: z.number(),
    openFindings: z.number(),
    reports: z.number(),
  }),
  categories: z.array(CategoryFigureSchema),
  rising: z.array(RisingFigureSchema),
  /** Absent in versions published before the sustained flag existed. */
  risingOverTime: z.array(RisingOverTimeFigureSchema).optional(),
  themes: z.array(z.object({ theme: z.string(), dialogues: z.number() })),
  surveys: z.array(
    z.object({
      survey: z.string(),
      indicator: z.string(),
      area: z.string(),
      year: z.number(),
      value: z.number(),
      unit: z.string(),
    }),
  ),
});

export const FollowUpViewSchema = z.object({
  id: z.string(),
  lagesbildId: z.string().nullable(),
  whatDone: z.string(),
  doneOn: z.string(),
  effect: z.string(),
  organizationName: z.string().nullable(),
});

export const InsatsViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  problem: z.string(),
  areaIds: z.array(z.string()),
  areaNames: z.array(z.string()),
  points: z.array(z.object({ lon: z.number(), lat: z.number() })),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  contactName: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  recurrence: z.string().nullable(),
  resources: z.string().nullable(),
  linkedRises: z.array(LinkedRiseSchema),
  linkedFindingIds: z.array(z.string()),
  linkedThemes: z.array(z.string()),
  status: z.enum(["open", "closed"]),
  closedAt: z.string().nullable(),
  decidedInId: z.string().nullable(),
  /** Decided at an earlier meeting and still open when this period began. */
  isCarried: z.boolean(),
  isOverdue: z.boolean(),
  /** Carried over and no återkoppling given for this lägesbild yet. */
  needsFollowUp: z.boolean(),
  followUps: z.array(FollowUpViewSchema),
});

export const LagesbildContentSchema = z.object({
  workspaceName: z.string(),
  scope: z.object({ areaCodes: z.array(z.string()), areaNames: z.array(z.string()) }),
  levels: z.array(StatusLevelSchema),
  figures: LagesbildFiguresSchema,
  statuses: z.array(
    z.object({
      areaId: z.string(),
      areaCode: z.string().nullable(),
      areaName: z.string(),
      level: z.string(),
      justification: z.string(),
    }),
  ),
  assessment: z.string(),
  contributions: z.array(
    z.object({ organizationId: z.string(), organizationName: z.string(), text: z.string() }),
  ),
  insatser: z.array(InsatsViewSchema),
});

export const FigureChangeSchema = z.object({ label: z.string(), published: z.number(), live: z.number() });

export const LagesbildComparisonSchema = z.object({
  categories: z.array(
    z.object({
      code: z.string().nullable(),
      nameSv: z.string(),
      nameEn: z.string(),
      a: z.number(),
      b: z.number(),
      change: z.number(),
    }),
  ),
  districts: z.array(
    z.object({ areaId: z.string(), name: z.string(), a: z.number(), b: z.number(), change: z.number() }),
  ),
  statusMoves: z.array(
    z.object({ areaName: z.string(), from: z.string().nullable(), to: z.string().nullable() }),
  ),
  insatserOpened: z.array(z.object({ id: z.string(), title: z.string() })),
  insatserClosed: z.array(z.object({ id: z.string(), title: z.string() })),
});

export const LagesbildListSchema = z.object({
  /** Open insatser in the whole workspace. */
  openInsatser: z.number(),
  lagesbilder: z.array(
    z.object({
      id: z.string(),
      periodKind: z.string(),
      periodStart: z.string(),
      periodEnd: z.string(),
      areaIds: z.array(z.string()),
      status: z.string(),
      version: z.number(),
      publishedAt: z.date().nullable(),
      updatedAt: z.date(),
      scopeKey: z.string(),
      /** Insatser decided at this meeting that are still open. */
      openInsatser: z.number(),
      areaCodes: z.array(z.string()),
    }),
  ),
});

export const LagesbildViewSchema = z.object({
  id: z.string(),
  status: z.enum(["draft", "published"]),
  version: z.number(),
  period: PeriodSchema,
  publishedAt: z.string().nullable(),
  content: LagesbildContentSchema,
  /** For a published version: what today's data says differently; null for a draft. */
  liveChanges: z.array(FigureChangeSchema).nullable(),
  snapshots: z.array(z.object({ id: z.string(), version: z.number(), publishedAt: z.string() })),
  previousId: z.string().nullable(),
  nextId: z.string().nullable(),
  today: z.string(),
  permissions: z.object({ canEdit: z.boolean(), contributesFor: z.string().nullable() }),
});
export type LagesbildView = z.infer<typeof LagesbildViewSchema>;

export const CreatedLagesbildSchema = z.object({ id: z.string(), isNew: z.boolean() });
export const PublishedVersionSchema = z.object({ version: z.number() });
export const CreatedIdSchema = z.object({ id: z.string() });

export const SnapshotListSchema = z.array(
  z.object({
    id: z.string(),
    version: z.number(),
    publishedAt: z.string(),
    lagesbildId: z.string(),
    period: PeriodSchema,
    areaCodes: z.array(z.string()),
  }),
);

const ComparedSnapshotSchema = z.object({
  id: z.string(),
  version: z.number(),
  publishedAt: z.date(),
  lagesbildId: z.string(),
  /** The levels travel beside the comparison so it can name the status moves it lists. */
  levels: z.array(StatusLevelSchema),
  period: PeriodSchema,
});
export const LagesbildCompareSchema = z.object({
  a: ComparedSnapshotSchema,
  b: ComparedSnapshotSchema,
  comparison: LagesbildComparisonSchema,
});

/** One row of the åtgärdsplan (Lag 2023:196). */
export const ActionPlanRowSchema = z.object({
  id: z.string(),
  problem: z.string(),
  title: z.string(),
  areas: z.array(z.string()),
  organization: z.string().nullable(),
  contactName: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string().nullable(),
  recurrence: z.string().nullable(),
  resources: z.string().nullable(),
  status: z.enum(["open", "closed"]),
  isOverdue: z.boolean(),
  followUps: z.array(z.object({ whatDone: z.string(), doneOn: z.string(), effect: z.string() })),
});
export const ActionPlanSchema = z.array(ActionPlanRowSchema);

export const OverTimeSchema = z.object({
  range: z.object({ kind: z.enum(["quarter", "year"]), start: z.string(), end: z.string() }),
  levels: z.array(StatusLevelSchema),
  columns: z.array(z.object({ lagesbildId: z.string(), period: PeriodSchema })),
  strips: z.array(
    z.object({ areaId: z.string(), areaName: z.string(), levels: z.array(z.string().nullable()) }),
  ),
  repeatedlyFlagged: z.array(
    z.object({
      categoryCode: z.string(),
      nameSv: z.string(),
      nameEn: z.string(),
      times: z.number(),
      areas: z.array(z.string()),
    }),
  ),
  insatser: ActionPlanSchema,
});

const EffectIntervalSchema = z.object({ lower: z.number(), upper: z.number() });
const EffectBaseShape = {
  method: z.enum(["difference_in_differences", "before_after"]),
  adjustsForTrend: z.boolean(),
  isZeroCorrected: z.boolean(),
  counts: z.object({
    before: z.number(),
    after: z.number(),
    comparisonBefore: z.number().nullable().optional(),
    comparisonAfter: z.number().nullable().optional(),
  }),
};
/** shared/effect.ts's Effect: too few incidents, or a ratio with its interval. */
const EffectSchema = z.union([
  z.object({
    ...EffectBaseShape,
    verdict: z.literal("too_few"),
    ratio: z.null(),
    interval: z.null(),
    logStandardError: z.null(),
    percentChange: z.null(),
    percentInterval: z.null(),
  }),
  z.object({
    ...EffectBaseShape,
    verdict: z.enum(["decrease", "increase", "no_clear_difference"]),
    ratio: z.number(),
    interval: EffectIntervalSchema,
    logStandardError: z.number(),
    percentChange: z.number(),
    percentInterval: EffectIntervalSchema,
  }),
]);

/** An insats's effect on incidents: not yet measurable (with why), or the windows, the estimate and its words. */
export const InsatsEffectSchema = z.union([
  z.object({
    windows: z.null(),
    reason: z.enum(["not_started", "too_short"]),
    effect: z.null(),
    textSv: z.null(),
    textEn: z.null(),
  }),
  z.object({
    windows: z.object({ before: RangeSchema, after: RangeSchema, days: z.number(), isCapped: z.boolean() }),
    reason: z.null(),
    effect: EffectSchema,
    textSv: z.string(),
    textEn: z.string(),
  }),
]);
