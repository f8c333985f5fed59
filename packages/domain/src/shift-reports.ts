/**
 * Rules of a street team's shift report (issue 15): how long a shift may be, when it may be
 * dated (the date rule of records of what happened, record-dates.ts), and who changes it. Pure, unit-tested (shift-reports.test.ts); the API applies them
 * (modules/shift-reports) and row-level security holds the same "author or coordinator" rule.
 */

import { happenedAtProblem, type RecordDateRule } from "./record-dates.ts";

const hourMs = 3_600_000;

export const shiftReportLimits = {
  /** A shift is one evening or one night: at most this long. */
  maxShiftHours: 24,
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

/**
 * What is wrong with a shift's times, as the field it belongs to, or null when they hold. A
 * report is written during or after its shift: it began between the organisation's start date
 * and now (plus the date rule's tolerance); its end may still be ahead.
 */
export function shiftTimesProblem(
  startsAt: Date,
  endsAt: Date,
  rule: RecordDateRule,
): {
  path: "startsAt" | "endsAt";
  code: "BEFORE_START" | "TOO_LARGE" | "BEFORE_ORGANISATION_START" | "IN_THE_FUTURE" | "AFTER_TODAY";
  limit?: string;
} | null {
  const started = happenedAtProblem(startsAt, rule);
  if (started) return { path: "startsAt", ...started };
  if (endsAt.getTime() <= startsAt.getTime()) return { path: "endsAt", code: "BEFORE_START" };
  if (endsAt.getTime() - startsAt.getTime() > shiftReportLimits.maxShiftHours * hourMs)
    return { path: "endsAt", code: "TOO_LARGE" };
  return null;
}
