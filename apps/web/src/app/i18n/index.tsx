import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { featureMessages } from "../../features/messages.ts";
import { shellMessages } from "./shell.messages.ts";

export type Language = "fr" | "en";
export const languages: Language[] = ["fr", "en"];

const catalogues: Record<Language, Record<string, string>> = {
  fr: Object.assign({}, shellMessages.fr, ...featureMessages.map((m) => m.fr)),
  en: Object.assign({}, shellMessages.en, ...featureMessages.map((m) => m.en)),
};

type KeysOf<T> = T extends { fr: infer F } ? keyof F & string : never;
export type MessageKey = keyof typeof shellMessages.fr | KeysOf<(typeof featureMessages)[number]>;

/**
 * The message for an API error code (`errors.<CODE>`). A code the catalogues do not know yet
 * (a newer API) reads as the generic failure rather than as a raw key.
 */
export function errorMessageKey(code: string): MessageKey {
  const key = `errors.${code}`;
  return (key in catalogues.fr ? key : "errors.INTERNAL") as MessageKey;
}

/** The message for a field-level validation code (`field.<CODE>`), or null when unknown. */
export function fieldMessageKey(code: string): MessageKey | null {
  const key = `field.${code}`;
  return key in catalogues.fr ? (key as MessageKey) : null;
}

const storageKey = "maillage.language";
/** BCP 47 tags for <html lang> and Intl: Canadian French and English. */
const htmlLang: Record<Language, string> = { fr: "fr-CA", en: "en-CA" };

/** French unless the person chose English on this device (kept in localStorage). */
function initialLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    // Storage may be refused (private mode, policies): French, and the choice lasts the visit.
  }
  return stored === "en" || stored === "fr" ? stored : "fr";
}

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** A date and time in America/Toronto, in the user's language. */
  formatDateTime(value: string | Date, options?: Intl.DateTimeFormatOptions): string;
  formatDate(value: string | Date): string;
}

const I18nContext = createContext<I18n | null>(null);

let currentLanguage: Language = initialLanguage();
/** For code outside React (the GraphQL client's Accept-Language). */
export function activeLanguage(): Language {
  return currentLanguage;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = htmlLang[language];
    currentLanguage = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // See initialLanguage.
    }
    currentLanguage = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = htmlLang[language];
    return {
      language,
      setLanguage,
      t(key, values) {
        const template = catalogues[language][key] ?? catalogues.fr[key] ?? key;
        return values
          ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""))
          : template;
      },
      formatDateTime(value, options) {
        return new Intl.DateTimeFormat(locale, {
          timeZone: "America/Toronto",
          dateStyle: "medium",
          timeStyle: "short",
          ...options,
        }).format(new Date(value));
      },
      formatDate(value) {
        return new Intl.DateTimeFormat(locale, { timeZone: "America/Toronto", dateStyle: "medium" }).format(
          new Date(value),
        );
      },
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useT outside I18nProvider");
  return context;
}
