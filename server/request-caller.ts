import type { IncomingMessage } from "node:http";
import { type Db, queryPlain } from "./db/client.ts";
import {
  hashToken,
  SESSION_COLUMNS,
  type SessionRow,
  slideSession,
} from "./features/auth/session.service.ts";
import { type MembershipRow, membershipOf } from "./features/workspace/workspace.service.ts";

/**
 * Who is calling, read once per HTTP request of queries (a GET, which tRPC never lets write) and
 * shared by every call of its batch (decisions/022): the session with its user, the membership in
 * the workspace the client named, and that workspace's data version for the answer cache, in one
 * query. Every new request reads them afresh, so a session ended or a membership deactivated is
 * refused from the next request on. Mutations (POST) resolve per call as before.
 */
export type RequestCaller = {
  session: NonNullable<Awaited<ReturnType<typeof slideSession>>>;
  membership: ReturnType<typeof membershipOf> | null;
  /** The workspace's data version when read with the membership, else null. */
  dataVersion: string | null;
} | null;

type Row = SessionRow &
  Omit<MembershipRow, "role" | "id" | "name" | "organizationId"> & {
    organizationId: string | null;
    role: MembershipRow["role"] | null;
    workspaceId: string | null;
    workspaceName: string;
    dataVersion: string;
  };

// The session (as resolveSession reads it), the membership (as resolveMembership) and the version
// (as readDataVersion), joined: one round trip where a batch of four made twelve.
const CALLER_SQL = `SELECT ${SESSION_COLUMNS},
    m.role::text AS role, m.organization_id::text AS "organizationId", w.id::text AS "workspaceId", w.slug, w.name AS "workspaceName",
    w.meeting_anchor_date::text AS "meetingAnchor", w.meeting_period AS "meetingPeriod",
    w.meeting_weekday AS "meetingWeekday", w.timezone, w.basemap_style_url AS "basemapStyleUrl",
    COALESCE(v.version, 0)::text AS "dataVersion"
  FROM sessions s JOIN users u ON u.id = s.user_id
  LEFT JOIN (memberships m JOIN workspaces w ON w.id = m.workspace_id AND w.slug = $2)
    ON m.user_id = u.id AND m.deactivated_at IS NULL
  LEFT JOIN workspace_data_versions v ON v.workspace_id = w.id
  WHERE s.token_hash = $1`;

export async function readRequestCaller(options: {
  db: Db;
  token: string | null;
  slug: string | null;
  renewDays: number;
}): Promise<RequestCaller> {
  const { db, token, slug, renewDays } = options;
  if (!token) return null;
  const [row] = await queryPlain<Row>(db, CALLER_SQL, [hashToken(token), slug ?? ""], {
    name: "est_request_caller",
  });
  if (!row) return null;
  const session = await slideSession(db, row, renewDays);
  if (!session) return null;
  if (!slug || row.role === null || row.workspaceId === null)
    return { session, membership: null, dataVersion: null };
  const membership = membershipOf({
    role: row.role,
    organizationId: row.organizationId,
    id: row.workspaceId,
    slug: row.slug,
    name: row.workspaceName,
    meetingAnchor: row.meetingAnchor,
    meetingPeriod: row.meetingPeriod,
    meetingWeekday: row.meetingWeekday,
    timezone: row.timezone,
    basemapStyleUrl: row.basemapStyleUrl,
  });
  return { session, membership, dataVersion: row.dataVersion };
}

const callers = new WeakMap<IncomingMessage, Promise<RequestCaller>>();

/**
 * The caller of an HTTP request of queries, read at most once however many calls its batch holds
 * and whoever asks (server/fast-answers.ts, then tRPC's middleware for the same request).
 */
export function requestCallerOf(req: IncomingMessage, read: () => Promise<RequestCaller>) {
  let caller = callers.get(req);
  if (!caller) {
    caller = read();
    callers.set(req, caller);
  }
  return caller;
}
