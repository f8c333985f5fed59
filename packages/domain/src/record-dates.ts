/**
 * When a record of what happened may be dated (issue 16 item 1): any day from the
 * organisation's start date (a setting: its history goes back that far) up to now, with a small
 * tolerance for a phone whose clock runs ahead. One rule for encounters, accompaniments,
 * evenings, deliveries, workshops, consents, joint visits and imports, so a screen, the API and
 * an import can never disagree. A refusal names the rule (BEFORE_ORGANISATION_START carries the
 * start date: "au plus tôt le 1er avril 2015, date de début de l'organisme").
 *
 * A record entered more than `lateEntryDays` after the fact is a late entry: both instants are
 * kept (occurred at, entered at) and the record says so. Pure: no clock, no I/O.
 */
import { wallTime } from "./scheduling.ts";

export const recordDateLimits = {
  /** A record of what happened may be dated this far ahead of the server's clock. */
  futureToleranceMinutes: 15,
  /** Entered more than this many days after it happened: a late entry. */
  lateEntryDays: 3,
  /** The start date of an organisation whose coordinators have not set one. */
  defaultStartedOn: "2000-01-01",
  /** No organisation's history is dated before this (a typo's guard: 0201 for 2015). */
  earliestStartedOn: "1970-01-01",
} as const;

/** What the date rule needs: the organisation's start date (YYYY-MM-DD), time zone, the clock. */
export interface RecordDateRule {
  startedOn: string;
  timeZone: string;
  now: Date;
}

export type RecordDateProblem =
  | { code: "BEFORE_ORGANISATION_START"; limit: string }
  | { code: "IN_THE_FUTURE" }
  | { code: "AFTER_TODAY" };

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayInZone(instant: Date, timeZone: string): string {
  const { year, month, day } = wallTime(instant, timeZone);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A calendar date stored at UTC midnight (the Date scalar), as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * An instant that has happened (an encounter, a visit, a delivery): on or after the start date's
 * midnight in the organisation's zone, and not later than now plus the tolerance.
 */
export function happenedAtProblem(at: Date, rule: RecordDateRule): RecordDateProblem | null {
  if (dayInZone(at, rule.timeZone) < rule.startedOn) {
    return { code: "BEFORE_ORGANISATION_START", limit: rule.startedOn };
  }
  if (at.getTime() > rule.now.getTime() + recordDateLimits.futureToleranceMinutes * 60_000) {
    return { code: "IN_THE_FUTURE" };
  }
  return null;
}

/** A calendar day that has happened (a workshop, an evening): from the start date to today. */
export function happenedOnProblem(day: Date | string, rule: RecordDateRule): RecordDateProblem | null {
  const iso = typeof day === "string" ? day : isoDay(day);
  if (iso < rule.startedOn) return { code: "BEFORE_ORGANISATION_START", limit: rule.startedOn };
  if (iso > dayInZone(rule.now, rule.timeZone)) return { code: "AFTER_TODAY" };
  return null;
}

/**
 * An instant that may lie in the past or ahead (an accompaniment planned, a consent's start):
 * not before the start date; how far ahead is the caller's own rule.
 */
export function notBeforeStartProblem(at: Date, rule: RecordDateRule): RecordDateProblem | null {
  return dayInZone(at, rule.timeZone) < rule.startedOn
    ? { code: "BEFORE_ORGANISATION_START", limit: rule.startedOn }
    : null;
}

/** Entered more than `lateEntryDays` after it happened. */
export function isLateEntry(occurredAt: Date, enteredAt: Date): boolean {
  return enteredAt.getTime() - occurredAt.getTime() > recordDateLimits.lateEntryDays * 86_400_000;
}

/**
 * A calendar day's record (a workshop, an evening) entered more than `lateEntryDays` days after
 * that day, counted in days of the organisation's zone (entered on the 5th for the 1st: late).
 */
export function isLateDayEntry(day: Date | string, enteredAt: Date, timeZone: string): boolean {
  const iso = typeof day === "string" ? day : isoDay(day);
  const entered = Date.parse(`${dayInZone(enteredAt, timeZone)}T00:00:00.000Z`);
  return entered - Date.parse(`${iso}T00:00:00.000Z`) > recordDateLimits.lateEntryDays * 86_400_000;
}

/** Whether a start date may be set: a real YYYY-MM-DD day, not before 1970 nor after today. */
export function startedOnProblem(
  startedOn: string,
  now: Date,
  timeZone: string,
): "INVALID_FORMAT" | "TOO_SMALL" | "AFTER_TODAY" | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startedOn)) return "INVALID_FORMAT";
  const parsed = new Date(`${startedOn}T00:00:00.000Z`);
  if (Number.isNaN(parsed.getTime()) || isoDay(parsed) !== startedOn) return "INVALID_FORMAT";
  if (startedOn < recordDateLimits.earliestStartedOn) return "TOO_SMALL";
  if (startedOn > dayInZone(now, timeZone)) return "AFTER_TODAY";
  return null;
}
