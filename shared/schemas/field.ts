import { z } from "zod";
import {
  DIALOGUE_FORMATS,
  DIALOGUE_KINDS,
  DIALOGUE_THEMES,
  FINDING_CATEGORIES,
  FINDING_STATUSES,
  LIMITS,
  REPORT_CATEGORIES,
} from "../field.ts";
import { DistrictGeometriesSchema } from "./areas.ts";
import { LocalDateSchema } from "./overview.ts";

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
const Text = (max: number) => z.string().trim().min(1).max(max);
/** A photo as base64; its real type and size are checked on the server from the bytes. */
const PhotoInputSchema = z.string().max(Math.ceil(LIMITS.photoBytes / 3) * 4 + 4);

export const CreateWalkInputSchema = z.object({
  areaCode: z.string().min(1).max(64).nullable(),
  startsAt: z.iso.datetime({ offset: true }),
  meetingPlace: Text(200),
  route: z
    .object({
      type: z.literal("LineString"),
      coordinates: z
        .array(z.tuple([Lon, Lat]))
        .min(2)
        .max(500),
    })
    .nullable()
    .default(null),
  stops: z.array(Text(200)).max(50).default([]),
  organizers: z.string().trim().max(500).default(""),
  participants: z.record(z.string().trim().min(1).max(60), z.number().int().min(0).max(10_000)).default({}),
});

export const AddFindingInputSchema = z.object({
  walkId: z.uuid().nullable(),
  lon: Lon,
  lat: Lat,
  category: z.enum(FINDING_CATEGORIES),
  description: Text(LIMITS.descriptionChars),
  severity: z.number().int().min(1).max(3),
  ownerOrganizationId: z.uuid().nullable().default(null),
  ownerName: z.string().trim().max(200).nullable().default(null),
  dueOn: LocalDateSchema.nullable().default(null),
  photos: z.array(PhotoInputSchema).max(LIMITS.photosPerFinding).default([]),
});

export const ChangeFindingStatusInputSchema = z.object({
  findingId: z.uuid(),
  status: z.enum(FINDING_STATUSES),
  reason: z.string().trim().max(1000).nullable().default(null),
  ownerOrganizationId: z.uuid().nullable().optional(),
  ownerName: z.string().trim().max(200).nullable().optional(),
  dueOn: LocalDateSchema.nullable().optional(),
});

export const FindingFilterSchema = z.object({
  statuses: z.array(z.enum(FINDING_STATUSES)).max(5).default([]),
  categories: z.array(z.enum(FINDING_CATEGORIES)).max(8).default([]),
  areaCodes: z.array(z.string().min(1).max(64)).max(500).default([]),
  ownerOrganizationId: z.uuid().nullable().default(null),
  /** Only findings older than this many days (open ones that linger). */
  olderThanDays: z.number().int().min(0).max(3650).nullable().default(null),
  walkId: z.uuid().nullable().default(null),
});

/** A new record's id: a walk, a dialogue. */
export const CreatedSchema = z.object({ id: z.string() });

/** The walks, newest first, with how many findings each has and how many are still open. */
export const WalkListSchema = z.array(
  z.object({
    id: z.string(),
    startsAt: z.string(),
    meetingPlace: z.string(),
    areaName: z.string().nullable(),
    findings: z.number(),
    open: z.number(),
  }),
);

export const WalkSchema = z.object({
  id: z.string(),
  startsAt: z.string(),
  meetingPlace: z.string(),
  areaName: z.string().nullable(),
  route: z
    .object({ type: z.literal("LineString"), coordinates: z.array(z.tuple([z.number(), z.number()])) })
    .nullable(),
  stops: z.array(z.string()),
  organizers: z.string(),
  participants: z.record(z.string(), z.number()),
});
export type Walk = z.infer<typeof WalkSchema>;

export const AddedFindingSchema = z.object({ id: z.string(), status: z.enum(FINDING_STATUSES) });
export const FindingStatusChangedSchema = z.object({ status: z.enum(FINDING_STATUSES) });

/**
 * A finding as listed. Free text, people's names and photos only for those who may read them
 * (isRestricted says the rest were emptied, decisions/011).
 */
