/**
 * The programme's days as its staff live them: "n days ago at 18:00" in the programme's time
 * zone, the calendar day of a DATE column, the weekday. The programmes' demo data (programmes.ts)
 * is laid out on it, so evenings, shifts and line hours fall where they would on the screens.
 */
import { instantAtWallTime, wallTime } from "@maillage/domain";

export interface ProgrammeCalendar {
  now: Date;
  /** Minutes after midnight now, on the programme's clocks. */
  minuteNow: number;
  /** The instant at `minute` minutes after midnight, `daysAgo` days before today. */
  at(daysAgo: number, minute: number): Date;
  /** The calendar day `daysAgo` days before today, as a DATE column holds it (YYYY-MM-DD). */
  date(daysAgo: number): string;
  /** ISO weekday (1 = Monday … 7 = Sunday) of the day `daysAgo` days before today. */
  weekday(daysAgo: number): number;
  /** Whole days between the day of `instant` and today (0: today). */
  daysAgoOf(instant: Date): number;
}

const dayMs = 86_400_000;

export function programmeCalendar(now: Date, timeZone: string): ProgrammeCalendar {
  const today = wallTime(now, timeZone);
  const midnightUtc = (daysAgo: number) => Date.UTC(today.year, today.month - 1, today.day - daysAgo);
  return {
    now,
    minuteNow: today.hour * 60 + today.minute,
    at: (daysAgo, minute) =>
      instantAtWallTime(today.year, today.month, today.day - daysAgo, minute, timeZone),
    date: (daysAgo) => new Date(midnightUtc(daysAgo)).toISOString().slice(0, 10),
    weekday: (daysAgo) => {
      const day = new Date(midnightUtc(daysAgo)).getUTCDay();
      return day === 0 ? 7 : day;
    },
    daysAgoOf: (instant) => {
      const then = wallTime(instant, timeZone);
      return Math.round((midnightUtc(0) - Date.UTC(then.year, then.month - 1, then.day)) / dayMs);
    },
  };
}
