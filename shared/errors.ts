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
  "UNAVAILABLE",
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
    UNAVAILABLE: "Databasen svarar inte just nu. Försök igen om en stund.",
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
    UNAVAILABLE: "The database is not answering right now. Try again in a moment.",
    INTERNAL: "Something went wrong on our side. Please try again.",
  },
};

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && (APP_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Why a request was refused, in words the user can act on, for the refusals a user can meet in a
 * form (mostly VALIDATION and CONFLICT). The server throws `new AppError(code, { reason, params })`;
 * the client shows the reason's text in the user's language instead of the code's general one
 * ("Uppgiften finns redan" says nothing about undoing imports in order). `{name}` is a parameter.
 */
export const APP_ERROR_REASONS = {
  NAME_REQUIRED: { sv: "Skriv ditt namn.", en: "Enter your name." },
  PASSWORD_RULES: { sv: "{rules}", en: "{rules}" },
  PERIOD_END_BEFORE_START: {
    sv: "Slutdatumet ligger före startdatumet.",
    en: "The end date is before the start date.",
  },
  CATEGORY_PARENT_NOT_GROUP: {
    sv: "Bara en grupp kan innehålla kategorier.",
    en: "Only a group can hold categories.",
  },
  CATEGORY_BELOW_ITSELF: {
    sv: "En kategori kan inte flyttas under sig själv eller sina underkategorier.",
    en: "A category cannot be moved below itself or its subcategories.",
  },
  MEMBERSHIP_DEACTIVATED: { sv: "Medlemskapet är avstängt.", en: "The membership is deactivated." },
  AREA_NOT_IN_WORKSPACE: {
    sv: "Ett av områdena finns inte i arbetsytan.",
    en: "One of the areas is not in this workspace.",
  },
  FILE_TOO_LARGE: { sv: "Filen är större än {mb} MB.", en: "The file is larger than {mb} MB." },
  FINDING_TRANSITION: {
    sv: "Fyndets status kan inte ändras från {from} till {to}.",
    en: "The finding's status cannot change from {from} to {to}.",
  },
  FINDING_REJECT_NEEDS_REASON: {
    sv: "Skriv varför fyndet avvisas.",
    en: "Say why the finding is rejected.",
  },
  FINDING_ASSIGN_NEEDS_OWNER: {
    sv: "Ett tilldelat fynd behöver en ansvarig.",
    en: "An assigned finding needs someone responsible.",
  },
  FINDING_CHANGED: {
    sv: "Fyndet ändrades av någon annan under tiden. Ladda om sidan och försök igen.",
    en: "Someone else changed the finding meanwhile. Reload the page and try again.",
  },
  INSATS_WITHOUT_AREA: {
    sv: "Insatsen har inget område att mäta effekten i.",
    en: "The insats has no area to measure its effect in.",
  },
  COMPARISON_AREA_OVERLAPS: {
    sv: "Jämförelseområdet får inte överlappa insatsens område.",
    en: "The comparison area must not overlap the insats's area.",
  },
  INSATS_CLOSED: { sv: "Insatsen är redan avslutad.", en: "The insats is already closed." },
  LAGESBILD_PUBLISHED: {
    sv: "Lägesbilden är publicerad: öppna den för ändring först (ny version).",
    en: "The lägesbild is published: open it for changes first (a new version).",
  },
  LAGESBILD_ALREADY_DRAFT: {
    sv: "Lägesbilden är redan ett utkast.",
    en: "The lägesbild is already a draft.",
  },
  MEETING_ANCHOR_NOT_MONDAY: {
    sv: "Mötesrytmens startdag måste vara en måndag.",
    en: "The meeting rhythm must start on a Monday.",
  },
  WORKSPACE_EXISTS: { sv: "Arbetsytan {slug} finns redan.", en: "The workspace {slug} already exists." },
  ORGANIZATION_EXISTS: {
    sv: "Arbetsytan har redan organisationen {name}.",
    en: "The workspace already has the organisation {name}.",
  },
  NO_AREA_SHAPES: {
    sv: "Arbetsytan har inga områden med gränser än: importera områdena först.",
    en: "The workspace has no areas with boundaries yet: import the areas first.",
  },
  SURVEY_ALREADY_IMPORTED: {
    sv: "Undersökningen {name} är redan importerad som {kind}.",
    en: "The survey {name} is already imported as {kind}.",
  },
  IMPORT_NOT_COMPLETED: {
    sv: "Importen kan inte ångras: den är inte slutförd ({status}).",
    en: "The import cannot be undone: it is not completed ({status}).",
  },
  UNDO_LATER_IMPORT_FIRST: {
    sv: "Ångra först den senare importen av {fileName}: den bygger på den här.",
    en: "Undo the later import of {fileName} first: it builds on this one.",
  },
  REPORT_REJECT_NEEDS_REASON: {
    sv: "Skriv varför rapporten avvisas.",
    en: "Say why the report is rejected.",
  },
  REPORT_NOT_WAITING: {
    sv: "Rapporten väntar inte längre på granskning. Ladda om kön.",
    en: "The report is no longer waiting for review. Reload the queue.",
  },
  REPORT_NO_DECISION: {
    sv: "Rapporten har inget beslut att ångra.",
    en: "The report has no decision to undo.",
  },
  DECISION_CHANGED: {
    sv: "Beslutet ändrades under tiden. Ladda om kön.",
    en: "The decision changed meanwhile. Reload the queue.",
  },
  REPORT_ALREADY_SENT: {
    sv: "Rapporten är redan skickad.",
    en: "The report has already been sent.",
  },
  PHOTO_NOT_IMAGE: {
    sv: "Fotot är inte en JPEG-, PNG- eller WebP-bild.",
    en: "The photo is not a JPEG, PNG or WebP image.",
  },
  PHOTO_TOO_LARGE: { sv: "Fotot är större än {mb} MB.", en: "The photo is larger than {mb} MB." },
  PHOTO_UNREADABLE: {
    sv: "Fotot går inte att läsa (skadat, tomt eller större än 40 megapixel).",
    en: "The photo cannot be read (damaged, empty or larger than 40 megapixels).",
  },
  OCCURRED_IN_FUTURE: { sv: "Tidpunkten ligger i framtiden.", en: "The time lies in the future." },
  PLACE_OUTSIDE_AREAS: {
    sv: "Platsen ligger utanför kommunens områden.",
    en: "The place is outside the kommun's areas.",
  },
  PLACE_NOT_IN_LIST: {
    sv: "Platsen finns inte i arbetsytans adresslista.",
    en: "The place is not in the workspace's address list.",
  },
  FORM_NOT_SENT: {
    sv: "Formuläret kunde inte skickas. Ladda om sidan och försök igen.",
    en: "The form could not be sent. Reload the page and try again.",
  },
  SETTINGS_RULES: { sv: "{problems}", en: "{problems}" },
  SSO_DEFAULT_ROLE_UNLIMITED: {
    sv: "En standardroll måste begränsas: ange minst en e-postdomän eller ett värde som claimet måste innehålla. Annars får alla som identitetsleverantören känner till rollen, också andra kommuners personal.",
    en: "A default role must be limited: give at least one email domain or a value the claim must hold. Otherwise everyone the identity provider knows gets the role, other kommuners' staff too.",
  },
  INCIDENT_REFERENCES_GONE: {
    sv: "{count} händelser hänvisar till ett område, en kategori eller en källa som inte längre finns.",
    en: "{count} incidents refer to an area, category or source that no longer exists.",
  },
  INSATS_CLOSE_NEEDS_FOLLOW_UP: {
    sv: "En insats kan inte avslutas utan återkoppling: ange vad som gjordes, när och vilken effekt som sågs.",
    en: "An insats cannot be closed without a follow-up: say what was done, when, and what effect was seen.",
  },
  UNKNOWN_STATUS_LEVEL: {
    sv: "Okänd statusnivå {level}; arbetsytans nivåer: {levels}.",
    en: "Unknown status level {level}; the workspace's levels: {levels}.",
  },
  LOFTE_PUBLISHED: {
    sv: "Löftet är publicerat: en administratör tar bort det från den publika sidan först.",
    en: "The promise is published: an admin takes it off the public page first.",
  },
  PUBLIC_CATEGORY_NESTED: {
    sv: "{inner} ligger inom {outer}: välj den ena.",
    en: "{inner} lies within {outer}: choose one of them.",
  },
  PUBLIC_AREA_NESTED: {
    sv: "{inner} ligger inom {outer}: välj det ena.",
    en: "{inner} lies within {outer}: choose one of them.",
  },
  REPORT_UNDO_TOO_LATE: {
    sv: "Beslutet är äldre än {hours} timmar och kan inte längre ångras.",
    en: "The decision is older than {hours} hours and can no longer be undone.",
  },
  ACCOUNT_EXISTS_KEEPS_PASSWORD: {
    sv: "Kontot {email} finns redan och behåller sitt lösenord: skapa arbetsytan utan lösenord, så får kontot en inbjudan.",
    en: "The account {email} already exists and keeps its password: create the workspace without a password and the account gets an invitation.",
  },
  MEMBER_NEEDS_ORGANIZATION: {
    sv: "En medlem måste höra till en organisation: det den registrerar tillhör organisationen.",
    en: "A member must belong to an organisation: what they record belongs to it.",
  },
  LAST_ADMIN: {
    sv: "Arbetsytan måste ha minst en aktiv administratör: utse en annan administratör först.",
    en: "The workspace must keep at least one active admin: appoint another admin first.",
  },
  ORGANIZATION_IN_USE: {
    sv: "{members} medlemmar och {invitations} öppna inbjudningar hör till organisationen: flytta dem till en annan först.",
    en: "{members} members and {invitations} open invitations belong to the organisation: move them to another first.",
  },
} as const satisfies Record<string, Record<"sv" | "en", string>>;

export type AppErrorReason = keyof typeof APP_ERROR_REASONS;
export type AppErrorParams = Record<string, string | number>;

export function isAppErrorReason(value: unknown): value is AppErrorReason {
  return typeof value === "string" && Object.hasOwn(APP_ERROR_REASONS, value);
}

/** A reason's text in one language, its parameters filled in. */
export function appErrorReasonText(
  locale: "sv" | "en",
  reason: AppErrorReason,
  params: AppErrorParams = {},
): string {
  return APP_ERROR_REASONS[reason][locale].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
