import { instantAtWallTime, wallTime } from "@maillage/domain";

/** The seven days (Monday first) of the Toronto week holding `instant`, as [start, end) instants. */
export function torontoWeek(instant: Date): { start: Date; end: Date; label: Date }[] {
  const today = wallTime(instant);
  const weekday = ((new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay() + 6) % 7) + 1;
  const monday = new Date(Date.UTC(today.year, today.month - 1, today.day - (weekday - 1)));
  return Array.from({ length: 7 }, (_, index) => {
    const day = new Date(monday.getTime() + index * 86_400_000);
    const y = day.getUTCFullYear();
    const m = day.getUTCMonth() + 1;
    const d = day.getUTCDate();
    const start = instantAtWallTime(y, m, d, 0);
    const next = new Date(Date.UTC(y, m - 1, d + 1));
    const end = instantAtWallTime(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0);
    return { start, end, label: new Date(start.getTime() + 12 * 3_600_000) };
  });
}
