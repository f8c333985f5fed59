/**
 * A programme's settings (issue 15 item 8): the time zone its days and slots are counted in, the
 * month its fiscal year starts (funders' years: 1 April in Québec, 1 January for the Wallonia
 * programme) and the locale its dates and numbers are written in (fr-CA, fr-BE…). A partnership
 * has them (its committee's figures), and each organisation has its own (what its members see:
 * today, slots, its own figures), seeded equal to its partnership's. Pure: no clock, no I/O.
 */
import { instantAtWallTime, wallTime } from "./scheduling.ts";

// A type, not an interface: it goes into JSON columns (audit details) as it is.
export type ProgrammeSettings = {
  /** An IANA time zone, as the runtime spells it (Europe/Brussels). */
  timeZone: string;
  /** 1 = January … 12 = December: the fiscal year N starts on the 1st of this month of year N. */
  fiscalYearStartMonth: number;
  /** A BCP 47 tag of programmeLocales. */
  locale: string;
};

/** Québec's programmes: America/Toronto (Eastern time), funders' years from 1 April, Canadian French. */
export const defaultProgrammeSettings = {
  timeZone: "America/Toronto",
  fiscalYearStartMonth: 4,
  locale: "fr-CA",
} as const satisfies ProgrammeSettings;

/** The locales a programme may write its dates and numbers in (the UI stays French or English). */
export const programmeLocales = ["fr-CA", "en-CA", "fr-BE", "fr-FR", "fr-CH", "en-GB", "en-US"] as const;
export type ProgrammeLocale = (typeof programmeLocales)[number];

export function isProgrammeLocale(tag: string): tag is ProgrammeLocale {
  return (programmeLocales as readonly string[]).includes(tag);
}

/**
 * Whether `name` is a time zone of the IANA database as this runtime spells it: "Europe/Brussels"
 * yes; an alias the runtime renames ("America/Montreal" → America/Toronto), another spelling
 * ("europe/brussels"), an offset ("+01:00") or an unknown name, no — so the one stored is the one
 * every runtime (API and browsers) reads the same way.
 */
export function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone === name;
  } catch {
    return false;
  }
}

/** The fiscal year holding an instant: the calendar year in which it started, in the zone. */
export function fiscalYearOf(
  instant: Date,
  settings: Pick<ProgrammeSettings, "timeZone" | "fiscalYearStartMonth">,
) {
  const { year, month } = wallTime(instant, settings.timeZone);
  return month >= settings.fiscalYearStartMonth ? year : year - 1;
}

/**
 * Fiscal year N: from the 1st of the start month of year N, midnight in the zone, to the same
 * instant a year later (exclusive).
 */
export function fiscalYearBounds(
  fiscalYear: number,
  settings: Pick<ProgrammeSettings, "timeZone" | "fiscalYearStartMonth">,
): { from: Date; to: Date } {
  const month = settings.fiscalYearStartMonth;
  return {
    from: instantAtWallTime(fiscalYear, month, 1, 0, settings.timeZone),
    to: instantAtWallTime(fiscalYear + 1, month, 1, 0, settings.timeZone),
  };
}
