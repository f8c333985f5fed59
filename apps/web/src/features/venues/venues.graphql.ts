/** GraphQL documents of the venues screen; types from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const venueKeys = {
  all: ["venues"] as const,
};

export const VenuesQuery = graphql(`
  query Venues {
    venues(first: 100) {
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
