/** The person's language on this device: French unless they chose English (localStorage). */
export type Language = "fr" | "en";
export const languages: readonly Language[] = ["fr", "en"];

/** BCP 47 tags for <html lang>, react-intl and Intl: Canadian French and English. */
export const localeOf: Record<Language, string> = { fr: "fr-CA", en: "en-CA" };

/**
 * How dates and numbers are written: in the user's language (the UI's, fr or en), with the
 * conventions of the programme's locale (its settings: fr-BE, en-CA…) — French with fr-BE writes
 * as fr-BE, English with fr-BE as en-BE (day first, 24-hour clock). A programme locale without a
 * region, or none, leaves the language's own (fr-CA, en-CA).
 */
export function formattingLocale(language: Language, programmeLocale: string | null | undefined): string {
  if (!programmeLocale) return localeOf[language];
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(programmeLocale);
  } catch {
    return localeOf[language];
  }
  if (locale.language === language) return locale.baseName;
  return locale.region ? `${language}-${locale.region}` : localeOf[language];
}

const storageKey = "maillage.language";

export function storedLanguage(): Language {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    // Storage may be refused (private mode, policies): French, and the choice lasts the visit.
  }
  return stored === "en" || stored === "fr" ? stored : "fr";
}

let current: Language = typeof localStorage === "undefined" ? "fr" : storedLanguage();

/** For code outside React (the GraphQL client's Accept-Language). */
export function activeLanguage(): Language {
  return current;
}

export function rememberLanguage(language: Language) {
  current = language;
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // See storedLanguage.
  }
}
