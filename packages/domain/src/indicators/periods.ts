/**
 * The periods indicators are asked for, in a programme's settings (time zone, fiscal-year start):
 * a fiscal year, a contiguous run of its quarters, or — for one organisation's own figures only —
 * a custom range of days. A partnership's figures are never given for a custom range: two
 * overlapping day ranges would give away, by difference, the records of the days between them.
 * The lattice of a fiscal year (its 10 quarter ranges and 12 months) is what a partnership's
 * snapshot protects as a whole (@maillage/domain/disclosure).
 */
import type { Locale } from "../locale.ts";
import type { ProgrammeSettings } from "../programme-settings.ts";
import { instantAtWallTime, wallTime } from "../scheduling.ts";
import type { Bilingual, PublishedPeriod } from "./published.ts";

type Calendar = Pick<ProgrammeSettings, "timeZone" | "fiscalYearStartMonth">;

export interface PeriodRequest {
  fiscalYear: number;
  firstQuarter?: number | null | undefined;
  lastQuarter?: number | null | undefined;
  /** A custom range: both days inclusive, YYYY-MM-DD in the programme's zone. */
  fromDay?: string | null | undefined;
  toDay?: string | null | undefined;
}

export interface ResolvedPeriod {
  from: Date;
  to: Date;
  fiscalYear: number;
  /** [first, last] quarter; [1, 4] for a whole year; null for a custom range. */
  quarters: [number, number] | null;
  /** The custom range's days, when it is one. */
  days: [string, string] | null;
}

/** The 10 contiguous runs of quarters of a fiscal year: "Q1", "Q1-Q2", …, "Q1-Q4" (the whole year). */
export const quarterRangeKeys = (() => {
  const keys: string[] = [];
  for (let first = 1; first <= 4; first++)
    for (let last = first; last <= 4; last++) keys.push(quarterRangeKey(first, last));
  return keys;
})();

export function quarterRangeKey(first: number, last: number): string {
  return first === last ? `Q${first}` : `Q${first}-Q${last}`;
}

export function parseQuarterRangeKey(key: string): [number, number] | null {
  const match = /^Q([1-4])(?:-Q([1-4]))?$/.exec(key);
  if (!match) return null;
  const first = Number(match[1]);
  const last = Number(match[2] ?? match[1]);
  return first <= last ? [first, last] : null;
}

/** The instant a month of fiscal year `fiscalYear` starts: month index 0 is the start month. */
function monthStart(fiscalYear: number, index: number, calendar: Calendar): Date {
  const zeroBased = calendar.fiscalYearStartMonth - 1 + index;
  return instantAtWallTime(
    fiscalYear + Math.floor(zeroBased / 12),
    (zeroBased % 12) + 1,
    1,
    0,
    calendar.timeZone,
  );
}

/** Quarters `first` to `last` of a fiscal year (1–4), `to` exclusive. */
export function quarterBounds(fiscalYear: number, first: number, last: number, calendar: Calendar) {
  return {
    from: monthStart(fiscalYear, (first - 1) * 3, calendar),
    to: monthStart(fiscalYear, last * 3, calendar),
  };
}

/** The 12 months of a fiscal year: "2018-04" (the calendar month in the zone) and its bounds. */
export function fiscalYearMonths(fiscalYear: number, calendar: Calendar) {
  return Array.from({ length: 12 }, (_, index) => {
    const from = monthStart(fiscalYear, index, calendar);
    const { year, month } = wallTime(from, calendar.timeZone);
    return {
      /** M01…M12, the lattice's key (M01–M03 are Q1). */
      key: `M${String(index + 1).padStart(2, "0")}`,
      month: `${year}-${String(month).padStart(2, "0")}`,
      from,
      to: monthStart(fiscalYear, index + 1, calendar),
    };
  });
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayStart(day: string, calendar: Calendar): Date | null {
  const match = dayPattern.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, date));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date)
    return null;
  return instantAtWallTime(year, month, date, 0, calendar.timeZone);
}

/** The day after a YYYY-MM-DD day. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** A day a year before (29 February → 28 February). */
function dayAYearBefore(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return `${year - 1}-${String(month).padStart(2, "0")}-${String(Math.min(date, lastOfMonth)).padStart(2, "0")}`;
}

/** Custom ranges may span at most this many days (a little more than a year). */
export const longestCustomRangeDays = 400;

