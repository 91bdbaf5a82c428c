import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DataDirBusyError } from "../server/db/data-dir-lock.ts";
import { openConfiguredDb } from "../server/db/open-configured.ts";
import { type Env, readEnv } from "../server/env.ts";
import { AppError } from "../server/errors.ts";
import { createResetLink } from "../server/features/auth/account-tokens.ts";
import { createWorkspaceWithAdmin } from "../server/features/system/workspaces.service.ts";
import { inviteMember } from "../server/features/workspace/invitations.service.ts";
import { mondayOf, toLocalDate } from "../shared/calendar.ts";
import { appErrorReasonText } from "../shared/errors.ts";
import { ROLES, type Role } from "../shared/roles.ts";
import {
  CreateWorkspaceInputSchema,
  EmailSchema,
  INVITATION_PATH,
  ORGANIZATION_KINDS,
  RESET_PATH,
} from "../shared/schemas/accounts.ts";

const USAGE = `Användning: npm run admin -- <kommando> [flaggor]
  create-workspace --slug est-falun --name "EST Falun" --admin-email a@falun.se --admin-name "Namn"
                   [--anchor 2026-01-05] [--organization "Falu kommun" [--organization-kind kommun]]
                   [--password-file fil] [--system-admin]
      en ny arbetsyta och en engångslänk för dess första administratör (eller ett lösenord ur filen)
  invite           --workspace est-falun --email p@falun.se --role member --organization "Namn" [--name "Namn"]
      en inbjudningslänk till en arbetsyta (roller: ${ROLES.join(", ")})
  reset-link       --email p@falun.se
      en engångslänk för att välja nytt lösenord
  list-users       [--workspace est-falun]
      konton, roller, organisationer och status
Länkarna börjar med --url (annars http://localhost:PORT): ange adressen appen nås på.`;

class UsageError extends Error {}

