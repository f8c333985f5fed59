import { graphql } from "../generated/gql.ts";

/** The code and message of an AppError: what a screen says of a refused query or mutation. */
export const AppErrorMessage = graphql(`
  fragment AppErrorMessage on AppError {
    code
    message
  }
`);

/**
 * What every mutation selects of its typed failures: the code and message of any AppError, and
 * the field errors of an InputValidationError (`mutate` and `showFailure` read them). Spread as
 * `...MutationFailure` in each mutation's result.
 */
export const MutationFailure = graphql(`
  fragment MutationFailure on AppError {
    ...AppErrorMessage
    ... on InputValidationError {
      fields {
        path
        code
        message
        limit
      }
    }
  }
`);
