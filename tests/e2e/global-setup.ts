import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createApp } from "../../server/app.ts";
import { connectDb } from "../../server/db/client.ts";
import { seedDemoWorkspace } from "../../prisma/factories/demo-workspace.factory.ts";
import { createWorkspace } from "../../prisma/factories/workspace.factory.ts";
import { writeTestBasemap } from "../support/test-basemap.ts";
import { CHROMIUM_PATH } from "./browser.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

/** Builds the client and serves it with the API from one in-process server on a free port. */
export default async function setup(project: TestProject) {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser suite needs Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium); it is not skipped.`,
    );
  }
  const build = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "error"],
    // vitest sets NODE_ENV=test, which would give React's development build: test what users get.
    { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } },
  );
  if (build.status !== 0) throw new Error("vite build failed");
  const handle = await connectDb({ pgliteDir: "memory" }, { migrate: true });
  // Without the demo's year of published lägesbilder: the browser tests draft and publish their
  // own and count what they decided (tests/integration/demo-meetings.test.ts checks the year).
  await seedDemoWorkspace(handle.db, { endDate: "2026-11-15", meetings: false });
  // An empty workspace the real-data browser test fills through the import page.
  const dalarna = await createWorkspace(handle.db, {
    name: "EST Dalarna (test)",
    slug: "dalarna-test",
    meetingAnchor: "2024-01-08",
  });
  const analyst = await handle.db.user.findUniqueOrThrow({ where: { email: "analytiker@borlange.example" } });
  await handle.db.membership.create({
    data: { workspaceId: dalarna.id, userId: analyst.id, role: "analyst" },
  });
  // Synthetic streets around Borlänge, served by the app as its basemap (tests/e2e/basemap.test.ts).
  const basemapDir = fs.mkdtempSync(path.join(os.tmpdir(), "est-basemap-"));
  const basemapPmtiles = path.join(basemapDir, "basemap.pmtiles");
  writeTestBasemap(basemapPmtiles);
  const server = createApp({
    db: handle.db,
    cookies: { secure: "false" },
    config: { mapStyleUrl: null },
    clientDir: path.join(root, "dist", "client"),
    basemapPmtiles,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  return async () => {
    await new Promise((resolve) => server.close(resolve));
    await handle.close();
    fs.rmSync(basemapDir, { recursive: true, force: true });
  };
}