export const ListedFindingSchema = z.object({
  id: z.string(),
  walkId: z.string().nullable(),
  lon: z.number(),
  lat: z.number(),
  areaName: z.string().nullable(),
  category: z.enum(FINDING_CATEGORIES),
  description: z.string(),
  isRestricted: z.boolean(),
  canChange: z.boolean(),
  severity: z.number(),
  owner: z.string().nullable(),
  ownerOrganizationId: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(FINDING_STATUSES),
  statusReason: z.string().nullable(),
  createdAt: z.string(),
  createdOn: z.string(),
  photoIds: z.array(z.string()),
  history: z.array(
    z.object({
      from: z.enum(FINDING_STATUSES).nullable(),
      to: z.enum(FINDING_STATUSES),
      reason: z.string().nullable(),
      by: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type ListedFinding = z.infer<typeof ListedFindingSchema>;
export const FindingListSchema = z.array(ListedFindingSchema);

/** A photo's bytes as base64 with its checked type. */
export const PhotoSchema = z.object({ contentType: z.string(), base64: z.string() });

/** The organisations taking part in the workspace (owners of findings), by name. */
export const OrganizationOptionsSchema = z.array(z.object({ id: z.string(), name: z.string() }));

const ReportBase = z.object({
  category: z.enum(REPORT_CATEGORIES),
  lon: Lon,
  lat: Lat,
  occurredAt: z.iso.datetime({ offset: true }),
  description: Text(LIMITS.descriptionChars),
  photo: PhotoInputSchema.nullable().default(null),
});

/** The one way partners report (decisions/024): it waits for an analyst's review before it counts. */
export const PartnerReportInputSchema = ReportBase.extend({
  createsInsecurity: z.boolean().nullable().default(null),
  assessment: z.string().trim().max(LIMITS.descriptionChars).nullable().default(null),
  /** The address-list place chosen, if any; its name is kept with the report. */
  placeId: z.uuid().nullable().default(null),
  /** Made by the form once per report, so a second tap or a retry files nothing twice. */
  submissionId: z.uuid().nullable().default(null),
});

export const CitizenReportInputSchema = ReportBase.extend({
  workspace: z.string().min(1).max(64),
  contact: z.string().trim().max(LIMITS.contactChars).nullable().default(null),
  /** Honeypot: a field people never see; anything in it marks a bot. */
  website: z.string().max(500).default(""),
});

export const ReviewInputSchema = z.object({
  reportId: z.uuid(),
  decision: z.enum(["approved", "rejected"]),
  reason: z.string().trim().max(1000).nullable().default(null),
});

/** The queue: reports waiting for a decision, or the latest decisions (newest first). */
export const ReviewQueueInputSchema = z.object({ status: z.enum(["pending", "decided"]).default("pending") });

export const ReportIdInputSchema = z.object({ reportId: z.uuid() });

/** Mina rapporter: the caller's own reports, or every report of its organisation. */
export const MyReportsInputSchema = z.object({
  scope: z.enum(["own", "organization"]).default("organization"),
});

export const REVIEW_STATUSES = ["pending", "approved", "rejected"] as const;
const ReviewStatus = z.enum(REVIEW_STATUSES);

export const FiledReportSchema = z.object({ id: z.string(), status: ReviewStatus });

/** A partner report on Mina rapporter: its organisation's colleagues see who filed it. */
export const MyReportSchema = z.object({
  id: z.string(),
  category: z.string(),
  areaName: z.string().nullable(),
  placeName: z.string().nullable(),
  organizationName: z.string().nullable(),
  reporterName: z.string().nullable(),
  isOwn: z.boolean(),
  occurredAt: z.string(),
  createdAt: z.string(),
  description: z.string(),
  status: ReviewStatus,
  /** Only a rejection's reason, written for the reporter. */
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});
export type MyReport = z.infer<typeof MyReportSchema>;
export const MyReportListSchema = z.array(MyReportSchema);

/** A report in the review queue, with all a reviewer (analyst, admin) needs to judge it. */
export const QueuedReportSchema = z.object({
  id: z.string(),
  kind: z.enum(["partner", "citizen"]),
  category: z.string(),
  lon: z.number(),
  lat: z.number(),
  areaName: z.string().nullable(),
  placeName: z.string().nullable(),
  organizationName: z.string().nullable(),
  occurredAt: z.string(),
  createdAt: z.string(),
  description: z.string(),
  createsInsecurity: z.boolean().nullable(),
  assessment: z.string().nullable(),
  contact: z.string().nullable(),
  status: ReviewStatus,
  reviewReason: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  canUndo: z.boolean(),
  photoIds: z.array(z.string()),
});
export type QueuedReport = z.infer<typeof QueuedReportSchema>;
export const ReviewQueueSchema = z.array(QueuedReportSchema);

export const PendingCountSchema = z.object({ count: z.number() });
export const ReviewedSchema = z.object({ status: z.enum(["approved", "rejected"]), undoUntil: z.string() });
export const ReviewUndoneSchema = z.object({ status: z.literal("pending") });

/** What a citizen gets after sending: the report's id and the token to follow it by. */
export const CitizenReportFiledSchema = z.object({ id: z.string(), followToken: z.string() });
export const CitizenStatusInputSchema = z.object({ token: z.string().min(20).max(100) });
/** What the reporter may see of their own report: no one else's, nothing internal. */
export const CitizenReportStatusSchema = z.object({
  category: z.string(),
  status: ReviewStatus,
  createdAt: z.string(),
  reviewedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export const CitizenFormInputSchema = z.object({ workspace: z.string().min(1).max(64) });
export const CitizenFormSchema = z.object({ name: z.string(), geometries: DistrictGeometriesSchema });

export const CreateDialogueInputSchema = z.object({
  kind: z.enum(DIALOGUE_KINDS),
  format: z.enum(DIALOGUE_FORMATS),
  startsAt: z.iso.datetime({ offset: true }),
  areaCode: z.string().min(1).max(64).nullable().default(null),
  meetingPlace: z.string().trim().max(200).default(""),
});

export const DialogueResultsInputSchema = z.object({
  dialogueId: z.uuid(),
  attendance: z.number().int().min(0).max(100_000).nullable(),
  themes: z
    .array(
      z.object({
        theme: z.enum(DIALOGUE_THEMES),
        strength: z.number().int().min(1).max(3),
        areaCodes: z.array(z.string().min(1).max(64)).max(100).default([]),
      }),
    )
    .max(DIALOGUE_THEMES.length),
  notes: z.string().trim().max(10_000).nullable().default(null),
});

/** The schedule with what each dialogue raised; notes only for those who may read them. */
export const DialogueListSchema = z.array(
  z.object({
    id: z.string(),
    kind: z.enum(DIALOGUE_KINDS),
    format: z.enum(DIALOGUE_FORMATS),
    startsAt: z.string(),
    areaName: z.string().nullable(),
    meetingPlace: z.string(),
    attendance: z.number().nullable(),
    notes: z.string().nullable(),
    /** Notes exist that the caller may not read. */
    notesRestricted: z.boolean(),
    notesPurged: z.boolean(),
    canRecordResults: z.boolean(),
    themes: z.array(
      z.object({
        theme: z.string(),
        strength: z.number(),
        areas: z.array(z.string()),
        areaCodes: z.array(z.string()),
      }),
    ),
  }),
);
export type ListedDialogue = z.infer<typeof DialogueListSchema>[number];

export const DialogueResultsRecordedSchema = z.object({ themes: z.number() });

export const ThemeTrendInputSchema = z.object({
  /** Themes about this area (or any area inside it); null means every area. */
  areaCode: z.string().min(1).max(64).nullable().default(null),
  quarters: z.number().int().min(2).max(20).default(8),
  /** The last quarter shown; by default the current one. */
  until: LocalDateSchema.optional(),
});

export const ThemeTrendSchema = z.object({
  quarters: z.array(z.string()),
  series: z.array(
    z.object({
      theme: z.enum(DIALOGUE_THEMES),
      /** Per quarter: dialogues that raised the theme, and their summed strength (1–3 each). */
      dialogues: z.array(z.number()),
      strength: z.array(z.number()),
    }),
  ),
  /** Themes raised more strongly in the last quarter than in the one before, strongest rise first. */
  rising: z.array(z.object({ theme: z.enum(DIALOGUE_THEMES), from: z.number(), to: z.number() })),
});
export type ThemeTrend = z.infer<typeof ThemeTrendSchema>;

/** What an admin sets for the workspace: how long dialogue notes live, when survey results are too uncertain. */
export const WorkspaceSettingsSchema = z.object({
  notesRetentionDays: z.number().int().min(30).max(3650),
  surveyMinRespondents: z.number().int().min(1).max(10_000),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettingsSchema>;
