import * as prismaEnums from "@maillage/db";
import {
  accompanimentDestinations,
  accompanimentStatuses,
  ageBrackets,
  catalogueLists,
  channels,
  clinicalActKinds,
  deliveryStatuses,
  genders,
  intakeNeedLevels,
  materialCategories,
  materialUnits,
  nurseVisitStatuses,
  organisationKinds,
  personOutcomes,
  placeTypes,
  referralOutcomes,
  referralStatuses,
  roles,
  sharedRecordKinds,
  stockSources,
  themes,
  urgencies,
  venueKinds,
  workshopAudiences,
  workshopKinds,
  workshopTopics,
} from "@maillage/domain";
import { describe, expect, it } from "vitest";

// Each vocabulary is declared twice, in two languages that cannot import each other: as a
// tuple in packages/domain (the API's inputs and the web's forms) and as an enum of
// prisma/schema.prisma (the database). This is what keeps them the same list, in the same order.
const vocabularies: Record<string, readonly string[]> = {
  OrganisationKind: organisationKinds,
  Role: roles,
  SharedRecordKind: sharedRecordKinds,
  Gender: genders,
  AgeBracket: ageBrackets,
  Channel: channels,
  PlaceType: placeTypes,
  Theme: themes,
  PersonOutcome: personOutcomes,
  CatalogueList: catalogueLists,
  MaterialCategory: materialCategories,
  MaterialUnit: materialUnits,
  StockSource: stockSources,
  AccompanimentDestination: accompanimentDestinations,
  AccompanimentStatus: accompanimentStatuses,
  NurseVisitStatus: nurseVisitStatuses,
  ClinicalActKind: clinicalActKinds,
  ReferralStatus: referralStatuses,
  DeliveryStatus: deliveryStatuses,
  Urgency: urgencies,
  ReferralOutcome: referralOutcomes,
  VenueKind: venueKinds,
  WorkshopKind: workshopKinds,
  WorkshopTopic: workshopTopics,
  WorkshopAudience: workshopAudiences,
  IntakeNeedLevel: intakeNeedLevels,
};

/** The database's enums, as the generated client exports them (plain objects of their values). */
function isEnumObject(value: unknown): value is Record<string, string> {
  if (typeof value !== "object" || value === null) return false;
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([key, item]) => key === item);
}
const databaseEnums = Object.entries(prismaEnums as Record<string, unknown>).flatMap(([name, value]) =>
  /^[A-Z]/.test(name) && isEnumObject(value) ? [[name, value] as const] : [],
);

describe("vocabularies", () => {
  it("finds the database's enums (the check below would pass on none)", () => {
    expect(databaseEnums.map(([name]) => name)).toContain("Gender");
  });

  it.each(databaseEnums)(
    "packages/domain declares %s with the database's values, in order",
    (name, values) => {
      expect(vocabularies[name], `no tuple in packages/domain for the enum ${name}`).toBeDefined();
      expect([...(vocabularies[name] ?? [])]).toEqual(Object.values(values));
    },
  );
});
