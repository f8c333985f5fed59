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
  "NIGHT_CENTRE_EVENING",
  "EVENING_HANDOVER_NOTE",
  "INTAKE_ASSESSMENT",
  "SHIFT_REPORT",
  "SHIFT_HANDOVER_NOTE",
  "WORKSHOP",
  "MATERIAL_DELIVERY",
  "MATERIAL_DELIVERY_PLACE",
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
  // A night centre's evening (staff on duty, partners present, totals: its visits are
  // encounters), its handover notes for the next shift, and the intake form of a person's first
  // visit: the organisation's own, never a partner's whatever the person's consent.
  NIGHT_CENTRE_EVENING: [W, C],
  EVENING_HANDOVER_NOTE: [W, C],
  INTAKE_ASSESSMENT: [W, C],
  // A street team's shift report and its handover notes for the next shift: the team's own.
  SHIFT_REPORT: [W, C],
  SHIFT_HANDOVER_NOTE: [W, C],
  // Workshops and prevention kiosks, their note included: counts of participants, never a
  // person; never shared with a partner (the committee reads aggregates only).
  WORKSHOP: [W, N, C],
  // A delivery request (items, assignee, states and their history) and its discreet window and
  // place (free text, own table): the team's who hand material out; never shared with a partner.
  MATERIAL_DELIVERY: [W, C],
  MATERIAL_DELIVERY_PLACE: [W, C],
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
  NIGHT_CENTRE_EVENING: [W, C],
  EVENING_HANDOVER_NOTE: [W, C],
  INTAKE_ASSESSMENT: [W, C],
  SHIFT_REPORT: [W, C],
  SHIFT_HANDOVER_NOTE: [W, C],
  WORKSHOP: [W, N, C],
  // Delivering creates the encounter that counts the items handed out: the encounter's writers.
  MATERIAL_DELIVERY: [W, C],
  MATERIAL_DELIVERY_PLACE: [W, C],
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

/**
 * Rule 1's exception: an organisation may restrict team visibility. Then a member sees only her
 * own records (those she wrote, recorded or goes on) and those of the persons in her caseload
 * (the persons she follows or whose file she opened); these roles still see the team's.
 */
export const teamRecordReaders: readonly RoleName[] = [C];

export function seesTeamRecords(roles: readonly string[], teamVisibilityRestricted: boolean): boolean {
  return !teamVisibilityRestricted || teamRecordReaders.some((role) => roles.includes(role));
}

/** Kinds of in-app notices, by the kind of record they are about (the notice's `kind` prefix). */
export const noticeRecordKinds = {
  REFERRAL_: "REFERRAL",
  NURSE_VISIT_: "NURSE_VISIT",
} as const satisfies Record<string, RecordKind>;

/**
 * Notices go only to members whose role can act on them: a role that writes the record kind
 * the notice is about — never a committee member or an admin without a working role.
 */
export function noticePrefixesFor(roles: readonly string[]): string[] {
  return Object.entries(noticeRecordKinds)
    .filter(([, kind]) => writesOwn(roles, kind))
    .map(([prefix]) => prefix);
}

/** Who changes the roles of the acting organisation's members. */
export const roleManagers: readonly RoleName[] = [A, C];

/**
 * Whether `actor` may change `member`'s roles from `current` to `next`. An org admin sets any
 * role; a coordinator sets working roles only (ORG_ADMIN is neither given nor taken by one);
 * nobody grants a role to itself — another admin or a coordinator of the organisation must —
 * so an admin cannot read files by promoting itself (dropping one's own roles is allowed).
 */
export function mayChangeMemberRoles(
  actor: { userId: string; roles: readonly string[] },
  member: { userId: string; current: readonly string[] },
  next: readonly string[],
): boolean {
  if (!roleManagers.some((role) => actor.roles.includes(role))) return false;
  const added = next.filter((role) => !member.current.includes(role));
  const removed = member.current.filter((role) => !next.includes(role));
  if (actor.userId === member.userId && added.length > 0) return false;
  if (!actor.roles.includes(A) && [...added, ...removed].includes(A)) return false;
  return true;
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
