import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { en, type MessageKey, sv } from "./messages.ts";
import { translate } from "./translate.ts";

export type Locale = "sv" | "en";
const CATALOGS: Record<Locale, Record<MessageKey, string>> = { sv, en };
const STORAGE_KEY = "est.locale";

type I18n = {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  formatNumber(value: number, digits?: number): string;
  formatPercent(value: number): string;
  formatDate(date: string, options?: Intl.DateTimeFormatOptions): string;
};

const I18nContext = createContext<I18n | null>(null);

/** The browser's storage, or null where it is refused (a page framed by another site, with third-party storage blocked). */
function storage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

function initialLocale(): Locale {
  const stored = storage()?.getItem(STORAGE_KEY);
  return stored === "en" ? "en" : "sv";
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    storage()?.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    // Numbers and dates always follow Swedish practice (sv-SE), also in the English interface.
    const numberFormats = new Map<number, Intl.NumberFormat>();
    const numberFormat = (digits: number) => {
      let format = numberFormats.get(digits);
      if (!format) {
        format = new Intl.NumberFormat("sv-SE", {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        });
        numberFormats.set(digits, format);
      }
      return format;
    };
    return {
      locale,
      setLocale,
      t: (key, values) => translate(CATALOGS[locale], key, values),
      formatNumber: (n, digits = 0) => numberFormat(digits).format(n),
      formatPercent: (n) => `${n > 0 ? "+" : ""}${numberFormat(0).format(n)} %`,
      formatDate: (date, options = { day: "numeric", month: "short" }) =>
        new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { timeZone: "UTC", ...options }).format(
          new Date(`${date}T00:00:00Z`),
        ),
    };
  }, [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n outside I18nProvider");
  return context;
}
