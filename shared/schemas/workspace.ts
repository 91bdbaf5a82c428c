import { z } from "zod";
import { MEETING_PERIODS } from "../meeting-rhythm.ts";
import { ROLES } from "../roles.ts";
import { OrganizationSchema } from "./accounts.ts";
import { WorkspaceSettingsSchema } from "./field.ts";

/** The workspace the request names, the caller's role in it and what that role may do. */
export const CurrentWorkspaceSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  meetingAnchor: z.string(),
  meetingWeekday: z.number(),
  meetingPeriod: z.enum(MEETING_PERIODS),
  timezone: z.string(),
  basemapStyleUrl: z.string().nullable(),
  role: z.enum(ROLES),
  permissions: z.object({
    canWrite: z.boolean(),
    canSeeDetail: z.boolean(),
    canAdminister: z.boolean(),
    canAdministerSystem: z.boolean(),
  }),
  organizations: z.array(OrganizationSchema),
});
export type CurrentWorkspace = z.infer<typeof CurrentWorkspaceSchema>;

/** The saved settings, and how many notes a shorter retention removed at once. */
export const SavedWorkspaceSettingsSchema = WorkspaceSettingsSchema.extend({ purgedNotes: z.number() });