/**
 * The period asked for, or null when it is not one: quarters out of 1–4 or reversed, only one of
 * the two quarters, a custom range with a quarter, days that are not days, reversed or longer
 * than `longestCustomRangeDays`, or (`allowCustom` false: a partnership's) a custom range at all.
 */
export function resolvePeriod(
  request: PeriodRequest,
  calendar: Calendar,
  allowCustom: boolean,
): ResolvedPeriod | null {
  const { fiscalYear } = request;
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1990 || fiscalYear > 2200) return null;
  const custom = request.fromDay != null || request.toDay != null;
  const quartered = request.firstQuarter != null || request.lastQuarter != null;
  if (custom) {
    if (!allowCustom || quartered || request.fromDay == null || request.toDay == null) return null;
    const from = dayStart(request.fromDay, calendar);
    const to = dayStart(nextDay(request.toDay), calendar);
    if (!from || !to || to <= from) return null;
    if (to.getTime() - from.getTime() > longestCustomRangeDays * 86_400_000) return null;
    return { from, to, fiscalYear, quarters: null, days: [request.fromDay, request.toDay] };
  }
  const first = request.firstQuarter ?? 1;
  const last = request.lastQuarter ?? 4;
  if (quartered && (request.firstQuarter == null || request.lastQuarter == null)) return null;
  if (![first, last].every((q) => Number.isInteger(q) && q >= 1 && q <= 4) || first > last) return null;
  return {
    ...quarterBounds(fiscalYear, first, last, calendar),
    fiscalYear,
    quarters: [first, last],
    days: null,
  };
}

/** The period before: the year before, the same quarters of the year before, the same days a year before. */
export function previousPeriod(period: ResolvedPeriod, calendar: Calendar): ResolvedPeriod {
  if (period.days) {
    const [fromDay, toDay] = period.days;
    const previous = resolvePeriod(
      { fiscalYear: period.fiscalYear - 1, fromDay: dayAYearBefore(fromDay), toDay: dayAYearBefore(toDay) },
      calendar,
      true,
    );
    if (previous) return previous;
  }
  const [first, last] = period.quarters ?? [1, 4];
  return {
    ...quarterBounds(period.fiscalYear - 1, first, last, calendar),
    fiscalYear: period.fiscalYear - 1,
    quarters: [first, last],
    days: null,
  };
}

/** "2018–2019" (a fiscal year across two calendar years) or "2018" (a calendar year). */
export function fiscalYearLabel(
  fiscalYear: number,
  calendar: Pick<Calendar, "fiscalYearStartMonth">,
): string {
  return calendar.fiscalYearStartMonth === 1 ? String(fiscalYear) : `${fiscalYear}–${fiscalYear + 1}`;
}

/** How a period is named in both languages ("T1–T2 2018–2019", "Q1–Q2 2018–2019", days written in the programme's locale). */
export function periodLabel(period: ResolvedPeriod, settings: ProgrammeSettings): Bilingual {
  const year = fiscalYearLabel(period.fiscalYear, settings);
  if (period.days) {
    const write = (locale: Locale) => {
      const format = new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", {
        dateStyle: "long",
        timeZone: "UTC",
      });
      const [fromDay, toDay] = period.days as [string, string];
      return `${format.format(new Date(`${fromDay}T12:00:00Z`))} – ${format.format(new Date(`${toDay}T12:00:00Z`))}`;
    };
    return { fr: write("fr"), en: write("en") };
  }
  const [first, last] = period.quarters ?? [1, 4];
  if (first === 1 && last === 4)
    return {
      fr: settings.fiscalYearStartMonth === 1 ? `Année ${year}` : `Exercice ${year}`,
      en: settings.fiscalYearStartMonth === 1 ? `Year ${year}` : `Fiscal year ${year}`,
    };
  const quarters = (letter: string) =>
    first === last ? `${letter}${first}` : `${letter}${first}–${letter}${last}`;
  return { fr: `${quarters("T")} ${year}`, en: `${quarters("Q")} ${year}` };
}

/** A period as published (PublishedIndicators.period). */
export function publishedPeriod(period: ResolvedPeriod, settings: ProgrammeSettings): PublishedPeriod {
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    fiscalYear: period.fiscalYear,
    quarters: period.quarters,
    label: periodLabel(period, settings),
  };
}
