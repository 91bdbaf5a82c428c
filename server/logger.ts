import pino from "pino";
import { currentRequestId } from "./request-context.ts";

export type Logger = pino.Logger;
export type LogLevel = pino.LevelWithSilent;

/**
 * JSON lines (pino) with the time, level and, inside a request, its id. Callers log names, codes
 * and numbers, never inputs or messages that could carry personal text; the redaction below is a
 * second guard for a field passed by mistake.
 */
export function createLogger(
  options: { level?: LogLevel; destination?: pino.DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? "info",
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: {
        paths: ["password", "*.password", "token", "*.token", "cookie", "*.cookie", "authorization"],
        censor: "[redacted]",
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

/** For tests and tools that serve requests without wanting log lines. */
export const silentLogger: Logger = pino({ level: "silent" });