const OPTIONS = {
  slug: { type: "string" },
  name: { type: "string" },
  anchor: { type: "string" },
  "admin-email": { type: "string" },
  "admin-name": { type: "string" },
  organization: { type: "string" },
  "organization-kind": { type: "string" },
  "password-file": { type: "string" },
  "system-admin": { type: "boolean" },
  workspace: { type: "string" },
  email: { type: "string" },
  role: { type: "string" },
  url: { type: "string" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>["values"];
type Command = (
  db: Awaited<ReturnType<typeof openConfiguredDb>>["db"],
  values: Values,
  env: Env,
) => Promise<void>;

const required = (values: Values, name: keyof Values): string => {
  const value = values[name];
  if (typeof value !== "string" || value.trim() === "") throw new UsageError(`--${name} saknas.\n\n${USAGE}`);
  return value;
};

const linkOf = (values: Values, env: Env, path: string, token: string) =>
  `${(values.url ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "")}${path}#${token}`;

const expiry = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");

const createWorkspace: Command = async (db, values, env) => {
  const input = CreateWorkspaceInputSchema.parse({
    slug: required(values, "slug"),
    name: required(values, "name"),
    meetingAnchor: values.anchor ?? mondayOf(toLocalDate(new Date())),
    adminEmail: required(values, "admin-email"),
    adminName: required(values, "admin-name"),
    organization: values.organization
      ? { name: values.organization, kind: values["organization-kind"] ?? "kommun" }
      : null,
  });
  const password = values["password-file"]
    ? fs.readFileSync(values["password-file"], "utf8").replace(/\r?\n$/, "")
    : undefined;
  const created = await createWorkspaceWithAdmin(db, input, {
    createdById: null,
    password,
    isSystemAdmin: values["system-admin"] ?? false,
  });
  console.log(`Arbetsytan ${created.workspace.slug} (${created.workspace.name}) är skapad.`);
  if (created.organization) console.log(`Organisation: ${created.organization.name}.`);
  if (!created.invitation) {
    console.log(`${input.adminEmail} är administratör och loggar in med lösenordet ur filen.`);
    return;
  }
  console.log(
    `Inbjudan till ${input.adminEmail} (administratör), giltig till ${expiry(created.invitation.expiresAt)} UTC och bara en gång:`,
  );
  console.log(linkOf(values, env, INVITATION_PATH, created.invitation.token));
};

const invite: Command = async (db, values, env) => {
  const slug = required(values, "workspace");
  const role = required(values, "role");
  if (!ROLES.includes(role as Role)) throw new UsageError(`Okänd roll ${role}: ${ROLES.join(", ")}.`);
  const workspace = await db.workspace.findUnique({ where: { slug }, select: { id: true } });
  if (!workspace) throw new Error(`Arbetsytan ${slug} finns inte.`);
  const organizationName = values.organization;
  const organization = organizationName
    ? await db.organization.findFirst({
        where: {
          workspaces: { some: { workspaceId: workspace.id } },
          OR: [
            { name: { equals: organizationName, mode: "insensitive" } },
            ...(z.string().uuid().safeParse(organizationName).success ? [{ id: organizationName }] : []),
          ],
        },
        select: { id: true },
      })
    : null;
  if (organizationName && !organization)
    throw new Error(`Arbetsytan ${slug} har ingen organisation ${organizationName}.`);
  const email = EmailSchema.parse(required(values, "email"));
  const invitation = await inviteMember(
    { db, workspace, actor: null },
    { email, name: values.name, role: role as Role, organizationId: organization?.id ?? null },
  );
  console.log(`Inbjudan till ${email}, giltig till ${expiry(invitation.expiresAt)} UTC och bara en gång:`);
  console.log(linkOf(values, env, INVITATION_PATH, invitation.token));
};

const resetLink: Command = async (db, values, env) => {
  const email = EmailSchema.parse(required(values, "email"));
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new Error(`Det finns inget konto ${email}.`);
  const reset = await createResetLink(db, { userId: user.id, email, createdById: null });
  console.log(
    `Återställningslänk för ${email}, giltig till ${expiry(reset.expiresAt)} UTC och bara en gång:`,
  );
  console.log(linkOf(values, env, RESET_PATH, reset.token));
};

const listUsers: Command = async (db, values) => {
  const users = await db.user.findMany({
    where: values.workspace ? { memberships: { some: { workspace: { slug: values.workspace } } } } : {},
    select: {
      email: true,
      name: true,
      isSystemAdmin: true,
      memberships: {
        where: values.workspace ? { workspace: { slug: values.workspace } } : {},
        select: {
          role: true,
          deactivatedAt: true,
          workspace: { select: { slug: true } },
          organization: { select: { name: true } },
        },
      },
    },
    orderBy: { email: "asc" },
  });
  if (users.length === 0) console.log("Inga konton.");
  for (const user of users) {
    console.log(`${user.email}  ${user.name}${user.isSystemAdmin ? "  (systemadministratör)" : ""}`);
    for (const m of user.memberships)
      console.log(
        `  ${m.workspace.slug}: ${m.role}, ${m.organization?.name ?? "ingen organisation"}${m.deactivatedAt ? ", avstängd" : ""}`,
      );
  }
};

const COMMANDS: Record<string, Command> = {
  "create-workspace": createWorkspace,
  invite,
  "reset-link": resetLink,
  "list-users": listUsers,
};

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) throw new UsageError(USAGE);
  const { values } = parseArgs({ args: rest, options: OPTIONS });
  if (values["organization-kind"] && !ORGANIZATION_KINDS.includes(values["organization-kind"] as never))
    throw new UsageError(`Okänd organisationstyp: välj ${ORGANIZATION_KINDS.join(", ")}.`);
  const env = readEnv();
  const handle = await openConfiguredDb(env, { role: "admin", command: "npm run admin", migrate: true });
  try {
    await command(handle.db, values, env);
    return 0;
  } finally {
    await handle.close();
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    if (error instanceof DataDirBusyError)
      console.error(
        `${error.message}\nMedan appen är igång skapar en systemadministratör arbetsytor i appen (/system), och arbetsytans administratörer bjuder in under Medlemmar.`,
      );
    else if (error instanceof z.ZodError)
      console.error(error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
    // The command speaks Swedish, as the app does: a refusal with a reason is said in Swedish.
    else if (error instanceof AppError && error.detail)
      console.error(appErrorReasonText("sv", error.detail.reason, error.detail.params));
    else if (error instanceof AppError || error instanceof Error) console.error(error.message);
    else console.error(error);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
