import type { AppErrorCode } from "../shared/errors.ts";

/** Thrown by domain code; the tRPC error formatter turns it into a typed, readable error. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  constructor(code: AppErrorCode, message?: string) {
    super(message ?? code);
    this.code = code;
    this.name = "AppError";
  }
}
