import { z } from "zod";
import {
  MarkedAllReadSchema,
  MarkedReadSchema,
  MarkReadInputSchema,
  NotificationListSchema,
  NotificationSettingsSchema,
} from "../../../shared/schemas/notifications.ts";
import { router, workspaceProcedure } from "../../trpc.ts";
import {
  getNotificationSettings,
  listNotifications,
  markAllNotificationsRead,
  markNotificationsRead,
  updateNotificationSettings,
} from "./notifications.service.ts";

/** Every procedure acts on the caller's own notifications in the request's workspace (ctx.scope's actor). */
export const notificationsRouter = router({
  list: workspaceProcedure
    .input(z.void())
    .output(NotificationListSchema)
    .query(({ ctx }) => listNotifications(ctx.scope)),
  markRead: workspaceProcedure
    .input(MarkReadInputSchema)
    .output(MarkedReadSchema)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.scope, input)),
  markAllRead: workspaceProcedure
    .input(z.void())
    .output(MarkedAllReadSchema)
    .mutation(({ ctx }) => markAllNotificationsRead(ctx.scope)),
  settings: workspaceProcedure
    .input(z.void())
    .output(NotificationSettingsSchema)
    .query(({ ctx }) => getNotificationSettings(ctx.scope)),
  updateSettings: workspaceProcedure
    .input(NotificationSettingsSchema)
    .output(NotificationSettingsSchema)
    .mutation(({ ctx, input }) => updateNotificationSettings(ctx.scope, input)),
});
