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

const storageKey = "maillage.language";

function initialLanguage(): Language {
  const stored = typeof localStorage !== "undefined" ? localStorage.getItem(storageKey) : null;
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
    document.documentElement.lang = language === "fr" ? "fr-CA" : "en-CA";
    currentLanguage = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    currentLanguage = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = language === "fr" ? "fr-CA" : "en-CA";
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
