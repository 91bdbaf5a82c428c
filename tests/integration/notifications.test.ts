import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createOrganization, createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { readEnv } from "../../server/env.ts";
import { insertIncidents } from "../../server/features/incidents/incident-writer.ts";
import { sendNotificationDigests, smtpSender } from "../../server/features/notifications/digest.service.ts";
import {
  addDays,
  localDateToDbDate,
  periodContaining,
  previousPeriod,
  startOfLocalDay,
  toLocalDate,
} from "../../shared/calendar.ts";
import type { Notification } from "../../shared/schemas/notifications.ts";
import { loginAs } from "../support/caller.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

type Caller = Awaited<ReturnType<typeof loginAs>>["caller"];

const SLUG = "est-aviseringar";
const ZONE = "Europe/Stockholm";
const today = toLocalDate(new Date(), ZONE);
const SECRET_TEXT = "Namnet på grannen som alltid står där";

let testDb: TestDb;
let workspaceId: string;
let kommunId: string;
let tunabyggenId: string;
let otherAreaId: string;
let risingArea: { id: string; code: string };
let quietArea: { id: string; code: string };
const callers = {} as Record<"admin" | "analyst" | "kommun" | "tunabyggen" | "viewer", Caller>;

/** The body of a quoted-printable message as text (soft line breaks joined, =XX bytes decoded). */
const decodeQuotedPrintable = (raw: string) =>
  Buffer.from(
    raw
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    "latin1",
  ).toString("utf8");

const kinds = (items: Notification[]) => items.map((item) => item.kind).sort();

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  workspaceId = (await createWorkspace(db, { name: "EST Aviseringar", slug: SLUG })).id;
  const organization = (name: string, kind: "kommun" | "bostadsbolag") =>
    createOrganization(db, { name, kind, workspaceIds: [workspaceId] });
  kommunId = (await organization("Borlänge kommun", "kommun")).id;
  tunabyggenId = (await organization("Tunabyggen", "bostadsbolag")).id;
  const people = [
    ["admin", "admin@aviseringar.example", "admin", undefined],
    ["analyst", "analytiker@aviseringar.example", "analyst", undefined],
    ["kommun", "kommun@aviseringar.example", "member", kommunId],
    ["tunabyggen", "tunabyggen@aviseringar.example", "member", tunabyggenId],
    ["viewer", "lasare@aviseringar.example", "viewer", kommunId],
  ] as const;
  for (const [, email, role, organizationId] of people)
    await createUser(db, { email, memberships: [{ workspaceId, role, organizationId }] });
  const { desos } = await createBorlangeAreas(db, workspaceId);
  const categories = await createCategoryTree(db, workspaceId);
  const [first, second] = desos;
  if (!first?.code || !second?.code) throw new Error("no DeSO areas");
  risingArea = { id: first.id, code: first.code };
  quietArea = { id: second.id, code: second.code };
  const other = await createWorkspace(db, { slug: "est-annan" });
  otherAreaId = (await db.area.create({ data: { workspaceId: other.id, kind: "kommun", name: "Annan" } })).id;

  // Two years of a steady 3 a day in both areas; in the latest complete meeting period, 9 a day in one.
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  const anchor = workspace.meetingAnchorDate.toISOString().slice(0, 10);
  const running = periodContaining("biweek", today, anchor);
  const judged = running.end < today ? running : previousPeriod(running);
  const crime = categories.find((c) => c.code === "9365");
  if (!crime) throw new Error("no crime code 9365");
  const source = await db.dataSource.create({ data: { workspaceId, kind: "synthetic", name: "Polisen" } });
  const rows = [];
  for (let day = addDays(judged.start, -730); day <= judged.end; day = addDays(day, 1))
    for (const area of [risingArea, quietArea])
      rows.push({
        dataSourceId: source.id,
        externalId: `${area.code}-${day}`,
        categoryId: crime.id,
        areaId: area.id,
        occurredFrom: startOfLocalDay(day, ZONE),
        registeredAt: startOfLocalDay(day, ZONE),
        count: area === risingArea && day >= judged.start ? 9 : 3,
      });
  await insertIncidents(db, workspaceId, rows, ZONE);

  // Findings: overdue and open (kommun's recorded, Tunabyggen's owned), closed, not yet due.
  const finding = (over: { due: string; status?: "ny" | "atgardad"; owner?: string; recordedBy?: string }) =>
    db.walkFinding.create({
      data: {
        workspaceId,
        areaId: risingArea.id,
        lon: 15.44,
        lat: 60.48,
        category: "belysning",
        description: SECRET_TEXT,
        severity: 2,
        dueOn: localDateToDbDate(over.due),
        status: over.status ?? "ny",
        ownerOrganizationId: over.owner ?? null,
        recordedByOrganizationId: over.recordedBy ?? null,
      },
    });
  await finding({ due: addDays(today, -3), recordedBy: kommunId });
  await finding({ due: addDays(today, -10), owner: tunabyggenId, recordedBy: kommunId });
  await finding({ due: addDays(today, -5), status: "atgardad", recordedBy: kommunId });
  await finding({ due: addDays(today, 4), recordedBy: kommunId });
  await db.fieldReport.create({
    data: {
      workspaceId,
      kind: "citizen",
      category: "otrygg_plats",
      lon: 15.44,
      lat: 60.48,
      areaId: risingArea.id,
      occurredAt: new Date(),
      description: SECRET_TEXT,
      contact: "granne@example.se",
    },
  });
  for (const [name, email] of people) callers[name] = (await loginAs(db, email, TEST_PASSWORD, SLUG)).caller;
});

