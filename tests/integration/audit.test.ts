import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import { purgeExpiredAuditEntries } from "../../server/features/audit/audit.service.ts";
import type { AuditAction } from "../../shared/schemas/audit.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import {
  as,
  CENTRE,
  callerAs,
  closeMatrixWorld,
  createMatrixWorld,
  EMAIL,
  file,
  freshLagesbild,
  ids,
  matrixDb,
  next,
  SLUG,
} from "../support/access-matrix-world.ts";
import { callerFor, loginAs } from "../support/caller.ts";

// A distinctive string standing for personal text: it must reach no audit entry.
const PLANTED = "Planterad-Hemlighet-4711 Kalle Karlsson";
const NEW_PASSWORD = "Fyra-slumpade-ord-i-rad";
/** Every secret the tests handle (tokens, passwords, typed addresses); none may reach the log. */
const secrets: string[] = [PLANTED, NEW_PASSWORD, TEST_PASSWORD];
const DAY_MS = 86_400_000;

const db = () => matrixDb();
const userIdOf = async (email: string) =>
  (await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

/** The log's entries now, to tell the ones an action adds (times are rounded to milliseconds, so no cut-off by time). */
const entriesNow = async () =>
  new Set((await db().auditEntry.findMany({ select: { id: true } })).map((e) => e.id));
/** The entries (of one action, or all) written since `before` was taken, oldest first. */
const entriesSince = async (before: Set<string>, action?: AuditAction) =>
  (
    await db().auditEntry.findMany({
      where: action ? { action } : {},
      orderBy: [{ at: "asc" }, { id: "asc" }],
    })
  ).filter((entry) => !before.has(entry.id));

/** Runs an action and returns the one entry of `action` it wrote (failing on none or several). */
async function onlyEntry(action: AuditAction, run: () => Promise<unknown>) {
  const since = await entriesNow();
  await run();
  const entries = await entriesSince(since, action);
  expect(entries, `one ${action} entry`).toHaveLength(1);
  return entries[0];
}

const policeEvents = (id: number) =>
  JSON.stringify([
    {
      id,
      datetime: "2026-10-28 9:05:11 +01:00",
      name: "28 oktober 09.05, Stöld, Borlänge",
      summary: "Cykel stulen vid stationen.",
      url: `/aktuellt/handelser/${id}/`,
      type: "Stöld",
      location: { name: "Borlänge", gps: "60.484304,15.433969" },
    },
  ]);

let ids2: { admin: string; analyst: string; member: string; viewer: string; systemAdmin: string };

beforeAll(async () => {
  await createMatrixWorld();
  ids2 = {
    admin: await userIdOf(EMAIL.admin),
    analyst: await userIdOf(EMAIL.analyst),
    member: await userIdOf(EMAIL.member),
    viewer: await userIdOf(EMAIL.viewer),
    systemAdmin: await userIdOf(EMAIL.systemAdmin),
  };
});

afterAll(closeMatrixWorld);

describe("sign-ins", () => {
  it("records a sign-in in each workspace of the account, with its role and organisation", async () => {
    const entry = await onlyEntry("sign_in", () => loginAs(db(), EMAIL.member, TEST_PASSWORD));
    expect(entry).toMatchObject({
      workspaceId: ids.workspace,
      actorUserId: ids2.member,
      actorRole: "member",
      actorOrganizationId: ids.tunabyggen,
    });
    // A system administrator belongs to no workspace: the sign-in belongs to none either.
    const system = await onlyEntry("sign_in", () => loginAs(db(), EMAIL.systemAdmin, TEST_PASSWORD));
    expect(system).toMatchObject({ workspaceId: null, actorUserId: ids2.systemAdmin, actorRole: null });
  });

  it("records failed sign-ins in no workspace, naming a known account but never what was typed", async () => {
    const { caller } = callerFor(db(), { clientIp: "10.9.9.1" });
    const wrong = await onlyEntry("sign_in_failed", () =>
      expect(caller.auth.login({ email: EMAIL.member, password: PLANTED })).rejects.toMatchObject({
        code: "UNAUTHORIZED",
      }),
    );
    expect(wrong).toMatchObject({
      workspaceId: null,
      actorUserId: null,
      targetType: "user",
      targetId: ids2.member,
      details: { reason: "invalid_credentials" },
    });
    const typedAddress = "kalle.karlsson.planterad@example.org";
    secrets.push(typedAddress);
    const unknown = await onlyEntry("sign_in_failed", () =>
      expect(caller.auth.login({ email: typedAddress, password: NEW_PASSWORD })).rejects.toBeTruthy(),
    );
    expect(unknown).toMatchObject({ workspaceId: null, targetType: null, targetId: null });
  });
});

describe("roles and memberships", () => {
  it("records invitations, their use, role changes, deactivation and reset links with who and what", async () => {
    const admin = as("admin");
    const who = { workspaceId: ids.workspace, actorUserId: ids2.admin, actorRole: "admin" };
    let invitation = { id: "", token: "" };
    const invited = await onlyEntry("invitation_created", async () => {
      invitation = await admin.workspace.invite({
        email: `ny${next()}@tunabyggen.example`,
        role: "member",
        organizationId: ids.tunabyggen,
      });
    });
    secrets.push(invitation.token);
    expect(invited).toMatchObject({
      ...who,
      actorOrganizationId: ids.kommun,
      targetType: "invitation",
      targetId: invitation.id,
      details: { role: "member", organizationId: ids.tunabyggen },
    });

    const accepted = await onlyEntry("invitation_accepted", () =>
      callerFor(db()).caller.auth.acceptInvitation({
        token: invitation.token,
        name: "Nina Ny",
        password: NEW_PASSWORD,
      }),
    );
    const nina = accepted?.actorUserId ?? "";
    expect(accepted).toMatchObject({
      workspaceId: ids.workspace,
      actorRole: "member",
      actorOrganizationId: ids.tunabyggen,
      targetId: invitation.id,
    });

    expect(
      await onlyEntry("member_updated", () =>
        admin.workspace.updateMember({ userId: nina, role: "viewer", organizationId: ids.kommun }),
      ),
    ).toMatchObject({
      ...who,
      targetType: "user",
      targetId: nina,
      details: {
        role: "viewer",
        previousRole: "member",
        organizationId: ids.kommun,
        previousOrganizationId: ids.tunabyggen,
      },
    });
    expect(
      await onlyEntry("member_deactivated", () => admin.workspace.deactivateMember({ userId: nina })),
    ).toMatchObject({ ...who, targetId: nina });
    expect(
      await onlyEntry("member_reactivated", () => admin.workspace.reactivateMember({ userId: nina })),
    ).toMatchObject({ ...who, targetId: nina });

    let reset = { token: "" };
    expect(
      await onlyEntry("reset_link_issued", async () => {
        reset = await admin.workspace.issueResetLink({ userId: nina });
      }),
    ).toMatchObject({ ...who, targetType: "user", targetId: nina });
    secrets.push(reset.token);
    expect(
      await onlyEntry("reset_link_used", () =>
        callerFor(db()).caller.auth.resetPassword({ token: reset.token, password: `${NEW_PASSWORD}-2` }),
      ),
    ).toMatchObject({ workspaceId: ids.workspace, actorUserId: nina, actorRole: "viewer", targetId: nina });

    const ninaCaller = (
      await loginAs(
        db(),
        (
          await db().user.findUniqueOrThrow({ where: { id: nina } })
        ).email,
        `${NEW_PASSWORD}-2`,
        SLUG,
      )
    ).caller;
    expect(
      await onlyEntry("password_changed", () =>
        ninaCaller.auth.changePassword({
          currentPassword: `${NEW_PASSWORD}-2`,
          newPassword: `${NEW_PASSWORD}-3`,
        }),
      ),
    ).toMatchObject({ workspaceId: ids.workspace, actorUserId: nina, targetId: nina });
    secrets.push(`${NEW_PASSWORD}-2`, `${NEW_PASSWORD}-3`);
  });

  it("records organisations, workspaces, settings and import tokens", async () => {
    const admin = as("admin");
    let organization = { id: "" };
    expect(
      await onlyEntry("organization_added", async () => {
        organization = await admin.workspace.addOrganization({ name: `Förening ${next()}`, kind: "other" });
      }),
    ).toMatchObject({ actorUserId: ids2.admin, targetType: "organization", targetId: organization.id });
    expect(
      await onlyEntry("organization_removed", () =>
        admin.workspace.removeOrganization({ organizationId: organization.id }),
      ),
    ).toMatchObject({ targetId: organization.id });

    let token = { id: "", token: "" };
    expect(
      await onlyEntry("api_token_created", async () => {
        token = await admin.workspace.createApiToken({ name: "Nattlig import" });
      }),
    ).toMatchObject({
      workspaceId: ids.workspace,
      actorUserId: ids2.admin,
      targetType: "api_token",
      targetId: token.id,
    });
    secrets.push(token.token);
    expect(
      await onlyEntry("api_token_revoked", () => admin.workspace.revokeApiToken({ id: token.id })),
    ).toMatchObject({ targetId: token.id });

    expect(
      await onlyEntry("settings_updated", () =>
        admin.workspace.updateSettings({ notesRetentionDays: 400, surveyMinRespondents: 30 }),
      ),
    ).toMatchObject({ details: { notesRetentionDays: 400, surveyMinRespondents: 30 } });

    const n = next();
    const created = await onlyEntry("workspace_created", () =>
      callerAs("systemAdmin").system.createWorkspace({
        slug: `est-ort-${n}`,
        name: `EST Ort ${n}`,
        meetingAnchor: "2024-01-08",
        adminEmail: `admin${n}@ort.example`,
        adminName: "Ada Admin",
      }),
    );
    // The creator is no member of the new workspace: no role, no organisation.
    expect(created).toMatchObject({
      actorUserId: ids2.systemAdmin,
      actorRole: null,
      targetType: "workspace",
    });
    expect(created?.workspaceId).toBe(created?.targetId);
  });

  it("writes nothing for an action that was refused", async () => {
    const since = await entriesNow();
    const admin = as("admin");
    await expect(
      admin.workspace.revokeInvitation({ id: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The last admin may not step down: refused inside the transaction that would have logged it.
    await expect(
      admin.workspace.updateMember({ userId: ids2.admin, role: "analyst", organizationId: ids.kommun }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(as("viewer").lagesbild.publish({ id: ids.draft })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await entriesSince(since)).toEqual([]);
  });
});

describe("exports, imports and publishing", () => {
  it("records each export with its format and target", async () => {
    const period = { kind: "month" as const, date: "2026-10-15" };
    expect(
      await onlyEntry("table_exported", () =>
        as("viewer").exports.table({ period, view: "compstat", format: "csv" }),
      ),
    ).toMatchObject({
      actorUserId: ids2.viewer,
      actorRole: "viewer",
      targetType: "table",
      targetId: "compstat",
      details: { format: "csv" },
    });
    expect(
      await onlyEntry("action_plan_exported", () => as("member").lagesbild.actionPlanXlsx()),
    ).toMatchObject({ actorUserId: ids2.member, details: { format: "xlsx" } });
    const analyst = as("analyst");
    const { id: promiseId } = await analyst.medborgarlofte.create({
      title: "Medborgarlöfte 2026",
      startYear: 2026,
      endYear: 2026,
      areaCodes: [CENTRE.code],
    });
    expect(
      await onlyEntry("promise_report_exported", () => analyst.medborgarlofte.reportXlsx({ id: promiseId })),
    ).toMatchObject({ targetType: "promise", targetId: promiseId, details: { format: "xlsx" } });
  });

  it("records imports and undos in the import's transaction, also those handed over with a token", async () => {
    const admin = as("admin");
    let batch = { id: "" };
    expect(
      await onlyEntry("import_completed", async () => {
        batch = await admin.imports.policeEvents(file("events.json", policeEvents(9000 + next())));
      }),
    ).toMatchObject({
      actorUserId: ids2.admin,
      targetType: "import_batch",
      targetId: batch.id,
      details: { kind: "police_events", count: 1 },
    });
    expect(await onlyEntry("import_undone", () => admin.imports.undo({ batchId: batch.id }))).toMatchObject({
      actorUserId: ids2.admin,
      targetId: batch.id,
    });
    expect(
      await onlyEntry("import_completed", () =>
        as("analyst").imports.crimeCodes(
          file("nyckel.csv", "Brottskod;Brott_niva;Brottskategorier_namn\n853;1;Stöld\n853;2;Cykelstöld\n"),
        ),
      ),
    ).toMatchObject({
      actorUserId: ids2.analyst,
      targetType: "import",
      details: { kind: "crime-codes", count: 1 },
    });

    expect(
      await onlyEntry("import_completed", () =>
        as("analyst").places.import(file("platser.csv", "Namn;Lat;Lon\nStationen;60,48153;15,449798\n")),
      ),
    ).toMatchObject({ actorUserId: ids2.analyst, details: { kind: "places", count: 1 } });

    const { id: tokenId, token } = await admin.workspace.createApiToken({ name: "cron" });
    secrets.push(token);
    const server = createApp({ db: db(), cookies: { secure: "false" }, config: { mapStyleUrl: null } });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const entry = await onlyEntry("import_completed", async () => {
        const response = await fetch(`http://127.0.0.1:${port}/api/imports/police-events`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "x-est-workspace": SLUG,
            "x-est-file-name": "events.json",
          },
          body: policeEvents(9500 + next()),
        });
        expect(response.status).toBe(200);
      });
      expect(entry).toMatchObject({
        actorUserId: ids2.admin,
        actorRole: "admin",
        targetType: "import_batch",
        details: { via: "token", apiTokenId: tokenId },
      });
      expect(entry?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("records publishing and reopening a lägesbild with its version", async () => {
    const analyst = as("analyst");
    const id = await freshLagesbild();
    expect(await onlyEntry("lagesbild_published", () => analyst.lagesbild.publish({ id }))).toMatchObject({
      actorUserId: ids2.analyst,
      actorRole: "analyst",
      targetType: "lagesbild",
      targetId: id,
      details: { version: 1 },
    });
    expect(await onlyEntry("lagesbild_reopened", () => analyst.lagesbild.reopen({ id }))).toMatchObject({
      targetId: id,
    });
  });
});

describe("reads of restricted free text", () => {
  it("records a read only when the answer held free text, and never the text itself", async () => {
    const member = as("member");
    await member.walks.addFinding({
      walkId: ids.walk,
      ...CENTRE,
      category: "belysning",
      description: PLANTED,
      severity: 1,
    });
    await member.dialogues.recordResults({
      dialogueId: ids.dialogue,
      attendance: 9,
      themes: [],
      notes: PLANTED,
    });

    const findings = await onlyEntry("findings_read", () =>
      as("analyst").walks.findings({ walkId: ids.walk }),
    );
    expect(findings).toMatchObject({
      actorUserId: ids2.analyst,
      targetType: "walk",
      targetId: ids.walk,
      details: { count: 2 },
    });
    expect(await onlyEntry("dialogue_notes_read", () => member.dialogues.list())).toMatchObject({
      actorUserId: ids2.member,
      actorOrganizationId: ids.tunabyggen,
      details: { count: 1 },
    });
    expect(
      await onlyEntry("photo_read", () => as("admin").walks.photo({ photoId: ids.photo })),
    ).toMatchObject({ targetType: "photo", targetId: ids.photo });
    expect(
      await onlyEntry("reports_read", () => as("analyst").reports.queue({ status: "pending" })),
    ).toMatchObject({ details: { count: 1, kind: "pending" } });

    // The viewer gets the rows without their free text: nothing to record.
    const since = await entriesNow();
    const viewer = as("viewer");
    expect((await viewer.walks.findings({ walkId: ids.walk })).every((f) => f.isRestricted)).toBe(true);
    await viewer.dialogues.list();
    // A listing that returns no report's text records nothing either.
    expect(await as("member").reports.mine({ scope: "own" })).toEqual([]);
    expect(await entriesSince(since)).toEqual([]);
  });
});

describe("reading the log", () => {
  let logWorkspace = { id: "", slug: "" };
  let logAdmin: ReturnType<typeof callerFor>["caller"];
  let people = { a: "", b: "" };

  beforeAll(async () => {
    const workspace = await createWorkspace(db(), { slug: "est-logg" });
    logWorkspace = { id: workspace.id, slug: workspace.slug };
    people = {
      a: (
        await createUser(db(), {
          email: "a@logg.example",
          memberships: [{ workspaceId: workspace.id, role: "analyst" }],
        })
      ).id,
      b: (
        await createUser(db(), {
          email: "b@logg.example",
          memberships: [{ workspaceId: workspace.id, role: "member" }],
        })
      ).id,
    };
    await createUser(db(), {
      email: "admin@logg.example",
      memberships: [{ workspaceId: workspace.id, role: "admin" }],
    });
    // 30 sign-ins by A on 1–30 January, 25 exports by B in February, at noon UTC.
    await db().auditEntry.createMany({
      data: [
        ...Array.from({ length: 30 }, (_, i) => ({
          workspaceId: workspace.id,
          actorUserId: people.a,
          action: "sign_in",
          at: new Date(Date.UTC(2026, 0, i + 1, 12)),
        })),
        ...Array.from({ length: 25 }, (_, i) => ({
          workspaceId: workspace.id,
          actorUserId: people.b,
          action: "table_exported",
          at: new Date(Date.UTC(2026, 1, i + 1, 12)),
        })),
      ],
    });
    logAdmin = (await loginAs(db(), "admin@logg.example", TEST_PASSWORD, "est-logg")).caller;
  });

  it("pages newest first and filters by action, user and date range", async () => {
    const first = await logAdmin.audit.list({ filter: {}, page: 1 });
    // The 55 entries and the admin's own sign-in just now.
    expect(first.total).toBe(56);
    expect(first.entries).toHaveLength(50);
    expect(first.entries[0]).toMatchObject({ action: "sign_in", actor: { name: "admin" } });
    expect(first.entries[1]).toMatchObject({ action: "table_exported", at: "2026-02-25T12:00:00.000Z" });
    expect((await logAdmin.audit.list({ filter: {}, page: 2 })).entries).toHaveLength(6);

    const exports = await logAdmin.audit.list({ filter: { action: "table_exported" }, page: 1 });
    expect(exports.total).toBe(25);
    expect(new Set(exports.entries.map((e) => e.actor?.id))).toEqual(new Set([people.b]));

    const byA = await logAdmin.audit.list({ filter: { userId: people.a }, page: 1 });
    expect(byA.total).toBe(30);
    const tenDays = await logAdmin.audit.list({ filter: { from: "2026-01-10", to: "2026-01-19" }, page: 1 });
    expect(tenDays.entries.map((e) => e.at.slice(0, 10))).toEqual(
      Array.from({ length: 10 }, (_, i) => `2026-01-${String(19 - i).padStart(2, "0")}`),
    );
    await expect(
      logAdmin.audit.list({ filter: { from: "2026-02-01", to: "2026-01-01" }, page: 1 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("exports the filtered log as CSV and XLSX, and records the export", async () => {
    const since = await entriesNow();
    const csv = await logAdmin.audit.export({ filter: { action: "table_exported" }, format: "csv" });
    const text = Buffer.from(csv.base64, "base64").toString("utf8");
    expect(text.split("\r\n")[0]).toContain("Tid;Händelse;Användare");
    expect(text.split("\r\n").filter((line) => line.includes("table_exported"))).toHaveLength(25);
    const xlsx = await logAdmin.audit.export({ filter: {}, format: "xlsx" });
    expect(xlsx.fileName).toMatch(/^handelselogg-est-logg-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(await entriesSince(since, "audit_log_exported")).toMatchObject([
      { workspaceId: logWorkspace.id, details: { format: "csv", count: 25 } },
      { details: { format: "xlsx" } },
    ]);
  });

  it("purges entries past the workspace's retention, and at once when an admin shortens it", async () => {
    const now = Date.now();
    const before = await entriesNow();
    const at = (days: number) => new Date(now - days * DAY_MS);
    await db().auditEntry.createMany({
      data: [400, 200, 10].map((days) => ({
        workspaceId: logWorkspace.id,
        action: "sign_in",
        at: at(days),
        targetId: `old-${days}`,
      })),
    });
    await db().auditEntry.createMany({
      data: [400, 10].map((days) => ({
        workspaceId: null,
        action: "sign_in_failed",
        at: at(days),
        targetId: `old-${days}`,
      })),
    });
    const left = async (workspaceId: string | null) =>
      (await db().auditEntry.findMany({ where: { workspaceId, targetId: { startsWith: "old-" } } }))
        .map((e) => e.targetId)
        .sort();
    await purgeExpiredAuditEntries(db(), { unscopedDays: 365 });
    expect(await left(logWorkspace.id)).toEqual(["old-10", "old-200"]);
    expect(await left(null)).toEqual(["old-10"]);
    expect(await logAdmin.audit.retention()).toEqual({ days: 365 });
    const shortened = await logAdmin.audit.setRetention({ days: 180 });
    expect(shortened.purged).toBeGreaterThanOrEqual(1);
    expect(await left(logWorkspace.id)).toEqual(["old-10"]);
    await expect(logAdmin.audit.setRetention({ days: 30 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await entriesSince(before, "audit_retention_changed")).toMatchObject([{ details: { days: 180 } }]);
  });

  it("is for admins: failed sign-ins only for system administrators", async () => {
    await expect(as("analyst").audit.list({ filter: {}, page: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(as("admin").audit.systemList({ filter: {}, page: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const workspaceLog = await as("admin").audit.list({ filter: { action: "sign_in_failed" }, page: 1 });
    expect(workspaceLog.total).toBe(0);
    const systemLog = await callerAs("systemAdmin").audit.systemList({
      filter: { action: "sign_in_failed", userId: ids2.member },
      page: 1,
    });
    expect(systemLog.entries[0]).toMatchObject({
      actor: null,
      target: { type: "user", id: ids2.member, name: "bovard" },
      details: { reason: "invalid_credentials" },
    });
  });
});

it("holds no personal text, password or token anywhere in the log", async () => {
  const rows = await db().$queryRaw<{ row: string }[]>`SELECT row_to_json(a)::text AS row FROM audit_log a`;
  expect(rows.length).toBeGreaterThan(50);
  const dump = rows.map((r) => r.row).join("\n");
  for (const secret of secrets) expect(dump, secret).not.toContain(secret);
  expect(dump).not.toContain("Kalle");
});
