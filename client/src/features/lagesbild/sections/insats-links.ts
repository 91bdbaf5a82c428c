import type { LagesbildContent } from "../../../../../shared/lagesbild.ts";
import type { LinkedRise } from "../../../../../shared/schemas/lagesbild.ts";
import type { Locale } from "../../../i18n/i18n.tsx";

/** A linked rise or category by name: "Bostadsinbrott, Tjärna ängar" or the category alone for the whole scope. */
export function linkedRiseLabel(
  rise: LinkedRise,
  content: LagesbildContent,
  locale: Locale,
  /** Names by code for areas the period's figures do not name (a kommun, a later meeting's view). */
  areaNames?: ReadonlyMap<string, string>,
): string {
  const pair = content.figures.rising.find(
    (r) => r.categoryCode === rise.categoryCode && r.areaCode === rise.areaCode,
  );
  const category = content.figures.categories.find((c) => c.code === rise.categoryCode);
  const categoryName =
    (locale === "sv"
      ? (pair?.categoryNameSv ?? category?.nameSv)
      : (pair?.categoryNameEn ?? category?.nameEn)) ?? rise.categoryCode;
  if (rise.areaCode === null) return categoryName;
  const areaName =
    pair?.areaName ??
    content.figures.districts.find((d) => d.code === rise.areaCode)?.name ??
    areaNames?.get(rise.areaCode) ??
    rise.areaCode;
  return `${categoryName}, ${areaName}`;
}

/** Rises and categories travel through a MultiSelect as "category|area" (no area: the whole scope). */
export const riseKey = (rise: LinkedRise) => `${rise.categoryCode}|${rise.areaCode ?? ""}`;
export function parseRiseKey(key: string): LinkedRise {
  const [categoryCode = "", areaCode = ""] = key.split("|");
  return { categoryCode, areaCode: areaCode || null };
}
