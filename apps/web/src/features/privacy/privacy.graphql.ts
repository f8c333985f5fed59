/** GraphQL documents of the Law 25 screens (modules/privacy); types from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const privacyKeys = {
  all: ["privacy"] as const,
  settings: ["privacy", "settings"] as const,
  /** A dry run: the organisation's own period (null) or one previewed. */
  report: (retentionYears: number | null) => ["privacy", "report", retentionYears] as const,
  incidents: ["privacy", "incidents"] as const,
  fileReads: (personId: string) => ["privacy", "file-reads", personId] as const,
};

export const PrivacySettingsQuery = graphql(`
  query PrivacySettings {
    privacySettings {
      retentionYears
      defaultRetentionYears
      minRetentionYears
      maxRetentionYears
    }
  }
`);

export type PrivacySettings = ResultOf<typeof PrivacySettingsQuery>["privacySettings"];

export const RetentionReportQuery = graphql(`
  query RetentionReport($retentionYears: Int) {
    retentionReport(horizonDays: 90, retentionYears: $retentionYears) {
      retentionYears
      horizonDays
      dueNow
      total
      byDay {
        day
        count
      }
      files {
        person {
          id
          alias
        }
        lastActivityAt
        dueAt
      }
    }
  }
`);

export type RetentionReport = ResultOf<typeof RetentionReportQuery>["retentionReport"];

export const SetRetentionPeriod = graphql(`
  mutation SetRetentionPeriod($input: SetRetentionPeriodInput!) {
    setRetentionPeriod(input: $input) {
      __typename
      ... on SetRetentionPeriodSuccess {
        privacySettings {
          retentionYears
          defaultRetentionYears
          minRetentionYears
          maxRetentionYears
        }
      }
      ...MutationFailure
    }
  }
`);

export const ConfidentialityIncidentFields = graphql(`
  fragment ConfidentialityIncidentFields on ConfidentialityIncident {
    id
    whatHappened
    informationInvolved
    informationCategories
    occurredFrom
    occurredUntil
    discoveredOn
    personsAffected
    personCategories
    seriousHarmRisk
    riskAssessment
    measuresTaken
    commissionNotifiedOn
    personsNotifiedOn
    notificationDetails
    keptUntil
    notificationsDue
    recordedBy
    createdAt
    updatedAt
  }
`);

export const ConfidentialityIncidentsQuery = graphql(`
  query ConfidentialityIncidents($after: String) {
    confidentialityIncidents(first: 20, after: $after) {
      edges {
        node {
          ...ConfidentialityIncidentFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type ConfidentialityIncident = ResultOf<
  typeof ConfidentialityIncidentsQuery
>["confidentialityIncidents"]["edges"][number]["node"];

export const RecordConfidentialityIncident = graphql(`
  mutation RecordConfidentialityIncident($input: RecordConfidentialityIncidentInput!) {
    recordConfidentialityIncident(input: $input) {
      __typename
      ... on RecordConfidentialityIncidentSuccess {
        incident {
          ...ConfidentialityIncidentFields
        }
      }
      ...MutationFailure
    }
  }
`);

export const UpdateConfidentialityIncident = graphql(`
  mutation UpdateConfidentialityIncident($input: UpdateConfidentialityIncidentInput!) {
    updateConfidentialityIncident(input: $input) {
      __typename
      ... on UpdateConfidentialityIncidentSuccess {
        incident {
          ...ConfidentialityIncidentFields
        }
      }
      ...MutationFailure
    }
  }
`);

export const PersonFileReadsQuery = graphql(`
  query PersonFileReads($personId: ID!) {
    personFileReads(personId: $personId, first: 200) {
      at
      action
      organisationName
      ownOrganisation
      readerName
      readerRoles
    }
  }
`);

export type PersonFileRead = ResultOf<typeof PersonFileReadsQuery>["personFileReads"][number];

export const DeidentifyPerson = graphql(`
  mutation DeidentifyPerson($input: DeidentifyPersonInput!) {
    deidentifyPerson(input: $input) {
      __typename
      ... on DeidentifyPersonSuccess {
        person {
          id
          alias
          deidentifiedAt
        }
      }
      ...MutationFailure
    }
  }
`);
