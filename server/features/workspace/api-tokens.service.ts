import { createHash, randomBytes } from "node:crypto";
import { ANALYST_ROLES } from "../../../shared/roles.ts";
import type { Db } from "../../db/client.ts";
import { AppError } from "../../errors.ts";
import type { ServiceScope } from "../../service-scope.ts";
import { recordAudit } from "../audit/audit.service.ts";

const TOKEN_PREFIX = "est_";
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const tokenSelect = {
  id: true,
  name: true,
  scope: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { name: true } },
} as const;

export async function listApiTokens({ db, workspace }: ServiceScope) {
  const tokens = await db.apiToken.findMany({
    where: { workspaceId: workspace.id },
    select: tokenSelect,
    orderBy: { createdAt: "desc" },
  });
  return tokens.map(({ createdBy, ...token }) => ({ ...token, createdBy: createdBy.name }));
}

/** The token itself is returned once, here; only its hash is kept. */
export async function createApiToken({ db, workspace, actor }: ServiceScope, input: { name: string }) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return db.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: {
        workspaceId: workspace.id,
        name: input.name,
        tokenHash: hashToken(token),
        createdById: actor.userId,
      },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: actor.userId,
      action: "api_token_created",
      target: { type: "api_token", id: created.id },
    });
    return { ...created, token };
  });
}

export async function revokeApiToken({ db, workspace, actor }: ServiceScope, id: string) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({
      where: { id, workspaceId: workspace.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "No such active token in this workspace");
    await recordAudit(tx, {
      workspaceId: workspace.id,
      userId: actor.userId,
      action: "api_token_revoked",
      target: { type: "api_token", id },
    });
  });
}

/**
 * The workspace and user an import token acts for. It must be unrevoked, for the named workspace,
 * and its creator must still be an analyst or admin there: a token outlives no one's rights.
 */
export async function resolveImportToken({
  db,
  token,
  workspaceSlug,
}: {
  db: Db;
  token: string | null;
  workspaceSlug: string | null;
}) {
  if (!token) throw new AppError("UNAUTHENTICATED", "Ingen importnyckel angavs.");
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      scope: true,
      revokedAt: true,
      createdById: true,
      workspace: { select: { id: true, slug: true, timezone: true } },
    },
  });
  if (!found || found.revokedAt)
    throw new AppError("UNAUTHENTICATED", "Importnyckeln är okänd eller återkallad.");
  if (workspaceSlug && workspaceSlug !== found.workspace.slug)
    throw new AppError(
      "FORBIDDEN",
      `Importnyckeln hör till arbetsytan ${found.workspace.slug}, inte ${workspaceSlug}.`,
    );
  const membership = await db.membership.findFirst({
    where: { userId: found.createdById, workspaceId: found.workspace.id, deactivatedAt: null },
    select: { role: true },
  });
  if (!membership || !ANALYST_ROLES.includes(membership.role))
    throw new AppError("FORBIDDEN", "Den som skapade importnyckeln får inte längre importera i arbetsytan.");
  await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  return { workspace: found.workspace, userId: found.createdById, tokenId: found.id };
}
