import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/client.ts";

export const SESSION_DAYS = 14;
const DAY_MS = 86_400_000;

const sessionUserSelect = { id: true, email: true, name: true, locale: true } as const;

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Only the token's hash is stored: a leaked sessions table lets no one in. */
export async function createSession({
  db,
  userId,
  days = SESSION_DAYS,
}: {
  db: Db;
  userId: string;
  days?: number;
}) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + days * DAY_MS);
  await db.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

export async function resolveSession({ db, token }: { db: Db; token: string | null }) {
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { tokenHash: true, expiresAt: true, user: { select: sessionUserSelect } },
  });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  // Sliding expiry, written at most once a day per session.
  const renewedExpiry = Date.now() + SESSION_DAYS * DAY_MS;
  if (renewedExpiry - session.expiresAt.getTime() > DAY_MS) {
    await db.session.update({
      where: { tokenHash: session.tokenHash },
      data: { expiresAt: new Date(renewedExpiry), lastSeenAt: new Date() },
    });
  }
  return session;
}

export async function deleteSession({ db, token }: { db: Db; token: string | null }) {
  if (!token) return;
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

export async function deleteExpiredSessions({ db }: { db: Db }) {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  return count;
}
