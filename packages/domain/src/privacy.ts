/**
 * Québec's private-sector privacy law (Law 25) as the product applies it (issue 18 item 8; the
 * API in apps/api/src/modules/privacy, the SQL in prisma/migrations/*_privacy_law_25).
 *
 * Retention: a file is kept as long as it is in use and no longer than necessary (s. 23: once
 * its purpose is achieved it is destroyed or anonymised). A person met by street and online
 * outreach may disappear for months and come back: a file is "in use" while anything is done with
 * or for her (activity: app.person_last_activity). After `defaultRetentionYears` without activity
 * the follow-up it served is over by any measure the programmes know, so it is de-identified —
 * unless the organisation's coordinators set another period (1–30 years) or, by an explicit
 * choice, none.
 */

/**
 * A new organisation's retention period, in years without activity: 5, the shortest period that
 * still covers a person's return after a long absence (programmes see returns after 2–3 years),
 * and the same five years the law asks for the incident register — privacy-protective rather
 * than the 7 years of some health-record schedules, which keep a clinical record, not outreach
 * notes.
 */
export const defaultRetentionYears = 5;
export const retentionYearsRange = { min: 1, max: 30 } as const;

/** Why a coordinator de-identifies a file before its retention ends (audited by code only). */
export const deidentificationReasons = [
  "PERSON_REQUEST",
  "CONSENT_WITHDRAWN",
  "OPENED_IN_ERROR",
  "NO_LONGER_NEEDED",
] as const;
export type DeidentificationReason = (typeof deidentificationReasons)[number];

/** What a confidentiality incident involved (the register's "personal information concerned"). */
export const incidentInformationCategories = [
  "IDENTITY",
  "CONTACT",
  "HEALTH",
  "NOTES",
  "LOCATION",
  "LEGAL_NAME",
  "OTHER",
] as const;
export type IncidentInformationCategory = (typeof incidentInformationCategories)[number];

/** Whom a confidentiality incident affected. */
export const incidentPersonCategories = [
  "PERSONS_SERVED",
  "MINORS",
  "STAFF",
  "PARTNER_STAFF",
  "OTHER",
] as const;
export type IncidentPersonCategory = (typeof incidentPersonCategories)[number];

/** The register keeps an incident at least this long after it was discovered (Regulation, s. 11). */
export const incidentKeptYears = 5;

/** The first day an incident may be removed from the register (YYYY-MM-DD). */
export function incidentKeptUntil(discoveredOn: string): string {
  const [year, month, day] = discoveredOn.split("-").map(Number) as [number, number, number];
  const until = new Date(Date.UTC(year + incidentKeptYears, month - 1, day));
  // 29 February + 5 years: 1 March, as PostgreSQL's date + interval '5 years' gives 28 February.
  if (until.getUTCMonth() !== month - 1) until.setUTCDate(0);
  return until.toISOString().slice(0, 10);
}

/**
 * When a file would be de-identified: its last activity plus the period (null: never). Computed
 * in SQL for the run and the dry run (app.retention_due); here for the screens' wording.
 */
export function retentionDueAt(lastActivityAt: Date, years: number | null): Date | null {
  if (years === null) return null;
  const due = new Date(lastActivityAt);
  due.setUTCFullYear(due.getUTCFullYear() + years);
  return due;
}
