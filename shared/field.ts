// What field input is made of: finding categories and statuses, report categories, and the
// limits public submissions are held to. Both the server (validation) and the client (forms) use it.

export const FINDING_CATEGORIES = [
  "belysning",
  "vegetation",
  "klotter",
  "nedskrapning",
  "skadegorelse",
  "trafik",
  "otrygg_plats",
  "ovrigt",
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export const FINDING_STATUSES = ["ny", "tilldelad", "pagar", "atgardad", "avvisad"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
/** Statuses of a finding nobody has closed yet (åtgärdad and avvisad close it). */
export const OPEN_FINDING_STATUSES = ["ny", "tilldelad", "pagar"] as const satisfies readonly FindingStatus[];

/** Allowed next statuses: forward along ny → tilldelad → pågår → åtgärdad, or rejected from any open state. */
export const FINDING_TRANSITIONS: Record<FindingStatus, readonly FindingStatus[]> = {
  ny: ["tilldelad", "avvisad"],
  tilldelad: ["pagar", "atgardad", "avvisad"],
  pagar: ["atgardad", "avvisad"],
  atgardad: [],
  avvisad: [],
};

/** What citizens and partners' staff can report. */
export const REPORT_CATEGORIES = [
  "otrygg_plats",
  "samling",
  "skadegorelse",
  "klotter",
  "nedskrapning",
  "belysning",
  "storning",
  "brand",
  "trafik",
  "ovrigt",
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** How long after a review decision an analyst may take it back (decisions/024). */
export const REVIEW_UNDO_HOURS = 24;

export const LIMITS = {
  descriptionChars: 2000,
  contactChars: 200,
  photoBytes: 5 * 1024 * 1024,
  /** Photos of one finding (a finding is often seen from several sides). */
  photosPerFinding: 4,
  /** Citizen reports per client address and workspace within the window. */
  citizenReportsPerWindow: 5,
  citizenWindowMs: 15 * 60_000,
} as const;

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const DIALOGUE_KINDS = ["medborgardialog", "medarbetardialog"] as const;
export const DIALOGUE_FORMATS = [
  "enkat",
  "trygghetsvandring",
  "intervju",
  "stormote",
  "fokusgrupp",
  "annat",
] as const;
/** The shared list of themes dialogues are coded with. */
export const DIALOGUE_THEMES = [
  "belysning",
  "narkotika",
  "ungdomsgang",
  "trafik",
  "bedragerier_aldre",
  "nedskrapning",
  "skadegorelse",
  "otrygghet_kvall",
  "vald_i_nara_relation",
  "ovrigt",
] as const;
export type DialogueTheme = (typeof DIALOGUE_THEMES)[number];
