// Kept apart from the map component, so the legend does not pull maplibre into the page's chunk.
/** Status colours; the legend and the table name every status in words. */
export const STATUS_COLORS: Record<string, string> = {
  ny: "#b91c1c",
  tilldelad: "#c2410c",
  pagar: "#a16207",
  atgardad: "#15803d",
  avvisad: "#6b7280",
};
