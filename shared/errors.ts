// Error codes shared by server and client: the server throws them, the client shows the
// readable message for the user's language.
export const APP_ERROR_CODES = [
  "UNAUTHENTICATED",
  "INVALID_CREDENTIALS",
  "ACCOUNT_DEACTIVATED",
  "LINK_INVALID",
  "FORBIDDEN",
  "NOT_OWNER",
  "NOT_FOUND",
  "WORKSPACE_REQUIRED",
  "VALIDATION",
  "CONFLICT",
  "RATE_LIMITED",
  "METHOD_NOT_ALLOWED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "INTERNAL",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export const APP_ERROR_MESSAGES: Record<"sv" | "en", Record<AppErrorCode, string>> = {
  sv: {
    UNAUTHENTICATED: "Du är inte inloggad. Logga in igen.",
    INVALID_CREDENTIALS: "Fel e-postadress eller lösenord.",
    ACCOUNT_DEACTIVATED:
      "Kontot är avstängt i alla arbetsytor det hör till. Kontakta arbetsytans administratör.",
    LINK_INVALID:
      "Länken fungerar inte: den är redan använd, har gått ut eller har ersatts av en nyare. Be en administratör om en ny länk.",
    FORBIDDEN: "Din roll i arbetsytan tillåter inte detta.",
    NOT_OWNER:
      "Posten tillhör en annan organisation: bara dess egna medlemmar, analytiker och administratörer kan ändra den.",
    NOT_FOUND: "Hittades inte i den här arbetsytan.",
    WORKSPACE_REQUIRED: "Välj en arbetsyta du är medlem i.",
    VALIDATION: "Uppgifterna är inte giltiga.",
    CONFLICT: "Uppgiften finns redan.",
    RATE_LIMITED: "För många försök. Vänta en stund och försök igen.",
    METHOD_NOT_ALLOWED: "Begäran skickades på ett sätt som servern inte tar emot.",
    PAYLOAD_TOO_LARGE: "Det som skickades är för stort.",
    UNSUPPORTED_MEDIA_TYPE: "Begäran har ett format som servern inte tar emot.",
    INTERNAL: "Något gick fel hos oss. Försök igen.",
  },
  en: {
    UNAUTHENTICATED: "You are not signed in. Please sign in again.",
    INVALID_CREDENTIALS: "Wrong email address or password.",
    ACCOUNT_DEACTIVATED:
      "The account is deactivated in every workspace it belongs to. Contact the workspace's administrator.",
    LINK_INVALID:
      "The link does not work: it has been used, has expired or was replaced by a newer one. Ask an administrator for a new link.",
    FORBIDDEN: "Your role in this workspace does not allow this.",
    NOT_OWNER:
      "This record belongs to another organisation: only its own members, analysts and admins can change it.",
    NOT_FOUND: "Not found in this workspace.",
    WORKSPACE_REQUIRED: "Choose a workspace you are a member of.",
    VALIDATION: "The details are not valid.",
    CONFLICT: "This already exists.",
    RATE_LIMITED: "Too many attempts. Wait a moment and try again.",
    METHOD_NOT_ALLOWED: "The request was sent in a way the server does not accept.",
    PAYLOAD_TOO_LARGE: "What was sent is too large.",
    UNSUPPORTED_MEDIA_TYPE: "The request has a format the server does not accept.",
    INTERNAL: "Something went wrong on our side. Please try again.",
  },
};

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && (APP_ERROR_CODES as readonly string[]).includes(value);
}
