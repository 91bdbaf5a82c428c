import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseCookie } from "cookie";
import { SESSION_COOKIE } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { createSession, deleteSession, resolveSession } from "../auth/session.service.ts";
import { resolveMembership } from "../workspace/workspace.service.ts";

/** GET /api/w/<slug>/lagesbild/<id>.pdf: the briefing printed by a real browser on the server. */
export const PDF_ROUTE = /^\/api\/w\/([a-z0-9-]{1,64})\/lagesbild\/([0-9a-f-]{36})\.pdf$/;
/** GET /api/w/<slug>/atgardsplan.pdf: the åtgärdsplan, printed the same way. */
export const ACTION_PLAN_PDF_ROUTE = /^\/api\/w\/([a-z0-9-]{1,64})\/atgardsplan\.pdf$/;

function sendText(res: ServerResponse, status: number, text: string) {
  res
    .writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" })
    .end(text);
}

/**
 * Renders the print page (/w/<slug>/lagesbild/<id>/utskrift) in headless Chromium as the caller,
 * through a session made for this one print and deleted afterwards, and answers with the A4 PDF.
 * Without a browser on the server it says so, and the page's own print button still works.
 */
export function createPdfRoute(db: Db, options: { chromiumPath: string; log?: (line: string) => void }) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    const match = PDF_ROUTE.exec(pathname) ?? ACTION_PLAN_PDF_ROUTE.exec(pathname);
    if (!match || req.method !== "GET") return sendText(res, 404, "Not found");
    const [, slug = "", id] = match;
    const session = await resolveSession({
      db,
      token: parseCookie(req.headers.cookie ?? "")[SESSION_COOKIE] ?? null,
    });
    if (!session) return sendText(res, 401, "Logga in för att hämta lägesbilden.");
    const membership = await resolveMembership({ db, userId: session.user.id, slug });
    if (!membership) return sendText(res, 403, "Du är inte medlem i arbetsytan.");
    const lagesbild = id
      ? await db.lagesbild.findUnique({
          where: { workspaceId_id: { workspaceId: membership.workspace.id, id } },
          select: { periodStart: true },
        })
      : null;
    if (id && !lagesbild) return sendText(res, 404, "Lägesbilden finns inte i arbetsytan.");
    const printPath = id ? `/w/${slug}/lagesbild/${id}/utskrift` : `/w/${slug}/lagesbild/atgardsplan`;
    if (!fs.existsSync(options.chromiumPath))
      return sendText(
        res,
        503,
        `PDF skapas av en webbläsare på servern, men ingen Chromium finns på ${options.chromiumPath} (apt-get install chromium, eller ange CHROMIUM_PATH). Använd "Skriv ut" i webbläsaren under tiden.`,
      );
    const { chromium } = await import("playwright-core");
    const printSession = await createSession({ db, userId: session.user.id, days: 1 });
    const host = req.socket.localAddress?.includes(":")
      ? `[${req.socket.localAddress}]`
      : req.socket.localAddress;
    const origin = `http://${host ?? "127.0.0.1"}:${req.socket.localPort}`;
    const browser = await chromium.launch({
      executablePath: options.chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    let pdf: Buffer | null = null;
    try {
      const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm" });
      await context.addCookies([{ name: SESSION_COOKIE, value: printSession.token, url: origin }]);
      const page = await context.newPage();
      await page.goto(`${origin}${printPath}`);
      await page.waitForSelector("[data-print-ready=true]", { timeout: 45_000 });
      pdf = await page.pdf({
        format: "A4",
        printBackground: true,
        margin: { top: "15mm", bottom: "15mm", left: "14mm", right: "14mm" },
      });
    } catch (error) {
      options.log?.(`PDF of a lägesbild failed: ${(error as Error).name}`);
    } finally {
      // Before answering: once the caller has the file, nothing of this print is left running.
      await browser.close();
      await deleteSession({ db, token: printSession.token });
    }
    if (!pdf)
      return sendText(res, 500, "PDF:en kunde inte skapas. Försök igen eller använd Skriv ut i webbläsaren.");
    await recordAudit(db, {
      workspaceId: membership.workspace.id,
      userId: session.user.id,
      action: id ? "lagesbild_pdf_exported" : "action_plan_exported",
      target: id ? { type: "lagesbild", id } : { type: "workspace", id: membership.workspace.id },
      details: { format: "pdf" },
    });
    const fileName = lagesbild
      ? `lagesbild-${slug}-${lagesbild.periodStart.toISOString().slice(0, 10)}.pdf`
      : `atgardsplan-${slug}.pdf`;
    res.writeHead(200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    });
    res.end(pdf);
  };
}
