import type http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/app.ts";
import type { Db } from "../../server/db/client.ts";
import { createHealthRoute } from "../../server/health.ts";
import { createLogger } from "../../server/logger.ts";
import { createTestDb, type TestDb } from "../support/test-db.ts";

let testDb: TestDb;
let server: http.Server;
let url: string;
const lines: string[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
  const logger = createLogger({ level: "info", destination: { write: (line: string) => lines.push(line) } });
  server = createApp({ db: testDb.db, cookies: { secure: "false" }, config: { mapStyleUrl: null }, logger });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

describe("GET /healthz", () => {
  it("answers 200 ok while the database answers, and refuses other methods", async () => {
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
    expect((await fetch(`${url}/healthz`, { method: "POST" })).status).toBe(405);
  });

  it("answers 503 unavailable with no detail once the database is gone, and logs why", async () => {
    await testDb.close();
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('{"status":"unavailable"}');
    const failure = lines.map((line) => JSON.parse(line)).find((r) => r.msg === "health check failed");
    expect(failure).toMatchObject({ level: "error", reason: expect.any(String) });
    expect(lines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ path: "/healthz", status: 503, level: "error" }),
    );
  });

  it("gives up on a database that does not answer within the timeout", async () => {
    const hung = { $queryRaw: () => new Promise(() => undefined) } as unknown as Db;
    const route = createHealthRoute(hung, { timeoutMs: 50 });
    const answer = { status: 0, body: "" };
    const res = {
      writeHead(status: number) {
        answer.status = status;
        return this;
      },
      end(body: string) {
        answer.body = body;
      },
    } as unknown as http.ServerResponse;
    const started = Date.now();
    await route({ method: "GET" } as http.IncomingMessage, res);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(answer).toEqual({ status: 503, body: '{"status":"unavailable"}' });
  });
});
