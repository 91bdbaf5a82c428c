import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataDirLock } from "../../server/db/data-dir-lock.ts";
import { openConfiguredDb } from "../../server/db/open-configured.ts";
import { readEnv } from "../../server/env.ts";
import { callerFor, loginAs } from "../support/caller.ts";

// `npm run admin` as a kommun's operator runs it: a real process on a real embedded data folder.
const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "est-admin-"));
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: "3000", NODE_ENV: "production" };
delete env.DATABASE_URL;
const PASSWORD = "fjällbäcken-i-mars-2026";

type Run = { status: number | null; stdout: string; stderr: string };

function admin(...args: string[]): Promise<Run> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts", "admin.ts"), ...args],
    {
      cwd: root,
      env,
    },
  );
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk) => (output.stdout += chunk));
  child.stderr.on("data", (chunk) => (output.stderr += chunk));
  return new Promise((resolve) => child.on("exit", (status) => resolve({ status, ...output })));
}

/** Opens the folder as the app would, once the command has let go of it. */
async function withFolder<T>(work: (db: Awaited<ReturnType<typeof openConfiguredDb>>["db"]) => Promise<T>) {
  const handle = await openConfiguredDb(readEnv(env), { role: "app", command: "vitest" });
  try {
    return await work(handle.db);
  } finally {
    await handle.close();
  }
}

const createFalun = (...extra: string[]) =>
  admin(
    "create-workspace",
    ...[
      "--slug",
      "est-falun",
      "--name",
      "EST Falun",
      "--admin-email",
      "a@falun.se",
      "--admin-name",
      "Anna Falun",
    ],
    ...extra,
  );

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run admin on the embedded database", () => {
  it("refuses while another process holds the data folder, naming it, and changes nothing", async () => {
    const lock = acquireDataDirLock(dataDir, { role: "app", command: "npm start" });
    try {
      const result = await createFalun();
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(`används redan av EST Lägesbild (npm start) (process ${process.pid}`);
      expect(result.stderr).toContain("/system");
      expect(result.stdout).not.toContain("/inbjudan");
    } finally {
      lock.release();
    }
    // It stopped before opening anything: the database was never created.
    expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(false);
  }, 60_000);

  it("creates a workspace and prints a one-time invitation link that works after the command exits", async () => {
    const result = await createFalun(
      ...["--anchor", "2026-01-05", "--organization", "Falu kommun", "--system-admin"],
      ...["--url", "https://est.falun.se/"],
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Arbetsytan est-falun (EST Falun) är skapad.");
    const token = /https:\/\/est\.falun\.se\/inbjudan#([A-Za-z0-9_-]{43})\n/.exec(result.stdout)?.[1] ?? "";
    expect(token).toHaveLength(43);
    expect(fs.existsSync(path.join(dataDir, "est.lock"))).toBe(false);

    await withFolder(async (db) => {
      const browser = callerFor(db);
      await expect(browser.caller.auth.invitation({ token })).resolves.toMatchObject({
        email: "a@falun.se",
        name: "Anna Falun",
        role: "admin",
        organization: "Falu kommun",
        workspace: { slug: "est-falun", name: "EST Falun" },
      });
      await browser.caller.auth.acceptInvitation({ token, name: "Anna Falun", password: PASSWORD });
      const signedIn = callerFor(db, { token: browser.cookies.token, workspace: "est-falun" }).caller;
      await expect(signedIn.workspace.current()).resolves.toMatchObject({
        role: "admin",
        meetingAnchor: "2026-01-05",
        permissions: { canAdministerSystem: true },
      });
      await expect(
        callerFor(db).caller.auth.acceptInvitation({ token, name: "X", password: PASSWORD }),
      ).rejects.toMatchObject({
        cause: { code: "LINK_INVALID" },
      });
    });

    const again = await createFalun();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("Arbetsytan est-falun finns redan.");
  }, 90_000);

  it("invites, lists the users, and issues reset links", async () => {
    const withoutOrganization = await admin(
      ...["invite", "--workspace", "est-falun", "--email", "p@falun.se"],
      "--role",
      "member",
    );
    expect(withoutOrganization.status).toBe(1);
    expect(withoutOrganization.stderr).toContain("En medlem måste höra till en organisation");
    const invited = await admin(
      ...["invite", "--workspace", "est-falun", "--email", "p@falun.se", "--role", "member"],
      ...["--organization", "falu kommun"],
    );
    expect(invited.status).toBe(0);
    expect(invited.stdout).toMatch(/http:\/\/localhost:3000\/inbjudan#[A-Za-z0-9_-]{43}\n/);
    const users = await admin("list-users", "--workspace", "est-falun");
    expect(users.status).toBe(0);
    expect(users.stdout).toContain(
      "a@falun.se  Anna Falun  (systemadministratör)\n  est-falun: admin, Falu kommun",
    );
    const reset = await admin("reset-link", "--email", "a@falun.se");
    expect(reset.status).toBe(0);
    const token = /\/aterstall#([A-Za-z0-9_-]{43})\n/.exec(reset.stdout)?.[1] ?? "";
    await withFolder(async (db) => {
      await expect(callerFor(db).caller.auth.resetInfo({ token })).resolves.toMatchObject({
        email: "a@falun.se",
      });
    });
    expect((await admin("reset-link", "--email", "ingen@falun.se")).status).toBe(1);
    expect((await admin("no-such-command")).status).toBe(2);
  }, 120_000);

  it("sets the first admin's password from a file instead, refusing a weak one", async () => {
    const passwordFile = path.join(dataDir, "password.txt");
    const createMora = () =>
      admin(
        ...["create-workspace", "--slug", "est-mora", "--name", "EST Mora", "--admin-email", "b@mora.se"],
        ...["--admin-name", "Bo Mora", "--password-file", passwordFile],
      );
    fs.writeFileSync(passwordFile, "sommar2026\n");
    const weak = await createMora();
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain("minst 12 tecken");
    fs.writeFileSync(passwordFile, `${PASSWORD}\n`);
    const created = await createMora();
    expect(created.status).toBe(0);
    expect(created.stdout).not.toContain("/inbjudan");
    await withFolder(async (db) => {
      const { caller } = await loginAs(db, "b@mora.se", PASSWORD, "est-mora");
      await expect(caller.workspace.current()).resolves.toMatchObject({
        role: "admin",
        permissions: { canAdministerSystem: false },
      });
    });
  }, 90_000);
});
