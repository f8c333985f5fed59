/**
 * Rules of a street team's shift report (issue 15): how long a shift may be, how far back it may
 * be logged, and who changes it. Pure, unit-tested (shift-reports.test.ts); the API applies them
 * (modules/shift-reports) and row-level security holds the same "author or coordinator" rule.
 */

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

export const shiftReportLimits = {
  /** A shift is one evening or one night: at most this long. */
  maxShiftHours: 24,
  /** Logged late, at most this long after it began (like an encounter). */
  maxPastDays: 730,
  /** A report is written during or after the shift: its start may be this far ahead of the clock. */
  maxFutureMinutes: 15,
  /** Members, venues and partners named on one report. */
  maxMembers: 30,
  maxVenues: 60,
  maxPartners: 20,
  /** Co-interventions with one partner on one shift (a count only). */
  maxInterventions: 99,
} as const;

/** The author of a shift report and the organisation's coordinators change or delete it. */
export function mayChangeShiftReport(
  viewer: { userId: string; roles: readonly string[] },
  report: { authorId: string },
): boolean {
  return report.authorId === viewer.userId || viewer.roles.includes("COORDINATOR");
}

/** What is wrong with a shift's times, as the field it belongs to, or null when they hold. */
export function shiftTimesProblem(
  startsAt: Date,
  endsAt: Date,
  now: Date,
): {
  path: "startsAt" | "endsAt";
  code: "BEFORE_START" | "TOO_LARGE" | "TOO_FAR_IN_FUTURE" | "IN_THE_PAST";
} | null {
  if (startsAt.getTime() > now.getTime() + shiftReportLimits.maxFutureMinutes * 60_000)
    return { path: "startsAt", code: "TOO_FAR_IN_FUTURE" };
  if (startsAt.getTime() < now.getTime() - shiftReportLimits.maxPastDays * dayMs)
    return { path: "startsAt", code: "IN_THE_PAST" };
  if (endsAt.getTime() <= startsAt.getTime()) return { path: "endsAt", code: "BEFORE_START" };
  if (endsAt.getTime() - startsAt.getTime() > shiftReportLimits.maxShiftHours * hourMs)
    return { path: "endsAt", code: "TOO_LARGE" };
  return null;
}
