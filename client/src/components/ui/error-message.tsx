import { TRPCClientError } from "@trpc/client";
import { APP_ERROR_MESSAGES, isAppErrorCode } from "../../../../shared/errors.ts";
import { useI18n } from "../../i18n/i18n.tsx";

/**
 * A readable message in the user's language; never a stack trace. `isDetailed` adds the server's
 * own sentence for a refused rule (VALIDATION or CONFLICT without field errors), where the rule's
 * wording tells the user what to do ("En insats kan inte avslutas utan återkoppling …").
 */
export function useErrorText() {
  const { locale } = useI18n();
  return (error: unknown, isDetailed = false): string => {
    const data =
      error instanceof TRPCClientError
        ? (error.data as { appCode?: unknown; zodError?: unknown } | undefined)
        : undefined;
    const code = data?.appCode;
    const messages = APP_ERROR_MESSAGES[locale];
    if (isAppErrorCode(code)) {
      const isRule = isDetailed && (code === "VALIDATION" || code === "CONFLICT") && !data?.zodError;
      if (isRule && error instanceof Error && error.message) return `${messages[code]} ${error.message}`;
      const detail = code === "NOT_FOUND" && error instanceof Error ? ` (${error.message})` : "";
      return messages[code] + detail;
    }
    return messages.INTERNAL;
  };
}

export function ErrorMessage({ error, isDetailed = false }: { error: unknown; isDetailed?: boolean }) {
  const errorText = useErrorText();
  return (
    <p className="error" role="alert">
      {errorText(error, isDetailed)}
    </p>
  );
}
