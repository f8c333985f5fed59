import { instantAtWallTime, wallTime } from "@maillage/domain";

/**
 * Days, weeks and `datetime-local` boxes in a programme's time zone (the acting organisation's
 * settings: `useT().timeZone`), whatever the device's own zone.
 */

/** A day of the zone's calendar: [start, end) instants, and an instant to name it by (noon). */
export interface ZonedDay {
  start: Date;
  end: Date;
  label: Date;
}

function zonedDay(year: number, month: number, day: number, timeZone: string): ZonedDay {
  const start = instantAtWallTime(year, month, day, 0, timeZone);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  const end = instantAtWallTime(
    next.getUTCFullYear(),
    next.getUTCMonth() + 1,
    next.getUTCDate(),
    0,
    timeZone,
  );
  return { start, end, label: new Date(start.getTime() + 12 * 3_600_000) };
}

/** The zone's week (Monday first) holding `instant`: its seven days, its first and its last. */
export function zonedWeek(
  instant: Date,
  timeZone: string,
): { days: ZonedDay[]; first: ZonedDay; last: ZonedDay } {
  const today = wallTime(instant, timeZone);
  const weekday = ((new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7) + 1;
  const dayOfWeek = (index: number) => {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day - (weekday - 1) + index));
    return zonedDay(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), timeZone);
  };
  const days = Array.from({ length: 7 }, (_, index) => dayOfWeek(index));
  return { days, first: dayOfWeek(0), last: dayOfWeek(6) };
}

/**
 * The instant a `datetime-local` box means, read as the zone's wall time (the zone every screen
 * shows): undefined when empty, an invalid date when it is not a time at all.
 */
export function zonedInstant(local: string, timeZone: string): Date | undefined {
  if (!local) return undefined;
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!parts) return new Date(Number.NaN);
  const [, year, month, day, hour, minute] = parts.map(Number);
  return instantAtWallTime(
    Number(year),
    Number(month),
    Number(day),
    Number(hour) * 60 + Number(minute),
    timeZone,
  );
}

/** An instant as a `datetime-local` box holds it, in the zone's wall time. */
export function zonedLocal(instant: string | Date, timeZone: string): string {
  const { year, month, day, hour, minute } = wallTime(new Date(instant), timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}`;
}
