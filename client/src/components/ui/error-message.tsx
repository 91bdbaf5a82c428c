import { TRPCClientError } from "@trpc/client";
import {
  APP_ERROR_MESSAGES,
  type AppErrorParams,
  appErrorReasonText,
  isAppErrorCode,
  isAppErrorReason,
} from "../../../../shared/errors.ts";
import { useI18n } from "../../i18n/i18n.tsx";

type ErrorData = {
  appCode?: unknown;
  zodError?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> } | null;
  reason?: unknown;
  reasonParams?: AppErrorParams | null;
};

/** Names for a form's fields, so "Uppgifterna är inte giltiga" can say which ones. */
export type FieldLabels = Record<string, string>;

/**
 * A readable message in the user's language; never a stack trace. A refusal with a reason
 * (shared/errors.ts APP_ERROR_REASONS) says what to do ("Ångra först den senare importen av …");
 * input the server's schema refused names its fields, by the form's labels where it gives them.
 * `isDetailed` adds the server's own sentence for a refused rule that has no reason yet.
 */
export function useErrorText() {
  const { locale } = useI18n();
  return (error: unknown, isDetailed = false, fieldLabels: FieldLabels = {}): string => {
    const data = error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : undefined;
    const code = data?.appCode;
    const messages = APP_ERROR_MESSAGES[locale];
    if (!isAppErrorCode(code)) return messages.INTERNAL;
    if (isAppErrorReason(data?.reason))
      return appErrorReasonText(locale, data.reason, data.reasonParams ?? {});
    const fields = Object.keys(data?.zodError?.fieldErrors ?? {});
    if (code === "VALIDATION" && fields.length > 0)
      return `${messages.VALIDATION} ${FIELD_HINT[locale]} ${fields.map((field) => fieldLabels[field] ?? field).join(", ")}.`;
    const isRule = isDetailed && (code === "VALIDATION" || code === "CONFLICT") && !data?.zodError;
    if (isRule && error instanceof Error && error.message) return `${messages[code]} ${error.message}`;
    const detail = code === "NOT_FOUND" && error instanceof Error ? ` (${error.message})` : "";
    return messages[code] + detail;
  };
}

const FIELD_HINT = { sv: "Kontrollera:", en: "Check:" } as const;

export function ErrorMessage({
  error,
  isDetailed = false,
  fieldLabels,
}: {
  error: unknown;
  isDetailed?: boolean;
  fieldLabels?: FieldLabels;
}) {
  const errorText = useErrorText();
  return (
    <p className="error" role="alert">
      {errorText(error, isDetailed, fieldLabels)}
    </p>
  );
}
