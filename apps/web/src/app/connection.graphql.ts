import { graphql } from "../generated/gql.ts";

/** What a paged list reads of its connection's pageInfo to ask for the page after it. */
export const NextPage = graphql(`
  fragment NextPage on PageInfo {
    hasNextPage
    endCursor
  }
`);
