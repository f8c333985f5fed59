/** GraphQL documents of the referral screens; their types come from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import type { ReferralBox, ReferralView } from "../../generated/enums.ts";
import { graphql } from "../../generated/gql.ts";
import type { ReferralDetailFieldsFragment } from "../../generated/graphql.ts";

/** Query keys: everything about referrals starts with "referrals", so one invalidation refreshes all. */
export const referralKeys = {
  all: ["referrals"] as const,
  list: (box: ReferralBox, view: ReferralView) => ["referrals", "list", box, view] as const,
  detail: (id: string) => ["referrals", "detail", id] as const,
  counts: ["referrals", "counts"] as const,
  person: (id: string) => ["referrals", "person", id] as const,
};

export const ReferralSummaryFields = graphql(`
  fragment ReferralSummaryFields on Referral {
    id
    direction
    status
    urgency
    overdue
    consentInForce
    serviceRequested
    createdAt
    updatedAt
    person {
      ...PersonSummary
    }
    fromOrganisation {
      id
      name
    }
    toOrganisation {
      id
      name
    }
  }
`);

export const ReferralDetailFields = graphql(`
  fragment ReferralDetailFields on Referral {
    ...ReferralSummaryFields
    reason
    message
    outcome
    outcomeNote
    version
    transitions {
      fromStatus
      toStatus
      message
      at
      byOrganisation {
        name
      }
    }
  }
`);

export const ReferralsQuery = graphql(`
  query Referrals($box: ReferralBox!, $view: ReferralView) {
    referrals(box: $box, view: $view, first: 25) {
      edges {
        node {
          ...ReferralSummaryFields
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

export const ReferralQuery = graphql(`
  query Referral($id: ID!) {
    node(id: $id) {
      __typename
      ... on Referral {
        ...ReferralDetailFields
      }
    }
  }
`);

export const ReferralCountsQuery = graphql(`
  query ReferralCounts {
    referralCounts {
      inboxUnread
      outboxUnread
      inboxOverdue
    }
  }
`);

export const ReferredPersonQuery = graphql(`
  query ReferredPerson($id: ID!) {
    node(id: $id) {
      __typename
      ... on Person {
        id
        alias
        ownedByViewer
      }
    }
  }
`);

export const SendReferral = graphql(`
  mutation SendReferral($input: SendReferralInput!) {
    sendReferral(input: $input) {
      __typename
      ... on SendReferralSuccess {
        referral {
          id
          toOrganisation {
            name
          }
        }
      }
      ...MutationFailure
    }
  }
`);

export const TransitionReferral = graphql(`
  mutation TransitionReferral($input: TransitionReferralInput!) {
    transitionReferral(input: $input) {
      __typename
      ... on TransitionReferralSuccess {
        referral {
          ...ReferralDetailFields
        }
      }
      ...MutationFailure
    }
  }
`);

export const MarkReferralRead = graphql(`
  mutation MarkReferralRead($id: ID!) {
    markReferralRead(referralId: $id)
  }
`);

/** A referral as the lists show it. */
export type ReferralSummary = ResultOf<typeof ReferralsQuery>["referrals"]["edges"][number]["node"];
/** A referral as its page shows it, with its history. */
export type ReferralDetail = ReferralDetailFieldsFragment;
