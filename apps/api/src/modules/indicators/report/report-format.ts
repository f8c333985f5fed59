/**
 * How the report and the CSV write a published value: a count in the language's digits ("12 345"
 * in French, with its narrow no-break space; "12,345" in English), a share as "12,5 %" / "12.5%",
 * days in the programme's time zone. A suppressed value (null) is always "x"; a zero is "0".
 */
import type { Locale } from "@maillage/domain";
import type { PublishedIndicators, PublishedTable } from "@maillage/domain/indicators";
import { reportSectionOrder } from "./report-messages.ts";

/** What every suppressed value reads, in every field and export. */
export const suppressedMark = "x";

const countFormats: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat("fr", { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat("en", { maximumFractionDigits: 0 }),
};

const shareFormats: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat("fr", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat("en", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

const changeFormats: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat("fr", {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }),
  en: new Intl.NumberFormat("en", {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }),
};

/** Share in percent points, one decimal, no sign ("12,5" / "12.5"): the CSV's share column. */
const percentPointFormats: Record<Locale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat("fr", { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }),
  en: new Intl.NumberFormat("en", { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }),
};

export function formatCount(locale: Locale, value: number | null): string {
  return value === null ? suppressedMark : countFormats[locale].format(value);
}

export function formatShare(locale: Locale, share: number | null): string {
  return share === null ? suppressedMark : shareFormats[locale].format(share);
}

export function formatPercentPoints(locale: Locale, share: number | null): string {
  return share === null ? suppressedMark : percentPointFormats[locale].format(share * 100);
}

/** The change from the previous period's value, "+7,3 %"; null when either is hidden or the previous is 0. */
export function formatChange(locale: Locale, value: number | null, previous: number | null): string | null {
  if (value === null || previous === null || previous === 0) return null;
  return changeFormats[locale].format((value - previous) / previous);
}

/** A day in the programme's time zone: "15 avril 2019" / "April 15, 2019". */
export function formatDay(locale: Locale, instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    timeZone,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(instant);
  // French writes the first of the month as an ordinal: « 1er avril 2018 ».
  return locale === "fr" ? text.replace(/^1(?=\s)/, "1er") : text;
}

/** The last day of a period whose `to` is exclusive. */
export function lastDayOf(to: string): Date {
  return new Date(new Date(to).getTime() - 1);
}

/** "avr." / "Apr" for "2018-04". */
export function formatMonth(locale: Locale, month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  const day = new Date(Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 15));
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "short" }).format(day);
}

/** "avril 2018" / "April 2018" for "2018-04". */
export function formatMonthLong(locale: Locale, month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  const day = new Date(Date.UTC(year ?? 1970, (monthNumber ?? 1) - 1, 15));
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "long", year: "numeric" }).format(day);
}

/** Whether a table shows shares (it has a denominator). */
export function showsShares(table: PublishedTable): boolean {
  return table.denominator !== null;
}

/** The sections present, in the report's order (known ones first, then any other in the order met). */
export function orderedSections(published: PublishedIndicators): string[] {
  const present = new Set<string>();
  for (const item of [...published.figures, ...published.tables]) present.add(item.section);
  const known: string[] = reportSectionOrder.filter((section) => present.has(section));
  const others = [...present].filter((section) => !known.includes(section));
  return [...known, ...others];
}
