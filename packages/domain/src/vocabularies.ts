/**
 * The product's closed vocabularies, declared once. The database declares the same lists as
 * enums (prisma/schema.prisma); apps/api/src/enum-values.test.ts fails when the two disagree,
 * so neither can drift. Roles, shared record kinds and referral statuses live beside the rules
 * that use them (roles.ts, permissions.ts, referrals.ts).
 */

export const organisationKinds = ["COMMUNITY_GROUP", "PUBLIC_HEALTH", "OTHER_PARTNER"] as const;
export type OrganisationKindName = (typeof organisationKinds)[number];

export const genders = [
  "WOMAN",
  "MAN",
  "TRANS_WOMAN",
  "TRANS_MAN",
  "NON_BINARY",
  "OTHER",
  "UNDISCLOSED",
] as const;
export type GenderName = (typeof genders)[number];

export const ageBrackets = ["UNDER_18", "AGE_18_25", "AGE_26_35", "AGE_36_PLUS", "UNKNOWN"] as const;
export type AgeBracketName = (typeof ageBrackets)[number];

export const channels = ["IN_PERSON", "PHONE", "SMS", "ONLINE_PLATFORM", "VIDEO"] as const;
export type ChannelName = (typeof channels)[number];

export const placeTypes = [
  "WORKPLACE",
  "OFFICE",
  "HOME",
  "PUBLIC_PLACE",
  "BAR",
  "NIGHT_CENTRE",
  "ONLINE",
  "CLINIC",
  "OTHER",
] as const;
export type PlaceTypeName = (typeof placeTypes)[number];

export const themes = [
  "SOCIAL_RELATIONS",
  "SEXUALITY",
  "SUBSTANCE_USE",
  "FINANCES",
  "MENTAL_HEALTH",
  "HOUSING",
  "JUSTICE",
  "PHYSICAL_HEALTH",
  "VIOLENCE",
  "EMPLOYMENT",
  "FOOD",
  "OTHER",
] as const;
export type ThemeName = (typeof themes)[number];

export const materialItems = [
  "CONDOMS",
  "LUBRICANT",
  "SYRINGES",
  "CRACK_KITS",
  "NALOXONE_KITS",
  "FOOD",
  "HYGIENE_KITS",
  "PREGNANCY_TESTS",
] as const;
export type MaterialItemName = (typeof materialItems)[number];

export const accompanimentDestinations = [
  "COURT",
  "POLICE",
  "HOSPITAL_OR_CLINIC",
  "HOUSING",
  "SOCIAL_SERVICES",
  "DETOX_OR_TREATMENT",
  "EMPLOYMENT",
  "OTHER",
] as const;
export type AccompanimentDestinationName = (typeof accompanimentDestinations)[number];

export const accompanimentStatuses = ["PLANNED", "DONE", "CANCELLED", "NO_SHOW"] as const;
export type AccompanimentStatusName = (typeof accompanimentStatuses)[number];

/** How a planned accompaniment ends (every status but PLANNED). */
export const accompanimentClosingStatuses = [
  "DONE",
  "CANCELLED",
  "NO_SHOW",
] as const satisfies readonly Exclude<AccompanimentStatusName, "PLANNED">[];

export const nurseVisitStatuses = [
  "PROPOSED",
  "ACCEPTED",
  "DECLINED",
  "COUNTER_PROPOSED",
  "COMPLETED",
  "CANCELLED",
] as const;

export const clinicalActKinds = [
  "STBBI_TEST",
  "COUNSELLING",
  "TREATMENT",
  "CONTRACEPTION",
  "VACCINATION",
  "PREGNANCY_TEST",
  "CONTRACEPTIVE_INJECTION",
  "NALOXONE_TRAINING",
  "WOUND_CARE",
  "OTHER",
] as const;
export type ClinicalActKindName = (typeof clinicalActKinds)[number];

export const urgencies = ["ROUTINE", "SOON", "URGENT"] as const;

export const referralOutcomes = [
  "CONNECTED_TO_SERVICE",
  "PERSON_NOT_REACHED",
  "DECLINED_BY_PERSON",
  "SERVICE_UNAVAILABLE",
  "REDIRECTED_ELSEWHERE",
  "OTHER",
] as const;
export type ReferralOutcomeName = (typeof referralOutcomes)[number];

export const venueKinds = [
  "MASSAGE_PARLOUR",
  "DANCERS_BAR",
  "ESCORT_AGENCY",
  "ONLINE_AD_PLATFORM",
  "PARK",
  "HOTEL",
  "NIGHT_CENTRE",
  "STREET_AREA",
  "OTHER",
] as const;
export type VenueKindName = (typeof venueKinds)[number];
