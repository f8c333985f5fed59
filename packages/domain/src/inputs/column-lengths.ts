/**
 * The lengths of the database's text columns that inputs fill (`@db.VarChar(n)` in
 * prisma/schema.prisma): the database's limit is the input's rule, so a too-long value is a
 * translated field error, never a failed statement. apps/api/src/input-limits.test.ts fails
 * when one of these differs from the schema.
 */
export const columnLengths = {
  "Person.alias": 80,
  "Person.safeContactNote": 500,
  "PersonLegalName.legalName": 200,
  "Consent.note": 500,
  "Venue.name": 120,
  "Venue.address": 300,
  "Venue.agreements": 1000,
  "EncounterNote.body": 4000,
  "AccompanimentOutcome.body": 1000,
  "AccompanimentNote.body": 4000,
  "NurseVisitReason.body": 500,
  "NurseVisitMeetingPlace.body": 500,
  "ClinicalNote.body": 8000,
  "ClinicalNote.results": 4000,
  "Referral.reason": 1000,
  "Referral.serviceRequested": 200,
  "Referral.message": 2000,
  "Referral.outcomeNote": 1000,
  "ReferralTransition.message": 2000,
  "SafetyAlert.whatHappened": 2000,
  "SafetyAlert.aggressorDescription": 1000,
  "SafetyAlert.vehicleDescription": 500,
  "SafetyAlert.area": 200,
  "AvailabilityException.reason": 200,
  "User.email": 254,
  "User.displayName": 120,
  "Invitation.email": 254,
  "Invitation.displayName": 120,
} as const;
