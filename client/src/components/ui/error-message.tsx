import { TRPCClientError } from "@trpc/client";
import { APP_ERROR_MESSAGES, isAppErrorCode } from "../../../../shared/errors.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/** A readable message in the user's language; never a stack trace. */
export function useErrorText() {
  const { locale } = useI18n();
  return (error: unknown): string => {
    const code =
      error instanceof TRPCClientError
        ? (error.data as { appCode?: unknown } | undefined)?.appCode
        : undefined;
    const messages = APP_ERROR_MESSAGES[locale];
    if (isAppErrorCode(code)) {
      const detail = code === "NOT_FOUND" && error instanceof Error ? ` (${error.message})` : "";
      return messages[code] + detail;
    }
    return messages.INTERNAL;
  };
}

export function ErrorMessage({ error }: { error: unknown }) {
  const errorText = useErrorText();
  return (
    <p className="error" role="alert">
      {errorText(error)}
    </p>
  );
}
