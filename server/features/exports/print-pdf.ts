import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { SESSION_COOKIE } from "../../context.ts";
import type { Db } from "../../db/client.ts";
import { createSession, deleteSession } from "../auth/session.service.ts";

export function sendText(res: ServerResponse, status: number, text: string) {
  res
    .writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" })
    .end(text);
}

/** Debian's Chromium headless on a closed network; the browser suite starts it with the same flags. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type PrintResult =
  | { kind: "pdf"; pdf: Buffer }
  | { kind: "no-browser"; chromiumPath: string }
  | { kind: "failed"; reason: string };

/**
 * Prints one of the app's print pages (it sets `data-print-ready=true` when drawn) to an A4 PDF
 * in headless Chromium, as the given user, through a session made for this one print and deleted
 * before returning. Used by every document that has a print page (lägesbild, åtgärdsplan,
 * medborgarlöfte; decisions/015, 026).
 */
export async function printPageToPdf(
  db: Db,
  req: IncomingMessage,
  options: { chromiumPath: string; userId: string; printPath: string },
): Promise<PrintResult> {
  if (!fs.existsSync(options.chromiumPath)) return { kind: "no-browser", chromiumPath: options.chromiumPath };
  const { chromium } = await import("playwright-core");
  const printSession = await createSession({ db, userId: options.userId, days: 1 });
  const address = req.socket.localAddress;
  const host = address?.includes(":") ? `[${address}]` : address;
  const origin = `http://${host ?? "127.0.0.1"}:${req.socket.localPort}`;
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ locale: "sv-SE", timezoneId: "Europe/Stockholm" });
    await context.addCookies([{ name: SESSION_COOKIE, value: printSession.token, url: origin }]);
    const page = await context.newPage();
    await page.goto(`${origin}${options.printPath}`);
    await page.waitForSelector("[data-print-ready=true]", { timeout: 45_000 });
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "15mm", bottom: "15mm", left: "14mm", right: "14mm" },
    });
    return { kind: "pdf", pdf };
  } catch (error) {
    return { kind: "failed", reason: (error as Error).name };
  } finally {
    // Before answering: once the caller has the file, nothing of this print is left running.
    await browser.close();
    await deleteSession({ db, token: printSession.token });
  }
}

/** Answers with the PDF, or says why there is none (the page's own print button still works). */
export function sendPrintResult(res: ServerResponse, result: PrintResult, fileName: string) {
  if (result.kind === "no-browser")
    return sendText(
      res,
      503,
      `PDF skapas av en webbläsare på servern, men ingen Chromium finns på ${result.chromiumPath} (apt-get install chromium, eller ange CHROMIUM_PATH). Använd "Skriv ut" i webbläsaren under tiden.`,
    );
  if (result.kind === "failed")
    return sendText(res, 500, "PDF:en kunde inte skapas. Försök igen eller använd Skriv ut i webbläsaren.");
  res.writeHead(200, {
    "Content-Type": "application/pdf",
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "no-store",
  });
  res.end(result.pdf);
}
