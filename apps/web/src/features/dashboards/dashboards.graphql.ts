/** GraphQL documents of the dashboards; types from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const dashboardKeys = {
  organisation: (fiscalYear: number) => ["dashboards", "organisation", fiscalYear] as const,
  partnership: (partnershipId: string, fiscalYear: number) =>
    ["dashboards", "partnership", partnershipId, fiscalYear] as const,
};

export const IndicatorTableFields = graphql(`
  fragment IndicatorTableFields on IndicatorTable {
    cells {
      key
      label
      count
    }
    total
  }
`);

export const DashboardFields = graphql(`
  fragment DashboardFields on Dashboard {
    fiscalYear
    suppressed
    encounters
    contacts
    personsMet
    visitsCompleted
    byPlace {
      ...IndicatorTableFields
    }
    byChannel {
      ...IndicatorTableFields
    }
    byTheme {
      ...IndicatorTableFields
    }
    materials {
      ...IndicatorTableFields
    }
    services {
      ...IndicatorTableFields
    }
    byPlatform {
      ...IndicatorTableFields
    }
    personsByGender {
      ...IndicatorTableFields
    }
    personsByAge {
      ...IndicatorTableFields
    }
    acts {
      ...IndicatorTableFields
    }
    accompaniments {
      ...IndicatorTableFields
    }
    referrals {
      ...IndicatorTableFields
    }
    intakeNeeds {
      assessed
      domains {
        domain
        levels {
          ...IndicatorTableFields
        }
      }
    }
    workshops {
      sessions
      workshops
      kiosks
      participants
      byTopic {
        ...IndicatorTableFields
      }
      byAudience {
        ...IndicatorTableFields
      }
    }
  }
`);

export const OrganisationDashboardQuery = graphql(`
  query OrganisationDashboard($fiscalYear: Int!) {
    organisationDashboard(fiscalYear: $fiscalYear) {
      __typename
      ... on OrganisationDashboardSuccess {
        dashboard {
          ...DashboardFields
        }
      }
      ...AppErrorMessage
    }
  }
`);

export const PartnershipDashboardQuery = graphql(`
  query PartnershipDashboard($partnershipId: ID!, $fiscalYear: Int!) {
    partnershipDashboard(partnershipId: $partnershipId, fiscalYear: $fiscalYear) {
      __typename
      ... on PartnershipDashboardSuccess {
        dashboard {
          ...DashboardFields
        }
      }
      ...AppErrorMessage
    }
  }
`);

export type Dashboard = Extract<
  ResultOf<typeof OrganisationDashboardQuery>["organisationDashboard"],
  { __typename: "OrganisationDashboardSuccess" }
>["dashboard"];
