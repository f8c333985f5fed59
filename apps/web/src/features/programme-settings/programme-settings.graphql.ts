/** GraphQL documents of the programme-settings screen; types from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const programmeSettingsKeys = {
  organisationFollowUp: ["programme-settings", "organisation-follow-up"] as const,
  partnerships: ["programme-settings", "partnerships"] as const,
  recordDates: ["programme-settings", "record-dates"] as const,
};

/** The acting organisation's partnerships and their settings. */
export const PartnershipSettingsQuery = graphql(`
  query PartnershipSettings {
    myPartnerships {
      id
      name
      programmeSettings {
        ...ProgrammeSettingsFields
        followUpMinEncounters
      }
    }
  }
`);

/**
 * The acting organisation's follow-up rule (the indicators' "regular follow-up"): read here, the
 * session's `me` carries the three settings every screen follows, not this one.
 */
export const OrganisationFollowUpQuery = graphql(`
  query OrganisationFollowUp {
    me {
      programmeSettings {
        followUpMinEncounters
      }
    }
  }
`);

export type PartnershipSettings = ResultOf<typeof PartnershipSettingsQuery>["myPartnerships"][number];

export const UpdateOrganisationSettings = graphql(`
  mutation UpdateOrganisationSettings($input: UpdateOrganisationSettingsInput!) {
    updateOrganisationSettings(input: $input) {
      __typename
      ... on UpdateOrganisationSettingsSuccess {
        settings {
          ...ProgrammeSettingsFields
          followUpMinEncounters
        }
      }
      ...MutationFailure
    }
  }
`);

export const UpdatePartnershipSettings = graphql(`
  mutation UpdatePartnershipSettings($input: UpdatePartnershipSettingsInput!) {
    updatePartnershipSettings(input: $input) {
      __typename
      ... on UpdatePartnershipSettingsSuccess {
        partnership {
          id
          programmeSettings {
            ...ProgrammeSettingsFields
            followUpMinEncounters
          }
        }
      }
      ...MutationFailure
    }
  }
`);

/** The acting organisation's start date, and its earliest record's day (the start cannot pass it). */
export const RecordDatesQuery = graphql(`
  query RecordDates {
    me {
      recordDates {
        startedOn
        earliestRecordOn
      }
    }
  }
`);

export const UpdateOrganisationStartDate = graphql(`
  mutation UpdateOrganisationStartDate($input: UpdateOrganisationStartDateInput!) {
    updateOrganisationStartDate(input: $input) {
      __typename
      ... on UpdateOrganisationStartDateSuccess {
        recordDates {
          startedOn
          earliestRecordOn
        }
      }
      ...MutationFailure
    }
  }
`);
