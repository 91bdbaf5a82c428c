import { z } from "zod";
import {
  MarkReadInputSchema,
  NotificationListSchema,
  NotificationSettingsSchema,
} from "../../../shared/schemas/notifications.ts";
import { router, workspaceProcedure } from "../../trpc.ts";
import { resolveActor } from "../access/ownership.ts";
import {
  getNotificationSettings,
  listNotifications,
  markAllNotificationsRead,
  markNotificationsRead,
  updateNotificationSettings,
} from "./notifications.service.ts";

/** Every procedure acts on the caller's own notifications in the request's workspace. */
const ownProcedure = workspaceProcedure.use(async ({ ctx, next }) =>
  next({ ctx: { ...ctx, actor: await resolveActor(ctx) } }),
);

export const notificationsRouter = router({
  list: ownProcedure
    .input(z.void())
    .output(NotificationListSchema)
    .query(({ ctx }) => listNotifications(ctx)),
  markRead: ownProcedure
    .input(MarkReadInputSchema)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx, input.keys)),
  markAllRead: ownProcedure.input(z.void()).mutation(({ ctx }) => markAllNotificationsRead(ctx)),
  settings: ownProcedure
    .input(z.void())
    .output(NotificationSettingsSchema)
    .query(({ ctx }) => getNotificationSettings(ctx)),
  updateSettings: ownProcedure
    .input(NotificationSettingsSchema)
    .mutation(({ ctx, input }) => updateNotificationSettings(ctx, input)),
});
