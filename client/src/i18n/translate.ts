/**
 * One message with its values filled in. Where the count is 1 and the catalog has `<key>.one`,
 * that singular form is used ("1 vald", not "1 valda"); a count may come formatted ("1").
 */
export function translate(
  catalog: Readonly<Record<string, string>>,
  key: string,
  values?: Readonly<Record<string, string | number>>,
): string {
  const singular = values && String(values.count) === "1" ? catalog[`${key}.one`] : undefined;
  return Object.entries(values ?? {}).reduce(
    (text, [name, replacement]) => text.replaceAll(`{${name}}`, String(replacement)),
    singular ?? catalog[key] ?? key,
  );
}
