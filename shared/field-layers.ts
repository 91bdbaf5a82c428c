/** The field input a map and the district table can show beside incidents (kept free of zod for the client). */
export const FIELD_LAYERS = ["findings", "reports", "themes"] as const;
export type FieldLayer = (typeof FIELD_LAYERS)[number];
