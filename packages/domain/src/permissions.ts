import type { RoleName } from "./roles.ts";

/**
 * The permission registry: who sees which kind of record (DESIGN.md §3). The API's scopes and
 * Prisma filters read it; the row-level-security policies in prisma/migrations implement the
 * same table in SQL; the permission matrix test checks both against the expected cells.
 */
export const recordKinds = [
  "PERSON_PROFILE",
  "LEGAL_NAME",
  "ENCOUNTER",
  "ENCOUNTER_NOTE",
  "ACCOMPANIMENT",
  "ACCOMPANIMENT_NOTE",
  "NURSE_VISIT",
  "CLINICAL_NOTE",
  "REFERRAL",
  "CONSENT",
  "VENUE",
  "SAFETY_ALERT",
  "AUDIT_EVENT",
] as const;
export type RecordKind = (typeof recordKinds)[number];

/** The record kinds a person's consent (and a sharing agreement) can name. */
export const sharedRecordKinds = [
  "PROFILE",
  "ENCOUNTERS_SUMMARY",
  "ACCOMPANIMENTS",
  "REFERRALS",
  "NURSE_VISIT_LOGISTICS",
] as const;
export type SharedRecordKind = (typeof sharedRecordKinds)[number];

const W = "OUTREACH_WORKER";
const N = "NURSE";
const C = "COORDINATOR";
const A = "ORG_ADMIN";

/** Roles that see a kind of record owned by (or, for visits, involving) their organisation. */
export const ownOrganisationReaders: Record<RecordKind, readonly RoleName[]> = {
  PERSON_PROFILE: [W, N, C],
  LEGAL_NAME: [W, C],
  ENCOUNTER: [W, C],
  ENCOUNTER_NOTE: [W, C],
  ACCOMPANIMENT: [W, C],
  ACCOMPANIMENT_NOTE: [W, C],
  NURSE_VISIT: [W, N, C],
  CLINICAL_NOTE: [N],
  REFERRAL: [W, N, C],
  CONSENT: [W, N, C],
  VENUE: [W, C],
  SAFETY_ALERT: [W, N, C],
  AUDIT_EVENT: [A, C],
};

/** Roles that write a kind of record for their organisation. */
export const ownOrganisationWriters: Record<RecordKind, readonly RoleName[]> = {
  PERSON_PROFILE: [W, C],
  LEGAL_NAME: [W, C],
  ENCOUNTER: [W, C],
  ENCOUNTER_NOTE: [W, C],
  ACCOMPANIMENT: [W, C],
  ACCOMPANIMENT_NOTE: [W, C],
  NURSE_VISIT: [W, N, C],
  CLINICAL_NOTE: [N],
  REFERRAL: [W, N, C],
  CONSENT: [W, C],
  VENUE: [W, C],
  SAFETY_ALERT: [C],
  AUDIT_EVENT: [],
};

/** Which consented kind opens a record kind to a partner; absent: never shared. */
export const partnerSharing: Partial<Record<RecordKind, SharedRecordKind>> = {
  PERSON_PROFILE: "PROFILE",
  ENCOUNTER: "ENCOUNTERS_SUMMARY",
  ACCOMPANIMENT: "ACCOMPANIMENTS",
  NURSE_VISIT: "NURSE_VISIT_LOGISTICS",
};

/** Roles of a partner organisation that see what a consent shares with it. */
export const partnerReaders: readonly RoleName[] = [W, N, C];

export function readsOwn(roles: readonly string[], kind: RecordKind): boolean {
  return ownOrganisationReaders[kind].some((role) => roles.includes(role));
}

export function writesOwn(roles: readonly string[], kind: RecordKind): boolean {
  return ownOrganisationWriters[kind].some((role) => roles.includes(role));
}

export function readsAsPartner(roles: readonly string[], kind: RecordKind): boolean {
  return partnerSharing[kind] !== undefined && partnerReaders.some((role) => roles.includes(role));
}

/** Status of a consent at `now`, from its dates (history is never overwritten). */
export type ConsentStatus = "UPCOMING" | "ACTIVE" | "EXPIRED" | "WITHDRAWN";

export function consentStatus(
  consent: { startsAt: Date; expiresAt: Date | null; withdrawnAt: Date | null },
  now: Date,
): ConsentStatus {
  if (consent.withdrawnAt && consent.withdrawnAt <= now) return "WITHDRAWN";
  if (consent.expiresAt && consent.expiresAt <= now) return "EXPIRED";
  if (consent.startsAt > now) return "UPCOMING";
  return "ACTIVE";
}

/** Birth year → whether the person may be a minor this year (youth-protection duty). */
export function isPossiblyMinor(birthYear: number | null, now: Date): boolean {
  if (birthYear === null) return false;
  return now.getFullYear() - birthYear < 18;
}
