/** GraphQL documents of the partnership screens; their types come from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const partnershipKeys = {
  sharingAgreements: ["partnerships", "sharing-agreements"] as const,
  mine: ["partnerships", "mine"] as const,
};

/** A partnership and its member organisations. */
export const PartnershipMembers = graphql(`
  fragment PartnershipMembers on Partnership {
    id
    name
    members {
      id
      name
      kind
    }
  }
`);

/** The acting organisation's partnerships: their members, and what their agreement lets be shared. */
export const MyPartnershipsQuery = graphql(`
  query MyPartnerships {
    myPartnerships {
      ...PartnershipMembers
      sharingAgreement {
        recordKinds
      }
    }
  }
`);

export type MyPartnership = ResultOf<typeof MyPartnershipsQuery>["myPartnerships"][number];

export const SharingAgreementsQuery = graphql(`
  query SharingAgreements {
    myPartnerships {
      ...PartnershipMembers
      sharingAgreement {
        recordKinds
        version
        updatedAt
      }
    }
  }
`);

export const UpdateSharingAgreement = graphql(`
  mutation UpdateSharingAgreement($input: UpdateSharingAgreementInput!) {
    updateSharingAgreement(input: $input) {
      __typename
      ... on UpdateSharingAgreementSuccess {
        sharingAgreement {
          recordKinds
          version
          updatedAt
        }
      }
      ...MutationFailure
    }
  }
`);

export type Partnership = ResultOf<typeof SharingAgreementsQuery>["myPartnerships"][number];
export type SharingAgreement = NonNullable<Partnership["sharingAgreement"]>;
