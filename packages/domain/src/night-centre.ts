/**
 * Rules of a night centre's evenings (issue 15, item 2): how many staff and partners it names, the intake form's domains and need levels, and which
 * visit brings the intake form. Pure, unit-tested (night-centre.test.ts); the API applies them
 * (apps/api modules/night-centre) and row-level security holds the same "open evenings only".
 */

// An evening's day follows the date rule of record-dates.ts (from the organisation's start date
// to today in its zone): a forgotten one, or a past year's from the tally sheets, is opened late.
export const nightCentreLimits = {
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
 * The intake form is offered at a person's first evening visit at the organisation (no earlier
 * one, at any of its centres) when she has none yet: a second visit offers none.
 */
export function intakeDue(visit: { firstVisit: boolean; intakeRecorded: boolean }): boolean {
  return visit.firstVisit && !visit.intakeRecorded;
}
