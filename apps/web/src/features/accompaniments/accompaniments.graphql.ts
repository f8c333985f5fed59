/** GraphQL documents of the accompaniments screen; types from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const accompanimentKeys = {
  weeks: ["accompaniments", "week"] as const,
  week: (from: string) => ["accompaniments", "week", from] as const,
};

export const MyWeekQuery = graphql(`
  query MyWeek($from: DateTime!, $to: DateTime!) {
    myAccompaniments(from: $from, to: $to) {
      id
      plannedAt
      destination
      status
      outcome
      person {
        alias
      }
      partnerOrganisation {
        name
      }
    }
  }
`);

export type WeekAccompaniment = ResultOf<typeof MyWeekQuery>["myAccompaniments"][number];

export const PlanAccompaniment = graphql(`
  mutation PlanAccompaniment($input: PlanAccompanimentInput!) {
    planAccompaniment(input: $input) {
      __typename
      ... on PlanAccompanimentSuccess {
        accompaniment {
          id
        }
      }
      ...MutationFailure
    }
  }
`);

export const CloseAccompaniment = graphql(`
  mutation CloseAccompaniment($input: CloseAccompanimentInput!) {
    closeAccompaniment(input: $input) {
      __typename
      ... on CloseAccompanimentSuccess {
        accompaniment {
          id
          status
        }
      }
      ...MutationFailure
    }
  }
`);
