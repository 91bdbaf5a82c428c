import nodemailer from "nodemailer";
import type { Db } from "../../db/client.ts";
import { serviceScope } from "../../service-scope.ts";
import { resolveMembership } from "../workspace/workspace.service.ts";
import { deriveNotifications } from "./notifications.service.ts";

/** One e-mail: addressee, subject and plain text. */
export type Mail = { to: string; subject: string; text: string };
export type SendMail = (mail: Mail) => Promise<void>;

/** A sender through the SMTP server at SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS). */
export function smtpSender(smtpUrl: string, from: string): SendMail {
  const transport = nodemailer.createTransport(smtpUrl);
  return async (mail) => {
    await transport.sendMail({ from, ...mail });
  };
}

const WORDS = {
  sv: {
    subject: (n: number, workspace: string) =>
      `${workspace}: ${n} ${n === 1 ? "ny avisering" : "nya aviseringar"}`,
    review: "rapporter väntar på granskning",
    overdue: "fynd har passerat sitt slutdatum",
    rising: "nya ökningar i dina områden",
    open: "Läs dem i EST Lägesbild:",
    why: "Du får det här brevet för att du är medlem i arbetsytan. Stäng av e-post under Mitt konto.",
  },
  en: {
    subject: (n: number, workspace: string) => `${workspace}: ${n} new notification${n === 1 ? "" : "s"}`,
    review: "reports waiting for review",
    overdue: "findings past their due date",
    rising: "new rises in your areas",
    open: "Read them in EST Lägesbild:",
    why: "You get this e-mail as a member of the workspace. Turn e-mail off under My account.",
  },
} as const;

/** Counts and a link only: a notification's facts stay in the app, behind its sign-in (decisions/025). */
export function digestMail(options: {
  locale: string;
  workspaceName: string;
  link: string;
  counts: Record<"review" | "overdue" | "rising", number>;
}) {
  const words = options.locale === "en" ? WORDS.en : WORDS.sv;
  const total = options.counts.review + options.counts.overdue + options.counts.rising;
  const lines = (["review", "overdue", "rising"] as const)
    .filter((kind) => options.counts[kind] > 0)
    .map((kind) => `- ${options.counts[kind]} ${words[kind]}`);
  return {
    subject: words.subject(total, options.workspaceName),
    text: [...lines, "", words.open, options.link, "", words.why].join("\n"),
  };
}

/**
 * E-mails each member whose notifications hold something new since both what it has read and the
 * last digest. The member's mark is moved before sending and only if no other server moved it
 * first, so two servers running this at once send one e-mail, not two.
 */
export async function sendNotificationDigests({
  db,
  send,
  appUrl,
  now = new Date(),
}: {
  db: Db;
  send: SendMail;
  appUrl: string;
  now?: Date;
}) {
  const memberships = await db.membership.findMany({
    where: { deactivatedAt: null },
    select: {
      userId: true,
      role: true,
      organizationId: true,
      workspace: { select: { slug: true, name: true } },
      user: { select: { email: true, locale: true } },
    },
  });
  let sent = 0;
  let failed = 0;
  for (const member of memberships) {
    const resolved = await resolveMembership({ db, userId: member.userId, slug: member.workspace.slug });
    if (!resolved) continue;
    const scope = serviceScope(db, resolved.workspace, {
      userId: member.userId,
      role: member.role,
      organizationId: member.organizationId,
    });
    const { items, settings } = await deriveNotifications(scope, now);
    if (settings && !settings.emailEnabled) continue;
    const since = Math.max(settings?.seenUpTo?.getTime() ?? 0, settings?.emailedUpTo?.getTime() ?? 0);
    const fresh = items.filter((item) => !item.isRead && Date.parse(item.at) > since);
    if (fresh.length === 0) continue;
    const newest = new Date(Math.max(...fresh.map((item) => Date.parse(item.at))));
    const claimed = await claimDigest(
      db,
      resolved.workspace.id,
      member.userId,
      settings?.emailedUpTo ?? null,
      newest,
    );
    if (!claimed) continue;
    const counts = { review: 0, overdue: 0, rising: 0 };
    for (const item of fresh) counts[item.kind]++;
    const mail = digestMail({
      locale: member.user.locale,
      workspaceName: member.workspace.name,
      link: `${appUrl.replace(/\/+$/, "")}/w/${encodeURIComponent(member.workspace.slug)}/aviseringar`,
      counts,
    });
    try {
      await send({ to: member.user.email, ...mail });
      sent++;
    } catch {
      // The next run tries again: the mark goes back unless something newer moved it meanwhile.
      await db.notificationSetting.updateMany({
        where: { workspaceId: resolved.workspace.id, userId: member.userId, emailedUpTo: newest },
        data: { emailedUpTo: settings?.emailedUpTo ?? null },
      });
      failed++;
    }
  }
  return { sent, failed };
}

/** Moves the member's digest mark from what was read to `to`; false when another server moved it first. */
async function claimDigest(db: Db, workspaceId: string, userId: string, from: Date | null, to: Date) {
  const rows = await db.$queryRaw<{ moved: boolean }[]>`
    INSERT INTO notification_settings (workspace_id, user_id, emailed_up_to)
    VALUES (${workspaceId}::uuid, ${userId}::uuid, ${to})
    ON CONFLICT (workspace_id, user_id) DO UPDATE SET emailed_up_to = EXCLUDED.emailed_up_to
    WHERE notification_settings.emailed_up_to IS NOT DISTINCT FROM ${from}::timestamptz
    RETURNING true AS moved`;
  return rows.length > 0;
}
