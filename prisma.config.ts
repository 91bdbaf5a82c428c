import path from "node:path";
import { defineConfig } from "prisma/config";
import { createAdapterFactory } from "./server/db/adapter.ts";
import { readEnv } from "./server/env.ts";

const env = readEnv();
// The schema's url line must resolve or the CLI falls back to downloading a native engine;
// with PGlite the adapter below is what connects, so a placeholder is enough.
process.env.DATABASE_URL ??= "postgresql://embedded-pglite/unused";

// The CLI runs on the same adapter as the app: PGlite in the data folder, or PostgreSQL
// when DATABASE_URL points at one. Never run it beside a server that has the folder open.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return createAdapterFactory(env);
  },
});
