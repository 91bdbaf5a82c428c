import {
  DEFAULT_SSO_SETTINGS,
  isDefaultRoleLimited,
  type SsoRule,
  SsoRuleSchema,
  type SsoSettings,
} from "../../../shared/schemas/sso.ts";
import type { Db, Transaction } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { recordAudit } from "../audit/audit.service.ts";

const settingsSelect = {
  isEnabled: true,
  claim: true,
  rules: true,
  defaultRole: true,
  defaultOrganizationId: true,
  defaultEmailDomains: true,
  defaultRequiredValue: true,
} as const;

/** Stored rules read back through their schema: a row edited by hand cannot slip a bad rule in. */
function rulesOf(stored: unknown): SsoRule[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((rule) => {
    const parsed = SsoRuleSchema.safeParse(rule);
    return parsed.success ? [parsed.data] : [];
  });
}

/** A workspace's mapping, also read inside a sign-in's transaction (the defaults until an admin saves one). */
export async function ssoSettingsOf(db: Db | Transaction, workspaceId: string): Promise<SsoSettings> {
  const row = await db.workspaceSsoSettings.findUnique({ where: { workspaceId }, select: settingsSelect });
  if (!row) return DEFAULT_SSO_SETTINGS;
  return { ...row, rules: rulesOf(row.rules) };
}

export function getSsoSettings({ db, workspace }: ServiceScope): Promise<SsoSettings> {
  return ssoSettingsOf(db, workspace.id);
}

/** The organisations a mapping names must be this workspace's; each refusal names its rule. */
async function requireOwnOrganizations(db: Db, workspaceId: string, settings: SsoSettings) {
  const linked = new Set(
    (
      await db.workspaceOrganization.findMany({ where: { workspaceId }, select: { organizationId: true } })
    ).map((link) => link.organizationId),
  );
  const problems = settings.rules.flatMap((rule, index) =>
    rule.organizationId && !linked.has(rule.organizationId)
      ? [`Regel ${index + 1} (${rule.value}): organisationen hör inte till arbetsytan.`]
      : [],
  );
  if (settings.defaultOrganizationId && !linked.has(settings.defaultOrganizationId))
    problems.push("Standardorganisationen hör inte till arbetsytan.");
  if (settings.defaultRole === "member" && !settings.defaultOrganizationId)
    problems.push("Standardrollen medlem behöver en standardorganisation.");
  if (settings.isEnabled && settings.rules.length === 0 && settings.defaultRole === null)
    problems.push("Lägg till minst en regel eller en standardroll: annars kan ingen logga in.");
  if (problems.length > 0)
    throw new AppError("VALIDATION", { reason: "SETTINGS_RULES", params: { problems: problems.join(" ") } });
}

/**
 * A default role admits whoever no rule matches, so on an installation whose provider serves
 * several kommuner it must be limited to an address domain or a claim value (decisions/020).
 */
function requireLimitedDefault(settings: SsoSettings) {
  if (settings.defaultRole !== null && !isDefaultRoleLimited(settings))
    throw new AppError("VALIDATION", { reason: "SSO_DEFAULT_ROLE_UNLIMITED", field: "defaultEmailDomains" });
}

export async function updateSsoSettings(
  { db, workspace, actor }: ServiceScope,
  settings: SsoSettings,
): Promise<SsoSettings> {
  const workspaceId = workspace.id;
  requireLimitedDefault(settings);
  await requireOwnOrganizations(db, workspaceId, settings);
  const data = { ...settings, updatedAt: new Date() };
  await db.$transaction(async (tx) => {
    await tx.workspaceSsoSettings.upsert({
      where: { workspaceId },
      create: { workspaceId, ...data },
      update: data,
    });
    await recordAudit(tx, {
      workspaceId,
      userId: actor.userId,
      action: "settings_updated",
      target: { type: "workspace", id: workspaceId },
      details: { kind: "sso", count: settings.rules.length },
    });
  });
  return ssoSettingsOf(db, workspaceId);
}
