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
  // Added after OTHER, as PostgreSQL's ALTER TYPE … ADD VALUE appends (the same order in both).
  "WEBCAM_WORK",
  "FOOD_AID",
] as const;
export type ThemeName = (typeof themes)[number];

/**
 * What a worker notes at an encounter about where the person stands (the committee's "left the
 * trade or reached a stated goal" figures count distinct persons with an encounter carrying one).
 */
export const personOutcomes = ["LEFT_TRADE", "REACHED_GOAL"] as const;
export type PersonOutcomeName = (typeof personOutcomes)[number];

/** The lists of an organisation's catalogue (its items, services and platforms are rows, not code). */
export const catalogueLists = ["MATERIAL", "SERVICE", "PLATFORM"] as const;
export type CatalogueListName = (typeof catalogueLists)[number];

export const materialCategories = [
  "PREVENTION",
  "DRUG_USE",
  "NALOXONE",
  "FOOD",
  "FOOD_VOUCHERS",
  "CLOTHING",
  "HYGIENE",
  "OTHER",
] as const;
export type MaterialCategoryName = (typeof materialCategories)[number];

/** Where received stock comes from. */
export const stockSources = ["PURCHASE", "DONATION", "PUBLIC_HEALTH_SUPPLY", "OTHER"] as const;
export type StockSourceName = (typeof stockSources)[number];

export const materialUnits = ["UNIT", "KIT", "BOX", "PACK", "PARCEL", "VOUCHER", "MEAL"] as const;
export type MaterialUnitName = (typeof materialUnits)[number];

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
  "AWAITING_CONFIRMATION",
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
  // The programmes' places (issue 15), appended as the database appends them.
  "BAR",
  "HOURLY_HOTEL",
  "PEEP_SHOW",
  "STRIP_CLUB",
] as const;
export type VenueKindName = (typeof venueKinds)[number];

/** What an organisation holds at a partner's request (a school, a youth centre, a group). */
export const workshopKinds = ["WORKSHOP", "KIOSK"] as const;
export type WorkshopKindName = (typeof workshopKinds)[number];

export const workshopTopics = [
  "SEXUAL_HEALTH",
  "CONSENT_AND_RELATIONSHIPS",
  "SEXUAL_EXPLOITATION_PREVENTION",
  "STBBI_PREVENTION",
  "SUBSTANCE_USE",
  "OVERDOSE_PREVENTION_NALOXONE",
  "HARM_REDUCTION",
  "ONLINE_SAFETY",
  "SERVICES_PRESENTATION",
  "OTHER",
] as const;
export type WorkshopTopicName = (typeof workshopTopics)[number];

export const workshopAudiences = [
  "YOUTH_SECONDARY_SCHOOL",
  "YOUTH_CENTRE",
  "POST_SECONDARY_STUDENTS",
  "ADULTS",
  "PARENTS",
  "PROFESSIONALS",
  "COMMUNITY_GROUP_MEMBERS",
  "GENERAL_PUBLIC",
  "OTHER",
] as const;
export type WorkshopAudienceName = (typeof workshopAudiences)[number];
