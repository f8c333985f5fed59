import { graphql } from "../generated/gql.ts";

/**
 * What every mutation selects of its typed failures: the code and message of any AppError, and
 * the field errors of an InputValidationError (`mutate` and `showFailure` read them). Spread as
 * `...MutationFailure` in each mutation's result.
 */
export const MutationFailure = graphql(`
  fragment MutationFailure on AppError {
    code
    message
    ... on InputValidationError {
      fields {
        path
        code
        message
      }
    }
  }
`);
