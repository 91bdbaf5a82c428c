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
  /** Seed the demo workspace into an empty database at start. Production installations set 0. */
  SEED_DEMO: z.enum(["0", "1"]).default("1"),
  /** The Chromium that prints lägesbild PDFs on the server. */
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  /** Log lines (JSON, one per request and event) at this level and above; "silent" for none. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Days the audit entries of no workspace (failed sign-ins) are kept; workspaces set their own. */
  AUDIT_UNSCOPED_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  /** Memory for cached dashboard answers, in MB (docs/decisions/022); 0 turns the cache off. */
  ANSWER_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  /** The folder of PostgreSQL's client tools (pg_dump, pg_restore, psql) for backups; unset: found on PATH. */
  PG_BIN_DIR: z.string().min(1).optional(),
  /** An import token (Inställningar → Importnycklar): lets `npm run import` hand files to the running app. */
  EST_IMPORT_TOKEN: z.string().min(10).optional(),
  /** Where people reach the app (https://est.kommun.se): the single sign-on return address is made from it. */
  PUBLIC_URL: z.string().url().optional(),
  /** Single sign-on (docs/decisions/020): the OpenID Connect provider's issuer URL; unset means none. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** A confidential client's secret; without it the app signs in as a public client (PKCE only). */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The return address registered at the provider; by default PUBLIC_URL + /auth/oidc/callback. */
  OIDC_REDIRECT_URL: z.string().url().optional(),
  /** The provider's name on the login page's button ("Logga in med …"). */
  OIDC_NAME: z.string().trim().min(1).max(60).default("organisationens konto"),
  OIDC_SCOPES: z.string().trim().min(1).default("openid email profile"),
  /** "true": the provider's addresses are the organisation's own, so they join existing accounts without email_verified. */
  OIDC_TRUST_EMAIL: z.enum(["true", "false"]).default("false"),
  /** Notifications by e-mail (docs/decisions/025): smtp://user:password@host:587 or smtps://…; unset sends none. */
  SMTP_URL: z
    .string()
    .optional()
    .refine((value) => !value || /^smtps?:\/\//.test(value), {
      message: "must be an smtp:// or smtps:// URL",
    }),
  /** The sender of notification e-mails. */
  MAIL_FROM: z.string().min(3).default("EST Lägesbild <no-reply@localhost>"),
});

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The OIDC settings belong together; an http issuer only on this machine and never in production. */
function oidcProblems(env: z.infer<typeof EnvSchema>): string[] {
  if (!env.OIDC_ISSUER) return [];
  const problems: string[] = [];
  if (!env.OIDC_CLIENT_ID) problems.push("  OIDC_CLIENT_ID: required when OIDC_ISSUER is set");
  if (!env.OIDC_REDIRECT_URL && !env.PUBLIC_URL)
    problems.push("  OIDC_REDIRECT_URL: set it, or PUBLIC_URL, when OIDC_ISSUER is set");
  const issuer = new URL(env.OIDC_ISSUER);
  const isLocalHttp = issuer.protocol === "http:" && LOOPBACK_HOSTS.has(issuer.hostname);
  if (issuer.protocol !== "https:" && !(isLocalHttp && env.NODE_ENV !== "production"))
    problems.push("  OIDC_ISSUER: must be https:// (plain http only for a test provider on 127.0.0.1)");
  return problems;
}

export type Env = z.infer<typeof EnvSchema> & { pgliteDir: string; basemapPmtiles: string };

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const problems = oidcProblems(parsed.data);
  // The e-mails link to the app: its address must be known.
  if (parsed.data.SMTP_URL && !parsed.data.PUBLIC_URL)
    problems.push("  PUBLIC_URL: required when SMTP_URL is set (the e-mails link to the app)");
  if (problems.length > 0) throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  const dataDir = path.resolve(parsed.data.DATA_DIR);
  return {
    ...parsed.data,
    DATA_DIR: dataDir,
    pgliteDir: path.join(dataDir, "pglite"),
    basemapPmtiles: path.resolve(parsed.data.BASEMAP_PMTILES ?? path.join(dataDir, "basemap.pmtiles")),
  };
}
