import {
  defaultProgrammeSettings,
  type FieldErrorCode,
  fieldCodesWithLimit,
  fieldErrorValues,
  messageFormats,
  minutesToWait,
  type ProgrammeSettings,
} from "@maillage/domain";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { IntlProvider, useIntl } from "react-intl";
import {
  catalogues,
  type ErrorMessageKey,
  isErrorCode,
  isFieldErrorCode,
  type MessageKey,
} from "./catalogues.ts";
import { type EnumName, type EnumTypes, enumMessageKey } from "./enum-labels.ts";
import { activeLanguage, formattingLocale, type Language, localeOf, rememberLanguage } from "./language.ts";

export type { MessageKey } from "./catalogues.ts";
export { enumOptions } from "./enum-labels.ts";
export { activeLanguage, type Language, languages } from "./language.ts";

// react-intl's message ids are our catalogue's keys: a key missing from the catalogues fails the
// typecheck wherever a message is formatted.
declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageKey;
    }
  }
}

/** Values given to an ICU message: `{name}`, `{count, plural, …}`, `{date, date, medium}`. */
export type MessageValues = Record<string, string | number | Date>;

/** The message for an API error code; a code this version does not know reads as INTERNAL. */
export function errorMessageKey(code: string): ErrorMessageKey {
  return isErrorCode(code) ? `errors.${code}` : "errors.INTERNAL";
}

/** The message for a field-level validation code, or null when unknown. */
export function fieldMessageKey(code: string): MessageKey | null {
  return isFieldErrorCode(code) ? `field.${code}` : null;
}

/**
 * A field problem as react-hook-form keeps it (its message): the code, and after "@" the date its
 * rule names (BEFORE_ORGANISATION_START: "BEFORE_ORGANISATION_START@2015-04-01").
 */
export function encodeFieldProblem(problem: { code: string; limit?: string | null | undefined }): string {
  return problem.limit ? `${problem.code}@${problem.limit}` : problem.code;
}

interface LanguageChoice {
  language: Language;
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageChoice | null>(null);

/** react-intl with the fr-CA / en-CA catalogues, French unless the person chose English. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(activeLanguage);
  useEffect(() => {
    document.documentElement.lang = localeOf[language];
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    rememberLanguage(next);
    setLanguageState(next);
  }, []);
  const choice = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return (
    <LanguageContext.Provider value={choice}>
      <IntlProvider
        locale={localeOf[language]}
        defaultLocale={localeOf.fr}
        messages={catalogues[language]}
        formats={messageFormats}
        timeZone={defaultProgrammeSettings.timeZone}
      >
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

/**
 * Below it, dates are shown in the programme's time zone and dates and numbers written as its
 * locale writes them (the acting organisation's settings, `me.programmeSettings`), in the
 * language the person chose (formattingLocale). Above it (sign-in): Québec's defaults.
 */
export function ProgrammeFormats({
  settings,
  children,
}: {
  settings: Pick<ProgrammeSettings, "timeZone" | "locale">;
  children: ReactNode;
}) {
  const choice = useContext(LanguageContext);
  if (!choice) throw new Error("ProgrammeFormats outside I18nProvider");
  const { language } = choice;
  return (
    <IntlProvider
      locale={formattingLocale(language, settings.locale)}
      defaultLocale={localeOf.fr}
      messages={catalogues[language]}
      formats={messageFormats}
      timeZone={settings.timeZone}
    >
      {children}
    </IntlProvider>
  );
}

/**
 * The current call shape over react-intl: `t(key, values)` formats an ICU message whose key is
 * checked by the typecheck; dates and numbers follow the language, the programme's locale and its
 * time zone (ProgrammeFormats), which `timeZone` names for the screens that turn a date box's
 * day or wall time into an instant.
 */
export function useT() {
  const intl = useIntl();
  const choice = useContext(LanguageContext);
  if (!choice) throw new Error("useT outside I18nProvider");
  const { language, setLanguage } = choice;
  return useMemo(
    () => ({
      language,
      setLanguage,
      intl,
      timeZone: intl.timeZone ?? defaultProgrammeSettings.timeZone,
      t: (key: MessageKey, values?: MessageValues): string => intl.formatMessage({ id: key }, values),
      /** The words of a field problem kept as encodeFieldProblem wrote it; unknown: "not allowed". */
      fieldProblemText: (encoded: string): string => {
        const [code = "", limit] = encoded.split("@");
        const key = fieldMessageKey(code);
        const values = key ? fieldErrorValues(code as FieldErrorCode, limit) : undefined;
        if (!key || (fieldCodesWithLimit.has(code as FieldErrorCode) && !values))
          return intl.formatMessage({ id: "field.INVALID_VALUE" });
        return intl.formatMessage({ id: key }, values);
      },
      /** A date and time (medium date, short time), or with other Intl options. */
      formatDateTime: (value: string | Date, options?: Intl.DateTimeFormatOptions): string =>
        intl.formatDate(value, { dateStyle: "medium", timeStyle: "short", ...options }),
      formatDate: (value: string | Date): string => intl.formatDate(value, { dateStyle: "medium" }),
      formatNumber: (value: number): string => intl.formatNumber(value),
      /** The label of a schema enum's value (app/i18n/enum-labels.ts). */
      enumLabel: <E extends EnumName>(name: E, value: EnumTypes[E]): string =>
        intl.formatMessage({ id: enumMessageKey(name, value) }),
      /**
       * What went wrong, from a failure's code: the domain's message for an API code, the
       * network message, or the generic one for a code this version does not know.
       */
      failureMessage: (failure: { code: string; retryAfterSeconds?: number | undefined }): string => {
        if (failure.code === "NETWORK") return intl.formatMessage({ id: "request.NETWORK" });
        // The app itself resends the same action with the same key: no key to speak of here.
        if (failure.code === "OUTCOME_UNKNOWN") return intl.formatMessage({ id: "request.OUTCOME_UNKNOWN" });
        if (failure.code === "TOO_MANY_ATTEMPTS") {
          const minutes = minutesToWait(failure.retryAfterSeconds ?? 60);
          return intl.formatMessage({ id: "errors.TOO_MANY_ATTEMPTS" }, { minutes });
        }
        return intl.formatMessage({ id: errorMessageKey(failure.code) });
      },
    }),
    [intl, language, setLanguage],
  );
}
