import { instantAtWallTime, wallTime } from "@maillage/domain";

/** A day of the Toronto calendar: [start, end) instants, and an instant to name it by (noon). */
export interface TorontoDay {
  start: Date;
  end: Date;
  label: Date;
}

function torontoDay(year: number, month: number, day: number): TorontoDay {
  const start = instantAtWallTime(year, month, day, 0);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  const end = instantAtWallTime(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0);
  return { start, end, label: new Date(start.getTime() + 12 * 3_600_000) };
}

/** The Toronto week (Monday first) holding `instant`: its seven days, its first and its last. */
export function torontoWeek(instant: Date): { days: TorontoDay[]; first: TorontoDay; last: TorontoDay } {
  const today = wallTime(instant);
  const weekday = ((new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7) + 1;
  const dayOfWeek = (index: number) => {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day - (weekday - 1) + index));
    return torontoDay(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
  };
  const days = Array.from({ length: 7 }, (_, index) => dayOfWeek(index));
  return { days, first: dayOfWeek(0), last: dayOfWeek(6) };
}

/**
 * The instant a `datetime-local` box means, read as Montréal/Toronto wall time (the time zone
 * every screen shows): undefined when empty, an invalid date when it is not a time at all.
 */
export function torontoInstant(local: string): Date | undefined {
  if (!local) return undefined;
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!parts) return new Date(Number.NaN);
  const [, year, month, day, hour, minute] = parts.map(Number);
  return instantAtWallTime(Number(year), Number(month), Number(day), Number(hour) * 60 + Number(minute));
}

/** An instant as a `datetime-local` box holds it, in Montréal/Toronto wall time. */
export function torontoLocal(instant: string | Date): string {
  const { year, month, day, hour, minute } = wallTime(new Date(instant));
  const two = (n: number) => String(n).padStart(2, "0");
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}`;
}
