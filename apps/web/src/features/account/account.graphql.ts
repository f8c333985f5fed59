/** GraphQL documents of the account's security page (modules/auth/second-factor.ts). */
import { graphql } from "../../generated/gql.ts";

export const StartSecondFactorEnrolment = graphql(`
  mutation StartSecondFactorEnrolment {
    startSecondFactorEnrolment {
      __typename
      ... on StartSecondFactorEnrolmentSuccess {
        enrolment {
          secret
          otpauthUri
        }
      }
      ...MutationFailure
    }
  }
`);

export const ConfirmSecondFactorEnrolment = graphql(`
  mutation ConfirmSecondFactorEnrolment($input: ConfirmSecondFactorEnrolmentInput!) {
    confirmSecondFactorEnrolment(input: $input) {
      __typename
      ... on ConfirmSecondFactorEnrolmentSuccess {
        confirmed {
          recoveryCodes
          me {
            ...MeFields
          }
        }
      }
      ...MutationFailure
    }
  }
`);

export const RenewRecoveryCodes = graphql(`
  mutation RenewRecoveryCodes($input: RenewRecoveryCodesInput!) {
    renewRecoveryCodes(input: $input) {
      __typename
      ... on RenewRecoveryCodesSuccess {
        renewed {
          recoveryCodes
        }
      }
      ...MutationFailure
      ... on TooManyAttemptsError {
        retryAfterSeconds
      }
    }
  }
`);

export const RemoveSecondFactor = graphql(`
  mutation RemoveSecondFactor($input: RemoveSecondFactorInput!) {
    removeSecondFactor(input: $input) {
      __typename
      ... on RemoveSecondFactorSuccess {
        me {
          ...MeFields
        }
      }
      ...MutationFailure
      ... on TooManyAttemptsError {
        retryAfterSeconds
      }
    }
  }
`);
