/** GraphQL documents of the partnership screens; their types come from schema.graphql (codegen). */
import type { ResultOf } from "../../app/graphql.ts";
import { graphql } from "../../generated/gql.ts";

export const partnershipKeys = {
  sharingAgreements: ["partnerships", "sharing-agreements"] as const,
};

export const SharingAgreementsQuery = graphql(`
  query SharingAgreements {
    myPartnerships {
      id
      name
      members {
        id
        name
        kind
      }
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
