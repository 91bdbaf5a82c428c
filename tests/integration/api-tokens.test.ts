import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import { resolveImportToken } from "../../server/features/workspace/api-tokens.service.ts";
import { createBorlangeAreas } from "../../prisma/factories/area.factory.ts";
import { createCategoryTree } from "../../prisma/factories/category.factory.ts";
import { createUser, TEST_PASSWORD } from "../../prisma/factories/user.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { loginAs } from "../support/caller.ts";
import { outsiderCaller } from "../support/demo.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let borlange: { id: string; slug: string };
let url: string;
let server: ReturnType<typeof createApp>;

const as = (email: string) => loginAs(testDb.db, email, TEST_PASSWORD, "est-borlange").then((l) => l.caller);

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  borlange = await createWorkspace(db, { name: "EST Borlänge", slug: "est-borlange" });
  for (const role of ["admin", "analyst", "member", "viewer"] as const)
    await createUser(db, {
      email: `${role}@borlange.example`,
      memberships: [{ workspaceId: borlange.id, role }],
    });
  await createBorlangeAreas(db, borlange.id);
  await createCategoryTree(db, borlange.id);
  server = createApp({ db, cookies: { secure: "false" }, config: { mapStyleUrl: null } });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await testDb?.close();
});

const HEADER =
  "LPO/Sektion nivå 4 brottsplats,Län,Kommunnamn,Kommunkod,desokod,Brottskod,Brottskod text,Inskr år,Inskr årmånad,Inskrivningsdatum,Brottsdatum från,Brottsdatum till,antal_brott,kallfil,regsonamn";
const delivery = [
  HEADER,
  'LPO Borlänge,Dalarna,Borlänge,2081,2081A0010,1201,"Skadegörelse, på motorfordon, ej genom brand",2024,202403,2024-03-04,2024-03-04,2024-03-04,2,Brottsstatistik_Borlänge_202403.csv,Tolsbo 2',
].join("\n");

const post = (token: string | null, body: string, kind = "police-delivery", workspace = "est-borlange") =>
  fetch(`${url}/api/imports/${kind}`, {
    method: "POST",
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      "x-est-workspace": workspace,
      "x-est-file-name": encodeURIComponent("Brottsstatistik_Borlänge_202403.csv"),
    },
    body,
  });

describe("import tokens", () => {
  it("are created by admins only, shown once, and listed without their secret", async () => {
    const admin = await as("admin@borlange.example");
    const created = await admin.workspace.createApiToken({ name: "Nattlig import" });
    expect(created.token).toMatch(/^est_[A-Za-z0-9_-]{43}$/);
    const listed = await admin.workspace.apiTokens();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      name: "Nattlig import",
      createdBy: expect.any(String),
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(created.token);
    const stored = await testDb.db.apiToken.findFirstOrThrow({ select: { tokenHash: true } });
    expect(stored.tokenHash).not.toContain(created.token.slice(4));
    for (const role of ["analyst", "member", "viewer"]) {
      const caller = await as(`${role}@borlange.example`);
      await expect(caller.workspace.createApiToken({ name: "x" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(caller.workspace.apiTokens()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const outsider = await outsiderCaller(testDb.db);
    await expect(outsider.workspace.revokeApiToken({ id: listed[0]?.id ?? "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("run the same import as the UI through the app's route, and refuse without or with a wrong token", async () => {
    const admin = await as("admin@borlange.example");
    const { token } = await admin.workspace.createApiToken({ name: "cron" });
    const missing = await post(null, delivery);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: string }).error).toContain("Ingen importnyckel");
    expect(await testDb.db.incident.count()).toBe(0);

    const otherWorkspace = await post(token, delivery, "police-delivery", "est-falun");
    expect(otherWorkspace.status).toBe(403);

    const bad = await post(
      token,
      `${HEADER}\nLPO Borlänge,Dalarna,Borlänge,2081,2081A0010,1201,x,2024,202403,2024-13-04,2024-03-04,2024-03-04,2,Brottsstatistik_Borlänge_202403.csv,r`,
    );
    expect(bad.status).toBe(400);
    const badBody = (await bad.json()) as { issues: { row: number; column: string }[] };
    expect(badBody.issues[0]).toMatchObject({ row: 2, column: "Inskrivningsdatum" });
    expect(await testDb.db.incident.count()).toBe(0);

    const ok = await post(token, delivery);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { message: string }).message).toBe("1 rader, 1 leveranser");
    const batch = await testDb.db.importBatch.findFirstOrThrow({
      where: { status: "completed" },
      select: { userId: true, fileName: true },
    });
    const adminUser = await testDb.db.user.findUniqueOrThrow({ where: { email: "admin@borlange.example" } });
    expect(batch).toEqual({ userId: adminUser.id, fileName: "Brottsstatistik_Borlänge_202403.csv" });

    const unknownKind = await post(token, delivery, "users");
    expect(unknownKind.status).toBe(404);
  });

  it("stop working when revoked or when their creator may no longer import", async () => {
    const admin = await as("admin@borlange.example");
    const { db } = testDb;
    const revoked = await admin.workspace.createApiToken({ name: "gammal" });
    await admin.workspace.revokeApiToken({ id: revoked.id });
    await expect(resolveImportToken({ db, token: revoked.token, workspaceSlug: null })).rejects.toThrow(
      "Importnyckeln är okänd eller återkallad",
    );
    await expect(admin.workspace.revokeApiToken({ id: revoked.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const kept = await admin.workspace.createApiToken({ name: "ny" });
    await expect(
      resolveImportToken({ db, token: kept.token, workspaceSlug: "est-borlange" }),
    ).resolves.toMatchObject({
      workspace: { slug: "est-borlange" },
    });
    const adminUser = await db.user.findUniqueOrThrow({ where: { email: "admin@borlange.example" } });
    await db.membership.updateMany({ where: { userId: adminUser.id }, data: { role: "viewer" } });
    await expect(resolveImportToken({ db, token: kept.token, workspaceSlug: null })).rejects.toThrow(
      "får inte längre importera",
    );
    expect((await post(kept.token, delivery)).status).toBe(403);
    await db.membership.updateMany({ where: { userId: adminUser.id }, data: { role: "admin" } });
  });
});
