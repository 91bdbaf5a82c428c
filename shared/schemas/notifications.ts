import { z } from "zod";
import { PERIOD_KINDS } from "../calendar.ts";
import { FINDING_CATEGORIES } from "../field.ts";

// Notifications are derived from the data when read (docs/decisions/025). They carry facts the
// code names (kinds, categories, area names, dates), never free text someone typed.

const Base = z.object({
  /** Stable per notification: its kind and the ids it is about. */
  key: z.string(),
  /** When it arose: a report's arrival, the day after a due date, the day after a judged period. */
  at: z.string(),
  isRead: z.boolean(),
});

export const NotificationSchema = z.discriminatedUnion("kind", [
  Base.extend({
    kind: z.literal("review"),
    reportKind: z.enum(["partner", "citizen"]),
    category: z.string(),
    areaName: z.string().nullable(),
  }),
  Base.extend({
    kind: z.literal("overdue"),
    findingId: z.string(),
    walkId: z.string().nullable(),
    category: z.enum(FINDING_CATEGORIES),
    areaName: z.string().nullable(),
    dueOn: z.string(),
  }),
  Base.extend({
    kind: z.literal("rising"),
    categoryCode: z.string(),
    categoryNameSv: z.string(),
    categoryNameEn: z.string(),
    areaCode: z.string().nullable(),
    areaName: z.string(),
    level: z.enum(["clear", "possible"]),
    period: z.object({ kind: z.enum(PERIOD_KINDS), start: z.string(), end: z.string() }),
  }),
]);
export type Notification = z.infer<typeof NotificationSchema>;
export type NotificationKind = Notification["kind"];

export const NotificationListSchema = z.object({
  /** Newest first, at most NOTIFICATION_LIST_LIMIT. */
  items: z.array(NotificationSchema),
  unread: z.number(),
  total: z.number(),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const NOTIFICATION_LIST_LIMIT = 100;

export const MarkReadInputSchema = z.object({ keys: z.array(z.string().min(1).max(200)).min(1).max(200) });

export const NotificationSettingsSchema = z.object({
  /** "Mina områden": empty means every area. */
  areaIds: z.array(z.uuid()).max(500),
  emailEnabled: z.boolean(),
});
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

/** How many of the given keys were the caller's to mark. */
export const MarkedReadSchema = z.object({ marked: z.number() });
/** Everything up to this instant counts as read. */
export const MarkedAllReadSchema = z.object({ seenUpTo: z.string() });
