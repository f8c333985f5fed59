/**
 * Joint-visit scheduling (DESIGN.md §1): weekly availability in the wall time of each person's
 * organisation (its programme settings' time zone, programme-settings.ts), one-off absences, and
 * the slots where a nurse and an outreach worker are both free. Pure: instants in, instants out;
 * every function takes the time zone it counts in (no default: a forgotten zone is a type error,
 * not Toronto); daylight-saving changes are handled by converting each day's wall times with the
 * zone's own offset for that day.
 */
const minuteMs = 60_000;
const hourMs = 3_600_000;
const dayMs = 86_400_000;

export interface Interval {
  start: Date;
  end: Date;
}

export interface WeeklySlot {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  startMinute: number;
  endMinute: number;
}

const partsFormatter = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string) {
  let formatter = partsFormatter.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partsFormatter.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of an instant in a time zone. */
export function wallTime(instant: Date, timeZone: string) {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes the zone is ahead of UTC at an instant (−240 in Toronto summer, −300 in winter). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / minuteMs);
}

/**
 * The instant at which the zone's clocks read `minute` minutes after midnight of a calendar
 * day. In the skipped spring-forward hour, the later reading is used (02:30 → 03:30); in the
 * repeated fall-back hour, the first. The same east and west of Greenwich: the candidates are
 * the wall time less each offset the zone has around that day, and a candidate reads the wall
 * time when the zone's offset at it is the one it was computed with.
 */
export function instantAtWallTime(
  year: number,
  month: number,
  day: number,
  minute: number,
  timeZone: string,
): Date {
  const naive = Date.UTC(year, month - 1, day, 0, minute);
  // The real instant is within 14 hours of `naive`; 36 on either side holds one change at most.
  const offsets = [
    ...new Set(
      [naive - 36 * hourMs, naive + 36 * hourMs].map((t) => zoneOffsetMinutes(new Date(t), timeZone)),
    ),
  ];
  const readings = offsets
    .map((offset) => ({ offset, instant: naive - offset * minuteMs }))
    .filter(({ offset, instant }) => zoneOffsetMinutes(new Date(instant), timeZone) === offset)
    .map(({ instant }) => instant);
  if (readings.length > 0) return new Date(Math.min(...readings));
  // In the skipped hour no instant reads it: the offset before the change lands after the gap.
  return new Date(naive - Math.min(...offsets) * minuteMs);
}

/** ISO weekday (1 = Monday) of a calendar day. */
function isoWeekday(year: number, month: number, day: number): number {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** Concrete intervals of weekly availability within a window, day by day in the zone. */
export function expandWeeklySlots(
  slots: readonly WeeklySlot[],
  window: Interval,
  timeZone: string,
): Interval[] {
  const intervals: Interval[] = [];
  const first = wallTime(new Date(window.start.getTime() - dayMs), timeZone);
  const cursor = new Date(Date.UTC(first.year, first.month - 1, first.day));
  while (cursor.getTime() <= window.end.getTime() + dayMs) {
    const y = cursor.getUTCFullYear();
    const m = cursor.getUTCMonth() + 1;
    const d = cursor.getUTCDate();
    const weekday = isoWeekday(y, m, d);
    for (const slot of slots) {
      if (slot.weekday !== weekday || slot.endMinute <= slot.startMinute) continue;
      const start = instantAtWallTime(y, m, d, slot.startMinute, timeZone);
      const end = instantAtWallTime(y, m, d, slot.endMinute, timeZone);
      const clipped = {
        start: new Date(Math.max(start.getTime(), window.start.getTime())),
        end: new Date(Math.min(end.getTime(), window.end.getTime())),
      };
      if (clipped.end > clipped.start) intervals.push(clipped);
    }
    cursor.setUTCDate(cursor.getUTCDate() + 1);
  }
  return mergeIntervals(intervals);
}

export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) {
      if (interval.end > last.end) last.end = interval.end;
    } else {
      merged.push({ start: interval.start, end: interval.end });
    }
  }
  return merged;
}

/** `free` minus every `busy` interval. */
export function subtractIntervals(free: readonly Interval[], busy: readonly Interval[]): Interval[] {
  let remaining = mergeIntervals(free);
  for (const block of mergeIntervals(busy)) {
    remaining = remaining.flatMap((interval) => {
      if (block.end <= interval.start || block.start >= interval.end) return [interval];
      const pieces: Interval[] = [];
      if (block.start > interval.start) pieces.push({ start: interval.start, end: block.start });
      if (block.end < interval.end) pieces.push({ start: block.end, end: interval.end });
      return pieces;
    });
  }
  return remaining;
}

export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  const others = mergeIntervals(b);
  for (const x of mergeIntervals(a)) {
    for (const y of others) {
      // Dates, not numbers: Math.max/min would turn them into milliseconds.
      // biome-ignore lint/complexity/useMathMinMax: the later of two Dates, kept a Date
      const start = x.start > y.start ? x.start : y.start;
      // biome-ignore lint/complexity/useMathMinMax: the earlier of two Dates, kept a Date
      const end = x.end < y.end ? x.end : y.end;
      if (end > start) result.push({ start, end });
    }
  }
  return mergeIntervals(result);
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Start times (every `stepMinutes`, aligned on the step in the zone's wall time) of
 * `durationMinutes`-long visits that fit inside the common free intervals.
 */
export function candidateStarts(
  common: readonly Interval[],
  durationMinutes: number,
  timeZone: string,
  stepMinutes = 30,
  limit = 50,
): Interval[] {
  const found: Interval[] = [];
  for (const interval of common) {
    const offset = zoneOffsetMinutes(interval.start, timeZone);
    const stepMs = stepMinutes * minuteMs;
    // Align to the step in local wall time (e.g. on the half-hour).
    const localStart = interval.start.getTime() + offset * minuteMs;
    let start = Math.ceil(localStart / stepMs) * stepMs - offset * minuteMs;
    while (start + durationMinutes * minuteMs <= interval.end.getTime()) {
      found.push({ start: new Date(start), end: new Date(start + durationMinutes * minuteMs) });
      if (found.length >= limit) return found;
      start += stepMs;
    }
  }
  return found;
}

export interface Participant {
  slots: readonly WeeklySlot[];
  /** The zone of the wall times of `slots`: her organisation's. */
  timeZone: string;
  /** Absences and existing commitments. */
  busy: readonly Interval[];
}

/**
 * Slots where both people are free for the whole visit, within the window. Each one's weekly
 * hours are read in her own zone; start times fall on the step of the worker's (who books).
 */
export function findJointSlots(
  nurse: Participant,
  worker: Participant,
  window: Interval,
  durationMinutes: number,
  options: { stepMinutes?: number; limit?: number } = {},
): Interval[] {
  const nurseFree = subtractIntervals(expandWeeklySlots(nurse.slots, window, nurse.timeZone), nurse.busy);
  const workerFree = subtractIntervals(expandWeeklySlots(worker.slots, window, worker.timeZone), worker.busy);
  return candidateStarts(
    intersectIntervals(nurseFree, workerFree),
    durationMinutes,
    worker.timeZone,
    options.stepMinutes,
    options.limit,
  );
}

/** "HH:MM" ↔ minutes after midnight. */
export function minutesFromClock(clock: string): number | null {
  const found = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  return found ? Number(found[1]) * 60 + Number(found[2]) : clock === "24:00" ? 1440 : null;
}
