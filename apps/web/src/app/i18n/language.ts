/** The person's language on this device: French unless they chose English (localStorage). */
export type Language = "fr" | "en";
export const languages: readonly Language[] = ["fr", "en"];

/** BCP 47 tags for <html lang>, react-intl and Intl: Canadian French and English. */
export const localeOf: Record<Language, string> = { fr: "fr-CA", en: "en-CA" };

/** Dates and times are shown in the partnerships' time zone (one for now). */
export const timeZone = "America/Toronto";

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
