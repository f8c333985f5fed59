import { fiscalYearOf, instantAtWallTime, type ProgrammeSettings, wallTime } from "@maillage/domain";

const dayMs = 86_400_000;

/**
 * "Today" for the home screen, in the time zone of the viewer's programme settings (the acting
 * organisation's: modules/programme-settings/viewer-settings.ts).
 */
export interface TodayWindow {
  now: Date;
  /** The zone the day is counted in. */
  timeZone: string;
  /** Midnight this morning and midnight tonight. */
  dayStart: Date;
  dayEnd: Date;
  /** Monday, midnight, of this week. */
  weekStart: Date;
  /** The year the current fiscal year started (from the settings' start month). */
  fiscalYear: number;
}

export function todayWindow(
  now: Date,
  settings: Pick<ProgrammeSettings, "timeZone" | "fiscalYearStartMonth">,
): TodayWindow {
  const { timeZone } = settings;
  const { year, month, day } = wallTime(now, timeZone);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const daysSinceMonday = (weekday + 6) % 7;
  return {
    now,
    timeZone,
    dayStart: instantAtWallTime(year, month, day, 0, timeZone),
    dayEnd: instantAtWallTime(year, month, day + 1, 0, timeZone),
    weekStart: instantAtWallTime(year, month, day - daysSinceMonday, 0, timeZone),
    fiscalYear: fiscalYearOf(now, settings),
  };
}

/** The calendar date `days` before today's, as the date columns (`occurred_on`) hold it. */
export function dateDaysBefore(window: TodayWindow, days: number): Date {
  const { year, month, day } = wallTime(window.now, window.timeZone);
  return new Date(Date.UTC(year, month - 1, day) - days * dayMs);
}
