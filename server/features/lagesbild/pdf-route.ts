import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseCookie } from "cookie";
import { SESSION_COOKIE } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { type AuditEntryInput, recordAudit } from "../audit/audit.service.ts";
import { resolveSession } from "../auth/session.service.ts";
import { printPageToPdf, sendPrintResult, sendText } from "../exports/print-pdf.ts";
import { resolveMembership } from "../workspace/workspace.service.ts";

/** GET /api/w/<slug>/lagesbild/<id>.pdf: the briefing printed by a real browser on the server. */
export const PDF_ROUTE = /^\/api\/w\/([a-z0-9-]{1,64})\/lagesbild\/([0-9a-f-]{36})\.pdf$/;
/** GET /api/w/<slug>/atgardsplan.pdf: the åtgärdsplan, printed the same way. */
export const ACTION_PLAN_PDF_ROUTE = /^\/api\/w\/([a-z0-9-]{1,64})\/atgardsplan\.pdf$/;
/** GET /api/w/<slug>/medborgarlofte/<id>.pdf?ar=<year>: a promise's yearly report (decisions/026). */
export const PROMISE_PDF_ROUTE = /^\/api\/w\/([a-z0-9-]{1,64})\/medborgarlofte\/([0-9a-f-]{36})\.pdf$/;

type Printable = {
  printPath: string;
  fileName: string;
  audit: Required<Pick<AuditEntryInput, "action" | "target" | "details">>;
};

/** A document the route prints: where its print page is, its file name and its audit entry; null if it is not there. */
type Document = {
  route: RegExp;
  resolve: (
    db: Db,
    where: { workspaceId: string; slug: string; id: string; search: URLSearchParams },
  ) => Promise<Printable | null | "bad-year">;
  missing: string;
};

const DOCUMENTS: Document[] = [
  {
    route: PDF_ROUTE,
    missing: "Lägesbilden finns inte i arbetsytan.",
    resolve: async (db, { workspaceId, slug, id }) => {
      const row = await db.lagesbild.findUnique({
        where: { workspaceId_id: { workspaceId, id } },
        select: { periodStart: true },
      });
      if (!row) return null;
      return {
        printPath: `/w/${slug}/lagesbild/${id}/utskrift`,
        fileName: `lagesbild-${slug}-${row.periodStart.toISOString().slice(0, 10)}.pdf`,
        audit: {
          action: "lagesbild_pdf_exported",
          target: { type: "lagesbild", id },
          details: { format: "pdf" },
        },
      };
    },
  },
  {
    route: ACTION_PLAN_PDF_ROUTE,
    missing: "",
    resolve: async (_db, { workspaceId, slug }) => ({
      printPath: `/w/${slug}/lagesbild/atgardsplan`,
      fileName: `atgardsplan-${slug}.pdf`,
      audit: {
        action: "action_plan_exported",
        target: { type: "workspace", id: workspaceId },
        details: { format: "pdf" },
      },
    }),
  },
  {
    route: PROMISE_PDF_ROUTE,
    missing: "Medborgarlöftet finns inte i arbetsytan.",
    resolve: async (db, { workspaceId, slug, id, search }) => {
      const row = await db.medborgarlofte.findUnique({
        where: { workspaceId_id: { workspaceId, id } },
        select: { startYear: true, endYear: true },
      });
      if (!row) return null;
      const asked = search.get("ar");
      const year = asked === null ? row.startYear : Number(asked);
      if (!Number.isInteger(year) || year < row.startYear || year > row.endYear) return "bad-year";
      return {
        printPath: `/w/${slug}/medborgarloften/${id}/utskrift?ar=${year}`,
        fileName: `medborgarlofte-${slug}-${year}.pdf`,
        audit: {
          action: "promise_report_exported",
          target: { type: "promise", id },
          details: { format: "pdf", year },
        },
      };
    },
  },
];

/**
 * Prints a document's print page in headless Chromium as the caller (server/features/exports/
 * print-pdf.ts) and answers with the A4 PDF: a lägesbild, the åtgärdsplan, a promise's yearly report.
 */
export function createPdfRoute(db: Db, options: { chromiumPath: string; log?: (line: string) => void }) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const found = DOCUMENTS.map((document) => ({ document, match: document.route.exec(url.pathname) })).find(
      (candidate) => candidate.match,
    );
    if (!found?.match || req.method !== "GET") return sendText(res, 404, "Not found");
    const [, slug = "", id = ""] = found.match;
    const session = await resolveSession({
      db,
      token: parseCookie(req.headers.cookie ?? "")[SESSION_COOKIE] ?? null,
    });
    if (!session) return sendText(res, 401, "Logga in för att hämta dokumentet.");
    const membership = await resolveMembership({ db, userId: session.user.id, slug });
    if (!membership) return sendText(res, 403, "Du är inte medlem i arbetsytan.");
    const workspaceId = membership.workspace.id;
    const printable = await found.document.resolve(db, { workspaceId, slug, id, search: url.searchParams });
    if (printable === "bad-year") return sendText(res, 400, "Året ligger utanför löftets år (ar=ÅÅÅÅ).");
    if (!printable) return sendText(res, 404, found.document.missing);
    const result = await printPageToPdf(db, req, {
      chromiumPath: options.chromiumPath,
      userId: session.user.id,
      printPath: printable.printPath,
    });
    if (result.kind === "failed")
      options.log?.(`PDF of ${printable.printPath.split("/")[3]} failed: ${result.reason}`);
    if (result.kind === "pdf")
      await recordAudit(db, { workspaceId, userId: session.user.id, ...printable.audit });
    sendPrintResult(res, result, printable.fileName);
  };
}
