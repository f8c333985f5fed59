/** GraphQL documents of the workshops screen; types from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const workshopKeys = {
  all: ["workshops"] as const,
  list: (from: string, to: string) => ["workshops", "list", from, to] as const,
  facilitators: ["workshops", "facilitators"] as const,
};

export const WorkshopFields = graphql(`
  fragment WorkshopFields on Workshop {
    id
    kind
    topic
    audience
    place
    heldOn
    enteredAt
    lateEntry
    durationMinutes
    participants
    requestedBy
    note
    facilitators {
      id
      displayName
    }
  }
`);

export const WorkshopsQuery = graphql(`
  query Workshops($from: Date, $to: Date) {
    workshops(first: 200, from: $from, to: $to) {
      totalCount
      edges {
        node {
          ...WorkshopFields
        }
      }
    }
  }
`);

export type WorkshopItem = ResultOf<typeof WorkshopsQuery>["workshops"]["edges"][number]["node"];

export const WorkshopFacilitatorChoicesQuery = graphql(`
  query WorkshopFacilitatorChoices {
    workshopFacilitatorChoices {
      id
      displayName
    }
  }
`);

export const RecordWorkshop = graphql(`
  mutation RecordWorkshop($input: RecordWorkshopInput!) {
    recordWorkshop(input: $input) {
      __typename
      ... on RecordWorkshopSuccess {
        workshop {
          ...WorkshopFields
        }
      }
      ...MutationFailure
    }
  }
`);

export const UpdateWorkshop = graphql(`
  mutation UpdateWorkshop($input: UpdateWorkshopInput!) {
    updateWorkshop(input: $input) {
      __typename
      ... on UpdateWorkshopSuccess {
        workshop {
          ...WorkshopFields
        }
      }
      ...MutationFailure
    }
  }
`);

export const DeleteWorkshop = graphql(`
  mutation DeleteWorkshop($input: DeleteWorkshopInput!) {
    deleteWorkshop(input: $input) {
      __typename
      ... on DeleteWorkshopSuccess {
        deletedId
      }
      ...MutationFailure
    }
  }
`);
