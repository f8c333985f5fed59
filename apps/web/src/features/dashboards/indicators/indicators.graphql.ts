/** GraphQL documents of the indicators (issue 17); types from schema.graphql (codegen). */
import type { ResultOf } from "../../../app/graphql.ts";
import { graphql } from "../../../generated/gql.ts";
import type { PeriodInput } from "./indicators-model.ts";

export const indicatorKeys = {
  organisation: (period: PeriodInput) => ["indicators", "organisation", period] as const,
  partnership: (partnershipId: string, period: PeriodInput) =>
    ["indicators", "partnership", partnershipId, period] as const,
  partnerships: ["indicators", "partnerships"] as const,
};

export const IndicatorPeriodFields = graphql(`
  fragment IndicatorPeriodFields on IndicatorPeriod {
    from
    to
    fiscalYear
    firstQuarter
    lastQuarter
    label
  }
`);

export const IndicatorsFields = graphql(`
  fragment IndicatorsFields on Indicators {
    scopeKind
    scopeName
    period {
      ...IndicatorPeriodFields
    }
    previous {
      ...IndicatorPeriodFields
    }
    suppressed
    threshold
    asOf
    timeZone
    followUpMinEncounters
    years
    figures {
      name
      section
      title
      definition
      unit
      value
      previousValue
    }
    tables {
      name
      section
      title
      definition
      denominator
      denominatorCount
      previousDenominatorCount
      unit
      overlapping
      cells {
        key
        label
        count
        share
        previousCount
        previousShare
      }
    }
    monthly {
      month
      encounters
      contacts
      personsMet
    }
  }
`);

export const OrganisationIndicatorsQuery = graphql(`
  query OrganisationIndicators($period: IndicatorPeriodInput!) {
    organisationIndicators(period: $period) {
      __typename
      ... on OrganisationIndicatorsSuccess {
        indicators {
          ...IndicatorsFields
        }
      }
      ...AppErrorMessage
    }
  }
`);

export const PartnershipIndicatorsQuery = graphql(`
  query PartnershipIndicators($partnershipId: ID!, $period: IndicatorPeriodInput!) {
    partnershipIndicators(partnershipId: $partnershipId, period: $period) {
      __typename
      ... on PartnershipIndicatorsSuccess {
        indicators {
          ...IndicatorsFields
        }
      }
      ...AppErrorMessage
    }
  }
`);

/** The acting organisation's partnerships, whose protected figures its coordinators also read. */
export const IndicatorPartnershipsQuery = graphql(`
  query IndicatorPartnerships {
    myPartnerships {
      id
      name
      programmeSettings {
        ...ProgrammeSettingsFields
      }
    }
  }
`);

export type IndicatorsData = Extract<
  ResultOf<typeof OrganisationIndicatorsQuery>["organisationIndicators"],
  { __typename: "OrganisationIndicatorsSuccess" }
>["indicators"];
