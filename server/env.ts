import path from "node:path";
import { z } from "zod";

// The only reader of process.env: checked once, failing fast with a readable list.
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((value) => !value || /^postgres(ql)?:\/\//.test(value), {
      message: "must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)",
    }),
  DATA_DIR: z.string().default(".data"),
  MAP_STYLE_URL: z.string().url().optional(),
  /** The basemap archive (PMTiles); by default basemap.pmtiles in DATA_DIR, used when it exists. */
  BASEMAP_PMTILES: z.string().min(1).optional(),
  /** Session lifetime in days; a session in use is renewed to this from its last use. */
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Reverse proxies in front of the app: with n, the n-th X-Forwarded-For entry from the right is the client. */
  TRUST_PROXY: z.coerce
    .number({ message: "must be the number of reverse proxies in front of the app (0, 1, 2, …)" })
    .int()
    .min(0)
    .max(10)
    .default(0),
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  DEMO_PASSWORD: z.string().min(8).optional(),
  /** The Chromium that prints lägesbild PDFs on the server. */
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  /** Log lines (JSON, one per request and event) at this level and above; "silent" for none. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Days the audit entries of no workspace (failed sign-ins) are kept; workspaces set their own. */
  AUDIT_UNSCOPED_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  /** Memory for cached dashboard answers, in MB (docs/decisions/022); 0 turns the cache off. */
  ANSWER_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /** An import token (Inställningar → Importnycklar): lets `npm run import` hand files to the running app. */
  EST_IMPORT_TOKEN: z.string().min(10).optional(),
});

export type Env = z.infer<typeof EnvSchema> & { pgliteDir: string; basemapPmtiles: string };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  return {
    ...parsed.data,
    DATA_DIR: dataDir,
    pgliteDir: path.join(dataDir, "pglite"),
    basemapPmtiles: path.resolve(parsed.data.BASEMAP_PMTILES ?? path.join(dataDir, "basemap.pmtiles")),
  };
}
