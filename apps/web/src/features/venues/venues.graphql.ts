/** GraphQL documents of the venues screen; types from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const venueKeys = {
  all: ["venues"] as const,
  list: (archived: boolean) => ["venues", archived ? "archived" : "covered"] as const,
};

export const VenuesQuery = graphql(`
  query Venues($archived: Boolean) {
    venues(first: 100, archived: $archived) {
      edges {
        node {
          id
          name
          kind
          visitCadenceDays
          lastVisitAt
          overdue
          confidential
          address
          agreements
          archivedAt
        }
      }
    }
  }
`);

export type VenueItem = ResultOf<typeof VenuesQuery>["venues"]["edges"][number]["node"];

export const CreateVenue = graphql(`
  mutation CreateVenue($input: CreateVenueInput!) {
    createVenue(input: $input) {
      __typename
      ... on CreateVenueSuccess {
        venue {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

export const UpdateVenue = graphql(`
  mutation UpdateVenue($input: UpdateVenueInput!) {
    updateVenue(input: $input) {
      __typename
      ... on UpdateVenueSuccess {
        venue {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

export const ArchiveVenue = graphql(`
  mutation ArchiveVenue($input: ArchiveVenueInput!) {
    archiveVenue(input: $input) {
      __typename
      ... on ArchiveVenueSuccess {
        venue {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

export const RestoreVenue = graphql(`
  mutation RestoreVenue($input: RestoreVenueInput!) {
    restoreVenue(input: $input) {
      __typename
      ... on RestoreVenueSuccess {
        venue {
          id
        }
      }
      ...MutationFailure
    }
  }
`);
