/**
 * A record of what happened as a form holds its moment (issue 16): a day and a wall time in the
 * organisation's zone (what a date box and a time box hold), "now" until the worker changes
 * them, and the same date rule as the API (packages/domain record-dates.ts) checked before the
 * entry is sent or kept on the phone — a refusal reads the same on both sides.
 */
import {
  dayInZone,
  happenedAtProblem,
  happenedOnProblem,
  instantAtWallTime,
  type RecordDateRule,
  recordDateLimits,
  wallTime,
} from "@maillage/domain";
import { encodeFieldProblem } from "../../app/i18n/index.tsx";

/** A day (YYYY-MM-DD) and a wall time (HH:MM), in the organisation's zone. */
export interface WallClock {
  on: string;
  time: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The day and time an instant reads in the zone. */
export function wallClockOf(instant: Date, timeZone: string): WallClock {
  const { hour, minute } = wallTime(instant, timeZone);
  return { on: dayInZone(instant, timeZone), time: `${pad(hour)}:${pad(minute)}` };
}

/** The instant of a day and time in the zone; null when either box is empty or malformed. */
export function instantOfWallClock({ on, time }: WallClock, timeZone: string): Date | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !clock) return null;
  const [, year, month, date] = day.map(Number) as [number, number, number, number];
  const [, hours, minutes] = clock.map(Number) as [number, number, number];
  if (hours > 23 || minutes > 59) return null;
  return instantAtWallTime(year, month, date, hours * 60 + minutes, timeZone);
}

/** A day some days before or after another (YYYY-MM-DD, calendar arithmetic). */
export function shiftDay(on: string, days: number): string {
  const date = new Date(`${on}T12:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * What the API would answer for this moment, as a form keeps a field problem ("CODE@limit"), or
 * null when it holds. `startedOn` null (not known on this phone yet): only the future is checked.
 */
export function happenedAtFormProblem(
  at: Date,
  rule: Omit<RecordDateRule, "startedOn"> & { startedOn: string | null },
): string | null {
  const problem = happenedAtProblem(at, { ...rule, startedOn: rule.startedOn ?? "0000-01-01" });
  return problem ? encodeFieldProblem(problem) : null;
}

/** The same for a calendar day (a workshop, an evening). */
export function happenedOnFormProblem(
  on: string,
  rule: Omit<RecordDateRule, "startedOn"> & { startedOn: string | null },
): string | null {
  const problem = happenedOnProblem(on, { ...rule, startedOn: rule.startedOn ?? "0000-01-01" });
  return problem ? encodeFieldProblem(problem) : null;
}

/** Whether an entry of this moment, made now, will be marked late (more than 3 days after). */
export function willBeLate(at: Date, now: Date): boolean {
  return now.getTime() - at.getTime() > recordDateLimits.lateEntryDays * 86_400_000;
}
