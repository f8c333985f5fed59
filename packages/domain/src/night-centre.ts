/**
 * Rules of a night centre's evenings (issue 15, item 2): how far back an evening may be opened,
 * how many staff and partners it names, the intake form's domains and need levels, and which
 * visit brings the intake form. Pure, unit-tested (night-centre.test.ts); the API applies them
 * (apps/api modules/night-centre) and row-level security holds the same "open evenings only".
 */

const dayMs = 86_400_000;

export const nightCentreLimits = {
  /** An evening is opened on its day; a forgotten one may be opened up to this many days later. */
  maxPastDays: 31,
  /** A day ahead at most (the device's day may be ahead of the server's in another zone). */
  maxFutureDays: 1,
  /** Staff on duty and partner services present at one evening. */
  maxStaff: 30,
  maxPartners: 20,
} as const;

/** How pressing a need is: none, to work on over time, or now (the database's IntakeNeedLevel). */
export const intakeNeedLevels = ["NONE", "LONG_TERM", "IMMEDIATE"] as const;
export type IntakeNeedLevelName = (typeof intakeNeedLevels)[number];

/** The intake form's domains, in the form's order. */
export const intakeDomains = [
  "HOUSING",
  "HEALTH",
  "SUBSTANCE_USE",
  "JUSTICE",
  "INCOME",
  "EMPLOYMENT",
  "SAFETY",
] as const;
export type IntakeDomainName = (typeof intakeDomains)[number];

/** Each domain's field in the intake input (and the record's column). */
export const intakeDomainFields = {
  HOUSING: "housing",
  HEALTH: "health",
  SUBSTANCE_USE: "substanceUse",
  JUSTICE: "justice",
  INCOME: "income",
  EMPLOYMENT: "employment",
  SAFETY: "safety",
} as const satisfies Record<IntakeDomainName, string>;
export type IntakeNeedField = (typeof intakeDomainFields)[IntakeDomainName];

/**
 * Whether an evening may be opened on `day` (a calendar day, as the API's Date scalar gives it:
 * midnight UTC of that day) at `now`: from `maxPastDays` back to `maxFutureDays` ahead.
 */
export function eveningDayProblem(day: Date, now: Date): "IN_THE_PAST" | "TOO_FAR_IN_FUTURE" | null {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const offset = Math.round((day.getTime() - today) / dayMs);
  if (offset > nightCentreLimits.maxFutureDays) return "TOO_FAR_IN_FUTURE";
  if (offset < -nightCentreLimits.maxPastDays) return "IN_THE_PAST";
  return null;
}

/**
 * The intake form is offered at a person's first evening visit at the organisation (no earlier
 * one, at any of its centres) when she has none yet: a second visit offers none.
 */
export function intakeDue(visit: { firstVisit: boolean; intakeRecorded: boolean }): boolean {
  return visit.firstVisit && !visit.intakeRecorded;
}
