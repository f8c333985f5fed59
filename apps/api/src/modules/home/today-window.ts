import { instantAtWallTime, wallTime } from "@maillage/domain";

const dayMs = 86_400_000;

/** "Today" for the home screen, in the partnership's time zone (America/Toronto). */
export interface TodayWindow {
  now: Date;
  /** Midnight this morning and midnight tonight. */
  dayStart: Date;
  dayEnd: Date;
  /** Monday, midnight, of this week. */
  weekStart: Date;
  /** The year the current fiscal year started (1 April – 31 March). */
  fiscalYear: number;
}

export function todayWindow(now: Date): TodayWindow {
  const { year, month, day } = wallTime(now);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const daysSinceMonday = (weekday + 6) % 7;
  return {
    now,
    dayStart: instantAtWallTime(year, month, day, 0),
    dayEnd: instantAtWallTime(year, month, day + 1, 0),
    weekStart: instantAtWallTime(year, month, day - daysSinceMonday, 0),
    fiscalYear: month >= 4 ? year : year - 1,
  };
}

/** The calendar date `days` before today's, as the date columns (`occurred_on`) hold it. */
export function dateDaysBefore(window: TodayWindow, days: number): Date {
  const { year, month, day } = wallTime(window.now);
  return new Date(Date.UTC(year, month - 1, day) - days * dayMs);
}
