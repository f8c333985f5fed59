import { z } from "zod";
import { visitResponses } from "../joint-visits.ts";
import { sharedRecordKinds } from "../permissions.ts";
import { referralStatuses } from "../referrals.ts";
import { roles } from "../roles.ts";
import {
  accompanimentClosingStatuses,
  accompanimentDestinations,
  ageBrackets,
  catalogueLists,
  channels,
  clinicalActKinds,
  genders,
  materialCategories,
  materialUnits,
  personOutcomes,
  placeTypes,
  referralOutcomes,
  themes,
  urgencies,
  venueKinds,
  workshopAudiences,
  workshopKinds,
  workshopTopics,
} from "../vocabularies.ts";
import { named } from "./fields.ts";

// One zod enum per vocabulary, named as the API's enum type of the same values.
export const gender = named("Gender", z.enum(genders));
export const ageBracket = named("AgeBracket", z.enum(ageBrackets));
export const channel = named("Channel", z.enum(channels));
export const placeType = named("PlaceType", z.enum(placeTypes));
export const theme = named("Theme", z.enum(themes));
export const personOutcome = named("PersonOutcome", z.enum(personOutcomes));
export const catalogueList = named("CatalogueList", z.enum(catalogueLists));
export const materialCategory = named("MaterialCategory", z.enum(materialCategories));
export const materialUnit = named("MaterialUnit", z.enum(materialUnits));
export const venueKind = named("VenueKind", z.enum(venueKinds));
export const accompanimentDestination = named("AccompanimentDestination", z.enum(accompanimentDestinations));
export const accompanimentClosingStatus = named(
  "AccompanimentClosingStatus",
  z.enum(accompanimentClosingStatuses),
);
export const clinicalActKind = named("ClinicalActKind", z.enum(clinicalActKinds));
export const visitResponse = named("NurseVisitResponse", z.enum(visitResponses));
export const urgency = named("Urgency", z.enum(urgencies));
export const referralStatus = named("ReferralStatus", z.enum(referralStatuses));
export const referralOutcome = named("ReferralOutcome", z.enum(referralOutcomes));
export const sharedRecordKind = named("SharedRecordKind", z.enum(sharedRecordKinds));
export const role = named("Role", z.enum(roles));
export const workshopKind = named("WorkshopKind", z.enum(workshopKinds));
export const workshopTopic = named("WorkshopTopic", z.enum(workshopTopics));
export const workshopAudience = named("WorkshopAudience", z.enum(workshopAudiences));