afterAll(async () => {
  await testDb?.close();
});

describe("notifications", () => {
  it("give each role what it answers for, and never the reports' or findings' free text", async () => {
    const analyst = await callers.analyst.notifications.list();
    expect(kinds(analyst.items.filter((i) => i.kind !== "rising"))).toEqual(["overdue", "overdue", "review"]);
    const rising = analyst.items.filter((i) => i.kind === "rising");
    expect(rising.some((i) => i.areaCode === risingArea.code && i.categoryCode === "9365")).toBe(true);
    expect(rising.some((i) => i.areaCode === quietArea.code)).toBe(false);
    expect(analyst.unread).toBe(analyst.items.length);
    const text = JSON.stringify(analyst);
    expect(text).not.toContain(SECRET_TEXT);
    expect(text).not.toContain("granne@example.se");

    // A member is told of its own organisation's overdue findings only, never of reports to review.
    const kommun = (await callers.kommun.notifications.list()).items.filter((i) => i.kind !== "rising");
    expect(kommun).toHaveLength(1);
    const tunabyggen = (await callers.tunabyggen.notifications.list()).items.filter(
      (i) => i.kind !== "rising",
    );
    expect(tunabyggen).toHaveLength(1);
    expect(tunabyggen[0]?.kind === "overdue" && kommun[0]?.kind === "overdue").toBe(true);
    expect(tunabyggen[0]?.key).not.toBe(kommun[0]?.key);
    // The viewer reads the picture, so rises, but no findings and no reports.
    const viewer = await callers.viewer.notifications.list();
    expect(viewer.items.length).toBeGreaterThan(0);
    expect(viewer.items.every((i) => i.kind === "rising")).toBe(true);
  });

  it("follow the areas a member chooses, and refuse another workspace's area", async () => {
    await callers.viewer.notifications.updateSettings({ areaIds: [quietArea.id], emailEnabled: true });
    expect((await callers.viewer.notifications.list()).items).toEqual([]);
    await callers.viewer.notifications.updateSettings({ areaIds: [risingArea.id], emailEnabled: true });
    const items = (await callers.viewer.notifications.list()).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.kind === "rising" && i.areaCode === risingArea.code)).toBe(true);
    expect(await callers.viewer.notifications.settings()).toEqual({
      areaIds: [risingArea.id],
      emailEnabled: true,
    });
    await expect(
      callers.viewer.notifications.updateSettings({ areaIds: [otherAreaId], emailEnabled: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("are read one by one or all at once, for the reader only", async () => {
    const before = await callers.admin.notifications.list();
    const review = before.items.find((i) => i.kind === "review");
    if (!review) throw new Error("no review notification");
    // A key the caller does not have (another member's finding) is not stored.
    const tunabyggenKey = (await callers.tunabyggen.notifications.list()).items.find(
      (i) => i.kind === "overdue",
    )?.key;
    const marked = await callers.kommun.notifications.markRead({ keys: [String(tunabyggenKey), "made|up"] });
    expect(marked.marked).toBe(0);
    expect(await testDb.db.notificationRead.count()).toBe(0);

    expect((await callers.admin.notifications.markRead({ keys: [review.key] })).marked).toBe(1);
    const after = await callers.admin.notifications.list();
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((i) => i.key === review.key)?.isRead).toBe(true);
    // The other analyst still has it unread.
    const analyst = await callers.analyst.notifications.list();
    expect(analyst.items.find((i) => i.key === review.key)?.isRead).toBe(false);

    await callers.admin.notifications.markAllRead();
    const none = await callers.admin.notifications.list();
    expect(none.unread).toBe(0);
    expect(none.total).toBe(before.total);
    expect(await testDb.db.notificationRead.count({ where: { workspaceId } })).toBe(0);

    // A report arriving later is new again.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await testDb.db.fieldReport.create({
      data: {
        workspaceId,
        kind: "partner",
        category: "klotter",
        lon: 15.44,
        lat: 60.48,
        occurredAt: new Date(),
        description: SECRET_TEXT,
      },
    });
    const again = await callers.admin.notifications.list();
    expect(again.unread).toBe(1);
    expect(again.items[0]).toMatchObject({ kind: "review", reportKind: "partner", isRead: false });
  });

  it("go out as one e-mail of counts and a link per member, once, through a real SMTP server", async () => {
    const received: { to: string; body: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let body = "";
        stream.on("data", (chunk: Buffer) => {
          body += chunk.toString("utf8");
        });
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body });
          callback();
        });
      },
    });
    smtp.listen(0, "127.0.0.1");
    await once(smtp.server, "listening");
    const { port } = smtp.server.address() as AddressInfo;
    try {
      await callers.tunabyggen.notifications.updateSettings({ areaIds: [], emailEnabled: false });
      const send = smtpSender(`smtp://127.0.0.1:${port}`, "EST Lägesbild <est@example.se>");
      const first = await sendNotificationDigests({ db: testDb.db, send, appUrl: "https://est.example.se/" });
      // Everyone with something unread except the one who turned e-mail off (admin has read all but one).
      const to = received.map((mail) => mail.to).sort();
      expect(to).toContain("analytiker@aviseringar.example");
      expect(to).toContain("admin@aviseringar.example");
      expect(to).not.toContain("tunabyggen@aviseringar.example");
      expect(first.sent).toBe(received.length);
      const analystMail = decodeQuotedPrintable(
        received.find((mail) => mail.to === "analytiker@aviseringar.example")?.body ?? "",
      );
      expect(analystMail).toContain("https://est.example.se/w/est-aviseringar/aviseringar");
      expect(analystMail).toContain("- 2 fynd har passerat sitt slutdatum");
      expect(analystMail).toContain("- 2 rapporter väntar på granskning");
      expect(analystMail).not.toContain(SECRET_TEXT);
      expect(analystMail).not.toContain("granne@example.se");
      // Nothing new: nothing sent again.
      const second = await sendNotificationDigests({ db: testDb.db, send, appUrl: "https://est.example.se" });
      expect(second.sent).toBe(0);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });

  it("are e-mailed only with a mail server and the app's address configured", () => {
    expect(readEnv({}).SMTP_URL).toBeUndefined();
    expect(() => readEnv({ SMTP_URL: "smtp://mail.example.se:587" })).toThrow(
      /PUBLIC_URL: required when SMTP_URL/,
    );
    expect(() =>
      readEnv({ SMTP_URL: "http://mail.example.se", PUBLIC_URL: "https://est.example.se" }),
    ).toThrow(/SMTP_URL: must be an smtp/);
    expect(
      readEnv({ SMTP_URL: "smtps://u:p@mail.example.se", PUBLIC_URL: "https://est.example.se" }).MAIL_FROM,
    ).toBe("EST Lägesbild <no-reply@localhost>");
  });
});
