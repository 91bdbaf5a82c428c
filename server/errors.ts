import {
  type AppErrorCode,
  type AppErrorParams,
  type AppErrorReason,
  appErrorReasonText,
} from "../shared/errors.ts";

/** A refusal the user can act on: a reason from shared/errors.ts, its parameters, the field it concerns. */
export type AppErrorDetail = { reason: AppErrorReason; params?: AppErrorParams; field?: string };

/**
 * Thrown by domain code; the tRPC error formatter turns it into a typed, readable error. With a
 * detail, the client shows the reason in the user's language; the message (for logs and API users)
 * is the reason's English text.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly detail: AppErrorDetail | null;
  constructor(code: AppErrorCode, messageOrDetail?: string | AppErrorDetail) {
    const detail = typeof messageOrDetail === "object" ? messageOrDetail : null;
    const message = typeof messageOrDetail === "string" ? messageOrDetail : code;
    super(detail ? appErrorReasonText("en", detail.reason, detail.params) : message);
    this.code = code;
    this.detail = detail;
    this.name = "AppError";
  }
}
