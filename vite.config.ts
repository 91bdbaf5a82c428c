import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const apiPort = Number(process.env.API_PORT ?? 3001);

// One config for the client build, the dev server and the test projects.
export default defineConfig({
  root: "client",
  plugins: [react()],
  // The manifest (dist/client/.vite, not served) lets `npm run size` and the browser suite weigh routes.
  build: { outDir: "../dist/client", emptyOutDir: true, chunkSizeWarningLimit: 1200, manifest: true },
  server: {
    proxy: { "/trpc": `http://localhost:${apiPort}`, "/basemap": `http://localhost:${apiPort}` },
  },
  test: {
    root: ".",
    reporters: ["default"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // Two app processes on one database: PostgreSQL only (run by integration-pg).
          exclude: ["tests/integration/two-servers.test.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          env: { EST_TEST_DB: "pglite" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration-pg",
          include: ["tests/integration/**/*.test.ts"],
          // The embedded database's own processes: nothing there runs on PostgreSQL.
          exclude: ["tests/integration/embedded-database.test.ts", "tests/integration/admin-command.test.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          env: { EST_TEST_DB: "postgres" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "realdata",
          include: ["tests/realdata/**/*.test.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
