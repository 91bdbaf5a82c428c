import { createHash, randomBytes } from "node:crypto";
import { type Db, queryPlain } from "../../db/client.ts";

/** The default lifetime; the app passes SESSION_DAYS from server/env.ts. */
export const SESSION_DAYS = 14;
const DAY_MS = 86_400_000;

type SessionUser = { id: string; email: string; name: string; locale: string; isSystemAdmin: boolean };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Only the token's hash is stored: a leaked sessions table lets no one in. */
export async function createSession({
  db,
  userId,
  days = SESSION_DAYS,
}: {
  /** The client, or a transaction that records the sign-in with it. */
  db: Pick<Db, "session">;
  userId: string;
  days?: number;
}) {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + days * DAY_MS);
  await db.session.create({ data: { tokenHash: hashToken(token), userId, expiresAt } });
  return { token, expiresAt };
}

/**
 * The session behind a token, or null. With `renewDays` (SESSION_DAYS) a session in use slides:
 * once a day, or once half its lifetime has passed if that is shorter, its expiry moves to
 * `renewDays` from now and `renewedUntil` tells the caller to renew the cookie too.
 */
export async function resolveSession({
  db,
  token,
  renewDays,
}: {
  db: Db;
  token: string | null;
  renewDays?: number;
}) {
  if (!token) return null;
  // One plain query on every signed-in request (through Prisma's relation it was two, and most of
  // the CPU a cached dashboard answer costs).
  const [row] = await queryPlain<SessionRow>(
    db,
    `SELECT ${SESSION_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [hashToken(token)],
    { name: "est_session" },
  );
  return row ? slideSession(db, row, renewDays) : null;
}

export type SessionRow = SessionUser & { tokenHash: string; expiresAt: Date };
/** The columns of `sessions s JOIN users u` that make a session (server/request-caller.ts reads them too). */
export const SESSION_COLUMNS = `s.token_hash AS "tokenHash", s.expires_at AS "expiresAt", u.id::text AS id,
  u.email, u.name, u.locale, u.is_system_admin AS "isSystemAdmin"`;

/** A session row as the caller's session: null once expired; renewed as `resolveSession` says. */
export async function slideSession(db: Db, row: SessionRow, renewDays: number | undefined) {
  if (row.expiresAt.getTime() <= Date.now()) return null;
  const { tokenHash, expiresAt, id, email, name, locale, isSystemAdmin } = row;
  const session = { tokenHash, expiresAt, user: { id, email, name, locale, isSystemAdmin } };
  if (renewDays === undefined) return { ...session, renewedUntil: null };
  const lifetime = renewDays * DAY_MS;
  const renewedExpiry = Date.now() + lifetime;
  if (renewedExpiry - session.expiresAt.getTime() < Math.min(DAY_MS, lifetime / 2))
    return { ...session, renewedUntil: null };
  const renewedUntil = new Date(renewedExpiry);
  await db.session.update({
    where: { tokenHash: session.tokenHash },
    data: { expiresAt: renewedUntil, lastSeenAt: new Date() },
  });
  return { ...session, expiresAt: renewedUntil, renewedUntil };
}

export async function deleteSession({ db, token }: { db: Db; token: string | null }) {
  if (!token) return;
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

/** Ends a user's sessions everywhere, except the one making the request when `keepToken` names it. */
export async function endUserSessions({
  db,
  userId,
  keepToken = null,
}: {
  db: Db;
  userId: string;
  keepToken?: string | null;
}) {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(keepToken ? { tokenHash: { not: hashToken(keepToken) } } : {}) },
  });
  return count;
}

export async function deleteExpiredSessions({ db }: { db: Db }) {
  const { count } = await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  return count;
}
